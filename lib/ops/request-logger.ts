import type { Logger } from "@/lib/logger";
import { logger } from "@/lib/logger";
import { REQUEST_ID_HEADER, requestIdOf } from "@/lib/ops/request-id";

/**
 * A logger for one request, bound to its id (set by proxy.ts on the request it forwards,
 * so it matches the `x-request-id` of the response), method and path. Query strings are
 * left out: they can carry tokens.
 */
export function requestLogger(request: Request, bindings: Record<string, unknown> = {}): Logger {
  return logger.child({
    requestId: requestIdOf(request.headers),
    method: request.method,
    path: new URL(request.url).pathname,
    ...bindings,
  });
}

/**
 * What proxy.ts does, for the routes it must not run for (the feed uploads, see its matcher):
 * the request's id, chosen once, binds the logger the handler gets and is set on the response.
 */
export async function withRequestId(request: Request, handle: (log: Logger) => Promise<Response>): Promise<Response> {
  const requestId = requestIdOf(request.headers);
  const response = await handle(requestLogger(request, { requestId }));
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}
