"use client";

import Link from "next/link";
import { Suspense, useEffect } from "react";
import { signOutAction } from "@/lib/auth/sign-out-action";
import { SignInLink } from "@/components/layout/sign-in-link";
import { useViewerState, watchViewer } from "@/components/people/viewer-store";

const item = "block rounded-md px-3 py-1.5 text-left text-sm hover:bg-gray-100 dark:hover:bg-gray-800";

/**
 * The header's account corner: "Sign in", or the signed-in person's menu. It learns who is
 * signed in from /api/me/state after load, so every page can be served from a cache. A
 * `<details>` menu, so it opens by keyboard.
 */
export function UserMenu() {
  const { status, user } = useViewerState();
  useEffect(() => watchViewer(), []);
  if (status === "loading") return <span aria-hidden="true" className="inline-block h-8 w-16" />;
  if (!user) {
    return (
      <Suspense fallback={<span className="px-2.5 py-1.5 text-sm">Sign in</span>}>
        <SignInLink />
      </Suspense>
    );
  }
  const label = user.name || user.email || "Account";
  return (
    <details className="relative" data-testid="user-menu">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2.5 py-1.5 text-sm font-medium hover:bg-gray-50 dark:hover:bg-gray-900 [&::-webkit-details-marker]:hidden">
        <span
          aria-hidden="true"
          className="flex size-6 items-center justify-center rounded-full bg-amber-500 text-xs font-bold text-gray-900"
        >
          {label.slice(0, 1).toUpperCase()}
        </span>
        <span className="max-w-40 truncate max-sm:sr-only">{label}</span>
        <span className="sr-only">: account menu</span>
      </summary>
      <div className="absolute right-0 z-40 mt-1 w-52 rounded-lg border border-gray-200 bg-white p-1 shadow-lg dark:border-gray-800 dark:bg-gray-950">
        <Link href="/profile" className={item}>
          Profile and upvotes
        </Link>
        <Link href="/submit" className={item}>
          Submit a paper
        </Link>
        <Link href="/for-you" className={item}>
          For you
        </Link>
        <Link href="/lists" className={item}>
          Reading lists
        </Link>
        <Link href="/settings/email" className={item}>
          Email digests
        </Link>
        {user.isAdmin && (
          <Link href="/admin" className={item}>
            Admin
          </Link>
        )}
        <form action={signOutAction}>
          <button type="submit" className={`${item} w-full`}>
            Sign out
          </button>
        </form>
      </div>
    </details>
  );
}
