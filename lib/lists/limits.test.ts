import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const { createReadingList } = await import("@/lib/lists/lists");
const { addToList } = await import("@/lib/lists/items");
const { createApiToken } = await import("@/lib/auth/api-tokens");
const { LIMITS } = await import("@/lib/lists/validation");

const AT_ONCE = 20;

async function user(email: string): Promise<string> {
  return (await prisma.user.create({ data: { email }, select: { id: true } })).id;
}

/** `AT_ONCE` calls started together; how many went through. */
async function together(call: (i: number) => Promise<unknown>): Promise<number> {
  const results = await Promise.allSettled(Array.from({ length: AT_ONCE }, (_, i) => call(i)));
  for (const r of results) if (r.status === "rejected") expect(String(r.reason)).toMatch(/at most|already/);
  return results.filter((r) => r.status === "fulfilled").length;
}

describe("limits that count, then insert, hold under concurrent requests", () => {
  it("lists per person", async () => {
    const id = await user("lists@limits.example");
    // "Read later" plus enough lists to stand one below the limit.
    await prisma.readingList.create({ data: { userId: id, name: "Read later", isDefault: true } });
    await prisma.readingList.createMany({
      data: Array.from({ length: LIMITS.listsPerUser - 2 }, (_, i) => ({ userId: id, name: `list ${i}` })),
    });
    expect(await together((i) => createReadingList(id, `new ${i}`))).toBe(1);
    expect(await prisma.readingList.count({ where: { userId: id } })).toBe(LIMITS.listsPerUser);
  });

  it("items per list", async () => {
    const id = await user("items@limits.example");
    const list = await prisma.readingList.create({ data: { userId: id, name: "full" }, select: { id: true } });
    await prisma.$executeRaw`
      INSERT INTO papers (key, title_key, title) SELECT 'limit-' || g, 'limit ' || g, 'Limit ' || g FROM generate_series(1, ${LIMITS.itemsPerList + AT_ONCE}) g`;
    await prisma.$executeRaw`
      INSERT INTO reading_list_items (list_id, paper_id, position)
      SELECT ${list.id}, id, id FROM papers WHERE key LIKE 'limit-%' ORDER BY id LIMIT ${LIMITS.itemsPerList - 1}`;
    const spare = await prisma.paper.findMany({
      where: { key: { startsWith: "limit-" }, listItems: { none: {} } },
      select: { id: true },
      take: AT_ONCE,
    });
    expect(spare).toHaveLength(AT_ONCE);
    expect(await together((i) => addToList(id, list.id, spare[i].id))).toBe(1);
    expect(await prisma.readingListItem.count({ where: { listId: list.id } })).toBe(LIMITS.itemsPerList);
  });

  it("API tokens", async () => {
    const id = await user("tokens@limits.example");
    await prisma.apiToken.createMany({
      data: Array.from({ length: 49 }, (_, i) => ({ userId: id, name: `t${i}`, tokenHash: `hash-${i}`, prefix: "pb_xxxxxx" })),
    });
    expect(await together((i) => createApiToken(id, `new ${i}`))).toBe(1);
    expect(await prisma.apiToken.count({ where: { userId: id } })).toBe(50);
  });
});
