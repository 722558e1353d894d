import { unsubscribeDiscussionsWithToken } from "@/lib/comments/viewer";
import { oneClickUnsubscribe } from "@/lib/http/one-click-unsubscribe";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One-click unsubscribe from discussion emails: the target of their `List-Unsubscribe` header. */
export const { POST, GET } = oneClickUnsubscribe({
  unsubscribe: unsubscribeDiscussionsWithToken,
  done: "Discussion emails are off: no more emails about comments will be sent to this address.",
  pagePath: "/unsubscribe/discussions",
});
