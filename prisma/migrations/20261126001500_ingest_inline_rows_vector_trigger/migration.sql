-- Written by hand: storage parameters and triggers are not part of Prisma's schema.
--
-- A paper row is about 3.5-4 KB (abstract ~1.2 KB, search vector ~1.7 KB, AI summary),
-- over the 2 KB at which Postgres starts compressing and moving values out of line: every
-- insert tried pglz on the search vector (which does not compress), compressed the
-- abstract and still wrote the vector to the TOAST table and its index, a second row and
-- index entry per paper (about a third of a first ingest's insert time). Rows up to
-- 4080 bytes now stay whole, two to a page (the same space as before, heap plus TOAST);
-- longer ones are still compressed and moved as before. Search reads the vector inline.
ALTER TABLE "papers" SET (toast_tuple_target = 4080);

-- The search-vector trigger ran its PL/pgSQL body for every inserted row, only to keep
-- the vector ingestion computed beside its transaction, and on every update that lists
-- title, abstract or author_names, which ingestion's update always does (to store new
-- upvotes, say), recomputing an unchanged vector. WHEN conditions are checked without
-- calling the function: it now runs for an insert without a vector, and for an update
-- that changes the text the vector is made of.
-- (Idempotent: this migration was first committed as 20261126001000_ingest_inline_rows_vector_trigger,
-- beside another migration of that timestamp.)
DROP TRIGGER IF EXISTS "papers_search_vector" ON "papers";
CREATE OR REPLACE TRIGGER "papers_search_vector_insert" BEFORE INSERT ON "papers"
  FOR EACH ROW WHEN (NEW.search_vector IS NULL) EXECUTE FUNCTION papers_search_vector();
CREATE OR REPLACE TRIGGER "papers_search_vector_update" BEFORE UPDATE OF title, abstract, author_names ON "papers"
  FOR EACH ROW WHEN (NEW.title IS DISTINCT FROM OLD.title OR NEW.abstract IS DISTINCT FROM OLD.abstract
                     OR NEW.author_names IS DISTINCT FROM OLD.author_names)
  EXECUTE FUNCTION papers_search_vector();
