import type { Metadata } from "next";
import { requireAdminPage } from "@/lib/auth/admin";
import { listHiddenComments, listReportedComments } from "@/lib/comments/moderation";
import { dismissReportsAction, hideCommentAction, removeCommentAction, unhideCommentAction } from "@/app/admin/comments/actions";
import { pageParam } from "@/components/admin/format";
import { PageTitle, Pager } from "@/components/admin/ui";
import { ModerationList } from "@/components/comments/moderation-list";
import { ui } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Comments" };

interface Props {
  searchParams: Promise<{ page?: string; hiddenPage?: string }>;
}

/** Reported comments to hide, remove or clear; hidden comments to show again. Every decision is in the audit log. */
export default async function AdminCommentsPage({ searchParams }: Props) {
  await requireAdminPage("/admin/comments");
  const params = await searchParams;
  const page = pageParam(params.page);
  const hiddenPage = pageParam(params.hiddenPage);
  const [reported, hidden] = await Promise.all([listReportedComments({ page }), listHiddenComments({ page: hiddenPage })]);

  return (
    <div>
      <PageTitle description="Comments people reported, most reported first. Hide one (it can be shown again), remove it for good, or dismiss the reports. Each decision is logged.">
        Comments
      </PageTitle>
      <section aria-labelledby="reported">
        <h2 id="reported" className="mb-2 text-xl font-semibold">
          Reported comments
        </h2>
        <ModerationList
          comments={reported.comments}
          empty="No reported comments."
          testId="reported-comments"
          actions={[
            { label: "Hide", action: hideCommentAction, testId: "hide-comment" },
            {
              label: "Remove",
              action: removeCommentAction,
              variant: "danger",
              confirm: "Remove this comment for good?",
              testId: "remove-comment",
            },
            { label: "Dismiss reports", action: dismissReportsAction, testId: "dismiss-reports" },
          ]}
        />
        <Pager page={page} hasMore={reported.hasMore} href={(p) => `/admin/comments?page=${p}`} />
      </section>
      <section aria-labelledby="hidden" className={ui.section}>
        <h2 id="hidden" className="mb-2 text-xl font-semibold">
          Hidden comments
        </h2>
        <ModerationList
          comments={hidden.comments}
          empty="No hidden comments."
          testId="hidden-comments"
          actions={[
            { label: "Show again", action: unhideCommentAction, testId: "unhide-comment" },
            {
              label: "Remove",
              action: removeCommentAction,
              variant: "danger",
              confirm: "Remove this comment for good?",
              testId: "remove-comment",
            },
          ]}
        />
        <Pager page={hiddenPage} hasMore={hidden.hasMore} href={(p) => `/admin/comments?hiddenPage=${p}#hidden`} />
      </section>
    </div>
  );
}
