"use client";

import { useState } from "react";
import { commentApi, messageOf, type ThreadComment } from "@/components/comments/comment-api";
import { commentBodyClass } from "@/components/comments/comment-body";
import { CommentForm } from "@/components/comments/comment-form";

export interface CommentItemProps {
  comment: ThreadComment;
  signedIn: boolean;
  /** Posts a reply under this comment (top-level comments only). */
  onReply?: (body: string) => Promise<void>;
  /** Loads the thread again after a change. */
  onChanged: () => Promise<void>;
}

const placeholder: Record<Exclude<ThreadComment["state"], "shown">, string> = {
  deleted: "This comment was deleted.",
  removed: "This comment was removed by a moderator.",
  hidden: "This comment was hidden by a moderator.",
};

const linkButton = "text-xs font-medium text-gray-700 underline-offset-2 hover:underline dark:text-gray-300";

/** One comment: its author, date, rendered text (HTML made safe on the server), and what the viewer may do with it. */
export function CommentItem({ comment: c, signedIn, onReply, onChanged }: CommentItemProps) {
  const [mode, setMode] = useState<"view" | "edit" | "reply">("view");
  const [note, setNote] = useState<string | null>(null);
  const when = new Date(c.createdAt);

  async function act(task: () => Promise<unknown>, done: string | null) {
    try {
      await task();
      setNote(done);
      await onChanged();
    } catch (err) {
      setNote(messageOf(err));
    }
  }

  return (
    <li id={`comment-${c.id}`} className="scroll-mt-20" data-testid="comment">
      <article aria-label={c.state === "shown" ? `Comment by ${c.author}` : "Deleted comment"} className="py-3">
        {c.state === "shown" ? (
          <>
            <p className="text-xs text-gray-600 dark:text-gray-400">
              <span className="font-semibold text-gray-900 dark:text-gray-100">{c.author}</span> ·{" "}
              <time dateTime={c.createdAt}>{when.toISOString().slice(0, 16).replace("T", " ")} UTC</time>
              {c.editedAt && " · edited"}
            </p>
            {mode === "edit" ? (
              <CommentForm
                label="Edit your comment"
                submitLabel="Save"
                initial={c.source ?? ""}
                onCancel={() => setMode("view")}
                onSubmit={async (body) => {
                  await commentApi(`/api/comments/${c.id}`, "PATCH", { body });
                  setMode("view");
                  await onChanged();
                }}
              />
            ) : (
              <div className={`mt-1 ${commentBodyClass}`} data-testid="comment-body" dangerouslySetInnerHTML={{ __html: c.html }} />
            )}
            {signedIn && mode === "view" && (
              <div className="mt-1 flex flex-wrap gap-3">
                {onReply && (
                  <button type="button" className={linkButton} onClick={() => setMode("reply")}>
                    Reply
                  </button>
                )}
                {c.mine ? (
                  <>
                    <button type="button" className={linkButton} onClick={() => setMode("edit")}>
                      Edit
                    </button>
                    <button
                      type="button"
                      className={linkButton}
                      onClick={() => {
                        if (window.confirm("Delete your comment?")) void act(() => commentApi(`/api/comments/${c.id}`, "DELETE"), null);
                      }}
                    >
                      Delete
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className={linkButton}
                    onClick={() => {
                      const reason = window.prompt("Why should the moderators look at this comment? (optional)");
                      if (reason !== null)
                        void act(
                          () => commentApi(`/api/comments/${c.id}/report`, "POST", { reason }),
                          "Reported: thank you, a moderator will look at it.",
                        );
                    }}
                  >
                    Report
                  </button>
                )}
              </div>
            )}
            {note && (
              <p role="status" className="mt-1 text-xs text-gray-700 dark:text-gray-300">
                {note}
              </p>
            )}
          </>
        ) : (
          <p className="text-sm text-gray-600 italic dark:text-gray-400">{placeholder[c.state]}</p>
        )}
        {mode === "reply" && onReply && (
          <CommentForm
            label={`Reply to ${c.author}`}
            submitLabel="Post reply"
            onCancel={() => setMode("view")}
            onSubmit={async (body) => {
              await onReply(body);
              setMode("view");
            }}
          />
        )}
      </article>
      {c.replies.length > 0 && (
        <ol
          className="ml-4 border-l-2 border-gray-100 pl-4 dark:border-gray-800"
          aria-label={`Replies to ${c.author || "a deleted comment"}`}
        >
          {c.replies.map((r) => (
            <CommentItem key={r.id} comment={r} signedIn={signedIn} onChanged={onChanged} />
          ))}
        </ol>
      )}
    </li>
  );
}
