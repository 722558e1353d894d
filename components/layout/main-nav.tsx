"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Daily", active: (p: string) => p === "/" || p === "/papers" },
  { href: "/papers/week", label: "Weekly", active: (p: string) => p.startsWith("/papers/week") },
  { href: "/papers/month", label: "Monthly", active: (p: string) => p.startsWith("/papers/month") },
  // Below the sm breakpoint the header has room for three links; "For you" is in the account menu there too.
  { href: "/for-you", label: "For you", active: (p: string) => p.startsWith("/for-you"), wide: true },
];

/** Daily / Weekly / Monthly, with the current one marked for assistive technology. */
export function MainNav() {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Main">
      <ul className="flex items-center gap-0.5 text-sm font-medium sm:gap-1">
        {LINKS.map((l) => {
          const current = l.active(pathname);
          return (
            <li key={l.href} className={"wide" in l ? "hidden sm:block" : undefined}>
              <Link
                href={l.href}
                aria-current={current ? "page" : undefined}
                className={`rounded-md px-2 py-1.5 sm:px-2.5 ${current ? "bg-gray-100 text-gray-900 dark:bg-gray-800 dark:text-white" : "text-gray-600 hover:bg-gray-50 hover:text-gray-900 dark:text-gray-300 dark:hover:bg-gray-900 dark:hover:text-white"}`}
              >
                {l.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
