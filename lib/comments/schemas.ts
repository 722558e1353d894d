import { z } from "zod";
import { MAX_COMMENT_CHARS } from "@/lib/comments/render";

// The body is checked for length here only loosely (a megabyte is refused before rendering); the
// renderer counts characters after normalising line ends and gives the precise message.
const body = z
  .string({ error: "body: Write something first" })
  .max(MAX_COMMENT_CHARS * 2, `A comment is at most ${MAX_COMMENT_CHARS.toLocaleString("en")} characters`);

/** A comment request's body: room for 20,000 characters of any script, JSON-escaped; larger is 413 unread. */
export const MAX_BODY_BYTES = 160_000;

export const newCommentInput = z.object({
  body,
  /** The comment answered; a reply to a reply answers the same top-level comment. */
  parentId: z.number().int().positive().max(2_147_483_647).optional().nullable(),
});

export const editCommentInput = z.object({ body });

export const previewInput = z.object({ body });

export const reportInput = z.object({
  reason: z.string().max(500, "A reason is at most 500 characters").optional().default(""),
});

export const commentIdParam = z.coerce.number().int().positive().max(2_147_483_647);

export const moderationInput = z.object({
  commentId: commentIdParam,
  reason: z.string().trim().max(500, "A reason is at most 500 characters").optional().default(""),
});
