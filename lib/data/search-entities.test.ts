import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const { findSearchEntities } = await import("@/lib/data/search-entities");

beforeAll(async () => {
  await ingestText(
    prisma,
    hfDocument([
      { id: "2603.20001", title: "Energy-Based Models", day: "2026-03-01", authors: ["Yann LeCun", "José García-López"] },
      { id: "2603.20002", title: "World Models", day: "2026-03-02", authors: ["Ada Lovelace"], organization: "DeepMindish" },
    ]),
  );
});

const author = (label: string) => ({ kind: "author", label, href: `/authors/${encodeURIComponent(label)}` });

describe("findSearchEntities", () => {
  it("finds an author by the whole name, case, accents, spacing, quotes and punctuation aside", async () => {
    for (const q of ["Yann LeCun", "yann lecun", "  YANN   LECUN ", '"Yann LeCun"']) {
      expect(await findSearchEntities(q), q).toEqual([author("Yann LeCun")]);
    }
    for (const q of ["José García-López", "jose garcia lopez", "Jose Garcia-Lopez"]) {
      expect(await findSearchEntities(q), q).toEqual([author("José García-López")]);
    }
  });

  it("finds an organization by its handle or its full name", async () => {
    const org = { kind: "organization", label: "DeepMindish Lab", href: "/orgs/DeepMindish" };
    expect(await findSearchEntities("deepmindish")).toEqual([org]);
    expect(await findSearchEntities("DeepMindish Lab")).toEqual([org]);
  });

  it("offers nothing for part of a name, another order, other words or no words", async () => {
    for (const q of ["Yann", "LeCun Yann", "world models", "", "--", "x".repeat(500)]) {
      expect(await findSearchEntities(q), q).toEqual([]);
    }
  });

  it("looks names up through the expression indexes", async () => {
    const plans = await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const plan = async (sql: string) =>
        (await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`)).map((r) => r["QUERY PLAN"]).join("\n");
      return [
        await plan("SELECT 1 FROM authors WHERE name_key(name) = name_key('yann lecun')"),
        await plan("SELECT 1 FROM organizations WHERE name_key(name) = 'x' OR name_key(fullname) = 'x'"),
      ];
    });
    expect(plans[0]).toContain("authors_name_key_idx");
    expect(plans[1]).toContain("organizations_name_key_idx");
    expect(plans[1]).toContain("organizations_fullname_key_idx");
  });
});
