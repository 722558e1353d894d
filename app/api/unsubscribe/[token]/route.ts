import { db } from "@/lib/db";
import { unsubscribeWithToken } from "@/lib/digest/subscriptions";
import { oneClickUnsubscribe } from "@/lib/http/one-click-unsubscribe";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One-click unsubscribe from digests: the target of every digest's `List-Unsubscribe` header. */
export const { POST, GET } = oneClickUnsubscribe({
  unsubscribe: (token) => unsubscribeWithToken(db(), token),
  done: "You are unsubscribed: no more digests will be sent to this address.",
  pagePath: "/unsubscribe",
});
