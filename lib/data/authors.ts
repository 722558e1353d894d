import type { AuthorDTO } from "@/lib/data/paper-types";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Anything that runs a raw query: the client, or a transaction's client. */
type Queryable = Pick<PrismaClient, "$queryRaw">;

/**
 * Each paper's authors in order, for many papers in one query: the one author lookup that pages,
 * the export and digests share. Not server-only: the CLI and the digest worker use it too.
 */
export async function authorsByPaper(client: Queryable, paperIds: number[]): Promise<Map<number, AuthorDTO[]>> {
  const byPaper = new Map<number, AuthorDTO[]>();
  if (!paperIds.length) return byPaper;
  const rows = await client.$queryRaw<{ paper_id: number; id: number; name: string; hf_user: string | null }[]>`
    SELECT pa.paper_id, a.id, a.name, a.hf_user FROM paper_authors pa JOIN authors a ON a.id = pa.author_id
     WHERE pa.paper_id = ANY(${paperIds}::int[]) ORDER BY pa.paper_id, pa.position`;
  for (const a of rows) {
    const list = byPaper.get(a.paper_id) ?? [];
    list.push({ id: a.id, name: a.name, hfUser: a.hf_user });
    byPaper.set(a.paper_id, list);
  }
  return byPaper;
}
