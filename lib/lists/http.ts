import "server-only";
import { AppError } from "@/lib/errors";

/**
 * The JSON body of a list request, refused before parsing when larger than `maxBytes`.
 * An empty body reads as `{}` (PUT of an item without a note).
 */
export async function readJsonBody(request: Request, maxBytes = 16_384): Promise<unknown> {
  const text = await readText(request, maxBytes);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON");
  }
}

/** The body as text, at most `maxBytes` (UTF-8), else payload_too_large. */
export async function readText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const buffer = await request.arrayBuffer();
  if (buffer.byteLength > maxBytes) throw tooLarge(maxBytes);
  return new TextDecoder().decode(buffer);
}

function tooLarge(maxBytes: number) {
  return new AppError("payload_too_large", `The body is larger than ${Math.round(maxBytes / 1024)} KB`);
}

export const privateHeaders = { "cache-control": "private, no-store" } as const;
