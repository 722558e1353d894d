import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadCandidates, loadSentPapers } from "@/lib/digest/candidates";
import { compileFilters, NO_FILTERS, preparePaper, type DigestFilters, type DigestPaper } from "@/lib/digest/filters";
import { parsePeriod, periodOfDay, type Frequency, type Period } from "@/lib/digest/periods";
import { orderForYou } from "@/lib/digest/for-you-order";
import { getDigestOrder, getEmailSettings, type EmailSettings } from "@/lib/digest/subscriptions";

export interface DigestPreviewOptions {
  userId: string;
  /** Defaults to the person's own frequency (daily without a subscription). */
  frequency?: Frequency;
  /** A period key of that frequency; defaults to the latest period with papers. */
  period?: string;
}

export interface DigestPreview {
  settings: EmailSettings | null;
  period: Period | null;
  papers: DigestPaper[];
  filters: DigestFilters;
  limit: number;
  /** In the person's "For you" order, as their digest will be. */
  forYou: boolean;
}

/**
 * What the signed-in person's digest holds for a period: the same selection as a digest run
 * (their filters and size, without the papers they were already sent).
 */
export async function previewDigest(prisma: PrismaClient, o: DigestPreviewOptions): Promise<DigestPreview> {
  const settings = await getEmailSettings(prisma, { userId: o.userId });
  const frequency = o.frequency ?? settings?.frequency ?? "daily";
  const filters = settings?.filters ?? NO_FILTERS;
  const limit = settings?.limit ?? 10;
  let period = o.period ? parsePeriod(frequency, o.period) : null;
  if (!period) {
    const [latest] = await prisma.$queryRaw<{ day: Date | null }[]>`SELECT max(day) AS day FROM paper_features`;
    period = latest?.day ? periodOfDay(frequency, latest.day.toISOString().slice(0, 10)) : null;
  }
  const forYou = settings !== null && (await getDigestOrder(prisma, o.userId)) === "for-you";
  if (!period) return { settings, period: null, papers: [], filters, limit, forYou };

  const test = compileFilters(filters);
  const candidates = (await loadCandidates(prisma, period))
    .map(preparePaper)
    .filter(test)
    .map((c) => c.paper);
  const subscription = settings ? await prisma.subscription.findUnique({ where: { email: settings.email }, select: { id: true } }) : null;
  const sent = subscription
    ? ((
        await loadSentPapers(
          prisma,
          [subscription.id],
          candidates.map((c) => c.id),
        )
      ).get(subscription.id) ?? new Set<number>())
    : new Set<number>();
  let unsent = candidates.filter((p) => !sent.has(p.id));
  if (forYou) unsent = await orderForYou(prisma, o.userId, unsent);
  return { settings, period, papers: unsent.slice(0, limit), filters, limit, forYou };
}
