/**
 * Times a parser on hostile text in a worker thread and terminates it at a hard deadline,
 * so a super-linear parser makes a test fail (or the benchmark print "timeout") instead
 * of keeping the process busy for minutes. Shared by the adversarial tests and
 * bench/parsers.ts.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { SuiteName } from "./adversarial";
import type { ParseResult } from "./parser-worker";

const WORKER = fileURLToPath(new URL("./parser-worker.ts", import.meta.url));
// The worker loads TypeScript (and the @/ paths) through tsx's ESM API, whatever runs this
// file; its CommonJS build fails to register its hooks from a worker.
const TSX_API = (() => {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const entry = JSON.parse(readFileSync(manifest, "utf8")).exports["./esm/api"].import.default as string;
  return pathToFileURL(path.join(path.dirname(manifest), entry)).href;
})();

export type TimedParse = ParseResult | { timedOut: true; ms: number };

export class ParserWorker {
  private worker?: Promise<Worker>;

  /** Parses `input` with the suite's parser; gives up (and kills the worker) after `deadlineMs`. */
  async parse(suite: SuiteName, input: string, deadlineMs: number): Promise<TimedParse> {
    const worker = await (this.worker ??= start());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        this.worker = undefined;
        void worker.terminate();
        resolve({ timedOut: true, ms: deadlineMs });
      }, deadlineMs);
      const onMessage = (result: ParseResult) => {
        cleanup();
        resolve(result);
      };
      const onError = (e: Error) => {
        cleanup();
        this.worker = undefined;
        reject(e);
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError);
      };
      worker.on("message", onMessage).on("error", onError);
      worker.postMessage({ suite, input });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker).terminate();
  }
}

function start(): Promise<Worker> {
  const source = `import(${JSON.stringify(TSX_API)}).then(({ tsImport }) => tsImport(${JSON.stringify(WORKER)}, ${JSON.stringify(import.meta.url)}))`;
  // A clean worker: loaders inherited from the parent (tsx, vitest) would register twice.
  const worker = new Worker(source, { eval: true, execArgv: [] });
  return new Promise((resolve, reject) => {
    worker.once("message", () => resolve(worker));
    worker.once("error", reject);
  });
}
