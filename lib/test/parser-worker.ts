/**
 * Worker side of lib/test/parser-deadline.ts: runs one suite's parser on the text it is
 * sent and posts back how long the parse took and how it ended. In a worker so that a
 * parse that never ends (a backtracking regex) can be terminated from outside.
 */
import { parentPort } from "node:worker_threads";
import { suites, type SuiteName } from "./adversarial";

export interface ParseRequest {
  suite: SuiteName;
  input: string;
}

export interface ParseResult {
  ms: number;
  /** Constructor name and message of what the parser threw, if it threw. */
  error?: { name: string; message: string };
}

parentPort!.on("message", async ({ suite, input }: ParseRequest) => {
  const started = performance.now();
  let error: ParseResult["error"];
  try {
    await suites[suite].run(input);
  } catch (e) {
    error = e instanceof Error ? { name: e.constructor.name, message: e.message } : { name: typeof e, message: String(e) };
  }
  parentPort!.postMessage({ ms: performance.now() - started, error } satisfies ParseResult);
});
parentPort!.postMessage("ready");
