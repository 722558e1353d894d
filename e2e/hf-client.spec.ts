import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { expect, test, feed, ingest } from "./helpers";

/**
 * The official Python client, `huggingface_hub`, against the production server. It is installed
 * into a throwaway virtualenv from the machine's wheel mirror (`/opt/pypi/files`, or the pip
 * index when there is none); a machine with neither cannot run this test and says so.
 */
const WHEELS = process.env.PIP_WHEELS_DIR ?? "/opt/pypi/files";
const VENV = path.join(process.env.HF_CLIENT_VENV ?? "/tmp/paperboy-hf-client-venv");

function ensureClient(): string | null {
  const python = path.join(VENV, "bin", "python");
  const has = () => existsSync(python) && spawnSync(python, ["-c", "import huggingface_hub"]).status === 0;
  if (has()) return python;
  if (spawnSync("python3", ["-m", "venv", VENV], { stdio: "inherit" }).status !== 0) return null;
  const source = existsSync(WHEELS) ? ["--no-index", "--find-links", WHEELS] : [];
  spawnSync(path.join(VENV, "bin", "pip"), ["install", "-q", ...source, "huggingface_hub>=1.0"], { stdio: "inherit" });
  return has() ? python : null;
}

test("huggingface_hub's HfApi works against Paperboy by changing the endpoint", async ({ request, baseURL }) => {
  test.setTimeout(180_000);
  const python = ensureClient();
  test.skip(!python, "python3 with venv and a huggingface_hub wheel are not available on this machine");
  await ingest(request, feed("hf-daily-papers-2026-08-14.json"));
  // Python cannot resolve the suite's made-up host name (playwright.config.ts): loopback, same server.
  const endpoint = new URL(baseURL!);
  endpoint.hostname = "127.0.0.1";
  const run = spawnSync(python!, [path.join(import.meta.dirname, "hf_client_check.py"), endpoint.origin], {
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(run.stderr).toBe("");
  expect(run.stdout).toMatch(/^huggingface_hub \S+ ok$/m);
  expect(run.status).toBe(0);
});
