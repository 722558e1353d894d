import { paperMarkdown } from "@/lib/hf-api/paper-markdown";
import { getPaper } from "@/lib/data/papers";
import { normalizeArxivId } from "@/lib/ingest/sources/text";
import { safeDecode } from "@/lib/http/safe-decode";

export const dynamic = "force-dynamic";

/** `/papers/{arXiv id}.md` (rewritten here by next.config.ts): the paper as Markdown, as on Hugging Face. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const raw = safeDecode((await params).id);
  const arxivId = normalizeArxivId(raw);
  const paper = arxivId ? await getPaper({ arxivId }) : null;
  if (!paper)
    return new Response(`Paper not found: ${raw.slice(0, 80)}\n`, {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  return new Response(paperMarkdown(paper), { headers: { "content-type": "text/markdown; charset=utf-8" } });
}
