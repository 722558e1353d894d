import { NextResponse, type NextRequest } from "next/server";
import { toPaperDetail } from "@/lib/api/hf-shape";
import { getPaper } from "@/lib/data/papers";
import { hfError, hfRoute } from "@/lib/http/hf-response";
import { normalizeArxivId } from "@/lib/ingest/sources/text";

export const dynamic = "force-dynamic";

/** GET /api/papers/{arXiv id}: one flat paper, as on Hugging Face; a version suffix is ignored. */
export const GET = hfRoute(async (_request: NextRequest, { params }: { params: Promise<{ id: string[] }> }) => {
  const raw = (await params).id.map(decodeURIComponent).join("/");
  const arxivId = normalizeArxivId(raw);
  if (!arxivId) return hfError(404, `Paper not found: ${raw} is not an arXiv id`);
  const paper = await getPaper({ arxivId });
  if (!paper) return hfError(404, "Paper not found");
  return NextResponse.json(toPaperDetail(paper));
});
