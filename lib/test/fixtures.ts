import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The real feed captures tests read: the ones the app boots with as sample papers
 * (prisma/sample-feeds), so the repository holds one copy and a clone alone runs every test.
 * Every test reaches them through this module, never by a path of its own.
 */
export const feedsDir = path.resolve(import.meta.dirname, "../../prisma/sample-feeds");

export function feedPath(name: string): string {
  return path.join(feedsDir, name);
}

export function feedText(name: string): string {
  return readFileSync(feedPath(name), "utf8");
}

export function feedJson<T = unknown>(name: string): T {
  return JSON.parse(feedText(name)) as T;
}

/** A document as the byte stream ingestion reads. */
export async function* streamOf(text: string, chunkSize = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}
