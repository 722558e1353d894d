"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { commentApi, messageOf, type ThreadResponse } from "@/components/comments/comment-api";
import { CommentForm } from "@/components/comments/comment-form";
import { CommentItem } from "@/components/comments/comment-item";
import { Button } from "@/components/ui/button";

export interface DiscussionProps {
  paperId: number;
  /** The paper page's path, to come back to after signing in. */
  pagePath: string;
}

/**
 * A paper's discussion, fetched after the (cached, shared) page loads from
 * /api/discussions/<id>: the page stays the same for everyone, the thread is live and the
 * viewer's own. Markdown and math arrive rendered; nothing is parsed in the browser.
 */
export function Discussion({ paperId, pagePath }: DiscussionProps) {
  const [thread, setThread] = useState<ThreadResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/discussions/${paperId}`;

  const load = useCallback(async () => {
    try {
      setThread(await commentApi<ThreadResponse>(base));
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    }
  }, [base]);

  useEffect(() => {
    let live = true;
    commentApi<ThreadResponse>(base).then(
      (t) => live && setThread(t),
      (err) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [base]);

  useEffect(() => {
    // A link to one comment (#comment-12, from an email) scrolls to it once the thread is drawn.
    const target = thread && window.location.hash.startsWith("#comment-") ? document.getElementById(window.location.hash.slice(1)) : null;
    target?.scrollIntoView();
  }, [thread]);

  const post = (parentId?: number) => async (body: string) => {
    await commentApi(base, "POST", { body, parentId });
    await load();
  };

  if (!thread) {
    return (
      <p className="text-sm text-gray-600 dark:text-gray-400" role={error ? "alert" : "status"}>
        {error ? `The discussion could not be loaded: ${error}` : "Loading the discussion…"}
      </p>
    );
  }

  const viewer = thread.viewer;
  return (
    <div data-testid="discussion" data-count={thread.count}>
      {viewer ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant="secondary"
            size="sm"
            aria-pressed={viewer.following}
            data-testid="follow-discussion"
            onClick={() => void commentApi(`${base}/follow`, viewer.following ? "DELETE" : "PUT").then(load, (e) => setError(messageOf(e)))}
          >
            {viewer.following ? "Following" : "Follow"}
          </Button>
          <span className="text-xs text-gray-600 dark:text-gray-400">
            {viewer.following ? "You get an email about new comments here" : "Get an email about new comments here"}
            {!viewer.emails && " (discussion emails are off in your settings)"}
          </span>
        </div>
      ) : (
        <p className="text-sm">
          <Link href={`/signin?callbackUrl=${encodeURIComponent(pagePath)}`} className="font-medium underline">
            Sign in
          </Link>{" "}
          to join the discussion.
        </p>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {thread.comments.length === 0 ? (
        <p className="mt-3 text-sm text-gray-600 dark:text-gray-400">No comments yet.</p>
      ) : (
        <ol className="mt-3 divide-y divide-gray-100 dark:divide-gray-800" aria-label="Comments">
          {thread.comments.map((c) => (
            <CommentItem
              key={c.id}
              comment={c}
              signedIn={viewer !== null}
              onReply={c.state === "shown" ? post(c.id) : undefined}
              onChanged={load}
            />
          ))}
        </ol>
      )}
      {thread.truncated && <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">Only the first comments are shown.</p>}
      {viewer && <CommentForm label="Add a comment" submitLabel="Post comment" onSubmit={post()} />}
    </div>
  );
}
