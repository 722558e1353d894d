import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { authorsByPaper } from "@/lib/data/authors";
import { trendingSql } from "@/lib/data/trending";
import { digestRules } from "@/lib/digest/config";
import type { DigestPaper } from "@/lib/digest/filters";
import type { Period } from "@/lib/digest/periods";

interface CandidateRow {
  id: number;
  arxiv_id: string | null;
  title: string;
  abstract: string | null;
  upvotes: number;
  author_count: number | null;
  org_name: string | null;
  org_fullname: string | null;
  categories: string[];
  ai_keywords: string[];
  github_repo: string | null;
  project_page: string | null;
  day: Date | null;
}

/**
 * The papers featured in a period, trending first as the site ranks them at the end of the
 * period (`trendingSql`, the formula the pages use).
 * Hidden papers are left out; a paper featured twice in a period counts once, for its later day.
 */
export async function loadCandidates(
  prisma: PrismaClient,
  period: Period,
  max: number = digestRules.maxCandidates,
): Promise<DigestPaper[]> {
  // A literal, not a parameter: the formula is SQL text, and this ISO time comes from a Date.
  const trending = Prisma.raw(trendingSql(`'${new Date(`${period.range.end}T00:00:00Z`).toISOString()}'`));
  const rows = await prisma.$queryRaw<CandidateRow[]>`
    SELECT p.id, p.arxiv_id, p.title, p.abstract, p.upvotes + p.user_upvotes AS upvotes, p.author_count,
           o.name AS org_name, o.fullname AS org_fullname, p.categories, p.ai_keywords, p.github_repo, p.project_page, f.day
      FROM paper_features f
      JOIN papers p ON p.id = f.paper_id
      LEFT JOIN organizations o ON o.id = p.organization_id
     WHERE f.day >= ${period.range.start}::date AND f.day < ${period.range.end}::date
       AND p.hidden_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM paper_features later
                        WHERE later.paper_id = f.paper_id AND later.day > f.day AND later.day < ${period.range.end}::date)
     ORDER BY ${trending} DESC, p.id DESC
     LIMIT ${max}`;
  return withAuthorNames(prisma, rows);
}

/** Papers by id, in the order given (a digest being retried); unknown ids are skipped. */
export async function loadPapersByIds(prisma: PrismaClient, ids: number[]): Promise<DigestPaper[]> {
  if (!ids.length) return [];
  const rows = await prisma.$queryRaw<CandidateRow[]>`
    SELECT p.id, p.arxiv_id, p.title, p.abstract, p.upvotes + p.user_upvotes AS upvotes, p.author_count,
           o.name AS org_name, o.fullname AS org_fullname, p.categories, p.ai_keywords, p.github_repo, p.project_page,
           (SELECT max(day) FROM paper_features lf WHERE lf.paper_id = p.id) AS day
      FROM unnest(${ids}::int[]) WITH ORDINALITY AS wanted(id, ord)
      JOIN papers p ON p.id = wanted.id
      LEFT JOIN organizations o ON o.id = p.organization_id
     ORDER BY wanted.ord`;
  return withAuthorNames(prisma, rows);
}

async function withAuthorNames(prisma: PrismaClient, rows: CandidateRow[]): Promise<DigestPaper[]> {
  if (!rows.length) return [];
  const authors = await authorsByPaper(
    prisma,
    rows.map((r) => r.id),
  );

  return rows.map((r) => {
    const names = (authors.get(r.id) ?? []).map((a) => a.name);
    return {
      id: r.id,
      arxivId: r.arxiv_id,
      title: r.title,
      abstract: r.abstract,
      upvotes: Number(r.upvotes),
      authors: names,
      authorCount: Math.max(names.length, r.author_count ?? 0),
      organization: r.org_name ? { name: r.org_name, fullname: r.org_fullname } : null,
      categories: r.categories,
      aiKeywords: r.ai_keywords,
      githubRepo: r.github_repo,
      projectPage: r.project_page,
      day: r.day ? r.day.toISOString().slice(0, 10) : "",
    };
  });
}

/** Which of these papers each of these subscriptions has already been sent. */
export async function loadSentPapers(
  prisma: PrismaClient,
  subscriptionIds: number[],
  paperIds: number[],
): Promise<Map<number, Set<number>>> {
  const sent = new Map<number, Set<number>>();
  if (!subscriptionIds.length || !paperIds.length) return sent;
  const rows = await prisma.$queryRaw<{ subscription_id: number; paper_id: number }[]>`
    SELECT subscription_id, paper_id FROM digest_sent_papers
     WHERE subscription_id = ANY(${subscriptionIds}::int[]) AND paper_id = ANY(${paperIds}::int[])`;
  for (const r of rows) {
    let set = sent.get(r.subscription_id);
    if (!set) sent.set(r.subscription_id, (set = new Set()));
    set.add(r.paper_id);
  }
  return sent;
}
