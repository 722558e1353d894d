/**
 * `npm run db:migrate`: apply prisma/migrations to DATABASE_URL (or the embedded database).
 * `npm run db:migrate -- --create <name>`: write a new migration from schema.prisma.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { applyMigrations, diffSchemaSinceLastMigration, recordSchemaSnapshot } from "@/lib/server/migrate";
import { resolveDatabase } from "@/lib/server/database";

async function main() {
  const args = process.argv.slice(2);
  const createAt = args.indexOf("--create");
  const { url, stop } = await resolveDatabase();
  try {
    if (createAt >= 0) {
      const name = (args[createAt + 1] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
      if (!name) throw new Error("Usage: npm run db:migrate -- --create <name>");
      const sql = await diffSchemaSinceLastMigration(url);
      if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
        console.log("schema.prisma matches the migrations: nothing to create");
        return;
      }
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = path.resolve("prisma/migrations", `${stamp}_${name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "migration.sql"), sql);
      recordSchemaSnapshot();
      console.log(`created ${path.relative(process.cwd(), dir)}/migration.sql`);
    }
    const applied = await applyMigrations(url);
    console.log(applied.length ? `applied ${applied.join(", ")}` : "database is up to date");
  } finally {
    await stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
