import Link from "next/link";
import { forgetRecsAction, pauseRecsAction, resumeRecsAction, undoNotInterestedAction } from "@/lib/recs/actions";
import type { RecsStatus } from "@/lib/recs/read";
import { paperHref } from "@/lib/papers/links";
import { mathContent } from "@/components/math-text";

export interface RecsSettingsProps {
  status: RecsStatus;
  notInterested: { id: number; arxivId: string | null; title: string }[];
}

const button = "rounded-md border border-gray-300 px-2 py-1 text-sm hover:bg-gray-50 dark:border-gray-700 dark:hover:bg-gray-900";

/** /profile's "For you" section: pause or resume, delete what was learned, undo "Not interested". */
export function RecsSettings({ status, notInterested }: RecsSettingsProps) {
  return (
    <>
      <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
        <Link href="/for-you" className="underline">
          For you
        </Link>{" "}
        ranks each day&apos;s papers by their words&apos; likeness to the {status.signals} papers you upvoted or saved, less those you
        marked &quot;Not interested&quot;. {status.paused ? "Paused: nothing is computed for you." : ""}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <form action={status.paused ? resumeRecsAction : pauseRecsAction}>
          <button type="submit" className={button}>
            {status.paused ? "Resume personalisation" : "Pause personalisation"}
          </button>
        </form>
        <form action={forgetRecsAction}>
          <button type="submit" className={`${button} text-red-800 dark:text-red-200`}>
            Delete what it learned
          </button>
        </form>
      </div>
      <h3 className="mt-4 font-semibold">Not interested ({notInterested.length})</h3>
      {notInterested.length === 0 ? (
        <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">None: &quot;Not interested&quot; on a card puts a paper here.</p>
      ) : (
        <ul
          data-testid="not-interested-list"
          className="mt-2 divide-y divide-gray-200 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800"
        >
          {notInterested.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
              <Link href={paperHref(p)} className="min-w-0 underline-offset-2 hover:underline">
                {mathContent(p.title)}
              </Link>
              <form action={undoNotInterestedAction}>
                <input type="hidden" name="paperId" value={p.id} />
                <button type="submit" className={button}>
                  Undo<span className="sr-only"> Not interested for this paper</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
