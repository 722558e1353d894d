import type { PaperDTO } from "@/lib/data/paper-types";
import { arxivAbsUrl, arxivPdfUrl, safeHttpUrl } from "@/lib/papers/links";

/**
 * Feed text with the Markdown that could change its meaning escaped (links, HTML, emphasis,
 * code, headings at a line start), and nothing else, so abstracts stay readable.
 */
function md(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/([\\`*_[\]<>])/g, "\\$1")
    .replace(/^(\s*)#/gm, "$1\\#");
}

/**
 * A paper as Markdown: what Hugging Face serves at `/papers/{id}.md` and `huggingface_hub`'s
 * `HfApi.read_paper` reads. Title, authors, dates, links, abstract and AI summary.
 */
export function paperMarkdown(paper: PaperDTO): string {
  const lines: string[] = [`# ${md(paper.title)}`, ""];
  if (paper.authors.length) lines.push(`Authors: ${paper.authors.map((a) => md(a.name)).join(", ")}`);
  if (paper.organization) lines.push(`Organization: ${md(paper.organization.fullname ?? paper.organization.name)}`);
  if (paper.publishedAt) lines.push(`Published: ${paper.publishedAt.toISOString().slice(0, 10)}`);
  if (paper.feature) lines.push(`Featured on: ${paper.feature.day}`);
  lines.push(`Upvotes: ${paper.upvotes}`);
  const links: string[] = [];
  if (paper.arxivId) links.push(`[arXiv](${arxivAbsUrl(paper.arxivId)})`, `[PDF](${arxivPdfUrl(paper.arxivId)})`);
  const repo = safeHttpUrl(paper.githubRepo);
  if (repo) links.push(`[Code](<${repo}>)${paper.githubStars != null ? ` (${paper.githubStars} stars)` : ""}`);
  const project = safeHttpUrl(paper.projectPage);
  if (project) links.push(`[Project page](<${project}>)`);
  if (links.length) lines.push(`Links: ${links.join(" · ")}`);
  lines.push("", "## Abstract", "", paper.abstract ? md(paper.abstract) : "_No abstract yet._");
  if (paper.aiSummary) lines.push("", "## AI summary", "", md(paper.aiSummary));
  if (paper.aiKeywords.length) lines.push("", `Keywords: ${paper.aiKeywords.map(md).join(", ")}`);
  return lines.join("\n") + "\n";
}
