/**
 * npm run bench:digest -- [--subscribers N] [--papers N] [--concurrency N] [--keep]
 *
 * Digest throughput on a fresh embedded Postgres: one day of N synthetic papers (default 60, a
 * busy Hugging Face day), N subscribers (default 10,000) with mixed filters and sizes, and one
 * digest run into a local SMTP sink (smtp-server in a child process, counting messages and
 * discarding their bodies). Prints emails/s and the total time against the 60 s target.
 * Exits 1 only when the counts are wrong (or the bench itself fails).
 */
import { fork } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import "./quiet-logs";
import { createPrismaClient } from "@/lib/db";
import { parsePeriod } from "@/lib/digest/periods";
import { runDigest } from "@/lib/digest/run-digest";
import { createDigestMailer } from "@/lib/email/smtp-pool";
import { runIngest } from "@/lib/ingest/run-ingest";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/server/embedded-postgres";
import { applyMigrations } from "@/lib/server/migrate";
import { streamOf } from "@/lib/test/fixtures";
import { freePort } from "@/lib/test/postgres";
import { runBench } from "./pages-util";

const TARGET_SECONDS = 60;
const DAY = "2026-03-02";

const { values } = parseArgs({
  options: {
    subscribers: { type: "string", default: "10000" },
    papers: { type: "string", default: "60" },
    concurrency: { type: "string", default: "8" },
    keep: { type: "boolean", default: false },
  },
});
const subscribers = Number(values.subscribers);
const papers = Number(values.papers);
const concurrency = Number(values.concurrency);
for (const [name, n] of [
  ["subscribers", subscribers],
  ["papers", papers],
  ["concurrency", concurrency],
] as const) {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root); // applyMigrations reads prisma/migrations from the working directory
const tmp = mkdtempSync(path.join(os.tmpdir(), "paperboy-bench-digest-"));
process.on("exit", () => {
  if (!values.keep) rmSync(tmp, { recursive: true, force: true });
});
process.env.AUTH_SECRET ??= "bench-digest-secret-0123456789";
process.env.AUTH_URL ??= "https://papers.example.org";
process.env.EMAIL_FROM ??= "Paperboy <digest@papers.example.org>";

const TOPICS = [
  "diffusion",
  "LLM",
  "robot",
  "attention",
  "agents",
  "vision",
  "speech",
  "quantization",
  "retrieval",
  "reasoning",
  "video",
  "3D",
];
const AUTHORS = Array.from(
  { length: 40 },
  (_, i) =>
    `${["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "John"][i % 8]} ${["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov"][i % 5]}-${i}`,
);
const ORGS = ["DeepBio", "OpenLab", "VisionWorks", "SpeechCo", "RoboInc", "MathAI"];
const CATEGORIES = ["cs.LG", "cs.CL", "cs.CV", "cs.RO", "stat.ML", "eess.AS"];

/** A day's papers in Hugging Face's shape, with abstracts of a realistic length. */
function feed(): string {
  return JSON.stringify(
    Array.from({ length: papers }, (_, i) => {
      const topic = TOPICS[i % TOPICS.length];
      const title = `${topic[0].toUpperCase()}${topic.slice(1)} at Scale ${i}: Efficient Methods for ${TOPICS[(i * 7) % TOPICS.length]} Tasks`;
      return {
        title,
        publishedAt: `${DAY}T12:00:00.000Z`,
        numComments: i % 5,
        submittedBy: { name: "akhaliq", fullname: "AK" },
        organization: { name: ORGS[i % ORGS.length], fullname: `${ORGS[i % ORGS.length]} Research` },
        paper: {
          id: `2603.${String(10000 + i).padStart(5, "0")}`,
          title,
          summary: `We study ${topic} and ${TOPICS[(i + 3) % TOPICS.length]} in depth. `.repeat(20),
          authors: Array.from({ length: 3 + (i % 6) }, (_, j) => ({ name: AUTHORS[(i * 3 + j) % AUTHORS.length], hidden: false })),
          publishedAt: `${DAY}T00:00:00.000Z`,
          submittedOnDailyAt: `${DAY}T00:00:00.000Z`,
          upvotes: (i * 37) % 200,
          githubRepo: i % 3 === 0 ? `https://github.com/lab/repo-${i}` : undefined,
        },
      };
    }),
  );
}

