import Link from "next/link";

export interface TabLink {
  href: string;
  label: string;
  current: boolean;
}

export interface TabLinksProps {
  /** Landmark name, e.g. "Sort papers". */
  label: string;
  items: TabLink[];
}

/** A row of links styled as a segmented control; the current one has aria-current. */
export function TabLinks({ label, items }: TabLinksProps) {
  return (
    <nav aria-label={label}>
      <ul className="inline-flex rounded-lg border border-gray-200 bg-gray-50 p-0.5 text-sm dark:border-gray-800 dark:bg-gray-900">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.current ? "page" : undefined}
              className={`block rounded-md px-3 py-1 whitespace-nowrap ${item.current ? "bg-white font-semibold text-gray-900 shadow-sm dark:bg-gray-700 dark:text-white" : "text-gray-600 hover:text-gray-900 dark:text-gray-400 dark:hover:text-white"}`}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
