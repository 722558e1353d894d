import "server-only";
import type { NextRequest } from "next/server";
import { requireViewer, type Viewer } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http/api-error";

/**
 * A Next route handler. Routes without dynamic segments take no context, so their tests (and
 * Next) may call them with the request alone.
 */
export type RouteHandler<R extends Request, C> = [C] extends [undefined]
  ? (request: R) => Promise<Response>
  : (request: R, context: C) => Promise<Response>;

/** A route handler whose thrown errors all become the one JSON error shape (`errorResponse`). */
export function withErrors<C = undefined, R extends Request = NextRequest>(
  handler: (request: R, context: C) => Promise<Response>,
): RouteHandler<R, C> {
  const wrapped = async (request: R, context: C) => {
    try {
      return await handler(request, context);
    } catch (err) {
      return errorResponse(err);
    }
  };
  return wrapped as RouteHandler<R, C>;
}

/**
 * A route handler for a signed-in viewer (`requireViewer`: session cookie or API token; with
 * `mutation`, the same-origin check and the rate limit), errors answered as by `withErrors`.
 */
export function withViewer<C = undefined, R extends Request = NextRequest>(
  options: { mutation: boolean },
  handler: (request: R, viewer: Viewer, context: C) => Promise<Response>,
): RouteHandler<R, C> {
  return withErrors<C, R>(async (request, context) => handler(request, await requireViewer(request, options), context));
}
