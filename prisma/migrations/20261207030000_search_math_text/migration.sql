-- Written by hand: functions are not part of Prisma's schema.
--
-- Math in titles and abstracts is searched by its visible words. arXiv titles write
-- `From $Q$-Values` and `$\mathcal{B}$-Coder`; Postgres's parser read them as q, valu and
-- mathcal, b, coder, so `"Q-Values to World"` or `B-Coder` (as a phrase) could not match.
-- search_text drops the dollar signs and braces, font commands (\mathcal{B} is B) and the
-- backslash of other commands (\alpha is alpha). The search query passes its words through
-- the same function (lib/search/query.ts), so both sides agree.
--
-- Most titles and abstracts hold no markup at all: they are returned as they are, after four
-- strpos scans. Run over every abstract, the two regular expressions cost about 32 µs per
-- 1.5 KB of text, half again what to_tsvector itself takes; the scans cost about 3 µs.
CREATE FUNCTION search_text(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fn$
  SELECT CASE WHEN strpos(t, '$') = 0 AND strpos(t, '\') = 0 AND strpos(t, '{') = 0 AND strpos(t, '}') = 0 THEN t
  ELSE translate(
           regexp_replace(
             regexp_replace(t, '\\(math[a-z]*|text[a-z]*|boldsymbol|bm|operatorname|emph)\s*\{', '', 'g'),
             '\\([A-Za-z]+)', '\1', 'g'),
           '${}', '')
  END
$fn$;

CREATE OR REPLACE FUNCTION paper_search_vector(title text, abstract text, author_names text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT setweight(to_tsvector('english'::regconfig, coalesce(search_text(title), '')), 'A') ||
         setweight(to_tsvector('english'::regconfig, coalesce(search_text(abstract), '')), 'B') ||
         setweight(to_tsvector('english'::regconfig, coalesce(author_names, '')), 'C')
$fn$;

-- Only papers with math markup change.
UPDATE "papers" SET "search_vector" = paper_search_vector("title", "abstract", "author_names")
 WHERE "title" ~ '[$\\{}]' OR "abstract" ~ '[$\\{}]';
