import { readFileSync } from "node:fs";
import path from "node:path";

/** The real feed captures shared by the team (../shared/fixtures/feeds). */
export const feedsDir = path.resolve(import.meta.dirname, "../../../shared/fixtures/feeds");

export function feedText(name: string): string {
  return readFileSync(path.join(feedsDir, name), "utf8");
}

export function feedJson<T = unknown>(name: string): T {
  return JSON.parse(feedText(name)) as T;
}

/** A document as the byte stream ingestion reads. */
export async function* streamOf(text: string, chunkSize = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}
