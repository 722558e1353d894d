import type { PrismaClient } from "@/lib/generated/prisma/client";
import { digestRules, siteUrl } from "@/lib/digest/config";
import { newConfirmToken, unsubscribeToken } from "@/lib/digest/tokens";
import { renderAlreadySubscribedEmail, renderConfirmEmail } from "@/lib/email/render";
import { sendEmail, type Email } from "@/lib/email/mailer";

export interface SubscriptionMailOptions {
  now?: Date;
  /** Defaults to the app's mailer (SMTP_URL). */
  send?: (email: Email) => Promise<unknown>;
}

/**
 * Mails what a sign-up asked for (run by the job queue, so the web answer never waits on SMTP
 * and takes as long whether or not the address was known): a fresh confirmation link, or, when
 * the address is already subscribed, a notice. If SMTP fails, the address may ask again at once.
 */
export async function deliverSubscriptionMail(
  prisma: PrismaClient,
  subscriptionId: number,
  o: SubscriptionMailOptions = {},
): Promise<"confirm" | "notice" | null> {
  const now = o.now ?? new Date();
  const send = o.send ?? sendEmail;
  const sub = await prisma.subscription.findUnique({
    where: { id: subscriptionId },
    select: { id: true, email: true, status: true, frequency: true },
  });
  if (!sub) return null;
  const site = siteUrl();
  const host = new URL(site).host;
  try {
    if (sub.status === "active") {
      const token = unsubscribeToken(sub.id);
      const mail = await renderAlreadySubscribedEmail({
        host,
        frequency: sub.frequency,
        settingsUrl: `${site}/settings/email`,
        unsubscribeUrl: `${site}/unsubscribe/${token}`,
      });
      await send({
        to: sub.email,
        ...mail,
        headers: { "List-Unsubscribe": `<${site}/api/unsubscribe/${token}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      });
      return "notice";
    }
    const { token, hash } = newConfirmToken();
    await prisma.subscription.update({ where: { id: sub.id }, data: { confirmTokenHash: hash, confirmSentAt: now } });
    const mail = await renderConfirmEmail({
      host,
      frequency: sub.frequency,
      confirmUrl: `${site}/subscribe/confirm/${token}`,
      ttlDays: digestRules.confirmTtlDays,
    });
    await send({ to: sub.email, ...mail });
    return "confirm";
  } catch (err) {
    await prisma.subscription.update({ where: { id: sub.id }, data: { confirmSentAt: null } }).catch(() => {});
    throw err;
  }
}
