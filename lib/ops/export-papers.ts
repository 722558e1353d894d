import { once } from "node:events";
import type { Writable } from "node:stream";
import { toDailyEntry, type HfDailyEntry } from "@/lib/hf-api/shape";
import { authorsByPaper } from "@/lib/data/authors";
import { isoDay, paperRowToDto, type PaperColumnsRow } from "@/lib/data/paper-row";
import type { FeatureDTO, PaperDTO } from "@/lib/data/paper-types";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface ExportPapersOptions {
  prisma: PrismaClient;
  /** Where the JSON goes (a file stream, stdout). Not ended here. */
  out: Writable;
  /** Papers read per query; memory stays proportional to this, not to the database. */
  batchSize?: number;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportProgress {
  papers: number;
  entries: number;
}

export interface ExportSummary extends ExportProgress {
  /** Papers known only by title (copied pages): the daily-papers shape has no id to give them. */
  skippedWithoutId: number;
  /** Papers an admin hid: exporting them would bring them back on import. */
  skippedHidden: number;
}

/** Export reads only papers with an arXiv id, and no featured-day columns (it reads every day). */
type Row = PaperColumnsRow & { arxiv_id: string };

type Tx = Pick<PrismaClient, "$queryRawUnsafe" | "$queryRaw">;

/**
 * Writes every paper as a Hugging Face daily-papers JSON array (the `/api/daily_papers`
 * shape, lib/hf-api/shape.ts), one entry per day the paper was featured so its days and
 * submitters survive, which `npm run ingest` reads back into the same papers, authors,
 * organizations, days and counts. Papers are read in id order, a batch at a time, from one
 * repeatable-read snapshot, so a large database streams in flat memory and an ingest running
 * meanwhile cannot tear the export.
 *
 * Upvotes are the feed's count (this server's users' upvotes are user data, not feed data);
 * arXiv categories and comments have no place in this shape and are not exported.
 */
export async function exportPapers({ prisma, out, batchSize = 500, onProgress }: ExportPapersOptions): Promise<ExportSummary> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
      const [skipped] = await tx.$queryRawUnsafe<{ without_id: bigint; hidden: bigint }[]>(
        `SELECT count(*) FILTER (WHERE arxiv_id IS NULL AND hidden_at IS NULL) AS without_id,
                count(*) FILTER (WHERE hidden_at IS NOT NULL) AS hidden
           FROM papers`,
      );
      const progress: ExportProgress = { papers: 0, entries: 0 };
      await write(out, "[");
      let after = 0;
      for (;;) {
        const papers = await readBatch(tx, after, batchSize);
        if (!papers.length) break;
        const entries = papers.flatMap(entriesOf);
        if (entries.length) {
          const lead = progress.entries ? ",\n" : "\n";
          await write(out, lead + entries.map((e) => JSON.stringify(e)).join(",\n"));
        }
        progress.papers += papers.length;
        progress.entries += entries.length;
        onProgress?.({ ...progress });
        after = papers[papers.length - 1].id;
      }
      await write(out, progress.entries ? "\n]\n" : "]\n");
      return { ...progress, skippedWithoutId: Number(skipped.without_id), skippedHidden: Number(skipped.hidden) };
    },
    // The snapshot lives as long as the export; the default 5 s would cut a large one short.
    { isolationLevel: "RepeatableRead", maxWait: 30_000, timeout: 24 * 60 * 60 * 1000 },
  );
}

/** One entry per featured day; a paper never featured gets one entry with no listing time. */
function entriesOf({ paper, features }: { paper: PaperDTO; features: FeatureDTO[] }): HfDailyEntry[] {
  if (!features.length) {
    const entry = toDailyEntry({ ...paper, feature: null });
    // toDailyEntry falls back to the paper's date, which ingestion would read as a featured day.
    delete entry.publishedAt;
    return [entry];
  }
  return features.map((feature) => toDailyEntry({ ...paper, feature }));
}

async function readBatch(tx: Tx, after: number, limit: number) {
  const rows = await tx.$queryRawUnsafe<Row[]>(
    `SELECT p.id, p.arxiv_id, p.title, p.abstract, p.published_at, p.upvotes, p.num_comments, p.github_repo,
            p.github_stars, p.project_page, p.ai_summary, p.ai_keywords, p.thumbnail, p.media_urls, p.categories,
            p.comment, p.author_count, o.id AS org_id, o.name AS org_name, o.fullname AS org_fullname, o.avatar AS org_avatar
       FROM papers p LEFT JOIN organizations o ON o.id = p.organization_id
      WHERE p.id > $1 AND p.arxiv_id IS NOT NULL AND p.hidden_at IS NULL
      ORDER BY p.id LIMIT $2`,
    after,
    limit,
  );
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const authors = await authorsByPaper(tx, ids);
  const featureRows = await tx.$queryRawUnsafe<
    {
      paper_id: number;
      day: Date;
      featured_at: Date;
      submitter_name: string | null;
      submitter_fullname: string | null;
      submitter_avatar: string | null;
    }[]
  >(
    `SELECT paper_id, day, featured_at, submitter_name, submitter_fullname, submitter_avatar
       FROM paper_features WHERE paper_id = ANY($1::int[]) ORDER BY paper_id, day`,
    ids,
  );
  const features = groupBy(featureRows, (f): FeatureDTO => ({
    day: isoDay(f.day),
    featuredAt: f.featured_at,
    submitter: f.submitter_name ? { name: f.submitter_name, fullname: f.submitter_fullname, avatarUrl: f.submitter_avatar } : null,
  }));
  return rows.map((r) => ({ id: r.id, paper: paperRowToDto(r, authors.get(r.id) ?? []), features: features.get(r.id) ?? [] }));
}

function groupBy<R extends { paper_id: number }, T>(rows: R[], map: (row: R) => T): Map<number, T[]> {
  const byPaper = new Map<number, T[]>();
  for (const row of rows) {
    const list = byPaper.get(row.paper_id) ?? [];
    list.push(map(row));
    byPaper.set(row.paper_id, list);
  }
  return byPaper;
}

/** Writes respecting backpressure, so a slow disk or pipe holds the export back instead of filling memory. */
async function write(out: Writable, chunk: string) {
  if (!out.write(chunk)) await once(out, "drain");
}
