import type { ReactNode } from "react";

const box = "rounded-xl border border-dashed border-gray-300 px-6 py-10 text-center dark:border-gray-700";

export interface EmptyStateProps {
  title: string;
  children: ReactNode;
}

/** A list with nothing in it, saying what to do next. */
export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className={box}>
      <p className="text-lg font-semibold">{title}</p>
      <div className="mx-auto mt-2 max-w-prose text-sm text-gray-600 dark:text-gray-400">{children}</div>
    </div>
  );
}

export interface NotFoundStateProps {
  title: string;
  /** Why there is nothing here. */
  children: ReactNode;
  /** Links to somewhere useful, side by side. */
  actions: ReactNode;
}

/** The body of a not-found page: a heading, the reason, and where to go instead. */
export function NotFoundState({ title, children, actions }: NotFoundStateProps) {
  return (
    <div className={box}>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mx-auto mt-2 max-w-prose text-gray-600 dark:text-gray-400">{children}</p>
      <p className="mt-4 flex justify-center gap-3">{actions}</p>
    </div>
  );
}
