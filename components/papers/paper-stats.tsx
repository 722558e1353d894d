import type { PaperDTO } from "@/lib/data/paper-types";
import { ArrowUpIcon, CommentIcon, StarIcon } from "@/components/ui/icons";
import { compactNumber, safeHttpUrl } from "@/lib/papers/links";

export interface UpvoteCountProps {
  upvotes: number;
  /** "box": the column beside a card's title, as on Hugging Face; "inline": in a meta line. */
  variant?: "box" | "inline";
}

/** The upvote count (display only: voting comes with accounts). */
export function UpvoteCount({ upvotes, variant = "inline" }: UpvoteCountProps) {
  const label = <span className="sr-only">{upvotes === 1 ? " upvote" : " upvotes"}</span>;
  if (variant === "box") {
    return (
      <p className="flex w-12 shrink-0 flex-col items-center self-start rounded-lg border border-gray-200 py-1.5 text-sm font-semibold text-gray-700 dark:border-gray-700 dark:text-gray-200">
        <ArrowUpIcon className="size-4 text-gray-500 dark:text-gray-400" />
        <span>
          {upvotes}
          {label}
        </span>
      </p>
    );
  }
  return (
    <span className="stat">
      <ArrowUpIcon className="size-3.5" />
      {upvotes}
      {label}
    </span>
  );
}

export interface PaperCountsProps {
  paper: Pick<PaperDTO, "numComments" | "githubStars" | "githubRepo">;
}

/** Comment count and GitHub stars. */
export function PaperCounts({ paper }: PaperCountsProps) {
  const repo = safeHttpUrl(paper.githubRepo);
  const stars = paper.githubStars != null && (
    <>
      <StarIcon className="size-3.5" />
      {compactNumber(paper.githubStars)}
      <span className="sr-only"> GitHub stars</span>
    </>
  );
  return (
    <>
      <span className="stat">
        <CommentIcon className="size-3.5" />
        {paper.numComments}
        <span className="sr-only">{paper.numComments === 1 ? " comment" : " comments"}</span>
      </span>
      {stars &&
        (repo ? (
          <a href={repo} rel="noopener noreferrer nofollow" className="stat meta-link">
            {stars}
          </a>
        ) : (
          <span className="stat">{stars}</span>
        ))}
    </>
  );
}
