import "server-only";
import { db } from "@/lib/db";
import type { PaperDTO } from "@/lib/data/paper-types";
import { getPapersByIds } from "@/lib/data/papers";
import { AppError } from "@/lib/errors";
import { assertOwnList, touchReadingList } from "@/lib/lists/lists";
import { positionAfter, positionForIndex, renumber } from "@/lib/lists/order";
import { LIMITS, type ListView } from "@/lib/lists/validation";
import { mathToPlainText } from "@/lib/text/math";

/** Requests for one owner queue on its row lock, holding a connection each: wait for a turn (Prisma's default is 2 s). */
const LOCK_WAIT = { maxWait: 10_000, timeout: 15_000 };

/** One paper in one of the viewer's lists, with the owner's private fields. */
export interface ListItemDTO {
  paperId: number;
  note: string;
  readAt: Date | null;
  addedAt: Date;
  /** Manual order key (ascending). */
  position: number;
}

export interface ListEntryDTO extends ListItemDTO {
  paper: PaperDTO;
}

const itemSelect = { paperId: true, note: true, readAt: true, addedAt: true, position: true } as const;

const byManual = (a: ListItemDTO & { id: number }, b: ListItemDTO & { id: number }) => a.position - b.position || a.id - b.id;

/** The visible items of a list (papers an admin hid are left out), in the order asked for. */
async function loadEntries(listId: number, view: ListView): Promise<ListEntryDTO[]> {
  const rows = await db().readingListItem.findMany({
    where: {
      listId,
      paper: { hiddenAt: null },
      ...(view.filter === "read" ? { readAt: { not: null } } : view.filter === "unread" ? { readAt: null } : {}),
    },
    select: { id: true, ...itemSelect },
  });
  if (view.sort === "added") rows.sort((a, b) => b.addedAt.getTime() - a.addedAt.getTime() || b.id - a.id);
  else rows.sort(byManual);
  const papers = await getPapersByIds(rows.map((r) => r.paperId));
  const byId = new Map(papers.map((p) => [p.id, p]));
  const entries = rows.flatMap(({ id: _id, ...r }) => {
    const paper = byId.get(r.paperId);
    return paper ? [{ ...r, paper }] : [];
  });
  if (view.sort === "title") {
    const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
    const titles = new Map(entries.map((e) => [e.paperId, mathToPlainText(e.paper.title)]));
    entries.sort((a, b) => collator.compare(titles.get(a.paperId)!, titles.get(b.paperId)!) || a.paperId - b.paperId);
  }
  return entries;
}

/** The items of one of the user's lists with their papers. */
export async function listEntries(userId: string, listId: number, view: ListView): Promise<ListEntryDTO[]> {
  await assertOwnList(userId, listId);
  return loadEntries(listId, view);
}

/** The papers of a shared list in its manual order, and when each was added: no notes, no read state. */
export async function listSharedEntries(listId: number): Promise<{ addedAt: Date; paper: PaperDTO }[]> {
  const entries = await loadEntries(listId, { sort: "manual", filter: "all" });
  return entries.map((e) => ({ addedAt: e.addedAt, paper: e.paper }));
}

/** Ids of the user's lists holding the paper: what a card's save control shows. */
export async function listsHoldingPaper(userId: string, paperId: number): Promise<number[]> {
  const rows = await db().readingListItem.findMany({
    where: { paperId, list: { userId } },
    select: { listId: true },
    orderBy: { listId: "asc" },
  });
  return rows.map((r) => r.listId);
}

/**
 * Puts a paper at the end of one of the user's lists (idempotent: a paper is in a list once).
 * A note, when given, is set whether or not the paper was there already. The count and the
 * insert happen under a lock on the list's row, as `appendPapers` does: two adds at once would
 * otherwise both count one below the limit and both insert.
 */
export async function addToList(userId: string, listId: number, paperId: number, note?: string): Promise<{ added: boolean }> {
  await assertOwnList(userId, listId);
  const inserted = await db().$transaction(async (tx) => {
    const [list] = await tx.$queryRaw<
      { id: number }[]
    >`SELECT id FROM reading_lists WHERE id = ${listId} AND user_id = ${userId} FOR UPDATE`;
    if (!list) throw new AppError("not_found", "No such list");
    const count = await tx.readingListItem.count({ where: { listId } });
    if (count >= LIMITS.itemsPerList) throw new AppError("bad_request", `A list holds at most ${LIMITS.itemsPerList} papers`);
    return tx.$executeRaw`
      INSERT INTO reading_list_items (list_id, paper_id, position, note)
      SELECT ${listId}, ${paperId}, COALESCE(MAX(position), 0) + 1024, ${note ?? ""} FROM reading_list_items WHERE list_id = ${listId}
      ON CONFLICT (list_id, paper_id) DO NOTHING`;
  }, LOCK_WAIT);
  if (!inserted && note !== undefined) await db().readingListItem.updateMany({ where: { listId, paperId }, data: { note } });
  await touchReadingList(listId);
  return { added: inserted > 0 };
}

