import type { TestProject } from "vitest/node";
import { startTestPostgres } from "@/lib/test/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/** One real Postgres cluster for the whole vitest run; each test file clones its own database. */
export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  project.provide("pgAdminUrl", server.adminUrl);
  return () => server.stop();
}
