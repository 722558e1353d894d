import { defineConfig } from "prisma/config";

// The URL is only needed by Prisma CLI commands that talk to a database; this project
// applies migrations with scripts/db-migrate.ts instead (the CLI's native engine cannot
// be downloaded offline), so a placeholder keeps `prisma generate` working without one.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/paperboy" },
});
