import { db } from "@/lib/db";
import { unsubscribeWithToken } from "@/lib/digest/subscriptions";
import { AppError } from "@/lib/errors";
import { withErrors } from "@/lib/http/route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ token: string }>;
}

/**
 * One-click unsubscribe (RFC 8058): the target of every digest's `List-Unsubscribe` header, which
 * mailbox providers POST to with `List-Unsubscribe=One-Click` when the person clicks their
 * "Unsubscribe" button. The signed token in the path is the authorization: no session, no
 * Origin check (the POST comes from the provider's servers, not from our pages). Idempotent.
 */
export const POST = withErrors<Context, Request>(async (_request, { params }) => {
  const { token } = await params;
  const done = await unsubscribeWithToken(db(), token);
  if (!done) throw new AppError("not_found", "This unsubscribe link is not valid");
  return new Response("You are unsubscribed: no more digests will be sent to this address.\n", {
    status: 200,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
});

/**
 * Opened in a browser, the same URL leads to the page that asks before unsubscribing: a GET never
 * unsubscribes, because mail scanners and link previews fetch every link in a message.
 */
export async function GET(_request: Request, { params }: Context) {
  const { token } = await params;
  return new Response(null, {
    status: 303,
    headers: { location: `/unsubscribe/${encodeURIComponent(token)}`, "cache-control": "no-store" },
  });
}
