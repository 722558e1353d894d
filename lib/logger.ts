import pino from "pino";

/**
 * Keys whose values are secrets wherever they appear in a logged object (top level or
 * one or two levels down): credentials, tokens, cookies and the connection strings that
 * carry passwords.
 */
const secretKeys = [
  "password",
  "passwd",
  "secret",
  "token",
  "accessToken",
  "refreshToken",
  "apiKey",
  "authorization",
  "cookie",
  "set-cookie",
  "DATABASE_URL",
  "SMTP_URL",
  "AUTH_SECRET",
  "AUTH_GITHUB_SECRET",
  "INGEST_TOKEN",
  "databaseUrl",
  "smtpUrl",
  "connectionString",
];

const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`);
const join = (prefix: string, k: string) => (key(k).startsWith("[") ? `${prefix}${key(k)}` : `${prefix}.${k}`);
export const redactPaths = secretKeys.flatMap((k) => [key(k), join("*", k), join("*.*", k)]);

const URL_PASSWORD = /(\/\/[^\s:/?#@]*):[^\s@]*@/g;
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[\w\-.~+/]{8,}=*/gi;
const PASSWORD_PARAM = /\b(password|passwd|pwd)=[^\s&;]+/gi;

/** Removes passwords in URLs (`postgresql://user:pw@host`), bearer/basic credentials and `password=` parameters. */
export function scrubSecrets(s: string): string {
  return s.replace(URL_PASSWORD, "$1:[redacted]@").replace(AUTH_SCHEME, "$1 [redacted]").replace(PASSWORD_PARAM, "$1=[redacted]");
}

/** Scrubs every string inside plain objects, arrays and errors (others are left as they are). */
function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubSecrets(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  if (value instanceof Error) return scrubError(value, depth);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, depth + 1);
  return out;
}

/** A copy of the error of the same class, so pino's error serializer still names its type. */
function scrubError(err: Error, depth: number): Error {
  const copy = Object.create(Object.getPrototypeOf(err)) as Error;
  for (const name of Object.getOwnPropertyNames(err)) {
    const descriptor = Object.getOwnPropertyDescriptor(err, name)!;
    if ("value" in descriptor) descriptor.value = scrubValue(descriptor.value, depth + 1);
    Object.defineProperty(copy, name, descriptor);
  }
  return copy;
}

/**
 * One structured JSON logger for the server, the worker and the scripts (stdout unless a
 * destination is given). Secrets and email bodies are never logged on purpose; this is
 * the safety net for accidents: the values of secret-named keys are replaced, and
 * credentials inside any logged string (a connection string in an error message, an
 * Authorization header) are cut out.
 */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
    base: { app: "paperboy" },
    redact: { paths: redactPaths, censor: "[redacted]" },
    formatters: { log: (object) => scrubValue(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        return method.apply(this, args.map((a) => scrubValue(a)) as Parameters<typeof method>);
      },
    },
  };
  const root = destination ? pino(options, destination) : pino(options);
  // Children inherit this (pino creates them with Object.create), so every child's bindings
  // are scrubbed too: pino's own bindings formatter applies to the root only.
  const child = root.child;
  root.child = function (this: pino.Logger, bindings, childOptions) {
    return child.call(this, scrubValue(bindings) as pino.Bindings, childOptions);
  } as typeof root.child;
  return root;
}

export const logger = createLogger();

export type Logger = pino.Logger;
