import "server-only";
import { db } from "@/lib/db";
import { authorHref, orgHref } from "@/lib/papers/links";

/** An author or an organization whose name is the whole search query. */
export interface SearchEntity {
  kind: "author" | "organization";
  /** The name shown: the author's name, the organization's full name (else its handle). */
  label: string;
  href: string;
}

/** Longer queries are not names (and are not looked up). */
const MAX_NAME_CHARS = 120;

/**
 * The author and the organization whose name is the query, compared by name_key (accents,
 * case and punctuation aside: `yann lecun`, `Jose Garcia` for `José García`), at most one
 * of each. Quotes around the query are ignored. Each is one lookup in an expression index
 * (prisma/migrations/20261207035000_search_entity_names), whatever the number of authors;
 * among authors with the same key, the one spelled as typed, else the first known.
 */
export async function findSearchEntities(query: string): Promise<SearchEntity[]> {
  const name = query.replace(/"/g, " ").replace(/\s+/g, " ").trim();
  if (!name || name.length > MAX_NAME_CHARS) return [];
  const rows = await db().$queryRawUnsafe<{ kind: "author" | "organization"; name: string; label: string }[]>(
    `(SELECT 'author' AS kind, a.name, a.name AS label
        FROM authors a WHERE name_key($1::text) <> '' AND name_key(a.name) = name_key($1::text)
       ORDER BY a.name = $1::text DESC, a.id LIMIT 1)
     UNION ALL
     (SELECT 'organization' AS kind, o.name, coalesce(nullif(btrim(o.fullname), ''), o.name) AS label
        FROM organizations o
       WHERE name_key($1::text) <> '' AND (name_key(o.name) = name_key($1::text) OR name_key(o.fullname) = name_key($1::text))
       ORDER BY o.name = $1::text DESC, o.id LIMIT 1)`,
    name,
  );
  return rows.map((r) => ({ kind: r.kind, label: r.label, href: r.kind === "author" ? authorHref(r.name) : orgHref(r.name) }));
}
