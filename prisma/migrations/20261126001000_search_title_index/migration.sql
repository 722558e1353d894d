-- Written by hand: an expression index is not part of Prisma's schema.
--
-- Search ranks the papers whose title matches the whole query first. This GIN index over
-- the title alone finds them without reading anyone's full search vector (about 1.5 kB a
-- paper, kept out of line in TOAST), and its expression is the title part of
-- paper_search_vector (without the weight). An index on an expression rather than a stored
-- column: existing rows need no rewrite, and ingestion has nothing more to compute and send.
CREATE INDEX IF NOT EXISTS "papers_title_tsv_idx" ON "papers" USING GIN (to_tsvector('english'::regconfig, "title"));
