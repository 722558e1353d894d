"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

/** "Sign in", coming back to the page the visitor was on. */
export function SignInLink() {
  const pathname = usePathname() ?? "/";
  const search = useSearchParams()?.toString();
  const back = pathname.startsWith("/signin") ? "/" : pathname + (search ? `?${search}` : "");
  return (
    <Link
      href={`/signin?callbackUrl=${encodeURIComponent(back)}`}
      prefetch={false}
      className="rounded-md px-2.5 py-1.5 text-sm font-medium text-gray-700 hover:bg-gray-50 hover:text-gray-900 dark:text-gray-200 dark:hover:bg-gray-900 dark:hover:text-white"
    >
      Sign in
    </Link>
  );
}
