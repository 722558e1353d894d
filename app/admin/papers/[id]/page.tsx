import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdminPage } from "@/lib/auth/admin";
import { listMerges } from "@/lib/admin/merges";
import { getAdminPaper } from "@/lib/admin/papers";
import { hidePaperAction, mergePapersAction, undoMergeAction, unhidePaperAction } from "@/app/admin/papers/actions";
import { MathText } from "@/components/math-text";
import { paperHref } from "@/lib/papers/links";
import { ActionButton } from "@/components/admin/action-button";
import { ActionForm } from "@/components/admin/action-form";
import { MergesTable } from "@/components/admin/merges-table";
import { formatUtc } from "@/components/admin/format";
import { paperLabel, PaperStatus } from "@/components/admin/paper-status";
import { PageTitle } from "@/components/admin/ui";
import { ui } from "@/components/ui/styles";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Paper" };

interface Props {
  params: Promise<{ id: string }>;
}

/** One paper's admin page: hide or show it, merge it with another record, undo a merge. */
export default async function AdminPaperPage({ params }: Props) {
  const { id: raw } = await params;
  await requireAdminPage(`/admin/papers/${encodeURIComponent(raw)}`);
  const paper = /^\d{1,9}$/.test(raw) ? await getAdminPaper(Number(raw)) : null;
  if (!paper) notFound();
  const merges = await listMerges({ paperId: paper.id });
  const label = paperLabel(paper);

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/admin/papers" className={ui.link}>
          ← Papers
        </Link>
      </p>
      <PageTitle>
        <MathText text={paper.title} />
      </PageTitle>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-gray-600 dark:text-gray-400">Paper</dt>
        <dd>
          {label} (#{paper.id}){" "}
          {!paper.hiddenAt && (
            <Link href={paperHref(paper)} className={ui.link}>
              public page
            </Link>
          )}
        </dd>
        <dt className="font-medium text-gray-600 dark:text-gray-400">Status</dt>
        <dd data-testid="paper-status">
          <PaperStatus paper={paper} />{" "}
          {paper.hiddenAt && (
            <span className={ui.muted}>
              since {formatUtc(paper.hiddenAt)}
              {paper.hiddenReason && `: ${paper.hiddenReason}`}
            </span>
          )}
        </dd>
        {paper.mergedInto && (
          <>
            <dt className="font-medium text-gray-600 dark:text-gray-400">Merged into</dt>
            <dd>
              <Link href={`/admin/papers/${paper.mergedInto.id}`} className={ui.link}>
                {paperLabel(paper.mergedInto)}
              </Link>{" "}
              <MathText text={paper.mergedInto.title} />
            </dd>
          </>
        )}
        <dt className="font-medium text-gray-600 dark:text-gray-400">Upvotes</dt>
        <dd>
          {paper.upvotes} from feeds, {paper.userUpvotes} from users here
        </dd>
        <dt className="font-medium text-gray-600 dark:text-gray-400">Kept by users</dt>
        <dd>
          {paper.counts.listItems} reading-list {paper.counts.listItems === 1 ? "entry" : "entries"}, featured on {paper.counts.features}{" "}
          {paper.counts.features === 1 ? "day" : "days"}
        </dd>
        <dt className="font-medium text-gray-600 dark:text-gray-400">Added</dt>
        <dd>{formatUtc(paper.createdAt)}</dd>
      </dl>

      <Section id="visibility" title="Visibility">
        {paper.mergedIntoId ? (
          <p className={ui.muted}>Merged papers stay hidden; undo the merge below to bring this one back.</p>
        ) : paper.hiddenAt ? (
          <ActionButton action={unhidePaperAction} fields={{ paperId: paper.id }} label="Unhide" variant="primary" />
        ) : (
          <ActionForm action={hidePaperAction} submitLabel="Hide" variant="danger">
            <input type="hidden" name="paperId" value={paper.id} />
            <div className="min-w-64 flex-1">
              <label htmlFor="hide-reason" className={ui.label}>
                Reason (kept in the audit log)
              </label>
              <input id="hide-reason" name="reason" required maxLength={500} placeholder="spam, broken record, …" className={ui.field} />
            </div>
          </ActionForm>
        )}
        <p className={`mt-2 ${ui.muted}`}>
          A hidden paper is left out of every list, search, feed, similar papers and the API (404); its upvotes and list entries are kept.
        </p>
      </Section>

      {!paper.mergedIntoId && (
        <Section id="merge" title="Merge with another record of the same paper">
          <p className={`mb-3 ${ui.muted}`}>
            Upvotes, reading-list entries and featured days move to the paper kept; the other one is hidden and its address redirects to the
            paper kept. Undo puts everything back.
          </p>
          <ActionForm action={mergePapersAction} submitLabel="Merge">
            <input type="hidden" name="paperId" value={paper.id} />
            <div>
              <label htmlFor="merge-role" className={ui.label}>
                This paper ({label}) is
              </label>
              <select id="merge-role" name="role" defaultValue="source" className={ui.field}>
                <option value="source">the duplicate, to merge away</option>
                <option value="target">the one to keep</option>
              </select>
            </div>
            <div className="min-w-56 flex-1">
              <label htmlFor="merge-other" className={ui.label}>
                Other paper: arXiv id, local-&lt;id&gt; or #&lt;id&gt;
              </label>
              <input id="merge-other" name="other" required placeholder="2406.12345" className={ui.field} />
            </div>
          </ActionForm>
        </Section>
      )}

      <Section id="merge-history" title="Merges">
        <MergesTable
          merges={merges}
          caption={`Merges involving ${label}`}
          empty="None."
          undo={(m) => (
            <ActionButton
              action={undoMergeAction}
              fields={{ mergeId: m.id }}
              label="Undo merge"
              srContext={`of ${paperLabel(m.source)} into ${paperLabel(m.target)}`}
            />
          )}
        />
      </Section>
    </div>
  );
}
