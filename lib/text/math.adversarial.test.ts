import { expect, it } from "vitest";
import { describeAdversarial } from "@/lib/test/adversarial-property";
import { mathToPlainText, splitMath } from "./math";

describeAdversarial("math");

it("renders at most 200 formulas of one text; the rest stay as written", () => {
  const text = Array.from({ length: 203 }, (_, i) => `$x_{${i}}$`).join(" ");
  const segments = splitMath(text);
  expect(segments.filter((s) => s.kind === "math")).toHaveLength(200);
  expect(segments.at(-1)).toEqual({ kind: "text", text: " $x_{200}$ $x_{201}$ $x_{202}$" });
  // Plain text has no such cost and keeps simplifying them all.
  expect(mathToPlainText(text).endsWith("x_202")).toBe(true);
});
