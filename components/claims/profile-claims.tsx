import Link from "next/link";
import { claimsOf } from "@/lib/claims/claims";
import { paperHref } from "@/lib/papers/links";
import { ui } from "@/components/ui/styles";

const statusLabel = { approved: "confirmed", pending: "waiting for an admin", rejected: "not confirmed", revoked: "withdrawn" } as const;

/** On /profile: the papers the person is a confirmed author of, and their claims still waiting. */
export async function ProfileClaims({ userId, className }: { userId: string; className?: string }) {
  const claims = await claimsOf(userId);
  const mine = claims.filter((c) => c.status === "approved");
  const others = claims.filter((c) => c.status !== "approved");
  return (
    <section aria-labelledby="claims-heading" className={className} data-testid="profile-claims">
      <h2 id="claims-heading" className="text-xl font-semibold">
        Your papers <span className="text-base font-normal text-gray-500 dark:text-gray-400">({mine.length})</span>
      </h2>
      {claims.length === 0 ? (
        <p className={`mt-3 ${ui.muted}`}>
          Papers you claim as an author, from the paper&apos;s page, are listed here once an admin confirms them.
        </p>
      ) : (
        <ul className="mt-3 space-y-2">
          {[...mine, ...others].map((c) => (
            <li key={c.id} className="text-sm">
              <Link href={paperHref(c.paper)} className="font-medium hover:underline">
                {c.paper.title}
              </Link>{" "}
              <span className="text-gray-600 dark:text-gray-400">
                as {c.author} · {statusLabel[c.status]}
                {c.status === "rejected" && c.decisionNote ? `: ${c.decisionNote}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