/** Takes a paper out of one of the user's lists (idempotent), its note with it. */
export async function removeFromList(userId: string, listId: number, paperId: number): Promise<{ removed: boolean }> {
  await assertOwnList(userId, listId);
  const { count } = await db().readingListItem.deleteMany({ where: { listId, paperId, list: { userId } } });
  if (count) await touchReadingList(listId);
  return { removed: count > 0 };
}

export interface ItemPatch {
  note?: string;
  read?: boolean;
  /** 0-based index in the list's manual order (clamped). */
  position?: number;
}

/**
 * Changes one item: its note, its read state (marking read again keeps the first date) and its
 * place in the manual order. Moves are serialised per list (row lock on the list), so two moves
 * at once cannot compute positions from the same stale order.
 */
export async function updateListItem(
  userId: string,
  listId: number,
  paperId: number,
  patch: ItemPatch,
): Promise<ListItemDTO & { index: number }> {
  await assertOwnList(userId, listId);
  const result = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM reading_lists WHERE id = ${listId} AND user_id = ${userId} FOR UPDATE`;
    const item = await tx.readingListItem.findUnique({
      where: { listId_paperId: { listId, paperId } },
      select: { id: true, readAt: true },
    });
    if (!item) throw new AppError("not_found", "That paper is not in this list");
    const data: { note?: string; readAt?: Date | null; position?: number } = {};
    if (patch.note !== undefined) data.note = patch.note;
    if (patch.read !== undefined) data.readAt = patch.read ? (item.readAt ?? new Date()) : null;
    if (patch.position !== undefined) {
      const others = (
        await tx.readingListItem.findMany({
          where: { listId, id: { not: item.id }, paper: { hiddenAt: null } },
          select: { id: true, position: true },
        })
      ).sort((a, b) => a.position - b.position || a.id - b.id);
      const position = positionForIndex(
        others.map((o) => o.position),
        patch.position,
      );
      if (position === null) {
        // No room between the neighbours: lay the whole list out again, evenly.
        const order = others.map((o) => o.id);
        order.splice(Math.min(patch.position, order.length), 0, item.id);
        const fresh = renumber(order.length);
        for (const [i, id] of order.entries()) {
          if (id !== item.id) await tx.readingListItem.update({ where: { id }, data: { position: fresh[i] } });
        }
        data.position = fresh[order.indexOf(item.id)];
      } else {
        data.position = position;
      }
    }
    const updated = await tx.readingListItem.update({ where: { id: item.id }, data, select: { id: true, ...itemSelect } });
    const index = await tx.readingListItem.count({
      where: {
        listId,
        paper: { hiddenAt: null },
        OR: [{ position: { lt: updated.position } }, { position: updated.position, id: { lt: updated.id } }],
      },
    });
    const { id: _id, ...rest } = updated;
    return { ...rest, index };
  });
  await touchReadingList(listId);
  return result;
}

/**
 * Adds papers at the end of a list in the order given, skipping those already in it.
 * Returns the ids actually added.
 */
export async function appendPapers(listId: number, paperIds: number[]): Promise<Set<number>> {
  if (!paperIds.length) return new Set();
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM reading_lists WHERE id = ${listId} FOR UPDATE`;
    const present = new Set((await tx.readingListItem.findMany({ where: { listId }, select: { paperId: true } })).map((r) => r.paperId));
    const fresh = paperIds.filter((id) => !present.has(id));
    if (present.size + fresh.length > LIMITS.itemsPerList)
      throw new AppError("bad_request", `A list holds at most ${LIMITS.itemsPerList} papers`);
    const last = await tx.readingListItem.aggregate({ where: { listId }, _max: { position: true } });
    let position = last._max.position ?? 0;
    await tx.readingListItem.createMany({
      data: fresh.map((paperId) => {
        position = positionAfter([position]);
        return { listId, paperId, position };
      }),
      skipDuplicates: true,
    });
    return new Set(fresh);
  });
}
