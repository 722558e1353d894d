/** Small helpers shared by the bench/pages* scripts. */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Runs a bench script's main and exits with its code: 0 when its targets are met, 1 when
 * not; `errorCode` (2 unless the script says otherwise) when the bench itself failed.
 */
export function runBench(main: () => Promise<number>, errorCode = 2): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exit(errorCode);
    },
  );
}

/** Every child process still running, so a failure or Ctrl-C can end them all. */
export const children = new Set<ChildProcess>();

export function spawnTracked(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, options);
  children.add(child);
  child.on("exit", () => children.delete(child));
  child.on("error", () => children.delete(child));
  return child;
}

/** Sends `signal` to each child we started (by its pid, nothing else). */
export function killChildren(signal: NodeJS.Signals = "SIGTERM") {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}

/** Resolves when the child has exited; SIGKILLs it after `graceMs` if it has not. */
export function stopChild(child: ChildProcess | undefined, graceMs = 10_000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Runs a tsx script in its own Node process; resolves with its stdout when it exits 0. */
export function runTsx(
  script: string,
  args: string[],
  opts: { env?: Record<string, string | undefined>; nodeFlags?: string[]; echo?: boolean } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawnTracked(process.execPath, [...(opts.nodeFlags ?? []), "--import", "tsx", path.join(root, script), ...args], {
      cwd: root,
      env: { ...process.env, ...opts.env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout!.setEncoding("utf8").on("data", (s: string) => {
      stdout += s;
      if (opts.echo)
        process.stdout.write(
          s
            .split("\n")
            .filter((l) => l && !l.startsWith("BENCH_RESULT "))
            .map((l) => `${l}\n`)
            .join(""),
        );
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${script} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** The JSON of the `BENCH_RESULT {json}` line a child printed. */
export function benchResult<T>(stdout: string): T {
  const line = stdout.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
  if (!line) throw new Error("the child printed no BENCH_RESULT line");
  return JSON.parse(line.slice("BENCH_RESULT ".length)) as T;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const fmtInt = (n: number) => Math.round(n).toLocaleString("en");
