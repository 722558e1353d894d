/** A local submitter's handle starts with `~` (lib/submissions/people.ts); Hugging Face's never do. */
export function localSubmitter(submitter: { name: string; fullname: string | null } | null | undefined): string | null {
  if (!submitter?.name.startsWith("~")) return null;
  return submitter.fullname || submitter.name.slice(1);
}

/** "Submitted by Ada Lovelace" in a card's meta line. */
export function SubmittedBy({ name }: { name: string }) {
  return (
    <span data-testid="submitted-by" className="whitespace-nowrap">
      Submitted by <span className="font-medium text-gray-700 dark:text-gray-200">{name}</span>
    </span>
  );
}
