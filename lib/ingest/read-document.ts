import { AppError } from "@/lib/errors";

export type ByteSource = AsyncIterable<Uint8Array | string>;

/** Passes chunks through, refusing the document as soon as it grows past `maxBytes`. */
export async function* limitBytes(source: ByteSource, maxBytes: number, onBytes?: (n: number) => void): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    total += bytes.byteLength;
    if (total > maxBytes) throw tooLarge(maxBytes);
    onBytes?.(total);
    yield bytes;
  }
}

export function tooLarge(maxBytes: number) {
  return new AppError("payload_too_large", `Feed document is larger than the ${formatBytes(maxBytes)} limit (INGEST_MAX_BYTES)`, {
    maxBytes,
  });
}

/**
 * Reads at least `want` bytes (or the whole document, if shorter) and gives them back as
 * text together with a stream that replays them before the rest: format detection
 * looks at the head without consuming it.
 */
export async function peek(source: AsyncIterable<Uint8Array>, want = 8192): Promise<{ head: string; rest: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < want) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    size += next.value.byteLength;
  }
  const head = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(seen).subarray(0, want));
  async function* rest() {
    yield* seen;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, rest: rest() };
}

export async function readText(source: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
