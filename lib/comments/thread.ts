import "server-only";
import { authorName } from "@/lib/comments/author-name";
import { db } from "@/lib/db";
import { RENDER_VERSION, renderComment } from "@/lib/comments/render";

/** The most comments a thread read returns (oldest first); beyond it the thread says so. */
export const MAX_THREAD_COMMENTS = 5000;

export type CommentState = "shown" | "deleted" | "removed" | "hidden";

/** One comment as the thread shows it: plain data, HTML already safe. Never a Prisma row. */
export interface ThreadComment {
  id: number;
  parentId: number | null;
  author: string;
  /** The viewer wrote it (may edit and delete it). */
  mine: boolean;
  /** Rendered Markdown; empty unless `state` is "shown". */
  html: string;
  /** The Markdown source, for the author's edit box only. */
  source?: string;
  createdAt: string;
  editedAt: string | null;
  state: CommentState;
  replies: ThreadComment[];
}

export interface Thread {
  paperId: number;
  /** Comments shown (as counted in the paper's numComments, without the feeds' count). */
  count: number;
  comments: ThreadComment[];
  /** More comments exist than a read returns. */
  truncated: boolean;
}

interface Row {
  id: number;
  parent_id: number | null;
  user_id: string;
  name: string | null;
  body: string | null;
  html: string;
  render_version: number;
  created_at: Date;
  edited_at: Date | null;
  deleted_by: string | null;
  deleted: boolean;
  hidden: boolean;
}

/**
 * A paper's discussion, oldest first, replies under their comment. Deleted or removed comments
 * with replies stay as placeholders; hidden ones too, and are left out when nothing answers them.
 * One indexed query (comments_paper_id_id_idx) and a join to the authors.
 */
export async function getThread(paperId: number, viewerId: string | null): Promise<Thread> {
  const rows = await db().$queryRaw<Row[]>`
    SELECT c.id, c.parent_id, c.user_id, u.name,
           CASE WHEN c.user_id = ${viewerId} OR c.render_version <> ${RENDER_VERSION} THEN c.body END AS body,
           c.html, c.render_version, c.created_at, c.edited_at, c.deleted_by,
           c.deleted_at IS NOT NULL AS deleted, c.hidden_at IS NOT NULL AS hidden
      FROM comments c JOIN users u ON u.id = c.user_id
     WHERE c.paper_id = ${paperId}
     ORDER BY c.id
     LIMIT ${MAX_THREAD_COMMENTS + 1}`;
  const truncated = rows.length > MAX_THREAD_COMMENTS;
  const top: ThreadComment[] = [];
  const byId = new Map<number, ThreadComment>();
  let count = 0;
  for (const r of rows.slice(0, MAX_THREAD_COMMENTS)) {
    const state: CommentState = r.deleted ? (r.deleted_by === "admin" ? "removed" : "deleted") : r.hidden ? "hidden" : "shown";
    if (state === "shown") count++;
    const mine = viewerId !== null && r.user_id === viewerId;
    const comment: ThreadComment = {
      id: r.id,
      parentId: r.parent_id,
      author: state === "shown" ? authorName({ id: r.user_id, name: r.name }) : "",
      mine: mine && state === "shown",
      html: state === "shown" ? currentHtml(r) : "",
      ...(mine && state === "shown" && r.body !== null ? { source: r.body } : {}),
      createdAt: r.created_at.toISOString(),
      editedAt: r.edited_at?.toISOString() ?? null,
      state,
      replies: [],
    };
    if (r.parent_id === null) {
      top.push(comment);
      byId.set(r.id, comment);
    } else if (state === "shown") {
      byId.get(r.parent_id)?.replies.push(comment);
    }
  }
  // A hidden comment stays only as the place its replies hang from.
  const comments = top.filter((c) => c.state === "shown" || c.replies.length > 0);
  return { paperId, count, comments, truncated };
}

/** Rows rendered by an older renderer are rendered again (not stored: the next edit stores it). */
function currentHtml(r: Row): string {
  if (r.render_version === RENDER_VERSION || r.body === null) return r.html;
  try {
    return renderComment(r.body);
  } catch {
    return r.html;
  }
}
