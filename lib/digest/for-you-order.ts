import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DigestPaper } from "@/lib/digest/filters";

/**
 * A "For you" digest's order: the papers the owner's recommendations score (lib/recs, kept by the
 * job worker) best first, then the rest in trending order. The set is still the filtered one.
 * Shared by the digest run and its preview, so the preview shows the order the email will have.
 */
export async function orderForYou(prisma: PrismaClient, userId: string, papers: DigestPaper[]): Promise<DigestPaper[]> {
  if (!papers.length) return papers;
  const rows = await prisma.$queryRaw<{ paper_id: number; score: number }[]>`
    SELECT paper_id, score FROM rec_scores WHERE user_id = ${userId} AND paper_id = ANY(${papers.map((p) => p.id)}::int[])`;
  const score = new Map(rows.map((r) => [r.paper_id, r.score]));
  // Stable: ties (and unscored papers) keep their trending order.
  return papers
    .map((p, i) => ({ p, i, s: score.get(p.id) ?? -Infinity }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.p);
}
