-- Written by hand: functions are not part of Prisma's schema.
--
-- Title words for search suggestions are added for the papers a run inserted, named by id.
-- refresh_title_words(since) found them by creation time, which cost a scan of every paper
-- after each run (a SQL function's plan is generic, so `created_at >= $1` was not planned for
-- the value given: 330 ms per run at 100,000 papers, even when the run added nothing), and it
-- counted the papers of a run that overlapped this one twice.
CREATE FUNCTION add_title_words(paper_ids int[]) RETURNS void
  LANGUAGE sql VOLATILE AS $fn$
  INSERT INTO "title_words" ("word", "papers")
  SELECT x.word, count(*)
    FROM (SELECT DISTINCT p."id", w.word
            FROM "papers" p, regexp_split_to_table(lower(search_text(p."title")), '[^[:alnum:]]+') AS w(word)
           WHERE p."id" = ANY(paper_ids)
             AND length(w.word) BETWEEN 3 AND 40 AND w.word !~ '^[0-9]+$') x
   GROUP BY x.word
   ORDER BY x.word
      ON CONFLICT ("word") DO UPDATE SET "papers" = "title_words"."papers" + excluded."papers"
$fn$;

DROP FUNCTION refresh_title_words(timestamptz);
-- Only refresh_title_words read papers by creation time.
DROP INDEX "papers_created_at_idx";
