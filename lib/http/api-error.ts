import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** Turns any thrown error into the one JSON error shape; unexpected ones are logged, not shown. */
export function errorResponse(err: unknown): NextResponse {
  if (err instanceof AppError) {
    const retryAfter = err.details?.retryAfter;
    return NextResponse.json(
      { error: { code: err.code, message: err.message, ...err.details } },
      { status: err.httpStatus, headers: typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : undefined },
    );
  }
  logger.error({ err: err instanceof Error ? err.stack : String(err) }, "unhandled error in route");
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side" } }, { status: 500 });
}
