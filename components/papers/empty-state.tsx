export interface EmptyStateProps {
  title: string;
  children: React.ReactNode;
}

/** A list with nothing in it, saying what to do next. */
export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="rounded-xl border border-dashed border-gray-300 px-6 py-10 text-center dark:border-gray-700">
      <p className="text-lg font-semibold">{title}</p>
      <div className="mx-auto mt-2 max-w-prose text-sm text-gray-600 dark:text-gray-400">{children}</div>
    </div>
  );
}
