"use client";

import Link from "next/link";
import { useViewerState } from "@/components/people/viewer-store";

/**
 * On a paper's page, for admins only: the way to hide or merge it. Shown from the viewer state
 * so the page itself stays the same for everyone; the admin page checks again on the server.
 */
export function AdminPaperLink({ paperId }: { paperId: number }) {
  const { user } = useViewerState();
  if (!user?.isAdmin) return null;
  return (
    <p className="mt-4 text-sm">
      <Link
        href={`/admin/papers/${paperId}`}
        className="rounded-md border border-gray-300 px-2.5 py-1 hover:bg-gray-50 dark:border-gray-700 dark:hover:bg-gray-900"
        data-testid="admin-paper-link"
      >
        Admin: hide or merge this paper
      </Link>
    </p>
  );
}
