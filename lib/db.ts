import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one Prisma client of the process, created on first use (after the boot code has
 * settled DATABASE_URL) and kept on globalThis so dev reloads don't open new pools.
 * It follows DATABASE_URL: test files that point it elsewhere get their own client.
 */
const globalForDb = globalThis as unknown as { paperboyPrisma?: { url: string; client: PrismaClient } };

export function db(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the database has not been started");
  if (globalForDb.paperboyPrisma?.url !== url) {
    void globalForDb.paperboyPrisma?.client.$disconnect();
    globalForDb.paperboyPrisma = { url, client: createPrismaClient(url) };
  }
  return globalForDb.paperboyPrisma.client;
}

export function createPrismaClient(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

export async function disconnectDb() {
  await globalForDb.paperboyPrisma?.client.$disconnect();
  globalForDb.paperboyPrisma = undefined;
}
