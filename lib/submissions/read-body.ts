import "server-only";
import { AppError } from "@/lib/errors";

/** Largest request body the submit API reads: `{"arxiv": "…", "name": "…"}` needs a few hundred bytes. */
export const SUBMIT_MAX_BYTES = 4096;

/**
 * The JSON body of a small request, read as a stream and cut off at `maxBytes` (a chunked body
 * with no Content-Length included), so a huge body costs at most that much memory.
 */
export async function readSmallJson(request: Request, maxBytes = SUBMIT_MAX_BYTES): Promise<unknown> {
  const tooLarge = () => new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", 'The body is not valid JSON: send {"arxiv": "2406.12345"}');
  }
}
