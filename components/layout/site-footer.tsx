import { FeedIcon } from "@/components/ui/icons";

/** Feeds and keyboard shortcuts. */
export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-gray-200 dark:border-gray-800">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-gray-600 sm:flex-row sm:items-center sm:justify-between dark:text-gray-400">
        <p className="flex items-center gap-3">
          <FeedIcon className="size-4 text-amber-500" />
          <a href="/feed.xml" className="underline-offset-2 hover:underline">
            RSS
          </a>
          <a href="/atom.xml" className="underline-offset-2 hover:underline">
            Atom
          </a>
          <a href="/submit" className="underline-offset-2 hover:underline">
            Submit a paper
          </a>
        </p>
        <p>
          Keys: <Kbd>/</Kbd> search, <Kbd>j</Kbd> <Kbd>k</Kbd> next and previous paper, <Kbd>Enter</Kbd> open it.
        </p>
      </div>
    </footer>
  );
}

function Kbd({ children }: { children: React.ReactNode }) {
  return <kbd className="rounded border border-gray-300 px-1 font-sans text-xs dark:border-gray-700">{children}</kbd>;
}
