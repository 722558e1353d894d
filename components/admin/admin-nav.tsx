"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/feeds", label: "Feeds" },
  { href: "/admin/runs", label: "Ingest runs" },
  { href: "/admin/papers", label: "Papers" },
  { href: "/admin/comments", label: "Comments" },
  { href: "/admin/submissions", label: "Submissions" },
  { href: "/admin/claims", label: "Claims" },
  { href: "/admin/digests", label: "Digests" },
  { href: "/admin/audit", label: "Audit log" },
];

/** The admin section's own navigation; scrolls sideways on a phone. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="-mx-4 mb-6 overflow-x-auto border-b border-gray-200 px-4 dark:border-gray-800">
      <ul className="flex min-w-max gap-1">
        {links.map((l) => {
          const current = l.href === "/admin" ? pathname === "/admin" : pathname === l.href || pathname.startsWith(`${l.href}/`);
          return (
            <li key={l.href}>
              <Link
                href={l.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium ${
                  current
                    ? "border-amber-500 text-gray-900 dark:text-white"
                    : "border-transparent text-gray-600 hover:text-gray-900 dark:text-gray-400 dark:hover:text-white"
                }`}
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
