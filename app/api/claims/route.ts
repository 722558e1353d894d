import { NextResponse } from "next/server";
import { viewerFrom } from "@/lib/auth/viewer";
import { idInput } from "@/lib/admin/validation";
import { paperClaimState } from "@/lib/claims/claims";
import { withErrors } from "@/lib/http/route-handler";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/**
 * GET /api/claims?paper=<id>: who holds which author of a paper on this server, and the viewer's
 * own claim. The paper page is cached for everyone, so its claim panel asks this after loading.
 */
export const GET = withErrors(async (request: Request) => {
  const paperId = parseInput(idInput, new URL(request.url).searchParams.get("paper") ?? "");
  const viewer = await viewerFrom(request);
  return NextResponse.json(await paperClaimState(paperId, viewer), { headers: { "cache-control": "private, no-store" } });
});
