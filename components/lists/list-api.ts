"use client";

/** A failed call to /api/me/lists…, with the server's message (written for people). */
export class ListApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Calls Paperboy's reading-list API from the browser with the session cookie (the browser adds
 * the Origin header that the server checks on changes).
 */
export async function listApi<T = unknown>(path: string, init: { method?: string; json?: unknown; text?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  let body: string | undefined;
  if (init.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.json);
  } else if (init.text !== undefined) {
    headers["content-type"] = "text/plain; charset=utf-8";
    body = init.text;
  }
  let res: Response;
  try {
    res = await fetch(path, { method: init.method ?? "GET", headers, body, credentials: "same-origin" });
  } catch {
    throw new ListApiError(0, "Could not reach Paperboy: check your connection and try again");
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new ListApiError(res.status, data?.error?.message ?? `Something went wrong (${res.status})`);
  return data as T;
}
