import type { PrismaClient } from "@/lib/generated/prisma/client";
import { duePeriod, FREQUENCIES, type Frequency, type Period } from "@/lib/digest/periods";
import { retryDueSends, resolveStaleSends, type RetrySummary } from "@/lib/digest/retries";
import { runDigest, type DigestRunSummary } from "@/lib/digest/run-digest";
import { createDigestMailer, type DigestMailer } from "@/lib/email/smtp-pool";

export interface TickOptions {
  prisma: PrismaClient;
  now?: Date;
  /** Defaults to a pooled transport on SMTP_URL, closed at the end. */
  mailer?: DigestMailer;
  /** Run these periods even if a run of them already finished (`npm run digest -- --now`). */
  force?: boolean;
  frequencies?: readonly Frequency[];
  /** Instead of the due periods (the CLI's `--period`). */
  periods?: Period[];
  concurrency?: number;
}

export interface TickSummary {
  stale: number;
  runs: DigestRunSummary[];
  retries: RetrySummary;
}

/**
 * What the every-minute job does: give up sends orphaned by a crash, run each frequency's due
 * period unless a run of it already finished (a crashed run did not finish, so the next tick
 * completes it), then send the retries that are due. Cheap when there is nothing to do.
 */
export async function runDueDigests(opts: TickOptions): Promise<TickSummary> {
  const now = opts.now ?? new Date();
  const clock = opts.now ? () => now : undefined;
  const stale = await resolveStaleSends(opts.prisma, now);
  const periods = opts.periods ?? (opts.frequencies ?? FREQUENCIES).map((f) => duePeriod(f, now));
  const toRun: Period[] = [];
  for (const period of periods) {
    if (opts.force || !(await finishedRunExists(opts.prisma, period))) toRun.push(period);
  }
  const retriesDue = await opts.prisma.digestSend.count({ where: { status: "failed", nextAttemptAt: { lte: now } } });
  const summary: TickSummary = { stale, runs: [], retries: { sent: 0, failed: 0, gaveUp: 0, unknown: 0 } };
  if (!toRun.length && !retriesDue) return summary;

  // Connected on the first email only: a tick with no one to mail needs no SMTP server.
  const mailer = opts.mailer ?? lazyMailer(() => createDigestMailer({ connections: opts.concurrency }));
  try {
    for (const period of toRun) {
      summary.runs.push(await runDigest({ prisma: opts.prisma, period, mailer, now: clock, concurrency: opts.concurrency }));
    }
    if (retriesDue) summary.retries = await retryDueSends({ prisma: opts.prisma, mailer, now: clock });
  } finally {
    if (!opts.mailer) mailer.close();
  }
  return summary;
}

async function finishedRunExists(prisma: PrismaClient, period: Period): Promise<boolean> {
  const run = await prisma.digestRun.findFirst({
    where: { frequency: period.frequency, period: period.key, finishedAt: { not: null } },
    select: { id: true },
  });
  return run !== null;
}

function lazyMailer(create: () => DigestMailer): DigestMailer {
  let mailer: DigestMailer | null = null;
  return {
    send: (message) => (mailer ??= create()).send(message),
    close: () => mailer?.close(),
  };
}
