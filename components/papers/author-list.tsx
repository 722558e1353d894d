import Link from "next/link";
import { Fragment } from "react";
import type { AuthorDTO } from "@/lib/data/paper-types";
import { authorHref } from "@/components/papers/links";

export interface AuthorListProps {
  authors: AuthorDTO[];
  /** Full count, which can exceed the names known (copied pages give only a count). */
  authorCount: number;
  /** Names shown before "+N". */
  max?: number;
  /** Search terms: authors whose names contain one are shown too, in `<mark>`. */
  terms?: string[];
}

function nameMatches(name: string, terms: string[]): boolean {
  const words = name.normalize("NFKC").toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u);
  return terms.some((t) => words.some((w) => w === t || (t.length >= 4 && w.startsWith(t))));
}

/** "Ann Lee, Bo Chen, Cy Diaz +4": each name links to its author page. */
export function AuthorList({ authors, authorCount, max = 3, terms = [] }: AuthorListProps) {
  const total = Math.max(authorCount, authors.length);
  if (authors.length === 0) {
    return total > 0 ? <span>{total === 1 ? "1 author" : `${total} authors`}</span> : null;
  }
  const matched = terms.length ? new Set(authors.filter((a) => nameMatches(a.name, terms)).map((a) => a.id)) : new Set<number>();
  const shown = authors.filter((a, i) => i < max || matched.has(a.id)).slice(0, max + 3);
  const more = total - shown.length;
  return (
    <span>
      {shown.map((a, i) => (
        <Fragment key={a.id}>
          {i > 0 && ", "}
          <Link href={authorHref(a.name)} prefetch={false} className="meta-link">
            {matched.has(a.id) ? <mark>{a.name}</mark> : a.name}
          </Link>
        </Fragment>
      ))}
      {more > 0 && (
        <span>
          {" "}+{more}
          <span className="sr-only"> more {more === 1 ? "author" : "authors"}</span>
        </span>
      )}
    </span>
  );
}
