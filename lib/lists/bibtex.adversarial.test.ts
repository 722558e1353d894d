import fc from "fast-check";
import { expect, it } from "vitest";
import { describeAdversarial } from "@/lib/test/adversarial-property";
import { escapeTitle } from "./bibtex";

describeAdversarial("bibtexExport");

it("escapeTitle gives what it gave when it escaped each lone dollar on its own", () => {
  // The code before issue 12, as the oracle.
  const SPECIAL: Record<string, string> = {
    "\\": "\\textbackslash{}",
    "{": "\\{",
    "}": "\\}",
    $: "\\$",
    "&": "\\&",
    "%": "\\%",
    "#": "\\#",
    _: "\\_",
    "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}",
  };
  const CURRENCY = /^\d[\d,.]*(?:\s+[A-Za-z]|\s*$)/;
  const escapeChars = (text: string) => text.replace(/[\\{}$&%#_~^]/g, (c) => SPECIAL[c]);
  const balanced = (tex: string) => {
    let depth = 0;
    for (let i = 0; i < tex.length; i++) {
      if (tex[i] === "\\") {
        i++;
        continue;
      }
      if (tex[i] === "{") depth++;
      if (tex[i] === "}" && --depth < 0) return false;
    }
    return depth === 0;
  };
  function oldEscapeTitle(title: string): string {
    const flat = title.replace(/\s+/g, " ").trim();
    let out = "";
    let i = 0;
    while (i < flat.length) {
      const open = flat.indexOf("$", i);
      if (open === -1) break;
      const dollars = flat.startsWith("$$", open) ? "$$" : "$";
      const close = flat.indexOf(dollars, open + dollars.length);
      const tex = close === -1 ? "" : flat.slice(open + dollars.length, close);
      if (close === -1 || !tex.trim() || !balanced(tex) || tex.endsWith("\\") || CURRENCY.test(flat.slice(open + 1))) {
        out += escapeChars(flat.slice(i, open + 1));
        i = open + 1;
        continue;
      }
      out += escapeChars(flat.slice(i, open)) + dollars + tex + dollars;
      i = close + dollars.length;
    }
    return out + escapeChars(flat.slice(i));
  }
  const title = fc
    .array(fc.constantFrom("$", "$", "$$", "{", "}", "\\", " ", "5", "x", "_", "&", "Q-Values"), { maxLength: 20 })
    .map((a) => a.join(""));
  fc.assert(
    fc.property(title, (t) => {
      expect(escapeTitle(t)).toBe(oldEscapeTitle(t));
    }),
    { numRuns: 5000 },
  );
});
