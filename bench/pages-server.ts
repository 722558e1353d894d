/**
 * The production build in .next-bench (never .next) and its standalone server, for
 * bench/pages.ts and bench/pages-explain.ts.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { freePort } from "@/lib/test/postgres";
import { startCommand } from "@/lib/test/start-command";
import { root, seconds, spawnTracked, stopChild } from "./pages-util";

export const DIST_DIR = ".next-bench";
export const distDir = path.join(root, DIST_DIR);
export const serverJs = path.join(distDir, "standalone/server.js");

/** More Node flags for an experiment, such as `--trace-gc` (its lines go to the server's log). */
const extraNodeFlags = () => (process.env.BENCH_SERVER_NODE_FLAGS ?? "").split(/\s+/).filter(Boolean);

/**
 * `next build` with a distDir of its own adds it to tsconfig.json's include and points
 * next-env.d.ts at it: both are put back as they were once the build ends (also when the
 * bench is stopped half-way, through `pendingRestore`).
 */
export let pendingRestore: (() => void) | undefined;

function snapshotBuildTouched(): () => void {
  const files = ["tsconfig.json", "next-env.d.ts"].map((f) => path.join(root, f));
  const before = new Map(files.map((f) => [f, existsSync(f) ? readFileSync(f, "utf8") : null]));
  return () => {
    for (const [f, content] of before) {
      const now = existsSync(f) ? readFileSync(f, "utf8") : null;
      if (content !== null && now !== content) writeFileSync(f, content);
    }
  };
}

/**
 * `NEXT_DIST_DIR=.next-bench next build` (not `npm run build`, whose asset copy reads
 * .next), then the static assets copied where the standalone server looks for them.
 * Returns false (after printing why) when the build fails.
 */
export async function build(logFile: string): Promise<boolean> {
  console.log(`building the production app into ${DIST_DIR} (log: ${logFile})`);
  const t = performance.now();
  const log: string[] = [];
  // As scripts/clean-standalone.mjs does before `npm run build`: an old standalone folder may hold
  // an earlier build's rendered pages, which this one would serve.
  rmSync(path.join(distDir, "standalone"), { recursive: true, force: true });
  pendingRestore = snapshotBuildTouched();
  let code: number | null;
  try {
    code = await new Promise<number | null>((resolve, reject) => {
      const child = spawnTracked(path.join(root, "node_modules/.bin/next"), ["build"], {
        cwd: root,
        env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const timer = setTimeout(() => child.kill("SIGTERM"), 20 * 60_000);
      for (const s of [child.stdout!, child.stderr!]) s.setEncoding("utf8").on("data", (d: string) => log.push(d));
      child.on("error", reject);
      child.on("close", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
  } finally {
    pendingRestore();
    pendingRestore = undefined;
    writeFileSync(logFile, log.join(""));
  }
  if (code !== 0 || !existsSync(serverJs)) {
    console.log(`BUILD FAILED (exit code ${code}); the end of its output:\n${log.join("").split("\n").slice(-40).join("\n")}`);
    return false;
  }
  // The standalone server serves /_next/static from <its folder>/<distDir>/static, and
  // public/ from beside it; `output: "standalone"` copies neither.
  const builtDistDir = /"distDir":"([^"]+)"/.exec(readFileSync(serverJs, "utf8"))?.[1] ?? DIST_DIR;
  cpSync(path.join(distDir, "static"), path.join(distDir, "standalone", builtDistDir, "static"), { recursive: true });
  if (existsSync(path.join(root, "public")))
    cpSync(path.join(root, "public"), path.join(distDir, "standalone/public"), { recursive: true });
  console.log(`built in ${seconds(performance.now() - t)}`);
  return true;
}

export interface RunningServer {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** The standalone server on a free loopback port against `databaseUrl`, once it answers. */
export async function startServer(databaseUrl: string, workDir: string): Promise<RunningServer> {
  const port = await freePort();
  const standalone = path.join(distDir, "standalone");
  const serverLog: string[] = [];
  const { flags, script } = startCommand(root);
  const child = spawnTracked(process.execPath, [...flags, ...extraNodeFlags(), script], {
    cwd: standalone,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PAPERBOY_SERVER_JS: serverJs,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATA_DIR: path.join(workDir, "data"),
      WORKER_ENABLED: "false",
      SEED_SAMPLE_FEEDS: "false",
      LOG_LEVEL: "warn",
      SMTP_URL: "smtp://127.0.0.1:1",
      AUTH_SECRET: "bench-auth-secret-0123456789abcdef",
      INGEST_TOKEN: "bench-ingest-token-0123456789",
      FEED_URLS: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const s of [child.stdout!, child.stderr!]) s.setEncoding("utf8").on("data", (d: string) => serverLog.push(d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode}):\n${serverLog.join("").slice(-3000)}`);
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`the server did not answer within 120 s:\n${serverLog.join("").slice(-3000)}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/daily_papers?limit=1`, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return {
    baseUrl,
    pid: child.pid!,
    stop: async () => {
      await stopChild(child);
      writeFileSync(path.join(workDir, "server.log"), serverLog.join(""));
      const problems = serverLog
        .join("")
        .split("\n")
        .filter((l) => /"level":(50|60)|Error/.test(l));
      if (problems.length) {
        console.log(
          `server logged ${problems.length} error lines (all in ${path.join(workDir, "server.log")}), e.g.:\n  ${problems
            .slice(0, 3)
            .map((l) => l.slice(0, 400))
            .join("\n  ")}`,
        );
      }
    },
  };
}
