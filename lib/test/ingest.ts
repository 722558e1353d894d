import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runIngest } from "@/lib/ingest/run-ingest";
import { streamOf } from "@/lib/test/fixtures";

/** Ingests a document into a test database, as the CLI would. */
export function ingestText(prisma: PrismaClient, text: string, year?: number) {
  return runIngest({ body: streamOf(text), origin: "test", trigger: "cli", prisma, year });
}

/**
 * Makes the database fail mid-run, as a full disk would: inserting the paper with this arXiv
 * id raises an error. Returns the function that takes the failure away again.
 */
export async function failInsertOf(prisma: PrismaClient, arxivId: string): Promise<() => Promise<void>> {
  await prisma.$executeRawUnsafe(`
    CREATE FUNCTION fail_on_poison() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.arxiv_id = '${arxivId}' THEN RAISE EXCEPTION 'disk full (simulated)'; END IF; RETURN NEW; END $$`);
  await prisma.$executeRawUnsafe(`CREATE TRIGGER poison BEFORE INSERT ON papers FOR EACH ROW EXECUTE FUNCTION fail_on_poison()`);
  return async () => {
    await prisma.$executeRawUnsafe(`DROP TRIGGER poison ON papers; DROP FUNCTION fail_on_poison()`);
  };
}

export interface SyntheticPaper {
  id: string;
  title: string;
  summary?: string;
  authors?: string[];
  upvotes?: number;
  day: string;
  /** The listing time; defaults to the day at noon UTC. */
  featuredAt?: string;
  publishedAt?: string;
  submitter?: string;
  organization?: string;
}

/** A daily-papers JSON document with the given papers, in Hugging Face's shape. */
export function hfDocument(papers: SyntheticPaper[]): string {
  return JSON.stringify(
    papers.map((p) => ({
      title: p.title,
      publishedAt: p.featuredAt ?? `${p.day}T12:00:00.000Z`,
      numComments: 0,
      submittedBy: { name: p.submitter ?? "akhaliq", fullname: "AK" },
      ...(p.organization ? { organization: { name: p.organization, fullname: `${p.organization} Lab` } } : {}),
      paper: {
        id: p.id,
        title: p.title,
        summary: p.summary ?? `An abstract about ${p.title}.`,
        authors: (p.authors ?? ["Ada Lovelace"]).map((name) => ({ name, hidden: false })),
        publishedAt: p.publishedAt ?? `${p.day}T00:00:00.000Z`,
        submittedOnDailyAt: `${p.day}T00:00:00.000Z`,
        upvotes: p.upvotes ?? 0,
      },
    })),
  );
}
