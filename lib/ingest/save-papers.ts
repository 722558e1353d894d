import { cleanText, paperKey, titleKey } from "@/lib/ingest/normalize";
import type { ParsedFeature, ParsedOrganization, ParsedPaper } from "@/lib/ingest/types";

/** Runs one SQL statement with positional parameters inside the caller's transaction. */
export type Sql = <T = unknown>(text: string, ...params: unknown[]) => Promise<T[]>;

export interface SaveCounts {
  new: number;
  updated: number;
  unchanged: number;
}

/** A paper row as stored (the columns ingestion owns). */
interface PaperRow {
  id: number;
  key: string;
  arxiv_id: string | null;
  title_key: string;
  title: string;
  abstract: string | null;
  published_at: string | null;
  upvotes: number;
  num_comments: number;
  github_repo: string | null;
  github_stars: number | null;
  project_page: string | null;
  ai_summary: string | null;
  ai_keywords: string[];
  thumbnail: string | null;
  media_urls: string[];
  categories: string[];
  comment: string | null;
  author_count: number | null;
  author_names: string;
  organization_id: number | null;
}

type RowValues = Omit<PaperRow, "id">;
const compared: (keyof RowValues)[] = [
  "key", "arxiv_id", "title_key", "title", "abstract", "published_at", "upvotes", "num_comments",
  "github_repo", "github_stars", "project_page", "ai_summary", "ai_keywords", "thumbnail",
  "media_urls", "categories", "comment", "author_count", "author_names", "organization_id",
];

const storedColumns = `id, key, arxiv_id, title_key, title, abstract,
  to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS published_at, upvotes, num_comments,
  github_repo, github_stars, project_page, ai_summary, ai_keywords, thumbnail, media_urls, categories, comment,
  author_count, author_names, organization_id`;

const recordsetColumns = `id int, key text, arxiv_id text, title_key text, title text, abstract text,
  published_at timestamptz, upvotes int, num_comments int, github_repo text, github_stars int,
  project_page text, ai_summary text, ai_keywords text[], thumbnail text, media_urls text[],
  categories text[], comment text, author_count int, author_names text, organization_id int`;

interface Incoming {
  paper: ParsedPaper;
  key: string;
  titleKey: string;
  features: ParsedFeature[];
}

/**
 * Upserts one batch of parsed papers inside the caller's transaction, with a handful of
 * set-based statements whatever the batch size. A paper already stored (by arXiv id, or
 * by normalised title for papers that arrived without one) gets the fields this feed
 * knows; fields it does not know are kept. Nothing is written for a paper that did not
 * change, so re-ingesting a feed writes nothing.
 */
