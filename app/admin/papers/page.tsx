import type { Metadata } from "next";
import { requireAdminPage } from "@/lib/auth/admin";
import { listMerges } from "@/lib/admin/merges";
import { findPapers, listHiddenPapers } from "@/lib/admin/papers";
import { pageParam } from "@/components/admin/format";
import { MergesTable } from "@/components/admin/merges-table";
import { PapersTable } from "@/components/admin/papers-table";
import { PageTitle, Pager } from "@/components/admin/ui";
import { ui } from "@/components/ui/styles";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Papers" };

interface Props {
  searchParams: Promise<{ q?: string; page?: string }>;
}

/** Look a paper up to hide or merge it; the papers hidden so far; the latest merges. */
export default async function AdminPapersPage({ searchParams }: Props) {
  await requireAdminPage("/admin/papers");
  const params = await searchParams;
  const q = (params.q ?? "").trim().slice(0, 200);
  const page = pageParam(params.page);
  const [found, hidden, merges] = await Promise.all([
    q ? findPapers(q) : Promise.resolve(null),
    listHiddenPapers({ page }),
    listMerges({ limit: 20 }),
  ]);

  return (
    <div>
      <PageTitle description="Hide a paper (spam, a bad record) or merge two records of one paper. Both can be undone, and both are logged.">
        Papers
      </PageTitle>

      <div role="search">
        <form action="/admin/papers" className="flex flex-wrap items-end gap-2">
          <div className="min-w-64 flex-1">
            <label htmlFor="paper-query" className={ui.label}>
              arXiv id, local-&lt;id&gt;, or words of the title
            </label>
            <input
              id="paper-query"
              name="q"
              type="search"
              defaultValue={q}
              placeholder="2406.12345 or “diffusion transformer”"
              className={ui.field}
            />
          </div>
          <button type="submit" className={ui.primary}>
            Find
          </button>
        </form>
      </div>

      {found && (
        <section aria-labelledby="found" className="mt-6">
          <h2 id="found" className="mb-2 text-lg font-semibold">
            Papers matching “{q}”
          </h2>
          <PapersTable papers={found} caption={`Papers matching ${q}`} empty="No paper matches." />
        </section>
      )}

      <Section id="hidden" title="Hidden papers">
        <PapersTable papers={hidden.papers} caption="Hidden papers, most recently hidden first" empty="No hidden papers." />
        <Pager
          page={page}
          hasMore={hidden.hasMore}
          href={(p) => `/admin/papers?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}#hidden`}
        />
      </Section>

      <Section id="merges" title="Latest merges">
        <MergesTable merges={merges} caption="Latest merges, newest first" empty="No merges yet." />
      </Section>
    </div>
  );
}
