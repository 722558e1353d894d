import type { Metadata } from "next";
import { requireAdminPage } from "@/lib/auth/admin";
import { listSubmissions } from "@/lib/submissions/admin";
import { pageParam } from "@/components/admin/format";
import { PageTitle, Pager } from "@/components/admin/ui";
import { SubmissionsTable } from "@/components/submissions/submissions-table";

export const metadata: Metadata = { title: "Submissions" };

interface Props {
  searchParams: Promise<{ page?: string }>;
}

/** Papers people submitted to a day's list; an admin can take one off, with a reason. */
export default async function AdminSubmissionsPage({ searchParams }: Props) {
  await requireAdminPage("/admin/submissions");
  const page = pageParam((await searchParams).page);
  const { rows, hasMore } = await listSubmissions({ page });
  return (
    <div>
      <PageTitle description="Papers people put on a day's list. Removing one takes it off that day for good (no later poll brings it back) and is logged.">
        Submissions
      </PageTitle>
      <SubmissionsTable rows={rows} />
      <Pager page={page} hasMore={hasMore} href={(p) => `/admin/submissions?page=${p}`} />
    </div>
  );
}
