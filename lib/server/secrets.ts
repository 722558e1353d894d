import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir, env } from "@/lib/env";
import { ensureGeneratedIngestToken, tokenFile } from "@/lib/ingest/token";

/** The secrets a server needs: Auth.js's signing key and the bearer token of POST /api/ingest. */
export const requiredSecrets = ["AUTH_SECRET", "INGEST_TOKEN"] as const;
export type SecretName = (typeof requiredSecrets)[number];

export class MissingSecretsError extends Error {
  constructor(readonly missing: SecretName[]) {
    super(
      `Missing required secret${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}. ` +
        "With DATABASE_URL in production, secrets are never generated: set each to a long random string " +
        "(e.g. `openssl rand -base64 32`), the same on every instance.",
    );
    this.name = "MissingSecretsError";
  }
}

export interface SettleSecretsOptions {
  /** The app runs on its embedded Postgres (no DATABASE_URL). */
  embedded: boolean;
}

export interface GeneratedSecret {
  name: SecretName;
  /** Where it is kept, so it survives restarts (mode 0600). */
  file: string;
}

/**
 * Makes sure every required secret exists before the server answers anything.
 * - Set in the environment: used as is.
 * - Missing, with DATABASE_URL and NODE_ENV=production: throws, naming all the missing ones
 *   (instances sharing a database must share secrets, so none may invent its own).
 * - Missing otherwise (the embedded database, or development): generated once into DATA_DIR
 *   and reused on every start. AUTH_SECRET is also put into `process.env`, where Auth.js reads it.
 */
export function settleSecrets({ embedded }: SettleSecretsOptions): GeneratedSecret[] {
  const config = env();
  const missing = requiredSecrets.filter((name) => !config[name]);
  if (!missing.length) return [];
  if (!embedded && config.NODE_ENV === "production") throw new MissingSecretsError(missing);

  const generated: GeneratedSecret[] = [];
  if (missing.includes("AUTH_SECRET")) {
    const file = authSecretFile();
    process.env.AUTH_SECRET = readOrCreateSecret(file);
    generated.push({ name: "AUTH_SECRET", file });
  }
  if (missing.includes("INGEST_TOKEN")) {
    // lib/ingest/token.ts reads it back from this file when INGEST_TOKEN is unset.
    ensureGeneratedIngestToken();
    generated.push({ name: "INGEST_TOKEN", file: tokenFile() });
  }
  return generated;
}

export function authSecretFile(): string {
  return path.join(dataDir(), "auth-secret");
}

/** The secret kept in `file`, or a new one written there; two processes starting at once agree on one. */
function readOrCreateSecret(file: string): string {
  const existing = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
  if (existing.length >= 32) return existing;
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: existing ? "w" : "wx" });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    return readFileSync(file, "utf8").trim();
  }
}
