import pino from "pino";

/**
 * One structured JSON logger for the server, the worker and the scripts. Secrets and
 * email bodies are never logged; the redact list is the safety net for accidents.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { app: "paperboy" },
  redact: {
    paths: ["*.password", "*.token", "*.authorization", "*.headers.authorization", "*.smtpUrl", "*.databaseUrl"],
    censor: "[redacted]",
  },
});
