-- Written by hand: functions and triggers are not part of Prisma's schema.
--
-- The search vector's expression gets a name, so the trigger and ingestion compute the
-- very same thing. Ingestion computes the vectors of a large run's new papers on a second
-- connection, beside its own transaction (to_tsvector is the costliest part of writing a
-- paper), and inserts them with the rows: the trigger keeps a vector given on INSERT.
-- Updates of the title, abstract or authors still recompute it here.
CREATE FUNCTION paper_search_vector(title text, abstract text, author_names text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
         setweight(to_tsvector('english'::regconfig, coalesce(abstract, '')), 'B') ||
         setweight(to_tsvector('english'::regconfig, coalesce(author_names, '')), 'C')
$fn$;

CREATE OR REPLACE FUNCTION papers_search_vector() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.search_vector IS NOT NULL THEN
    RETURN NEW;
  END IF;
  NEW.search_vector := paper_search_vector(NEW.title, NEW.abstract, NEW.author_names);
  RETURN NEW;
END $fn$;
