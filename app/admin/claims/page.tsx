import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminPage } from "@/lib/auth/admin";
import { listClaims } from "@/lib/claims/claims";
import { pageParam } from "@/components/admin/format";
import { PageTitle, Pager } from "@/components/admin/ui";
import { ClaimsTable } from "@/components/claims/claims-table";
import { ui } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Authorship claims" };

interface Props {
  searchParams: Promise<{ page?: string; show?: string }>;
}

/** Claims waiting for a decision (oldest first), or every claim. */
export default async function AdminClaimsPage({ searchParams }: Props) {
  await requireAdminPage("/admin/claims");
  const params = await searchParams;
  const all = params.show === "all";
  const page = pageParam(params.page);
  const { rows, hasMore } = await listClaims({ pending: !all, page });
  return (
    <div>
      <PageTitle description="People who say they wrote a paper. Approving links the author name to the person; when another person holds that name on the paper, both are shown and approving replaces the holder. Every decision is logged.">
        Authorship claims
      </PageTitle>
      <p className="mb-4 text-sm">
        {all ? (
          <Link href="/admin/claims" className={ui.link}>
            Show the waiting claims only
          </Link>
        ) : (
          <Link href="/admin/claims?show=all" className={ui.link}>
            Show every claim
          </Link>
        )}
      </p>
      <ClaimsTable rows={rows} empty={all ? "No claims yet." : "No claim is waiting."} />
      <Pager
        page={page}
        hasMore={hasMore}
        href={(p) => `/admin/claims?${new URLSearchParams({ ...(all ? { show: "all" } : {}), page: String(p) })}`}
      />
    </div>
  );
}
