import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestToken } from "@/lib/ingest/token";
import { MissingSecretsError, authSecretFile, settleSecrets } from "@/lib/server/secrets";

const run = promisify(execFile);
const names = ["AUTH_SECRET", "INGEST_TOKEN", "DATABASE_URL", "DATA_DIR", "NODE_ENV"] as const;
const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
let dir = "";

const env = process.env as Record<string, string | undefined>;

function setEnv(vars: Partial<Record<(typeof names)[number], string>>) {
  for (const n of names) delete env[n];
  Object.assign(env, { DATA_DIR: dir, NODE_ENV: "production" }, vars);
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "paperboy-secrets-"));
});
afterEach(() => {
  for (const n of names) {
    if (saved[n] === undefined) delete env[n];
    else env[n] = saved[n];
  }
  rmSync(dir, { recursive: true, force: true });
});

describe("settleSecrets", () => {
  it("with the embedded database, generates both secrets once, keeps them and exports AUTH_SECRET", () => {
    setEnv({});
    const first = settleSecrets({ embedded: true });
    expect(first.map((g) => g.name)).toEqual(["AUTH_SECRET", "INGEST_TOKEN"]);
    const secret = process.env.AUTH_SECRET!;
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(authSecretFile(), "utf8")).toBe(secret);
    expect(statSync(authSecretFile()).mode & 0o777).toBe(0o600);
    const token = ingestToken();
    expect(token).toBeTruthy();

    // A restart: the environment is fresh, the files are not.
    setEnv({});
    settleSecrets({ embedded: true });
    expect(process.env.AUTH_SECRET).toBe(secret);
    expect(ingestToken()).toBe(token);
  });

  it("uses configured secrets as they are and writes nothing", () => {
    setEnv({ AUTH_SECRET: "configured-auth-secret-0123456789", INGEST_TOKEN: "configured-ingest-token-0123" });
    expect(settleSecrets({ embedded: true })).toEqual([]);
    expect(settleSecrets({ embedded: false })).toEqual([]);
    expect(process.env.AUTH_SECRET).toBe("configured-auth-secret-0123456789");
    expect(existsSync(authSecretFile())).toBe(false);
    expect(existsSync(path.join(dir, "ingest-token"))).toBe(false);
  });

  it.each([
    [{}, ["AUTH_SECRET", "INGEST_TOKEN"]],
    [{ AUTH_SECRET: "configured-auth-secret-0123456789" }, ["INGEST_TOKEN"]],
    [{ INGEST_TOKEN: "configured-ingest-token-0123" }, ["AUTH_SECRET"]],
    [{ AUTH_SECRET: "", INGEST_TOKEN: "" }, ["AUTH_SECRET", "INGEST_TOKEN"]],
  ])("with DATABASE_URL in production, refuses %j naming every missing secret", (vars, missing) => {
    setEnv({ DATABASE_URL: "postgresql://paperboy:pw@db:5432/paperboy", ...vars });
    let error: unknown;
    try {
      settleSecrets({ embedded: false });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingSecretsError);
    expect((error as MissingSecretsError).missing).toEqual(missing);
    for (const name of missing) expect((error as Error).message).toContain(name);
    expect(existsSync(authSecretFile())).toBe(false);
  });

  it("with DATABASE_URL in development, generates them like the embedded install", () => {
    setEnv({ DATABASE_URL: "postgresql://paperboy:pw@db:5432/paperboy", NODE_ENV: "development" });
    expect(settleSecrets({ embedded: false }).map((g) => g.name)).toEqual(["AUTH_SECRET", "INGEST_TOKEN"]);
    expect(process.env.AUTH_SECRET).toBe(readFileSync(authSecretFile(), "utf8"));
  });
});

describe("server start-up", () => {
  it("exits non-zero naming the missing secrets, before touching the database", { timeout: 60_000 }, async () => {
    const childEnv: Record<string, string | undefined> = {
      ...env,
      NODE_ENV: "production",
      DATA_DIR: dir,
      LOG_LEVEL: "info",
      DATABASE_URL: "postgresql://paperboy:pw@127.0.0.1:1/paperboy",
    };
    delete childEnv.AUTH_SECRET;
    delete childEnv.INGEST_TOKEN;
    const result = await run(process.execPath, ["--import", "tsx", "-e", 'import("./lib/server/boot.ts").then((m) => m.bootOrExit())'], {
      env: childEnv as NodeJS.ProcessEnv,
    }).then(
      () => ({ code: 0, out: "" }),
      (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, out: err.stdout + err.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.out).toContain("Paperboy could not start: Missing required secrets: AUTH_SECRET, INGEST_TOKEN");
    expect(result.out).not.toContain("pw@");
  });
});
