import Link from "next/link";
import type { SearchEntity } from "@/lib/data/search-entities";

export interface SearchEntitiesProps {
  entities: SearchEntity[];
}

const kindLabel = { author: "Author", organization: "Organization" } as const;

/** Links to the pages of the author and the organization the query names, above the results. */
export function SearchEntities({ entities }: SearchEntitiesProps) {
  return (
    <ul aria-label="Pages matching the query" className="mt-6 flex flex-col gap-2">
      {entities.map((e) => (
        <li key={e.href}>
          <Link
            href={e.href}
            className="inline-flex items-baseline gap-1 rounded-md border border-gray-200 px-3 py-2 text-sm hover:bg-gray-50 dark:border-gray-700 dark:hover:bg-gray-800"
          >
            <span className="text-gray-500 dark:text-gray-400">{kindLabel[e.kind]}:</span>
            <span className="font-medium break-words">{e.label}</span>
            <span aria-hidden="true">→</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
