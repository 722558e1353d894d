import { isIP } from "node:net";
import { z } from "zod";
import { feedFormats } from "@/lib/admin/feed-formats";
import { env } from "@/lib/env";
import { isPublicAddress } from "@/lib/http/address-policy";

/** A feed URL: absolute http or https, nothing else (no file:, ftp:, javascript:). */
export const feedUrl = z
  .string()
  .trim()
  .min(1, "Enter the feed's URL")
  .max(2000, "At most 2000 characters")
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === "http:" || u.protocol === "https:") && Boolean(u.hostname);
    } catch {
      return false;
    }
  }, "Enter an http:// or https:// URL")
  // Said at once for a host written as a private address or localhost; a name that resolves
  // inside is refused when fetched (lib/http/safe-fetch.ts), where every address is checked.
  .refine(
    (s) => env().ALLOW_PRIVATE_FEEDS === "true" || !writtenAsPrivate(s),
    "Feeds must be on a public address (ALLOW_PRIVATE_FEEDS=true allows private ones)",
  );

function writtenAsPrivate(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname
      .replace(/^\[(.*)\]$/, "$1")
      .replace(/\.$/, "")
      .toLowerCase();
  } catch {
    return false;
  }
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  return isIP(host) !== 0 && !isPublicAddress(host);
}

/** Add or edit a feed. `format` empty or "auto": detect the format at every poll. */
export const feedInput = z.object({
  name: z.string().trim().max(200, "At most 200 characters").optional().default(""),
  url: feedUrl,
  format: z
    .union([z.enum(feedFormats), z.literal("auto"), z.literal("")])
    .optional()
    .transform((f) => (f && f !== "auto" ? f : null)),
  pollIntervalMinutes: z.coerce
    .number({ message: "Enter a number of minutes" })
    .int("Whole minutes")
    .min(1, "At least 1 minute")
    .max(60 * 24 * 7, "At most a week (10080 minutes)"),
  enabled: z
    .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});
export type FeedInput = z.output<typeof feedInput>;

export const idInput = z.coerce.number().int().positive().max(2_147_483_647);

export const hideInput = z.object({
  paperId: idInput,
  reason: z.string().trim().min(1, "Say why (spam, duplicate, …): it is shown in the audit log").max(500, "At most 500 characters"),
});

export const mergeInput = z.object({
  /** The record that goes away (hidden, pointing at the target). */
  sourceId: idInput,
  /** The record that stays. */
  targetId: idInput,
});

/** A FormData as a plain object of its string fields (files left out). */
export function formFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

export const pauseInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter an email address").max(320),
  reason: z.string().trim().min(1, "Say why (a complaint, a bounce report, …)").max(1000),
});
