import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadCandidates, loadSentPapers } from "@/lib/digest/candidates";
import { orderForYou } from "@/lib/digest/for-you-order";
import { claimFirstSend, deliverClaimed, deliveryContext, newMessageId, recordSent, type DigestJob } from "@/lib/digest/deliver";
import {
  compileFilters,
  filterKey,
  hasFilters,
  preparePaper,
  type DigestFilters,
  type DigestPaper,
  type PreparedPaper,
} from "@/lib/digest/filters";
import type { Period } from "@/lib/digest/periods";
import type { DigestMailer } from "@/lib/email/smtp-pool";
import { logger as rootLogger, type Logger } from "@/lib/logger";

export interface RunDigestOptions {
  prisma: PrismaClient;
  period: Period;
  mailer: DigestMailer;
  /** Digests in flight at once; keep it at the mailer's connection count. */
  concurrency?: number;
  now?: () => Date;
  log?: Logger;
  /** Subscriptions read from Postgres per query. */
  pageSize?: number;
}

export interface DigestRunSummary {
  runId: number;
  frequency: Period["frequency"];
  period: string;
  /** Digests delivered. */
  sent: number;
  /** Due subscriptions with nothing new that matches: no email. */
  empty: number;
  /** Failed and waiting for a retry. */
  failed: number;
  /** Given up (out of tries, or refused for good) or bounced. */
  gaveUp: number;
  /** Sent with no answer from the server: maybe delivered, left for the admin (see deliver.ts). */
  unknown: number;
  /** Taken by another run first (a concurrent run, or a subscription that changed meanwhile). */
  skipped: number;
  ms: number;
}

interface DueSubscription {
  id: number;
  email: string;
  limit: number;
  keywords: string[];
  authors: string[];
  organizations: string[];
  categories: string[];
  /** "for-you": the owner's recommendations first (lib/recs), then trending. */
  order: string;
  user_id: string | null;
}

/**
 * One digest run for a period: every active subscription of that frequency that has not had
 * this period's digest yet gets the period's trending papers that match its filters and that it
 * was never sent, at most its limit; a subscription with none gets nothing. Safe to run again,
 * or beside another run: each digest is claimed in Postgres first (see deliver.ts).
 */
export async function runDigest(opts: RunDigestOptions): Promise<DigestRunSummary> {
  const { prisma, period } = opts;
  const started = Date.now();
  const log = (opts.log ?? rootLogger).child({ component: "digest", frequency: period.frequency, period: period.key });
  const run = await prisma.digestRun.create({ data: { frequency: period.frequency, period: period.key }, select: { id: true } });
  const summary: DigestRunSummary = {
    runId: run.id,
    frequency: period.frequency,
    period: period.key,
    sent: 0,
    empty: 0,
    failed: 0,
    gaveUp: 0,
    unknown: 0,
    skipped: 0,
    ms: 0,
  };
  const ctx = deliveryContext({ prisma, mailer: opts.mailer, log, now: opts.now });

  try {
    const candidates = (await loadCandidates(prisma, period)).map(preparePaper);
    log.info({ runId: run.id, candidates: candidates.length }, "digest run started");
    const jobs = dueJobs(prisma, period, candidates, summary, opts.pageSize ?? 1000);
    const workers = Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, async () => {
      // This worker's last delivered digest, recorded with its next claim (or at the end).
      let unrecorded: number | null = null;
      for (;;) {
        const next = await jobs.next();
        if (next.done) break;
        const job = next.value;
        const messageId = newMessageId(ctx);
        const sendId = await claimFirstSend(ctx, job, run.id, messageId, unrecorded);
        unrecorded = null;
        if (sendId === null) {
          summary.skipped++;
          continue;
        }
        const outcome = await deliverClaimed(ctx, sendId, 1, messageId, job, { deferSent: true });
        if (outcome === "sent") {
          summary.sent++;
          unrecorded = sendId;
        } else if (outcome === "failed") summary.failed++;
        else if (outcome === "unknown") summary.unknown++;
        else summary.gaveUp++;
      }
      if (unrecorded !== null) await recordSent(ctx, unrecorded);
    });
    await Promise.all(workers);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await prisma.digestRun.update({ where: { id: run.id }, data: { error: message.slice(0, 2000), ...counts(summary) } }).catch(() => {});
    throw err;
  }
  summary.ms = Date.now() - started;
  await prisma.digestRun.update({ where: { id: run.id }, data: { finishedAt: new Date(), ...counts(summary) } });
  log.info({ ...summary }, "digest run finished");
  return summary;
}

function counts(s: DigestRunSummary) {
  return { sentCount: s.sent, skippedCount: s.empty + s.skipped, failedCount: s.failed + s.gaveUp + s.unknown };
}

/**
 * The digests to send, page by page of due subscriptions. Subscriptions with the same filters
 * share one pass over the candidates; each then drops the papers it was already sent.
 */
async function* dueJobs(
  prisma: PrismaClient,
  period: Period,
  candidates: PreparedPaper[],
  summary: DigestRunSummary,
  pageSize: number,
): AsyncGenerator<DigestJob> {
  const matchesByFilters = new Map<string, DigestPaper[]>();
  const candidateIds = candidates.map((c) => c.paper.id);
  let after = 0;
  for (;;) {
    const page = await prisma.$queryRaw<DueSubscription[]>`
      SELECT s.id, s.email, s."limit", s.keywords, s.authors, s.organizations, s.categories, s."order", s.user_id
        FROM subscriptions s
       WHERE s.status = 'active' AND s.frequency = ${period.frequency}::digest_frequency AND s.id > ${after}
         AND NOT EXISTS (SELECT 1 FROM digest_sends d
                          WHERE d.subscription_id = s.id AND d.frequency = ${period.frequency}::digest_frequency AND d.period = ${period.key})
       ORDER BY s.id
       LIMIT ${pageSize}`;
    if (!page.length) return;
    after = page[page.length - 1].id;
    const sent = candidates.length
      ? await loadSentPapers(
          prisma,
          page.map((s) => s.id),
          candidateIds,
        )
      : new Map<number, Set<number>>();
    for (const sub of page) {
      const filters: DigestFilters = {
        keywords: sub.keywords,
        authors: sub.authors,
        organizations: sub.organizations,
        categories: sub.categories,
      };
      const key = filterKey(filters);
      let matching = matchesByFilters.get(key);
      if (!matching) {
        const test = compileFilters(filters);
        matching = candidates.filter(test).map((c) => c.paper);
        matchesByFilters.set(key, matching);
      }
      const already = sent.get(sub.id);
      let unsent = already ? matching.filter((p) => !already.has(p.id)) : matching;
      const owner = sub.order === "for-you" ? sub.user_id : null;
      const forYou = owner !== null;
      if (owner) unsent = await orderForYou(prisma, owner, unsent);
      const papers = unsent.slice(0, sub.limit);
      if (!papers.length) {
        summary.empty++;
        continue;
      }
      yield { subscriptionId: sub.id, email: sub.email, period, papers, filtered: hasFilters(filters), forYou };
    }
    if (page.length < pageSize) return;
  }
}
