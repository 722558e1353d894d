"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { SearchIcon } from "@/components/ui/icons";
import { isPlainKey, isTypingTarget } from "@/components/layout/is-typing";

interface Suggestion {
  id: string;
  title: string;
}

const DEBOUNCE_MS = 200;
const MIN_CHARS = 2;

/** Reads the HF-shaped entries of `/api/papers/search`, keeping only what a link needs. */
function toSuggestions(body: unknown): Suggestion[] {
  if (!Array.isArray(body)) return [];
  const out: Suggestion[] = [];
  for (const entry of body) {
    const id: unknown = entry?.paper?.id;
    const title: unknown = entry?.title ?? entry?.paper?.title;
    // Ids become a path: arXiv ids only (new style, or old style such as hep-th/9901001).
    if (typeof id === "string" && /^[A-Za-z0-9.-]+(\/[0-9]+)?$/.test(id) && typeof title === "string") {
      out.push({ id, title: title.replace(/\s+/g, " ").trim() });
    }
  }
  return out.slice(0, 5);
}

/**
 * The header's search field: a GET form to /search that suggests papers by prefix while
 * typing (a combobox: arrows move, Enter opens, Escape closes). `/` anywhere focuses it.
 */
export function SearchBox() {
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<{ query: string; items: Suggestion[] }>({ query: "", items: [] });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.key !== "/" || !isPlainKey(e) || isTypingTarget(e.target)) return;
      e.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    }
    document.addEventListener("keydown", onKeyDown);
    // Marks the shortcut as live: a key pressed before hydration does nothing, so tests wait for this.
    if (inputRef.current) inputRef.current.dataset.keys = "ready";
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (q.length < MIN_CHARS) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/papers/search?q=${encodeURIComponent(q)}&limit=5&prefix=1`, { signal: controller.signal });
        const items = res.ok ? toSuggestions(await res.json()) : [];
        setResults({ query: q, items });
        setActive(-1);
      } catch {
        // Aborted by the next keystroke, or the server is unreachable: no suggestions.
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const items = query.trim().length >= MIN_CHARS && results.query === query.trim() ? results.items : [];
  const expanded = open && items.length > 0;

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "Escape") {
      if (expanded) e.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (e.key === "ArrowDown" && items.length) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % items.length);
    } else if (e.key === "ArrowUp" && items.length) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? items.length - 1 : i - 1));
    } else if (e.key === "Enter" && expanded && active >= 0) {
      e.preventDefault();
      setOpen(false);
      router.push(`/papers/${items[active].id}`);
    }
  }

  return (
    <form role="search" action="/search" method="get" className="relative" onSubmit={() => setOpen(false)}>
      <label htmlFor={`${baseId}-input`} className="sr-only">
        Search papers
      </label>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-gray-400" />
      <input
        ref={inputRef}
        id={`${baseId}-input`}
        type="search"
        name="q"
        value={query}
        required
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
        placeholder="Search papers"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-keyshortcuts="/"
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="peer w-full rounded-lg border border-gray-300 bg-gray-50 py-1.5 pr-9 pl-9 text-sm placeholder:text-gray-500 focus:border-blue-500 focus:bg-white dark:border-gray-700 dark:bg-gray-900 dark:placeholder:text-gray-400 dark:focus:bg-gray-950"
      />
      <kbd
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-2.5 hidden -translate-y-1/2 rounded border border-gray-300 px-1.5 font-sans text-xs text-gray-500 sm:block sm:peer-focus:hidden dark:border-gray-700 dark:text-gray-400"
      >
        /
      </kbd>
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggested papers"
        hidden={!expanded}
        // Keep focus in the input while a suggestion is clicked.
        onMouseDown={(e) => e.preventDefault()}
        className="absolute inset-x-0 top-full z-30 mt-1 overflow-hidden rounded-lg border border-gray-200 bg-white py-1 shadow-lg sm:left-auto sm:w-[28rem] dark:border-gray-700 dark:bg-gray-900"
      >
        {items.map((s, i) => (
          <li key={s.id} id={`${listId}-${i}`} role="option" aria-selected={i === active}>
            <a
              href={`/papers/${s.id}`}
              tabIndex={-1}
              onClick={(e) => {
                e.preventDefault();
                setOpen(false);
                router.push(`/papers/${s.id}`);
              }}
              className={`line-clamp-2 px-3 py-2 text-sm ${i === active ? "bg-blue-50 text-blue-900 dark:bg-blue-950 dark:text-blue-100" : "hover:bg-gray-100 dark:hover:bg-gray-800"}`}
            >
              {s.title}
            </a>
          </li>
        ))}
      </ul>
    </form>
  );
}
