/** Process and database measurements shared by the bench/ingest* scripts. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** Fields after "(comm) " of /proc/<pid>/stat: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14), in 1/100 s. */
const stat = (pid: number | string) => readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");

/**
 * CPU milliseconds the cluster has used: the postmaster, its live children, and the exited
 * backends it has reaped. On a shared 2-core machine, CPU time is steadier than wall time.
 */
export function postgresCpuMs(dataDir: string): number {
  const postmaster = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0];
  let ticks = stat(postmaster)
    .slice(11, 15)
    .reduce((a, v) => a + Number(v), 0);
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const f = stat(pid);
      if (f[1] === postmaster) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // exited meanwhile
    }
  }
  return ticks * 10;
}

/** CPU milliseconds (user + system) a live process has used. */
export function processCpuMs(pid: number): number {
  const f = stat(pid);
  return (Number(f[11]) + Number(f[12])) * 10;
}

/** A `Vm*` line of /proc/<pid>/status in KB: VmHWM is the peak resident set so far, VmRSS the current one. */
export function vmKb(pid: number, field: "VmHWM" | "VmRSS"): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${field}:`));
  return line ? Number(/(\d+)/.exec(line)?.[1] ?? 0) : 0;
}

/** Runs statements on a connection of its own. */
export async function sql<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** The same server's URL with another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
