import type { Thread, ThreadComment } from "@/lib/comments/thread";
import type { DiscussionViewer } from "@/lib/comments/viewer";

export type { ThreadComment };
export type ThreadResponse = Thread & { viewer: DiscussionViewer | null };

/** A JSON request to our own API; a failure throws the server's one-line message. */
export async function commentApi<T>(path: string, method = "GET", body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const data = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(data?.error?.message ?? `The server answered ${response.status}`);
  }
  return (response.status === 204 ? null : await response.json()) as T;
}

/** A failure's message without the field prefix API clients get ("body: …"). */
export function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/^body: /, "");
}
