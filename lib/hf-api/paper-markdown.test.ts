import { describe, expect, it } from "vitest";
import { paperMarkdown } from "@/lib/hf-api/paper-markdown";
import type { PaperDTO } from "@/lib/data/paper-types";

const base: PaperDTO = {
  id: 1,
  arxivId: "2608.12773",
  title: "Saturation-Aware (v2) Selection",
  abstract: "We set pi_kept >= tau, not [x](y).",
  publishedAt: new Date("2026-08-13T00:00:00Z"),
  upvotes: 12,
  numComments: 0,
  githubRepo: "javascript:alert(1)",
  githubStars: 3,
  projectPage: "https://example.org/p",
  aiSummary: null,
  aiKeywords: [],
  thumbnail: null,
  mediaUrls: [],
  categories: [],
  comment: null,
  authors: [{ id: 1, name: "Ada *Lovelace*", hfUser: null }],
  authorCount: 1,
  organization: null,
  feature: { day: "2026-08-14", featuredAt: new Date(), submitter: null },
};

describe("paperMarkdown (huggingface_hub's read_paper)", () => {
  it("gives title, authors, dates, links and abstract", () => {
    const text = paperMarkdown(base);
    expect(text.startsWith("# Saturation-Aware (v2) Selection\n")).toBe(true);
    expect(text).toContain("Authors: Ada \\*Lovelace\\*");
    expect(text).toContain("Published: 2026-08-13");
    expect(text).toContain("Featured on: 2026-08-14");
    expect(text).toContain("Upvotes: 12");
    expect(text).toContain("[arXiv](https://arxiv.org/abs/2608.12773)");
    expect(text).toContain("[Project page](<https://example.org/p>)");
    expect(text).toContain("## Abstract\n\nWe set pi\\_kept \\>= tau, not \\[x\\](y).");
  });

  it("drops links that are not http(s), and cannot be turned into headings or HTML", () => {
    const text = paperMarkdown({ ...base, title: "<script>alert(1)</script>", abstract: "# Not a heading\n<img src=x onerror=alert(1)>" });
    expect(text).not.toContain("javascript:");
    // Escaped, a Markdown renderer shows them as text.
    expect(text).toContain("# \\<script\\>alert(1)\\</script\\>");
    expect(text).toContain("\\<img src=x onerror=alert(1)\\>");
    expect(text).not.toMatch(/(^|[^\\])<(script|img|\/script)/m);
    expect(text).toContain("\\# Not a heading");
  });
});
