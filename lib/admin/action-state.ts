import { AppError } from "@/lib/errors";

export interface RunOutcome {
  id: number;
  status: string;
  newCount: number;
  updatedCount: number;
  unchangedCount: number;
  rejectedCount: number;
  error: string | null;
}

/** What an admin form shows after its server action: a message, or what was wrong. */
export interface ActionState {
  ok?: string;
  error?: string;
  /** Per-field messages, keyed by the field's name. */
  fieldErrors?: Record<string, string>;
  /** The ingest run the action produced (poll now), shown with a link to it. */
  run?: RunOutcome;
}

/**
 * Runs an action's body and turns an expected failure (AppError: bad input, a conflict, a
 * row deleted meanwhile) into a message for the form. Anything else is rethrown, and so are
 * Next's redirect and not-found signals.
 */
export async function toActionState(body: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof AppError) {
      const fieldErrors = err.details?.fieldErrors as Record<string, string> | undefined;
      // A form marks each field; its one-line message is the first field's own words, without
      // the field name an API client needs.
      const error = fieldErrors ? (Object.values(fieldErrors)[0] ?? err.message) : err.message;
      return { error, ...(fieldErrors ? { fieldErrors } : {}) };
    }
    throw err;
  }
}
