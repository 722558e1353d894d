import { randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir, env } from "@/lib/env";

/**
 * The bearer token POST /api/ingest requires: INGEST_TOKEN, or, on a self-contained
 * install (embedded database, nothing configured), one generated into DATA_DIR on first
 * start so ingestion over HTTP works out of the box without a guessable default.
 */
export function ingestToken(): string | null {
  const configured = env().INGEST_TOKEN;
  if (configured) return configured;
  const file = tokenFile();
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

export function ensureGeneratedIngestToken(): string {
  const existing = ingestToken();
  if (existing) return existing;
  const token = randomBytes(24).toString("base64url");
  mkdirSync(dataDir(), { recursive: true });
  writeFileSync(tokenFile(), token, { mode: 0o600 });
  return token;
}

export function tokenFile(): string {
  return path.join(dataDir(), "ingest-token");
}

/** Constant-time check of an `Authorization: Bearer …` header. */
export function isIngestAuthorized(header: string | null): boolean {
  const expected = ingestToken();
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!expected || !match) return false;
  const a = Buffer.from(match[1]);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
