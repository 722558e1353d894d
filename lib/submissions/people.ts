import { z } from "zod";

/** The name a person is shown by on what they submit or claim: 1 to 60 characters, one line. */
export const displayNameInput = z
  .string()
  .transform((s) => s.replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "Say how your name is shown (1 to 60 characters)")
      .max(60, "A name is at most 60 characters")
      // Control and format characters (bidi overrides, zero-width) could disguise a name.
      .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), "A name cannot hold control or invisible characters"),
  );

/**
 * The handle a local person is filed under in `paper_features.submitter_name` (HF's
 * `submittedBy.name`, which `/api/daily_papers?submitter=` matches): `~` then their name's letters
 * and digits and the end of their id, e.g. `~ada-lovelace-k3j9x2`. The `~` keeps it apart from
 * Hugging Face handles (which never hold one), so no page links it to a Hugging Face profile.
 */
export function localHandle(userId: string, name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 30)
    .replace(/-+$/, "");
  return `~${slug || "member"}-${userId.slice(-6).toLowerCase()}`;
}
