import { NextResponse, type NextRequest } from "next/server";
import { toPaperDetail } from "@/lib/hf-api/shape";
import { findMergeDestination } from "@/lib/admin/merges";
import { getPaper } from "@/lib/data/papers";
import { hfError, hfRoute } from "@/lib/hf-api/response";
import { normalizeArxivId } from "@/lib/ingest/sources/text";
import { safeDecode } from "@/lib/http/safe-decode";

export const dynamic = "force-dynamic";

/** GET /api/papers/{arXiv id}: one flat paper, as on Hugging Face; a version suffix is ignored. */
export const GET = hfRoute(async (_request: NextRequest, { params }: { params: Promise<{ id: string[] }> }) => {
  const raw = (await params).id.map(safeDecode).join("/");
  const arxivId = normalizeArxivId(raw);
  if (!arxivId) return hfError(404, `Paper not found: ${raw} is not an arXiv id`);
  const paper = await getPaper({ arxivId });
  if (!paper) {
    // Merged by an admin into another record: that one's answer, when it has an arXiv id; hidden: 404.
    const kept = await findMergeDestination({ arxivId });
    // A relative Location, so the redirect is right behind a proxy too.
    if (kept?.arxivId) return new Response(null, { status: 308, headers: { location: `/api/papers/${kept.arxivId}` } });
    return hfError(404, "Paper not found");
  }
  return NextResponse.json(toPaperDetail(paper));
});
