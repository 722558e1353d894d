-- Full-text search and similar papers.

-- Authors' names in order, denormalised by ingestion so the search vector can include them.
ALTER TABLE "papers" ADD COLUMN "author_names" TEXT NOT NULL DEFAULT '';

-- Title over abstract over authors. Names go through the same 'english' configuration
-- as queries do, so a searched name is stemmed the same way as the indexed one.
-- A trigger rather than a generated column: a generated column is recomputed on every
-- update, and feeds update upvotes daily; to_tsvector is the costliest part of a write.
ALTER TABLE "papers" ADD COLUMN "search_vector" tsvector;

CREATE FUNCTION papers_search_vector() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW.abstract, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW.author_names, '')), 'C');
  RETURN NEW;
END $fn$;

CREATE TRIGGER papers_search_vector BEFORE INSERT OR UPDATE OF title, abstract, author_names ON "papers"
  FOR EACH ROW EXECUTE FUNCTION papers_search_vector();

CREATE INDEX "papers_search_vector_idx" ON "papers" USING GIN ("search_vector");

-- Similar papers: trigram distance between titles, answered by a GiST index (KNN).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "papers_title_trgm_idx" ON "papers" USING GIST ("title" gist_trgm_ops);

-- A day's (or week's) papers straight from the index.
DROP INDEX "paper_features_day_idx";
CREATE INDEX "paper_features_day_paper_id_idx" ON "paper_features" ("day", "paper_id");
