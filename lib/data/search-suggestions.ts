import "server-only";
import { db } from "@/lib/db";
import { searchPaperList, type SearchOptions } from "@/lib/data/search";
import { parseSearchQuery } from "@/lib/search/query";

/** Query words looked up at most (each is one trigram index lookup). */
const MAX_WORDS = 6;

type Filters = Pick<SearchOptions, "from" | "to" | "organization" | "arxivOnly">;

/**
 * For a search without results, the same query with its words that no title has replaced by
 * the most similar title words (pg_trgm's `%` over `title_words`, through its trigram index;
 * the most similar first, then the commonest), or null when no word could be replaced or when
 * the corrected query finds nothing either (with the same filters).
 */
export async function suggestQuery(query: string, terms: string[], filters: Filters = {}): Promise<string | null> {
  const words = [...new Set(terms)].filter((w) => w.length >= 3 && w.length <= 40 && !/^\d+$/.test(w)).slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  const rows = await db().$queryRawUnsafe<{ word: string; suggestion: string }[]>(
    `SELECT w.word, s.word AS suggestion
       FROM unnest($1::text[]) AS w(word)
       CROSS JOIN LATERAL (
         SELECT t.word FROM title_words t
          WHERE t.word % w.word AND t.word <> w.word
          ORDER BY similarity(t.word, w.word) DESC, t.papers DESC, t.word
          LIMIT 1) s
      WHERE NOT EXISTS (SELECT 1 FROM title_words x WHERE x.word = w.word)`,
    words,
  );
  if (rows.length === 0) return null;
  let corrected = query;
  for (const { word, suggestion } of rows) corrected = replaceWord(corrected, word, suggestion);
  if (corrected === query) return null;
  const parsed = parseSearchQuery(corrected);
  if (!parsed) return null;
  const { papers } = await searchPaperList({ tsquery: parsed.tsquery, limit: 1, offset: 0, ...filters });
  return papers.length > 0 ? corrected : null;
}

/** `query` with every whole-word occurrence of `word` (any case) replaced. */
function replaceWord(query: string, word: string, replacement: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return query.replace(new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escaped}(?![\\p{L}\\p{M}\\p{N}])`, "giu"), () => replacement);
}
