import type { Logger } from "@/lib/logger";
import { logger } from "@/lib/logger";
import { requestIdOf } from "@/lib/ops/request-id";

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
