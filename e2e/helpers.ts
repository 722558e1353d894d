import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

export const feedsDir = path.resolve(import.meta.dirname, "../../shared/fixtures/feeds");

export function feed(name: string): string {
  return readFileSync(path.join(feedsDir, name), "utf8");
}

/** Ingests a document through the public API, as an operator's script would. */
export async function ingest(request: APIRequestContext, body: string) {
  const res = await request.post("/api/ingest", { data: body, headers: { authorization: `Bearer ${process.env.INGEST_TOKEN}`, "content-type": "application/octet-stream" } });
  if (!res.ok()) throw new Error(`ingest failed: ${res.status()} ${await res.text()}`);
  return res.json();
}
