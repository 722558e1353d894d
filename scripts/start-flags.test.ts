import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startCommand } from "@/lib/test/start-command";

const root = path.resolve(import.meta.dirname, "..");
const { flags } = startCommand(root);
const imageCmd = JSON.parse(/^CMD (\[.*\])$/m.exec(readFileSync(path.join(root, "Dockerfile"), "utf8"))![1]) as string[];

describe("how the production server is started", () => {
  it("caps the heap at 1 GB, which also makes V8 collect before its heap grows to four times what is live", () => {
    expect(flags).toContain("--max-old-space-size=1024");
  });

  it("runs the image with the same Node flags as npm start", () => {
    expect(imageCmd).toEqual(["node", ...flags, "scripts/start.mjs"]);
  });
});
