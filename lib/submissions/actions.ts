"use server";

import { requireActionUser } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { submitInput, submitPaper, type SubmitResult } from "@/lib/submissions/submit";
import { parseInput } from "@/lib/validation/parse-input";

export interface SubmitState {
  ok?: SubmitResult;
  error?: string;
  /** Why it was refused (`already_featured`, `too_old`, …), as the API's `reason`. */
  reason?: string;
  /** Where an already featured paper is. */
  where?: { paperHref: string; dayHref: string };
  fieldErrors?: Record<string, string>;
  /** What was typed, to keep it in the fields after a refusal (React resets a form after its action). */
  arxiv?: string;
  name?: string;
}

/** The "Submit a paper" form: the same rules as POST /api/papers/submit, checked in submitPaper. */
export async function submitPaperAction(_prev: SubmitState, form: FormData): Promise<SubmitState> {
  const typed = String(form.get("arxiv") ?? "").slice(0, 300);
  const typedName = form.get("name") === null ? undefined : String(form.get("name")).slice(0, 60);
  try {
    const user = await requireActionUser();
    const input = parseInput(submitInput, { arxiv: form.get("arxiv") ?? "", name: form.get("name") ?? undefined });
    return { ok: await submitPaper({ userId: user.id, arxiv: input.arxiv, name: input.name }) };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const d = err.details ?? {};
    const fieldErrors = d.fieldErrors as Record<string, string> | undefined;
    return {
      error: fieldErrors ? (Object.values(fieldErrors)[0] ?? err.message) : err.message,
      reason: typeof d.reason === "string" ? d.reason : err.code,
      where: typeof d.paperHref === "string" && typeof d.dayHref === "string" ? { paperHref: d.paperHref, dayHref: d.dayHref } : undefined,
      fieldErrors,
      arxiv: typed,
      name: typedName,
    };
  }
}
