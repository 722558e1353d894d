import { paperPath } from "@/lib/feeds/paper-feed";
import type { ListEntryDTO, ListItemDTO } from "@/lib/lists/items";
import type { ReadingListDTO } from "@/lib/lists/lists";

/** The JSON of a list in Paperboy's own API (`/api/me/lists`). */
export interface ListJson {
  id: number;
  name: string;
  isDefault: boolean;
  shared: boolean;
  /** The read-only link, while shared. */
  shareUrl: string | null;
  itemCount: number;
  createdAt: string;
  updatedAt: string;
}

export function sharePath(token: string): string {
  return `/lists/shared/${token}`;
}

export function listJson(list: ReadingListDTO, origin: string): ListJson {
  return {
    id: list.id,
    name: list.name,
    isDefault: list.isDefault,
    shared: list.shareToken !== null,
    shareUrl: list.shareToken ? `${origin}${sharePath(list.shareToken)}` : null,
    itemCount: list.itemCount,
    createdAt: list.createdAt.toISOString(),
    updatedAt: list.updatedAt.toISOString(),
  };
}

export interface ItemJson {
  paperId: number;
  note: string;
  read: boolean;
  readAt: string | null;
  addedAt: string;
  position: number;
}

export function itemJson(item: ListItemDTO): ItemJson {
  return {
    paperId: item.paperId,
    note: item.note,
    read: item.readAt !== null,
    readAt: item.readAt?.toISOString() ?? null,
    addedAt: item.addedAt.toISOString(),
    position: item.position,
  };
}

export interface EntryJson extends ItemJson {
  paper: { id: number; arxivId: string | null; title: string; authors: string[]; publishedAt: string | null; url: string };
}

export function entryJson(entry: ListEntryDTO, origin: string): EntryJson {
  const p = entry.paper;
  return {
    ...itemJson(entry),
    paper: {
      id: p.id,
      arxivId: p.arxivId,
      title: p.title,
      authors: p.authors.map((a) => a.name),
      publishedAt: p.publishedAt?.toISOString() ?? null,
      url: `${origin}${paperPath(p)}`,
    },
  };
}
