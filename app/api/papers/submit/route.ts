import { NextResponse } from "next/server";
import { withViewer } from "@/lib/http/route-handler";
import { readSmallJson } from "@/lib/submissions/read-body";
import { submitInput, submitPaper } from "@/lib/submissions/submit";
import { parseInput } from "@/lib/validation/parse-input";
import { siteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

/**
 * POST /api/papers/submit `{ "arxiv": "2406.12345" | "arxiv.org/abs/…", "name"?: "Ada Lovelace" }`
 * with a personal API token (or from a Paperboy page): features the paper on today's list with
 * the person as its submitter. 201 `{ submission }`; refusals carry `error.reason`
 * (docs/api.md#submitting-a-paper).
 */
export const POST = withViewer({ mutation: true }, async (request, viewer) => {
  const input = parseInput(submitInput, await readSmallJson(request));
  const result = await submitPaper({ userId: viewer.id, arxiv: input.arxiv, name: input.name });
  const base = siteUrl();
  return NextResponse.json(
    {
      submission: {
        id: result.arxivId,
        title: result.title,
        day: result.day,
        paperUrl: `${base}${result.paperHref}`,
        dayUrl: `${base}${result.dayHref}`,
      },
    },
    { status: 201, headers: { "cache-control": "private, no-store" } },
  );
});
