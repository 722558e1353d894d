import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * How `npm start` runs the production server: Node with the flags of package.json's start
 * script (the heap ceiling, which also decides how far V8 lets its heap grow), then
 * scripts/start.mjs. The end-to-end suite and the benchmarks start it the same way, so they
 * test and measure what a deployment runs.
 */
export function startCommand(root = process.cwd()): { flags: string[]; script: string } {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  const words = pkg.scripts.start.trim().split(/\s+/);
  if (words[0] !== "node" || words.at(-1) !== "scripts/start.mjs") throw new Error(`unexpected start script: ${pkg.scripts.start}`);
  return { flags: words.slice(1, -1), script: path.join(root, "scripts/start.mjs") };
}
