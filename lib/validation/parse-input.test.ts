import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "./parse-input";

const schema = z.object({ name: z.string().min(1, "A name is needed"), size: z.number().int("A whole number") }).strict();

function failure(value: unknown): AppError {
  try {
    parseInput(schema, value);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("parsed");
}

describe("parseInput", () => {
  it("returns the parsed value", () => {
    expect(parseInput(schema, { name: "x", size: 2 })).toEqual({ name: "x", size: 2 });
  });

  it("names the first problem's field in the message, and keeps every problem for forms", () => {
    const err = failure({ name: "", size: 1.5 });
    expect(err.code).toBe("bad_request");
    expect(err.message).toBe("name: A name is needed");
    expect(err.details).toMatchObject({
      fieldErrors: { name: "A name is needed", size: "A whole number" },
      issues: [
        { path: ["name"], message: "A name is needed" },
        { path: ["size"], message: "A whole number" },
      ],
    });
  });

  it("a value without fields gives the bare message", () => {
    expect(() => parseInput(z.string().min(3, "Too short"), "x")).toThrow(/^Too short$/);
  });
});
