import { createReadStream, readdirSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runIngest } from "@/lib/ingest/run-ingest";
import { logger } from "@/lib/logger";

export const sampleFeedsDir = path.resolve(process.cwd(), "prisma/sample-feeds");

/**
 * Loads the bundled real feed captures so a fresh install has papers to show. Runs
 * until one seed ingest has succeeded; ingestion is an upsert, so two instances
 * starting together at worst both load them and the second changes nothing.
 */
export async function loadSampleFeeds(prisma: PrismaClient) {
  const done = await prisma.ingestRun.count({ where: { trigger: "seed", status: "succeeded" } });
  if (done) return;
  // Feed documents only: the folder's README says where each capture comes from.
  for (const file of readdirSync(sampleFeedsDir)
    .filter((f) => /\.(json|xml|txt)$/.test(f))
    .sort()) {
    const summary = await runIngest({
      body: createReadStream(path.join(sampleFeedsDir, file)),
      origin: `sample:${file}`,
      trigger: "seed",
      prisma,
    });
    logger.info({ file, new: summary.new }, "loaded sample feed");
  }
}
