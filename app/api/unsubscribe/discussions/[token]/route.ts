import { unsubscribeDiscussionsWithToken } from "@/lib/comments/viewer";
import { AppError } from "@/lib/errors";
import { withErrors } from "@/lib/http/route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ token: string }>;
}

/**
 * One-click unsubscribe (RFC 8058) of discussion emails: the target of their `List-Unsubscribe`
 * header. The signed token is the authorization (no session, no Origin check: mailbox providers
 * POST from their servers). Idempotent.
 */
export const POST = withErrors<Context, Request>(async (_request, { params }) => {
  const { token } = await params;
  if (!(await unsubscribeDiscussionsWithToken(token))) throw new AppError("not_found", "This unsubscribe link is not valid");
  return new Response("Discussion emails are off: no more emails about comments will be sent to this address.\n", {
    status: 200,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
});

/** Opened in a browser: the page that asks first (a GET never unsubscribes: mail scanners open every link). */
export async function GET(_request: Request, { params }: Context) {
  const { token } = await params;
  return new Response(null, {
    status: 303,
    headers: { location: `/unsubscribe/discussions/${encodeURIComponent(token)}`, "cache-control": "no-store" },
  });
}
