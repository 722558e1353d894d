import Link from "next/link";
import { Fragment } from "react";
import type { AuthorDTO } from "@/lib/data/paper-types";
import { authorHref } from "@/lib/papers/links";

/** The names a card shows, chosen on the server so a list never sends every author of a paper. */
export interface ShownAuthors {
  names: { id: number; name: string; href: string; marked: boolean }[];
  /** Authors not named: "+N". */
  more: number;
  /** The full count, for papers whose names are unknown (copied pages give only a count). */
  total: number;
}

function nameMatches(name: string, terms: string[]): boolean {
  const words = name
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u);
  return terms.some((t) => words.some((w) => w === t || (t.length >= 4 && w.startsWith(t))));
}

/**
 * The first `max` authors, plus (up to three) later ones whose names contain a search term,
 * which are marked.
 */
export function pickAuthors(authors: AuthorDTO[], authorCount: number, terms: string[] = [], max = 3): ShownAuthors {
  const total = Math.max(authorCount, authors.length);
  const matched = terms.length ? new Set(authors.filter((a) => nameMatches(a.name, terms)).map((a) => a.id)) : new Set<number>();
  const shown = authors.filter((a, i) => i < max || matched.has(a.id)).slice(0, max + 3);
  return {
    names: shown.map((a) => ({ id: a.id, name: a.name, href: authorHref(a.name), marked: matched.has(a.id) })),
    more: total - shown.length,
    total,
  };
}

/** "Ann Lee, Bo Chen, Cy Diaz +4": each name links to its author page. */
export function AuthorList({ authors }: { authors: ShownAuthors }) {
  const { names, more, total } = authors;
  if (names.length === 0) {
    return total > 0 ? <span>{total === 1 ? "1 author" : `${total} authors`}</span> : null;
  }
  return (
    <span>
      {names.map((a, i) => (
        <Fragment key={a.id}>
          {i > 0 && ", "}
          <Link href={a.href} prefetch={false} className="meta-link">
            {a.marked ? <mark>{a.name}</mark> : a.name}
          </Link>
        </Fragment>
      ))}
      {more > 0 && (
        <span>
          {" "}
          +{more}
          <span className="sr-only"> more {more === 1 ? "author" : "authors"}</span>
        </span>
      )}
    </span>
  );
}