async function main() {
  let pg: RunningPostgres | undefined;
  try {
    pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), port: await freePort() });
    await applyMigrations(pg.url);
    process.env.DATABASE_URL = pg.url;
    const prisma = createPrismaClient(pg.url, 10);

    const seedStarted = Date.now();
    await runIngest({ body: streamOf(feed()), origin: "bench", trigger: "cli", prisma });
    await prisma.$executeRawUnsafe(
      `UPDATE papers SET categories = ARRAY[(ARRAY[${CATEGORIES.map((c) => `'${c}'`).join(",")}])[1 + id % ${CATEGORIES.length}], 'cs.AI']`,
    );
    // Mixed subscribers: half without filters, the rest by keyword, author, organization,
    // category or category plus keyword; digests of 5, 10 or 25 papers.
    await prisma.$executeRawUnsafe(`
      INSERT INTO subscriptions (email, status, frequency, "limit", keywords, authors, organizations, categories, confirmed_at)
      SELECT 'reader' || i || '@bench.example', 'active', 'daily', (ARRAY[5, 10, 25])[1 + i % 3],
             CASE WHEN i % 10 IN (5, 9) THEN ARRAY[(ARRAY[${TOPICS.map((t) => `'${t}'`).join(",")}])[1 + (i / 10) % ${TOPICS.length}]] ELSE '{}' END,
             CASE WHEN i % 10 = 6 THEN ARRAY[(ARRAY[${AUTHORS.map((a) => `'${a}'`).join(",")}])[1 + (i / 10) % ${AUTHORS.length}]] ELSE '{}' END,
             CASE WHEN i % 10 = 7 THEN ARRAY[(ARRAY[${ORGS.map((o) => `'${o}'`).join(",")}])[1 + (i / 10) % ${ORGS.length}]] ELSE '{}' END,
             CASE WHEN i % 10 IN (8, 9) THEN ARRAY[(ARRAY[${CATEGORIES.map((c) => `'${c}'`).join(",")}])[1 + (i / 10) % ${CATEGORIES.length}]] ELSE '{}' END,
             now()
        FROM generate_series(1, ${subscribers}) AS i`);
    await prisma.$executeRawUnsafe("ANALYZE");
    console.log(
      `seeded ${papers} papers and ${subscribers.toLocaleString("en")} subscribers in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`,
    );

    const sink = fork(path.join(root, "bench/digest-sink.ts"), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const [{ port }] = (await once(sink, "message")) as [{ port: number }];
    const mailer = createDigestMailer({ url: `smtp://127.0.0.1:${port}`, connections: concurrency });
    const cpu = process.cpuUsage();
    const started = performance.now();
    const summary = await runDigest({ prisma, period: parsePeriod("daily", DAY)!, mailer, concurrency });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    mailer.close();

    sink.send("count");
    const [{ accepted, bytes }] = (await once(sink, "message")) as [{ accepted: number; bytes: number }];
    console.log(
      `digest run: ${summary.sent.toLocaleString("en")} emails sent, ${summary.empty} with nothing matching, ${summary.failed + summary.gaveUp} failed, in ${seconds.toFixed(1)} s`,
    );
    console.log(
      `  ${Math.round(summary.sent / seconds).toLocaleString("en")} emails/s · ${(bytes / summary.sent / 1024).toFixed(1)} KB per email · sender CPU ${((used.user + used.system) / 1e6).toFixed(1)} s`,
    );
    console.log(
      `  target: ${subscribers.toLocaleString("en")} digests in under ${TARGET_SECONDS} s: ${seconds < TARGET_SECONDS ? "met" : "NOT met"}`,
    );
    sink.send("stop");
    await once(sink, "exit");
    await prisma.$disconnect();
    const ok = accepted === summary.sent && summary.sent + summary.empty === subscribers && summary.failed + summary.gaveUp === 0;
    if (!ok) console.error(`counts do not add up: sink ${accepted}, ${JSON.stringify(summary)}`);
    return ok ? 0 : 1;
  } finally {
    await pg?.stop();
  }
}

runBench(main, 1);
