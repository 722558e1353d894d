import "server-only";
import { db } from "@/lib/db";

export interface PaperCardData {
  id: number;
  arxivId: string | null;
  title: string;
  abstract: string | null;
  authors: string[];
  authorCount: number | null;
  organization: { name: string; fullname: string | null } | null;
  publishedAt: Date | null;
  upvotes: number;
  numComments: number;
  githubStars: number | null;
  thumbnail: string | null;
}

/** The most recent UTC day with featured papers, as `YYYY-MM-DD`, or null when there are none. */
export async function getLatestFeaturedDay(): Promise<string | null> {
  const row = await db().paperFeature.findFirst({ orderBy: { day: "desc" }, select: { day: true } });
  return row ? row.day.toISOString().slice(0, 10) : null;
}

/** The papers featured on one UTC day, most upvoted first. */
export async function listPapersFeaturedOn(day: string, limit = 50): Promise<PaperCardData[]> {
  const papers = await db().paper.findMany({
    where: { features: { some: { day: new Date(`${day}T00:00:00Z`) } } },
    orderBy: [{ upvotes: "desc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      arxivId: true,
      title: true,
      abstract: true,
      authorCount: true,
      publishedAt: true,
      upvotes: true,
      numComments: true,
      githubStars: true,
      thumbnail: true,
      organization: { select: { name: true, fullname: true } },
      authors: { orderBy: { position: "asc" }, take: 4, select: { author: { select: { name: true } } } },
      _count: { select: { authors: true } },
    },
  });
  return papers.map(({ authors, _count, ...p }) => ({
    ...p,
    authors: authors.map((a) => a.author.name),
    authorCount: p.authorCount ?? _count.authors,
  }));
}
