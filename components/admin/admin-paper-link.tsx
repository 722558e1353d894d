import Link from "next/link";
import { isAdminEmail } from "@/lib/auth/admin";
import { currentUser } from "@/lib/auth/viewer";

/** On a paper's page, for admins only: the way to hide or merge it. */
export async function AdminPaperLink({ paperId }: { paperId: number }) {
  const user = await currentUser();
  if (!isAdminEmail(user?.email)) return null;
  return (
    <p className="mt-4 text-sm">
      <Link href={`/admin/papers/${paperId}`} className="rounded-md border border-gray-300 px-2.5 py-1 hover:bg-gray-50 dark:border-gray-700 dark:hover:bg-gray-900" data-testid="admin-paper-link">
        Admin: hide or merge this paper
      </Link>
    </p>
  );
}
