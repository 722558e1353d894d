import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { paperTarget, recordAudit, type Actor, type Tx } from "@/lib/admin/audit";
import { adminPaperSelect, type AdminPaper } from "@/lib/admin/papers";
import { refreshCachedPages } from "@/lib/http/refresh-cached-pages";

interface LockedPaper {
  id: number;
  arxiv_id: string | null;
  title: string;
  hidden_at: Date | null;
  hidden_reason: string | null;
  merged_into_id: number | null;
}

/** Locks the papers' rows (in id order, so two merges never deadlock) for the rest of the transaction. */
async function lockPapers(tx: Tx, ids: number[]): Promise<Map<number, LockedPaper>> {
  const rows = await tx.$queryRaw<LockedPaper[]>`
    SELECT id, arxiv_id, title, hidden_at, hidden_reason, merged_into_id FROM papers
     WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
  return new Map(rows.map((r) => [r.id, r]));
}

/** papers.user_upvotes is the count of upvote rows: recounted for papers whose rows moved. */
async function recountUpvotes(tx: Tx, ids: number[]) {
  await tx.$executeRaw`
    UPDATE papers p SET user_upvotes = (SELECT count(*)::int FROM upvotes u WHERE u.paper_id = p.id)
     WHERE p.id = ANY(${ids}::int[])`;
}

const ref = (p: LockedPaper) => paperTarget({ id: p.id, arxivId: p.arxiv_id });

export interface MergeResult {
  mergeId: number;
  movedUpvotes: number;
  movedListItems: number;
  movedFeatures: number;
}

/**
 * Merges two records of one paper (say a title-only copy from a copied page and the arXiv
 * one): the source's upvotes, reading-list entries and featured days move to the target,
 * and the source is hidden, pointing at the target (its address redirects there). Rows the
 * target already has (the same person's upvote, the same list, the same day) stay on the
 * source. What moved is recorded, so `undoMerge` puts it all back.
 */
export async function mergePapers(actor: Actor, o: { sourceId: number; targetId: number }): Promise<MergeResult> {
  if (o.sourceId === o.targetId) throw new AppError("bad_request", "A paper cannot be merged into itself");
  const merged = await db().$transaction(async (tx) => {
    const papers = await lockPapers(tx, [o.sourceId, o.targetId]);
    const source = papers.get(o.sourceId);
    const target = papers.get(o.targetId);
    if (!source || !target) throw new AppError("not_found", `No paper #${!source ? o.sourceId : o.targetId}`);
    if (source.merged_into_id) throw new AppError("conflict", `Paper #${source.id} is merged into #${source.merged_into_id} already`);
    if (target.hidden_at) throw new AppError("conflict", `Paper #${target.id} is hidden: the paper kept must be a visible one`);

    const upvotes = await tx.$queryRaw<{ user_id: string }[]>`
      UPDATE upvotes u SET paper_id = ${target.id}
       WHERE u.paper_id = ${source.id}
         AND NOT EXISTS (SELECT 1 FROM upvotes x WHERE x.user_id = u.user_id AND x.paper_id = ${target.id})
      RETURNING u.user_id`;
    const items = await tx.$queryRaw<{ id: number }[]>`
      UPDATE reading_list_items i SET paper_id = ${target.id}
       WHERE i.paper_id = ${source.id}
         AND NOT EXISTS (SELECT 1 FROM reading_list_items x WHERE x.list_id = i.list_id AND x.paper_id = ${target.id})
      RETURNING i.id`;
    const features = await tx.$queryRaw<{ id: number }[]>`
      UPDATE paper_features f SET paper_id = ${target.id}
       WHERE f.paper_id = ${source.id}
         AND NOT EXISTS (SELECT 1 FROM paper_features x WHERE x.paper_id = ${target.id} AND x.day = f.day)
      RETURNING f.id`;
    await recountUpvotes(tx, [source.id, target.id]);
    await tx.paper.update({
      where: { id: source.id },
      data: { hiddenAt: new Date(), hiddenReason: `Merged into ${ref(target).slice("paper:".length)}`, mergedIntoId: target.id },
    });
    const merge = await tx.paperMerge.create({
      data: {
        sourceId: source.id,
        targetId: target.id,
        actorEmail: actor.email.toLowerCase(),
        movedUpvoteUserIds: upvotes.map((u) => u.user_id),
        movedListItemIds: items.map((i) => i.id),
        movedFeatureIds: features.map((f) => f.id),
        previousHiddenAt: source.hidden_at,
        previousHiddenReason: source.hidden_reason,
      },
      select: { id: true },
    });
    const result = { mergeId: merge.id, movedUpvotes: upvotes.length, movedListItems: items.length, movedFeatures: features.length };
    await recordAudit(tx, actor, {
      action: "paper.merge",
      target: ref(source),
      details: { ...result, sourceId: source.id, targetId: target.id, into: ref(target), sourceTitle: source.title },
    });
    return result;
  });
  refreshCachedPages();
  return merged;
}

/**
 * Undoes a merge: the rows that moved go back to the source (those still on the target), the
 * source gets back the hidden state it had before, and both counts are recounted. Refused while
 * the target is itself merged into a third paper: undo that merge first.
 */
