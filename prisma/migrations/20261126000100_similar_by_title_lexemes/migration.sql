-- Written by hand: expression indexes are not part of Prisma's schema.
--
-- Similar papers start from the rarest words of a paper's title, looked up in an index of
-- every title's lexemes: the weight-A part of the search vector, so no title is parsed twice.
-- The trigram GiST index this replaces could not prune at 1,000,000 papers (2 s for one
-- paper page) and was the costliest index to keep up while ingesting.
DROP INDEX IF EXISTS "papers_title_trgm_idx";
CREATE INDEX "papers_title_lexemes_idx" ON "papers" USING GIN (ts_filter("search_vector", '{a}'));

-- ANALYZE keeps the expression's most common lexemes and their frequencies in pg_stats
-- (under the index's name). The query skips the commonest, as a search engine's "more like
-- this" skips stop words; a larger target tracks more of them (stats target x 10 lexemes).
ALTER INDEX "papers_title_lexemes_idx" ALTER COLUMN 1 SET STATISTICS 1000;
