import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const startScript = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
const imageCmd = JSON.parse(/^CMD (\[.*\])$/m.exec(readFileSync(path.join(root, "Dockerfile"), "utf8"))![1]) as string[];

describe("how the production server is started", () => {
  it("caps the heap at 1 GB, which also makes V8 collect before its heap grows to four times what is live", () => {
    expect(startScript.split(/\s+/)).toContain("--max-old-space-size=1024");
  });

  it("runs the image with the same Node flags as npm start", () => {
    expect(imageCmd).toEqual(startScript.split(/\s+/));
  });
});
