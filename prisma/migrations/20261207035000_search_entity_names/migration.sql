-- Written by hand: functions and expression indexes are not part of Prisma's schema.
--
-- A search for a person or an organization (`Yann LeCun`, `yann lecun`, `Jose Garcia` for
-- `José García`, `google deepmind`) offers their page above the results
-- (lib/data/search-entities.ts). Names are compared by a key: accents dropped (NFD, then the
-- combining marks removed), lower case, every run of other than letters and digits one space.
-- normalize() needs a UTF-8 database, as Prisma's Postgres databases are.
CREATE FUNCTION name_key(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fn$
  SELECT btrim(regexp_replace(lower(regexp_replace(normalize(t, NFD), '[\u0300-\u036f]+', '', 'g')), '[^[:alnum:]]+', ' ', 'g'))
$fn$;

-- One B-tree lookup per search, whatever the number of authors.
CREATE INDEX "authors_name_key_idx" ON "authors" (name_key("name"));
CREATE INDEX "organizations_name_key_idx" ON "organizations" (name_key("name"));
CREATE INDEX "organizations_fullname_key_idx" ON "organizations" (name_key("fullname"));