export async function undoMerge(actor: Actor, o: { mergeId: number }): Promise<void> {
  await db().$transaction(async (tx) => {
    const [merge] = await tx.$queryRaw<
      {
        id: number;
        source_id: number;
        target_id: number;
        moved_upvote_user_ids: string[];
        moved_list_item_ids: number[];
        moved_feature_ids: number[];
        previous_hidden_at: Date | null;
        previous_hidden_reason: string | null;
        undone_at: Date | null;
      }[]
    >`SELECT id, source_id, target_id, moved_upvote_user_ids, moved_list_item_ids, moved_feature_ids,
             previous_hidden_at, previous_hidden_reason, undone_at
        FROM paper_merges WHERE id = ${o.mergeId} FOR UPDATE`;
    if (!merge) throw new AppError("not_found", "No such merge");
    if (merge.undone_at) throw new AppError("conflict", "This merge was undone already");
    const papers = await lockPapers(tx, [merge.source_id, merge.target_id]);
    const source = papers.get(merge.source_id)!;
    const target = papers.get(merge.target_id)!;
    if (target.merged_into_id) {
      throw new AppError(
        "conflict",
        `The paper kept (#${target.id}) has since been merged into #${target.merged_into_id}: undo that merge first`,
      );
    }
    if (source.merged_into_id !== target.id) throw new AppError("conflict", "The paper is no longer merged this way");

    const upvotes = await tx.$executeRaw`
      UPDATE upvotes u SET paper_id = ${source.id}
       WHERE u.paper_id = ${target.id} AND u.user_id = ANY(${merge.moved_upvote_user_ids}::text[])
         AND NOT EXISTS (SELECT 1 FROM upvotes x WHERE x.user_id = u.user_id AND x.paper_id = ${source.id})`;
    const items = await tx.$executeRaw`
      UPDATE reading_list_items i SET paper_id = ${source.id}
       WHERE i.paper_id = ${target.id} AND i.id = ANY(${merge.moved_list_item_ids}::int[])
         AND NOT EXISTS (SELECT 1 FROM reading_list_items x WHERE x.list_id = i.list_id AND x.paper_id = ${source.id})`;
    const features = await tx.$executeRaw`
      UPDATE paper_features f SET paper_id = ${source.id}
       WHERE f.paper_id = ${target.id} AND f.id = ANY(${merge.moved_feature_ids}::int[])
         AND NOT EXISTS (SELECT 1 FROM paper_features x WHERE x.paper_id = ${source.id} AND x.day = f.day)`;
    await recountUpvotes(tx, [source.id, target.id]);
    await tx.paper.update({
      where: { id: source.id },
      data: { mergedIntoId: null, hiddenAt: merge.previous_hidden_at, hiddenReason: merge.previous_hidden_reason },
    });
    await tx.paperMerge.update({ where: { id: merge.id }, data: { undoneAt: new Date(), undoneBy: actor.email.toLowerCase() } });
    await recordAudit(tx, actor, {
      action: "paper.unmerge",
      target: ref(source),
      details: {
        mergeId: merge.id,
        sourceId: source.id,
        targetId: target.id,
        from: ref(target),
        movedBack: { upvotes, listItems: items, features },
      },
    });
  });
  refreshCachedPages();
}

export interface AdminMerge {
  id: number;
  source: AdminPaper;
  target: AdminPaper;
  actorEmail: string;
  movedUpvotes: number;
  movedListItems: number;
  movedFeatures: number;
  createdAt: Date;
  undoneAt: Date | null;
  undoneBy: string | null;
}

/** Merges, newest first; with a paper id, only those it took part in. */
export async function listMerges(o: { paperId?: number; limit?: number } = {}): Promise<AdminMerge[]> {
  const rows = await db().paperMerge.findMany({
    where: o.paperId ? { OR: [{ sourceId: o.paperId }, { targetId: o.paperId }] } : {},
    orderBy: { id: "desc" },
    take: o.limit ?? 50,
    select: {
      id: true,
      actorEmail: true,
      movedUpvoteUserIds: true,
      movedListItemIds: true,
      movedFeatureIds: true,
      createdAt: true,
      undoneAt: true,
      undoneBy: true,
      source: { select: adminPaperSelect },
      target: { select: adminPaperSelect },
    },
  });
  return rows.map(({ movedUpvoteUserIds, movedListItemIds, movedFeatureIds, ...m }) => ({
    ...m,
    movedUpvotes: movedUpvoteUserIds.length,
    movedListItems: movedListItemIds.length,
    movedFeatures: movedFeatureIds.length,
  }));
}

/**
 * Where the address of a merged paper leads: the visible paper it was merged into (following
 * a chain of merges), or null for an unknown, hidden or unmerged paper.
 */
export async function findMergeDestination(
  refIn: { arxivId: string } | { id: number },
): Promise<{ id: number; arxivId: string | null } | null> {
  let paper = await db().paper.findFirst({
    where: "arxivId" in refIn ? { arxivId: refIn.arxivId } : { id: refIn.id },
    select: { id: true, arxivId: true, hiddenAt: true, mergedIntoId: true },
  });
  if (!paper?.mergedIntoId) return null;
  for (let hops = 0; hops < 10 && paper?.mergedIntoId; hops++) {
    paper = await db().paper.findUnique({
      where: { id: paper.mergedIntoId },
      select: { id: true, arxivId: true, hiddenAt: true, mergedIntoId: true },
    });
  }
  return paper && !paper.hiddenAt ? { id: paper.id, arxivId: paper.arxivId } : null;
}
