import { Suspense, cache } from "react";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { findMergeDestination } from "@/lib/admin/merges";
import { getPaper, listPaperFeatures } from "@/lib/data/papers";
import { normalizeArxivId } from "@/lib/ingest/sources/text";
import { mathToPlainText } from "@/lib/text/math";
import { pageMetadata } from "@/lib/page-metadata";
import { paperHref, safeImageUrl } from "@/lib/papers/links";
import { PaperDetails } from "@/components/papers/paper-details";
import { SimilarPapers, SimilarPapersSkeleton } from "@/components/papers/similar-papers";
import { AdminPaperLink } from "@/components/admin/admin-paper-link";
import { Discussion } from "@/components/comments/discussion";
import { ClaimPanel } from "@/components/claims/claim-panel";
import { safeDecode } from "@/lib/http/safe-decode";

// Cached and shared by every visitor (the viewer's own state comes from /api/me/state),
// re-rendered in the background at most once a minute.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams(): { id: string[] }[] {
  return [];
}

interface PaperPageProps {
  params: Promise<{ id: string[] }>;
}

type PaperRef = { kind: "arxiv"; arxivId: string } | { kind: "local"; id: number } | { kind: "redirect"; to: string } | null;

/**
 * `/papers/2406.12345`, `/papers/hep-th/9901001` (old-style ids need the catch-all) and
 * `/papers/local-12` for papers known only by title. A versioned or prefixed id
 * (`2406.12345v2`, `arXiv:2406.12345`) redirects to the canonical address.
 */
function parsePaperRef(segments: string[]): PaperRef {
  const raw = segments.map((s) => safeDecode(s)).join("/");
  const local = /^local-(\d{1,9})$/.exec(raw);
  if (local) return { kind: "local", id: Number(local[1]) };
  const arxivId = normalizeArxivId(raw);
  if (!arxivId) return null;
  return arxivId === raw ? { kind: "arxiv", arxivId } : { kind: "redirect", to: `/papers/${arxivId}` };
}

/** One lookup per request, shared by the metadata and the page. */
const loadPaper = cache(async (key: string) => {
  const ref = parsePaperRef(key.split("/"));
  if (!ref || ref.kind === "redirect") return null;
  return getPaper(ref.kind === "arxiv" ? { arxivId: ref.arxivId } : { id: ref.id });
});

export async function generateMetadata({ params }: PaperPageProps): Promise<Metadata> {
  const paper = await loadPaper((await params).id.join("/"));
  if (!paper) return { title: "Paper not found" };
  const title = mathToPlainText(paper.title);
  const authors = paper.authors.map((a) => a.name);
  return pageMetadata({
    title,
    description: paper.abstract
      ? mathToPlainText(paper.abstract)
      : `${title}${authors.length ? `, by ${authors.slice(0, 3).join(", ")}` : ""}.`,
    path: paperHref(paper),
    type: "article",
    image: safeImageUrl(paper.thumbnail),
    publishedTime: paper.publishedAt?.toISOString(),
    authors: authors.slice(0, 10),
  });
}

export default async function PaperPage({ params }: PaperPageProps) {
  const { id } = await params;
  const ref = parsePaperRef(id);
  if (!ref) notFound();
  if (ref.kind === "redirect") redirect(ref.to);
  const paper = await loadPaper(id.join("/"));
  if (!paper) {
    // A record an admin merged into another: its address leads to the paper kept.
    const kept = await findMergeDestination(ref.kind === "arxiv" ? { arxivId: ref.arxivId } : { id: ref.id });
    if (kept) redirect(paperHref(kept));
    notFound();
  }
  // A title-only address of a paper that has since got its arXiv id.
  if (ref.kind === "local" && paper.arxivId) redirect(paperHref(paper));
  const features = await listPaperFeatures(paper.id);

  return (
    <article>
      <PaperDetails paper={paper} features={features} />
      <AdminPaperLink paperId={paper.id} />
      <ClaimPanel paperId={paper.id} authors={paper.authors.map((a) => a.name)} path={paperHref(paper)} />
      <section aria-labelledby="discussion-heading" className="mt-10 border-t border-gray-100 pt-6 dark:border-gray-800">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="discussion-heading" className="text-lg font-semibold">
            Discussion
          </h2>
          <p className="text-xs text-gray-600 dark:text-gray-400">
            Feed of this discussion:{" "}
            <a href={`/discussions/${paper.id}/feed.xml`} className="underline">
              RSS
            </a>{" "}
            ·{" "}
            <a href={`/discussions/${paper.id}/atom.xml`} className="underline">
              Atom
            </a>
          </p>
        </div>
        <Discussion paperId={paper.id} pagePath={paperHref(paper)} />
      </section>
      <section aria-labelledby="similar-heading" className="mt-10 border-t border-gray-100 pt-6 dark:border-gray-800">
        <h2 id="similar-heading" className="mb-3 text-lg font-semibold">
          Similar papers
        </h2>
        <Suspense fallback={<SimilarPapersSkeleton />}>
          <SimilarPapers paperId={paper.id} />
        </Suspense>
      </section>
    </article>
  );
}
