import { EmptyState } from "@/components/ui/empty-state";

/** What an operator sees before the first ingest: how to bring papers in. */
export function NoPapersYet() {
  return (
    <div className="mt-6">
      <EmptyState title="No papers yet">
        <p>This server has not ingested any feed. Bring papers in with one of:</p>
        <ul className="mt-3 space-y-2 text-left">
          <li>
            <code className="block overflow-x-auto rounded bg-gray-100 px-2 py-1 text-xs dark:bg-gray-800">
              npm run ingest -- feed.json
            </code>
            a Hugging Face daily-papers JSON, an arXiv Atom or RSS feed, or a copied papers page (files or URLs);
          </li>
          <li>
            <code className="block overflow-x-auto rounded bg-gray-100 px-2 py-1 text-xs dark:bg-gray-800">
              curl -X POST /api/ingest -H &quot;Authorization: Bearer $INGEST_TOKEN&quot; --data-binary @feed.json
            </code>
            the same over HTTP;
          </li>
          <li>
            <code className="rounded bg-gray-100 px-1.5 py-0.5 text-xs dark:bg-gray-800">FEED_URLS</code> in the server&apos;s environment,
            to poll feeds on a schedule.
          </li>
        </ul>
      </EmptyState>
    </div>
  );
}