export async function savePapers(sql: Sql, batch: ParsedPaper[], depth = 0): Promise<SaveCounts> {
  const counts: SaveCounts = { new: 0, updated: 0, unchanged: 0 };
  const incoming = dedupe(batch);
  if (!incoming.length) return counts;

  // Two index lookups, not one OR: a plan per key keeps both on their indexes even before
  // the tables have statistics (a first ingest fills them inside one transaction).
  const existing = await sql<PaperRow>(
    `SELECT ${storedColumns} FROM papers WHERE arxiv_id = ANY($1::text[])
     UNION ALL
     SELECT ${storedColumns} FROM papers WHERE title_key = ANY($2::text[])`,
    incoming.flatMap((i) => (i.paper.arxivId ? [i.paper.arxivId] : [])),
    incoming.map((i) => i.titleKey),
  );
  const byId = new Map(existing.map((r) => [r.id, r]));
  const matches = matchExisting(incoming, [...byId.values()].sort((a, b) => a.id - b.id));

  const orgIds = await ensureOrganizations(sql, incoming.flatMap((i) => (i.paper.organization ? [i.paper.organization] : [])));
  const authorsById = await loadAuthorNames(sql, [...matches.values()].map((r) => r.id));

  const inserts: RowValues[] = [];
  const insertAuthors = new Map<string, ParsedPaper["authors"]>();
  const updates: PaperRow[] = [];
  const authorRewrites = new Map<number, ParsedPaper["authors"]>();
  const changed = new Set<number>();
  const featuresByKey = new Map<string, ParsedFeature[]>();
  const featureRows: { paper_id: number; f: ParsedFeature }[] = [];

  for (const item of incoming) {
    const row = matches.get(item);
    const orgId = item.paper.organization ? (orgIds.get(item.paper.organization.name) ?? null) : null;
    if (!row) {
      inserts.push(valuesFor(item, null, orgId, false));
      insertAuthors.set(item.key, item.paper.authors);
      featuresByKey.set(item.key, item.features);
      continue;
    }
    const next = { id: row.id, ...valuesFor(item, row, orgId, authorsById.has(row.id)) };
    if (compared.some((k) => !same(row[k], next[k]))) {
      updates.push(next);
      changed.add(row.id);
    }
    const names = item.paper.authors.map((a) => a.name);
    if (names.length && names.join("\u0001") !== (authorsById.get(row.id) ?? []).join("\u0001")) {
      authorRewrites.set(row.id, item.paper.authors);
      changed.add(row.id);
    }
    for (const f of item.features) featureRows.push({ paper_id: row.id, f });
  }

  // New papers. A concurrent run may insert the same key first: those rows come back
  // missing from RETURNING and go round once more as existing papers.
  const inserted = inserts.length
    ? await sql<{ id: number; key: string }>(
        `INSERT INTO papers (key, arxiv_id, title_key, title, abstract, published_at, upvotes, num_comments, github_repo,
            github_stars, project_page, ai_summary, ai_keywords, thumbnail, media_urls, categories, comment, author_count, author_names, organization_id)
         SELECT key, arxiv_id, title_key, title, abstract, published_at, upvotes, num_comments, github_repo,
            github_stars, project_page, ai_summary, ai_keywords, thumbnail, media_urls, categories, comment, author_count, author_names, organization_id
           FROM jsonb_to_recordset($1::jsonb) AS x(${recordsetColumns})
         ON CONFLICT DO NOTHING RETURNING id, key`,
        JSON.stringify(inserts),
      )
    : [];
  counts.new += inserted.length;
  for (const { id, key } of inserted) {
    authorRewrites.set(id, insertAuthors.get(key) ?? []);
    for (const f of featuresByKey.get(key) ?? []) featureRows.push({ paper_id: id, f });
  }

  if (updates.length) {
    await sql(
      `UPDATE papers p SET key = x.key, arxiv_id = x.arxiv_id, title_key = x.title_key, title = x.title, abstract = x.abstract,
          published_at = x.published_at, upvotes = x.upvotes, num_comments = x.num_comments, github_repo = x.github_repo,
          github_stars = x.github_stars, project_page = x.project_page, ai_summary = x.ai_summary, ai_keywords = x.ai_keywords,
          thumbnail = x.thumbnail, media_urls = x.media_urls, categories = x.categories, comment = x.comment,
          author_count = x.author_count, author_names = x.author_names, organization_id = x.organization_id, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS x(${recordsetColumns}) WHERE p.id = x.id`,
      JSON.stringify(updates),
    );
  }

  await rewriteAuthors(sql, authorRewrites, new Set(inserted.map((r) => r.id)));

  if (featureRows.length) {
    const added = await sql<{ paper_id: number }>(
      `INSERT INTO paper_features (paper_id, day, featured_at, submitter_name, submitter_fullname, submitter_avatar)
       SELECT paper_id, day, featured_at, submitter_name, submitter_fullname, submitter_avatar
         FROM jsonb_to_recordset($1::jsonb) AS x(paper_id int, day date, featured_at timestamptz,
              submitter_name text, submitter_fullname text, submitter_avatar text)
       ON CONFLICT (paper_id, day) DO NOTHING RETURNING paper_id`,
      JSON.stringify(
        featureRows.map(({ paper_id, f }) => ({
          paper_id,
          day: f.day,
          featured_at: f.featuredAt.toISOString(),
          submitter_name: cleanText(f.submitter?.name) ?? null,
          submitter_fullname: cleanText(f.submitter?.fullname) ?? null,
          submitter_avatar: cleanText(f.submitter?.avatarUrl) ?? null,
        })),
      ),
    );
    const newIds = new Set(inserted.map((r) => r.id));
    for (const { paper_id } of added) if (!newIds.has(paper_id)) changed.add(paper_id);
  }

  counts.updated += changed.size;
  counts.unchanged += matches.size - changed.size;

  const lost = inserts.filter((r) => !inserted.some((i) => i.key === r.key));
  if (lost.length && depth < 2) {
    const again = await savePapers(sql, incoming.filter((i) => lost.some((l) => l.key === i.key)).map((i) => i.paper), depth + 1);
    counts.new += again.new;
    counts.updated += again.updated;
    counts.unchanged += again.unchanged;
  }
  return counts;
}

