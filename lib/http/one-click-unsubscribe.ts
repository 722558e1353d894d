import { AppError } from "@/lib/errors";
import { withErrors } from "@/lib/http/route-handler";

interface Context {
  params: Promise<{ token: string }>;
}

/**
 * The route handlers of a one-click unsubscribe address (RFC 8058), the target of an email's
 * `List-Unsubscribe` header. POST unsubscribes: the signed token in the path is the authorization
 * (no session, no Origin check: mailbox providers POST from their own servers), and it is
 * idempotent. GET, a link opened in a browser, only leads to `pagePath` + the token, the page that
 * asks first: mail scanners and link previews fetch every link in a message. `unsubscribe`
 * answers something truthy when the token named a subscriber, null or false when it did not.
 */
export function oneClickUnsubscribe(opts: { unsubscribe: (token: string) => Promise<unknown>; done: string; pagePath: string }) {
  const POST = withErrors<Context, Request>(async (_request, { params }) => {
    const { token } = await params;
    if (!(await opts.unsubscribe(token))) throw new AppError("not_found", "This unsubscribe link is not valid");
    return new Response(`${opts.done}\n`, {
      status: 200,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  });
  async function GET(_request: Request, { params }: Context) {
    const { token } = await params;
    return new Response(null, {
      status: 303,
      headers: { location: `${opts.pagePath}/${encodeURIComponent(token)}`, "cache-control": "no-store" },
    });
  }
  return { POST, GET };
}
