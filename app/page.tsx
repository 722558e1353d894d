import { PaperCard } from "@/components/papers/paper-card";
import { getLatestFeaturedDay, listPapersFeaturedOn } from "@/lib/data/papers";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const day = await getLatestFeaturedDay();
  const papers = day ? await listPapersFeaturedOn(day) : [];
  return (
    <section>
      <h1 className="text-2xl font-bold">Daily Papers</h1>
      {day ? (
        <p className="mt-1 text-gray-600 dark:text-gray-400">
          <time dateTime={day}>{new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" })}</time>
        </p>
      ) : (
        <p className="mt-4 text-gray-600 dark:text-gray-400">No papers yet. Ingest a feed with <code>npm run ingest -- &lt;file or URL&gt;</code>.</p>
      )}
      <div className="mt-6 flex flex-col gap-4">
        {papers.map((p) => (
          <PaperCard key={p.id} paper={p} />
        ))}
      </div>
    </section>
  );
}
