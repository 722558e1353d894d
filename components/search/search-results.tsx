import type { SearchHit } from "@/lib/data/search";
import { CardKeyboardNav } from "@/components/papers/card-keyboard-nav";
import { PaperCard } from "@/components/papers/paper-card";

export interface SearchResultsProps {
  hits: SearchHit[];
  /** The query's words, to mark matching author names. */
  terms: string[];
}

/** Result cards with the matches in `<mark>`. */
export function SearchResults({ hits, terms }: SearchResultsProps) {
  return (
    <CardKeyboardNav>
      <ol aria-label="Search results" className="flex flex-col gap-3">
        {hits.map((h) => (
          <li key={h.paper.id}>
            <PaperCard paper={h.paper} highlight={{ title: h.titleHighlight, abstract: h.abstractHighlight, terms }} />
          </li>
        ))}
      </ol>
    </CardKeyboardNav>
  );
}
