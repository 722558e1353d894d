-- Written by hand: expression indexes are not part of Prisma's schema.
--
-- An index of every title's lexemes: the weight-A part of the search vector, so no title is
-- parsed twice. Search finds title matches through it first (lib/data/search.ts), and similar
-- papers start from the rarest words of a paper's title.
-- The trigram GiST index this replaces could not prune at 1,000,000 papers (2 s for one
-- paper page) and was the costliest index to keep up while ingesting.
DROP INDEX IF EXISTS "papers_title_trgm_idx";
CREATE INDEX "papers_title_lexemes_idx" ON "papers" USING GIN (ts_filter("search_vector", '{a}'));

-- ANALYZE keeps the expression's most common lexemes and their frequencies in pg_stats
-- (under the index's name). The query skips the commonest, as a search engine's "more like
-- this" skips stop words. A target of 300 tracks about 3,000 lexemes, down to well under 0.5%
-- of titles; it also makes ANALYZE sample 90,000 rows, a few seconds at a million papers.
ALTER INDEX "papers_title_lexemes_idx" ALTER COLUMN 1 SET STATISTICS 300;

-- Papers like `paper`, as a search engine's "more like this" finds them: its rarest title
-- words (at most `terms` of them, each in at most `max_entries` titles by the statistics
-- above; a word the statistics do not list counts as rarest) find up to `candidates` papers
-- through the index, ranked by how many of the paper's title words they have in their title
-- (weight 1) or abstract (0.4), plus how many of the rare ones their title shares.
-- PL/pgSQL, not one SQL statement: its plans are kept per connection, and planning the
-- pg_stats view took longer than running the whole search.
CREATE FUNCTION similar_paper_ids(paper int, n int, terms int, candidates int, max_entries int)
  RETURNS TABLE (similar_id int, score real) LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  title tsvector;
  rare tsquery;
  every tsquery;
  max_share float8;
BEGIN
  SELECT ts_filter(p.search_vector, '{a}') INTO title FROM papers p WHERE p.id = paper;
  IF title IS NULL OR length(title) = 0 THEN
    RETURN;
  END IF;
  -- The bound is on posting-list length, so it is a share of the papers there are: a small
  -- collection (or one never analysed, reltuples -1) leaves every word in.
  SELECT max_entries / greatest(c.reltuples, 1) INTO max_share FROM pg_class c WHERE c.oid = 'papers'::regclass;
  -- Lexemes go in as quoted literals cast to tsquery: to_tsquery would stem them again.
  SELECT string_agg(quote_literal(r.lexeme), ' | ')::tsquery INTO rare
    FROM (SELECT t.lexeme
            FROM unnest(tsvector_to_array(title)) t(lexeme)
            LEFT JOIN (SELECT c.lexeme, c.freq
                         FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) c(lexeme, freq)
                        WHERE s.schemaname = current_schema() AND s.tablename = 'papers_title_lexemes_idx') c
              ON c.lexeme = t.lexeme
           WHERE coalesce(c.freq, 0) <= max_share
           ORDER BY coalesce(c.freq, 0), t.lexeme
           LIMIT terms) r;
  IF rare IS NULL THEN
    RETURN;
  END IF;
  SELECT string_agg(quote_literal(l), ' | ')::tsquery INTO every FROM unnest(tsvector_to_array(title)) l;
  RETURN QUERY
    SELECT near.id, ts_rank(near.search_vector, every) + ts_rank(ts_filter(near.search_vector, '{a}'), rare) AS score
      FROM (SELECT p.id, p.search_vector FROM papers p
             WHERE ts_filter(p.search_vector, '{a}') @@ rare AND p.id <> paper AND p.hidden_at IS NULL
             LIMIT candidates) near
     ORDER BY 2 DESC, near.id DESC
     LIMIT n;
END $fn$;
