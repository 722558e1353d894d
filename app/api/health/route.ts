import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { checkHealth } from "@/lib/ops/health";
import { requestLogger } from "@/lib/ops/request-logger";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/health: 200 when Postgres answers (`status` is `degraded` if the job queue is not
 * installed), 503 when it does not, within about two seconds either way. For load balancers,
 * container health checks and uptime monitors; never cached.
 */
export async function GET(request: NextRequest) {
  const log = requestLogger(request);
  const report = await checkHealth({ databaseUrl: databaseUrl(), log });
  return NextResponse.json(report, {
    status: report.database.ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}

function databaseUrl(): string | undefined {
  try {
    return env().DATABASE_URL;
  } catch {
    return undefined;
  }
}
