import { z } from "zod";
import { DIGEST_LIMITS } from "@/lib/digest/config";
import { MAX_FILTER_TERM_LENGTH, MAX_FILTER_TERMS, normalizeCategory, parseTerms, type DigestFilters } from "@/lib/digest/filters";

const frequency = z.enum(["daily", "weekly"], { error: "Choose daily or weekly." });
const limit = z.coerce
  .number()
  .refine((n): n is (typeof DIGEST_LIMITS)[number] => (DIGEST_LIMITS as readonly number[]).includes(n), {
    error: "Choose 5, 10 or 25 papers.",
  })
  .transform((n) => n as (typeof DIGEST_LIMITS)[number]);

/** An email address as typed: trimmed and lower-cased, so one mailbox is one subscription. */
export const emailAddress = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, { error: "That address is too long." })
  .pipe(z.email({ error: "That does not look like an email address." }));

export const subscribeSchema = z.object({
  email: emailAddress,
  frequency: frequency.default("daily"),
  limit: limit.default(10),
});
export type SubscribeInput = z.infer<typeof subscribeSchema>;

export const confirmSchema = z.object({
  token: z.string().min(1).max(100),
  frequency,
  limit,
});

const terms = (label: string) =>
  z
    .string()
    .max(5000)
    .default("")
    .transform((s) => parseTerms(s))
    .refine((xs) => xs.length <= MAX_FILTER_TERMS, { error: `At most ${MAX_FILTER_TERMS} ${label}.` })
    .refine((xs) => xs.every((x) => x.length <= MAX_FILTER_TERM_LENGTH), {
      error: `Each of the ${label} must be under ${MAX_FILTER_TERM_LENGTH} characters.`,
    });

export const filtersSchema = z.object({
  keywords: terms("keywords"),
  authors: terms("authors"),
  organizations: terms("organizations"),
  categories: terms("categories").transform((xs, ctx) => {
    const out: string[] = [];
    for (const x of xs) {
      const c = normalizeCategory(x);
      if (!c)
        ctx.addIssue({
          code: "custom",
          message: `“${x}” is not an arXiv category (like cs.LG, stat.ML or cs for all of computer science).`,
        });
      else out.push(c);
    }
    return out;
  }),
}) satisfies z.ZodType<DigestFilters, unknown>;

/** A digest's order: trending, or the owner's "For you" recommendations first. */
export const digestOrder = z.enum(["trending", "for-you"], { error: "Choose trending or For you." }).default("trending");
export type DigestOrder = z.infer<typeof digestOrder>;

export const settingsSchema = filtersSchema.extend({ frequency, limit, order: digestOrder });
export type SettingsInput = z.infer<typeof settingsSchema>;

/** A FormData's text fields as a plain object (files and repeated keys ignored), for `safeParse`. */
export function formFields(form: FormData, keys: readonly string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of keys) {
    const value = form.get(key);
    out[key] = typeof value === "string" ? value : undefined;
  }
  return out;
}
