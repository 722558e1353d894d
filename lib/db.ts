import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one Prisma client of the process, created on first use (after the boot code has
 * settled DATABASE_URL) and kept on globalThis so dev reloads don't open new pools.
 */
const globalForDb = globalThis as unknown as { paperboyPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForDb.paperboyPrisma) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: the database has not been started");
    globalForDb.paperboyPrisma = createPrismaClient(connectionString);
  }
  return globalForDb.paperboyPrisma;
}

export function createPrismaClient(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

export async function disconnectDb() {
  await globalForDb.paperboyPrisma?.$disconnect();
  globalForDb.paperboyPrisma = undefined;
}
