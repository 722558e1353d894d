import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createPrismaClient } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createDatabaseFromTemplate, dropDatabase } from "@/lib/test/postgres";

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
}

/**
 * A fresh, migrated, empty database of its own for the calling test file, dropped
 * after the file's tests. Files run in parallel without seeing each other's rows.
 */
export async function useTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("pgAdminUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const url = await createDatabaseFromTemplate(adminUrl, name);
  const prisma = createPrismaClient(url, 5);
  afterAll(async () => {
    await prisma.$disconnect();
    await dropDatabase(adminUrl, name);
  });
  return { url, prisma };
}
