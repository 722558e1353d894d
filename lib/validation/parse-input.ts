import type { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Input validated at the edge, one way for every caller (route handlers, server actions). On
 * failure it throws AppError("bad_request"): the message names the first problem with its field
 * ("name: A list name is 1 to 80 characters"), for API clients that read one line; the details
 * carry every issue by path and the first message per field, for forms that mark each field.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) fieldErrors[issue.path.join(".") || "_"] ??= issue.message;
  const first = issues[0];
  const field = first?.path.length ? `${first.path.join(".")}: ` : "";
  throw new AppError("bad_request", first ? `${field}${first.message}` : "Invalid input", { issues, fieldErrors });
}
