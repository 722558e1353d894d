import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { databaseUrlOf } from "@/lib/ingest/connection";

describe("databaseUrlOf", () => {
  // Reads Prisma's adapter config, which has no public accessor: this fails first if an upgrade moves it.
  it("finds the connection string a client was made with", async () => {
    const url = "postgresql://someone:secret@127.0.0.1:5999/somewhere";
    const prisma = createPrismaClient(url);
    expect(databaseUrlOf(prisma)).toBe(url);
    await prisma.$disconnect();
  });
});
