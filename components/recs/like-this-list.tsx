import { listLikeThisList } from "@/lib/recs/read";
import { RecommendationList } from "@/components/recs/recommendation-list";

/**
 * "Papers like this list", from the list's papers alone (as arxiv-sanity recommends per tag):
 * recent papers the job worker ranked for this list. Only rendered on the owner's list page.
 */
export async function LikeThisList({ listId }: { listId: number }) {
  const recs = await listLikeThisList(listId, 8);
  return (
    <section aria-labelledby="like-this-heading" className="mt-8">
      <h2 id="like-this-heading" className="mb-2 text-lg font-semibold">
        Papers like this list
      </h2>
      {recs.length === 0 ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">
          Recent papers resembling this list&apos;s appear here within a minute of adding papers to it.
        </p>
      ) : (
        <RecommendationList recs={recs} label="Papers like this list" headingLevel={3} compact />
      )}
    </section>
  );
}
