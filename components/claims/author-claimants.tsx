import { claimantsOfAuthor } from "@/lib/claims/claims";

/** On an author page: the people of this server an admin confirmed as this author. */
export async function AuthorClaimants({ name }: { name: string }) {
  const people = await claimantsOfAuthor(name);
  if (!people.length) return null;
  return (
    <p data-testid="author-claimed-by" className="mt-2 text-sm text-gray-700 dark:text-gray-300">
      Claimed by{" "}
      {people.map((p, i) => (
        <span key={p.person}>
          {i > 0 && (i === people.length - 1 ? " and " : ", ")}
          <strong>{p.person}</strong> ({p.papers === 1 ? "1 paper" : `${p.papers} papers`})
        </span>
      ))}
      , confirmed by an admin.
    </p>
  );
}
