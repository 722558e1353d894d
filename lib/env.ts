import path from "node:path";
import { z } from "zod";

/**
 * Every environment variable Paperboy reads, validated in one place. Read through
 * `env()` (not at import time): the boot code fills in DATABASE_URL and SMTP_URL for
 * the embedded services before the rest of the app asks for them.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Postgres to use. Unset: an embedded Postgres is started under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Where embedded Postgres, the mail catcher and generated secrets keep their files. */
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().positive().default(54329),
  /** Bearer token for POST /api/ingest. Unset with the embedded database: generated into DATA_DIR. */
  INGEST_TOKEN: z.string().min(16, "INGEST_TOKEN must be at least 16 characters").optional(),
  /** Largest feed document accepted, in bytes (default 20 MB). */
  INGEST_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  /** Comma- or whitespace-separated feed URLs to poll on a schedule. */
  FEED_URLS: z.string().default(""),
  /** How often each configured feed is polled. */
  FEED_POLL_MINUTES: z.coerce.number().int().min(1).default(60),
  /** Load the bundled sample feeds at start: default on with the embedded database only. */
  SEED_SAMPLE_FEEDS: z.enum(["true", "false"]).optional(),
  /** Run the job worker in this process (set to false for web-only instances). */
  WORKER_ENABLED: z.enum(["true", "false"]).default("true"),
  /** SMTP server for outgoing mail, e.g. smtp://user:pass@host:587. Unset: embedded mail catcher. */
  SMTP_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().default("Paperboy <paperboy@localhost>"),
  MAILDEV_SMTP_PORT: z.coerce.number().int().positive().default(1025),
  MAILDEV_WEB_PORT: z.coerce.number().int().positive().default(1080),
  /** Signs Auth.js cookies and tokens. Unset with the embedded database: generated into DATA_DIR. */
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  /** The public URL of the site (e.g. https://papers.example.org), used in sign-in and digest links. */
  AUTH_URL: z.string().url().optional(),
  /**
   * How many reverse proxies stand in front of the app and append to X-Forwarded-For. The
   * client address used by per-client limits is read that many hops from the right; 0 (the
   * default) trusts no header and uses the TCP peer. Set it to 1 behind one nginx or load balancer.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Let feed URLs (admin feeds, FEED_URLS, ingest by URL) reach loopback, private, link-local
   * and multicast addresses. Off by default, so those fetches cannot probe the server's own
   * network; labs that mirror feeds internally turn it on.
   */
  ALLOW_PRIVATE_FEEDS: z.enum(["true", "false"]).default("false"),
  /** GitHub OAuth app; sign-in with GitHub is offered only when both are set. */
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  /** Comma-separated emails of the admins. */
  ADMIN_EMAILS: z.string().default(""),
  /** Comments, replies and edits one person may post per hour (discussions under papers). */
  COMMENTS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(60),
  /** arXiv's API, asked for a submitted paper's metadata (a mirror or a test stand-in may replace it). */
  ARXIV_API_URL: z.string().url().default("https://export.arxiv.org/api/query"),
  /** Papers published more than this many days ago cannot be submitted to today's list. */
  SUBMISSION_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3650).default(7),
  /** How many papers one person may submit per UTC day. */
  SUBMISSIONS_PER_DAY: z.coerce.number().int().min(0).max(1000).default(5),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema>;

/** An empty variable counts as unset: compose files and .env templates write `SMTP_URL=`. */
export function env(): Env {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

export function dataDir(): string {
  return path.resolve(env().DATA_DIR);
}

export function feedUrls(): string[] {
  return env()
    .FEED_URLS.split(/[\s,]+/)
    .map((u) => u.trim())
    .filter(Boolean);
}
