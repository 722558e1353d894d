-- Written by hand: trigram indexes and functions are not part of Prisma's schema, and this
-- table is read only by raw SQL (lib/data/search-suggestions.ts), so it is not a Prisma model.
--
-- A search with no result suggests the title words closest to its unknown words ("Did you
-- mean"). The vocabulary of titles is kept in a small table: reading it from the titles'
-- lexemes per query (ts_stat) would read every title, and lexemes are stems, not words.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE "title_words" (
  "word"   text PRIMARY KEY,
  -- How many papers' titles have the word (counted when a paper is added; a suggestion only
  -- breaks ties with it, and only appears when the corrected search finds papers).
  "papers" integer NOT NULL
);

-- Finds the words like a misspelled one with the `%` operator, without reading the table.
CREATE INDEX "title_words_word_trgm_idx" ON "title_words" USING GIN ("word" gin_trgm_ops);

-- The papers an ingest run added, without reading the others (refresh_title_words).
CREATE INDEX "papers_created_at_idx" ON "papers" ("created_at");

-- Adds the title words of the papers created since `since` (every paper when null): lower
-- case, math read by its visible words (search_text), 3 to 40 characters, not only digits.
-- Called after each ingest run commits (lib/ingest/run-ingest.ts) with the run's start.
CREATE FUNCTION refresh_title_words(since timestamptz) RETURNS void
  LANGUAGE sql VOLATILE AS $fn$
  INSERT INTO "title_words" ("word", "papers")
  SELECT x.word, count(*)
    FROM (SELECT DISTINCT p."id", w.word
            FROM "papers" p, regexp_split_to_table(lower(search_text(p."title")), '[^[:alnum:]]+') AS w(word)
           WHERE p."created_at" >= coalesce(since, '-infinity')
             AND length(w.word) BETWEEN 3 AND 40 AND w.word !~ '^[0-9]+$') x
   GROUP BY x.word
      ON CONFLICT ("word") DO UPDATE SET "papers" = "title_words"."papers" + excluded."papers"
$fn$;

SELECT refresh_title_words(NULL);
