import "server-only";

/**
 * Finished API answers, kept encoded (the bytes sent), for a short time, in this instance.
 *
 * The HF-compatible daily-papers API answers the same few queries again and again (clients
 * poll the latest day). Keeping the answer as bytes spares each request the database, JSON
 * encoding and UTF-8 encoding of ~230 KB: those were most of the time it took under load, and
 * Next's data cache (unstable_cache) keeps values as JSON to parse and re-encode on every hit.
 *
 * It holds what the pages' own cache holds (ISR, same 60 s): instances may differ for that long,
 * as their page caches do. refreshCachedPages() empties it when papers change through this
 * instance. Concurrent misses for one key share one computation.
 */
export interface EncodedAnswer {
  body: Uint8Array;
  headers: Record<string, string>;
}

interface Entry {
  answer: EncodedAnswer;
  expires: number;
}

const MAX_ENTRIES = 500;
const MAX_BYTES = 64 * 1024 * 1024;

const entries = new Map<string, Entry>();
const pending = new Map<string, Promise<EncodedAnswer>>();
let bytes = 0;
let generation = 0;

function drop(key: string) {
  const e = entries.get(key);
  if (!e) return;
  bytes -= e.answer.body.byteLength;
  entries.delete(key);
}

/** The cached answer for `key`, or `produce`'s, kept for `ttlMs`. */
export async function cachedAnswer(key: string, ttlMs: number, produce: () => Promise<EncodedAnswer>): Promise<EncodedAnswer> {
  const hit = entries.get(key);
  if (hit && hit.expires > Date.now()) {
    // Most recently used last: the Map's order is the eviction order.
    entries.delete(key);
    entries.set(key, hit);
    return hit.answer;
  }
  drop(key);
  const inFlight = pending.get(key);
  if (inFlight) return inFlight;
  const started = generation;
  const promise: Promise<EncodedAnswer> = produce().finally(() => {
    // Only this computation's own entry: after a clear, a newer one may stand under the key.
    if (pending.get(key) === promise) pending.delete(key);
  });
  pending.set(key, promise);
  const answer = await promise;
  // Papers changed while this was computed: answer it, but do not keep it.
  if (started === generation && answer.body.byteLength <= MAX_BYTES / 8) {
    entries.set(key, { answer, expires: Date.now() + ttlMs });
    bytes += answer.body.byteLength;
    for (const oldest of entries.keys()) {
      if (entries.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
      drop(oldest);
    }
  }
  return answer;
}

/** Forgets every answer (papers changed). */
export function clearCachedAnswers() {
  generation++;
  entries.clear();
  pending.clear();
  bytes = 0;
}

/** A JSON body as the bytes to send. */
export function jsonAnswer(value: unknown, headers: Record<string, string> = {}): EncodedAnswer {
  return { body: new TextEncoder().encode(JSON.stringify(value)), headers: { "content-type": "application/json", ...headers } };
}