/** One entry per paper: a feed listing a paper twice merges into one (the later wins). */
function dedupe(batch: ParsedPaper[]): Incoming[] {
  const byKey = new Map<string, Incoming>();
  for (const paper of batch) {
    const key = paperKey(paper);
    const prev = byKey.get(key);
    const features = paper.featured ? [paper.featured] : [];
    if (!prev) {
      byKey.set(key, { paper, key, titleKey: titleKey(paper.title), features });
      continue;
    }
    prev.paper = mergeParsed(prev.paper, paper);
    for (const f of features) if (!prev.features.some((p) => p.day === f.day)) prev.features.push(f);
  }
  // A title-only entry whose title matches an arXiv paper of the same batch is that paper.
  const withId = new Map<string, Incoming>();
  for (const i of byKey.values()) if (i.paper.arxivId) withId.set(i.titleKey, i);
  for (const i of [...byKey.values()]) {
    if (i.paper.arxivId) continue;
    const twin = withId.get(i.titleKey);
    if (!twin) continue;
    twin.paper = mergeParsed(i.paper, twin.paper);
    for (const f of i.features) if (!twin.features.some((p) => p.day === f.day)) twin.features.push(f);
    byKey.delete(i.key);
  }
  return [...byKey.values()];
}

function mergeParsed(older: ParsedPaper, newer: ParsedPaper): ParsedPaper {
  const merged = { ...older } as Record<string, unknown>;
  for (const [k, v] of Object.entries(newer)) if (v !== undefined && v !== null) merged[k] = v;
  if (!newer.authors.length) merged.authors = older.authors;
  return merged as unknown as ParsedPaper;
}

/**
 * Finds each incoming paper's stored row: by arXiv id; else a title-only row with the
 * same normalised title (which the arXiv id now adopts); a title-only entry matches any
 * row with its title, preferring one that already has an arXiv id.
 */
function matchExisting(incoming: Incoming[], rows: PaperRow[]): Map<Incoming, PaperRow> {
  const byArxiv = new Map(rows.filter((r) => r.arxiv_id).map((r) => [r.arxiv_id!, r]));
  const byTitle = new Map<string, PaperRow[]>();
  for (const r of rows) byTitle.set(r.title_key, [...(byTitle.get(r.title_key) ?? []), r]);
  const taken = new Set<number>();
  const result = new Map<Incoming, PaperRow>();
  const claim = (i: Incoming, r: PaperRow | undefined) => {
    if (!r || taken.has(r.id)) return false;
    taken.add(r.id);
    result.set(i, r);
    return true;
  };
  for (const i of incoming) if (i.paper.arxivId) claim(i, byArxiv.get(i.paper.arxivId));
  for (const i of incoming) {
    if (result.has(i)) continue;
    const sameTitle = byTitle.get(i.titleKey) ?? [];
    if (i.paper.arxivId) claim(i, sameTitle.find((r) => !r.arxiv_id && !taken.has(r.id)));
    else claim(i, sameTitle.find((r) => r.arxiv_id && !taken.has(r.id)) ?? sameTitle.find((r) => !taken.has(r.id)));
  }
  return result;
}

/** The row this paper should have: the feed's fields over the stored ones it does not know. */
function valuesFor(item: Incoming, row: PaperRow | null, orgId: number | null, hasAuthors: boolean): RowValues {
  const p = item.paper;
  const keepId = row?.arxiv_id && !p.arxivId;
  const arxivId = p.arxivId ?? row?.arxiv_id ?? null;
  return {
    key: keepId ? row!.key : item.key,
    arxiv_id: arxivId,
    title_key: item.titleKey,
    title: cleanText(p.title),
    abstract: cleanText(p.abstract) ?? row?.abstract ?? null,
    published_at: p.publishedAt?.toISOString() ?? row?.published_at ?? null,
    upvotes: p.upvotes ?? row?.upvotes ?? 0,
    num_comments: p.numComments ?? row?.num_comments ?? 0,
    github_repo: cleanText(p.githubRepo) ?? row?.github_repo ?? null,
    github_stars: p.githubStars ?? row?.github_stars ?? null,
    project_page: cleanText(p.projectPage) ?? row?.project_page ?? null,
    ai_summary: cleanText(p.aiSummary) ?? row?.ai_summary ?? null,
    ai_keywords: p.aiKeywords?.map(cleanText) ?? row?.ai_keywords ?? [],
    thumbnail: cleanText(p.thumbnail) ?? row?.thumbnail ?? null,
    media_urls: p.mediaUrls?.map(cleanText) ?? row?.media_urls ?? [],
    categories: p.categories?.map(cleanText) ?? row?.categories ?? [],
    comment: cleanText(p.comment) ?? row?.comment ?? null,
    author_count: p.authors.length || hasAuthors ? null : (p.authorCount ?? row?.author_count ?? null),
    author_names: p.authors.length ? p.authors.map((a) => cleanText(a.name)).join(", ") : (row?.author_names ?? ""),
    organization_id: orgId ?? row?.organization_id ?? null,
  };
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = (a ?? []) as unknown[];
    const y = (b ?? []) as unknown[];
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return (a ?? null) === (b ?? null);
}

