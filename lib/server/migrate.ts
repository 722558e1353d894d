import { createRequire } from "node:module";
import { copyFileSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { parse as parseConnectionString } from "pg-connection-string";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

/**
 * Drives Prisma's own WASM schema engine, since the CLI's native engine cannot be
 * downloaded offline. It records migrations in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does, so either tool can apply `prisma/migrations`.
 */
const migrationsDir = path.resolve(process.cwd(), "prisma/migrations");
const schemaPath = path.resolve(process.cwd(), "prisma/schema.prisma");
const snapshotPath = path.join(migrationsDir, "schema.snapshot.prisma");

export async function applyMigrations(connectionString: string): Promise<string[]> {
  return withEngine(connectionString, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrations(),
      filters: { externalTables: [], externalEnums: [] },
    });
    return appliedMigrationNames;
  });
}

/**
 * The SQL that takes the schema as of the last migration to the current schema.prisma
 * (empty when in sync). The last migrated schema is kept beside the migrations
 * (`schema.snapshot.prisma`), so no database is needed: diffing against a shadow
 * database trips over Postgres 18's catalog in the WASM engine.
 */
export async function diffSchemaSinceLastMigration(connectionString: string): Promise<string> {
  return withEngine(connectionString, async (engine) => {
    const content = readFileSync(schemaPath, "utf8");
    const result = await engine.diff({
      from: existsSync(snapshotPath)
        ? { tag: "schemaDatamodel", files: [{ path: snapshotPath, content: readFileSync(snapshotPath, "utf8") }] }
        : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return (result as unknown as { stdout?: string }).stdout ?? "";
  });
}

export function recordSchemaSnapshot() {
  copyFileSync(schemaPath, snapshotPath);
}

function readMigrations(): MigrationList {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => ({
      path: dir,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(migrationsDir, dir, "migration.sql"), "utf8") },
      },
    })),
  };
}

let wasmReady: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

/** The WASM module is instantiated once per process; engines are created per command. */
function loadEngineModule() {
  wasmReady ??= (async () => {
    // The engine reports Rust panics through this global before throwing.
    (globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY: object }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => console.error(`Prisma schema engine panicked: ${message}`),
    };
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const fromCwd = createRequire(path.join(process.cwd(), "package.json"));
    const wasmPath = path.join(path.dirname(fromCwd.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const wasmModule = await WebAssembly.compile(readFileSync(wasmPath));
    const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
    (bg as unknown as { __wbg_set_wasm(e: WebAssembly.Exports): void }).__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return wasmReady;
}

async function withEngine<T>(connectionString: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const bg = await loadEngineModule();
  // Pass discrete fields, not a connectionString: the adapter opens its shadow database
  // as `{ ...config, database }`, and a connectionString would override that database.
  const { host, port, user, password, database, ssl } = parseConnectionString(connectionString);
  const adapter = new PrismaPg({
    host: host ?? undefined,
    port: port ? Number(port) : undefined,
    user,
    password,
    database: database ?? undefined,
    ssl: ssl as boolean | undefined,
    max: 2,
  });
  const opened: { dispose(): Promise<void> }[] = [];
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    connect: async () => track(await adapter.connect()),
    connectToShadowDb: async () => track(await adapter.connectToShadowDb()),
  });
  function track<A extends { dispose(): Promise<void>; executeScript(script: string): Promise<void> }>(a: A): A {
    opened.push(a);
    // The pg adapter splits scripts on every ";", which breaks function bodies ($$ … ; … $$).
    // Postgres runs a multi-statement string itself, as one implicit transaction: send it whole.
    const inner = a as unknown as { client?: { query(sql: string): Promise<unknown> }; onError?(e: unknown): never };
    if (inner.client && inner.onError) {
      a.executeScript = async (script: string) => {
        try {
          await inner.client!.query(script);
        } catch (error) {
          inner.onError!(error);
        }
      };
    }
    return a;
  }
  const engine: SchemaEngine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, readFileSync(schemaPath, "utf8")]] },
    () => {},
    factory,
  );
  try {
    return await fn(engine);
  } finally {
    // The engine holds an advisory lock until its connection closes: release it now,
    // or a second instance starting beside this one waits for the pool's idle timeout.
    engine.free();
    await Promise.all(opened.map((a) => a.dispose().catch(() => {})));
  }
}
