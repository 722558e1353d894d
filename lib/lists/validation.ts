import { z } from "zod";
import { AppError } from "@/lib/errors";

/** Limits that keep one account from filling the database by accident or on purpose. */
export const LIMITS = {
  listName: 80,
  note: 2000,
  listsPerUser: 100,
  itemsPerList: 5000,
  /** Characters of pasted import text. */
  importChars: 200_000,
  /** arXiv ids in one import. */
  importIds: 1000,
} as const;

export const DEFAULT_LIST_NAME = "Read later";

// Control characters have no place in a name shown in headings and file names.
const CONTROL = /[\u0000-\u001f\u007f]/;

export const listNameSchema = z
  .string()
  .trim()
  .min(1, "Give the list a name")
  .max(LIMITS.listName, `A list name has at most ${LIMITS.listName} characters`)
  .refine((s) => !CONTROL.test(s), "A list name cannot contain control characters");

export const noteSchema = z.string().max(LIMITS.note, `A note has at most ${LIMITS.note} characters`);

export const createListSchema = z.object({ name: listNameSchema }).strict();

export const patchListSchema = z
  .object({
    name: listNameSchema.optional(),
    /** true: share (a new link if not shared yet); false: stop sharing, the old link stops working. */
    shared: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.name !== undefined || v.shared !== undefined, "Nothing to change: send name or shared");

export const putItemSchema = z.object({ note: noteSchema.optional() }).strict();

export const patchItemSchema = z
  .object({
    note: noteSchema.optional(),
    read: z.boolean().optional(),
    /** Move to this 0-based index of the list's manual order (clamped to the list's length). */
    position: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict()
  .refine(
    (v) => v.note !== undefined || v.read !== undefined || v.position !== undefined,
    "Nothing to change: send note, read or position",
  );

export const LIST_SORTS = ["manual", "added", "title"] as const;
export const LIST_FILTERS = ["all", "unread", "read"] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export type ListFilter = (typeof LIST_FILTERS)[number];

/** How a list is shown; unknown values fall back to the defaults rather than failing a page. */
export const listViewSchema = z.object({
  sort: z.enum(LIST_SORTS).catch("manual"),
  filter: z.enum(LIST_FILTERS).catch("all"),
});
export type ListView = z.infer<typeof listViewSchema>;

export const exportFormatSchema = z.enum(["bibtex", "csv"], { error: "format must be bibtex or csv" });
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const importBodySchema = z
  .object({ text: z.string().max(LIMITS.importChars, `Paste at most ${LIMITS.importChars} characters at once`) })
  .strict();

/** A list id from a URL. Anything that is not one is "not found", like someone else's list. */
export function parseListId(raw: string): number {
  if (!/^\d{1,10}$/.test(raw) || Number(raw) < 1 || Number(raw) > 2_147_483_647) throw new AppError("not_found", "No such list");
  return Number(raw);
}

/** Share tokens are 24 random bytes in base64url: 32 characters. */
export const SHARE_TOKEN = /^[A-Za-z0-9_-]{32}$/;