async function ensureOrganizations(sql: Sql, orgs: ParsedOrganization[]): Promise<Map<string, number>> {
  if (!orgs.length) return new Map();
  const byName = new Map(orgs.map((o) => [o.name, o]));
  const rows = JSON.stringify([...byName.values()].map((o) => ({ name: cleanText(o.name), fullname: cleanText(o.fullname) ?? null, avatar: cleanText(o.avatar) ?? null })));
  await sql(
    `INSERT INTO organizations (name, fullname, avatar)
     SELECT name, fullname, avatar FROM jsonb_to_recordset($1::jsonb) AS x(name text, fullname text, avatar text)
     ON CONFLICT (name) DO UPDATE SET fullname = COALESCE(EXCLUDED.fullname, organizations.fullname),
                                      avatar = COALESCE(EXCLUDED.avatar, organizations.avatar)
       WHERE organizations.fullname IS DISTINCT FROM COALESCE(EXCLUDED.fullname, organizations.fullname)
          OR organizations.avatar IS DISTINCT FROM COALESCE(EXCLUDED.avatar, organizations.avatar)`,
    rows,
  );
  const found = await sql<{ id: number; name: string }>(
    `SELECT id, name FROM organizations WHERE name = ANY($1::text[])`,
    [...byName.keys()],
  );
  return new Map(found.map((r) => [r.name, r.id]));
}

async function loadAuthorNames(sql: Sql, paperIds: number[]): Promise<Map<number, string[]>> {
  if (!paperIds.length) return new Map();
  const rows = await sql<{ paper_id: number; names: string[] }>(
    `SELECT pa.paper_id, array_agg(a.name ORDER BY pa.position) AS names
       FROM paper_authors pa JOIN authors a ON a.id = pa.author_id
      WHERE pa.paper_id = ANY($1::int[]) GROUP BY pa.paper_id`,
    paperIds,
  );
  return new Map(rows.map((r) => [r.paper_id, r.names]));
}

/** Replaces the author lists of these papers (`fresh` ones were just inserted and have none yet). */
async function rewriteAuthors(sql: Sql, lists: Map<number, ParsedPaper["authors"]>, fresh: Set<number>) {
  const withNames = [...lists].filter(([, authors]) => authors.length);
  if (!withNames.length) return;
  const people = new Map<string, string | null>();
  for (const [, authors] of withNames) {
    for (const a of authors) {
      const name = cleanText(a.name);
      if (!people.has(name) || a.hfUser) people.set(name, cleanText(a.hfUser) ?? people.get(name) ?? null);
    }
  }
  await sql(
    `INSERT INTO authors (name, hf_user)
     SELECT name, hf_user FROM jsonb_to_recordset($1::jsonb) AS x(name text, hf_user text)
     ON CONFLICT (name) DO UPDATE SET hf_user = EXCLUDED.hf_user
       WHERE EXCLUDED.hf_user IS NOT NULL AND authors.hf_user IS DISTINCT FROM EXCLUDED.hf_user`,
    JSON.stringify([...people].map(([name, hf_user]) => ({ name, hf_user }))),
  );
  const stale = withNames.map(([id]) => id).filter((id) => !fresh.has(id));
  if (stale.length) await sql(`DELETE FROM paper_authors WHERE paper_id = ANY($1::int[])`, stale);
  const links = withNames.flatMap(([paper_id, authors]) => authors.map((a, position) => ({ paper_id, position, name: cleanText(a.name) })));
  await sql(
    `INSERT INTO paper_authors (paper_id, author_id, position)
     SELECT x.paper_id, a.id, x.position
       FROM jsonb_to_recordset($1::jsonb) AS x(paper_id int, position int, name text)
       JOIN authors a ON a.name = x.name`,
    JSON.stringify(links),
  );
}
