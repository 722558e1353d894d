import type { PaperDTO } from "@/lib/data/paper-types";
import { CodeIcon, ExternalIcon, FileIcon, GlobeIcon, StarIcon } from "@/components/ui/icons";
import { arxivAbsUrl, arxivPdfUrl, compactNumber, githubRepoName, safeHttpUrl } from "@/lib/papers/links";

export interface PaperLinksProps {
  paper: Pick<PaperDTO, "arxivId" | "githubRepo" | "githubStars" | "projectPage">;
}

const linkClass =
  "inline-flex items-center gap-1.5 rounded-lg border border-gray-200 px-3 py-1.5 text-sm font-medium hover:bg-gray-50 dark:border-gray-700 dark:hover:bg-gray-900";

/** arXiv abstract, PDF, code repository (with stars) and project page: only http(s) URLs. */
export function PaperLinks({ paper }: PaperLinksProps) {
  const repo = safeHttpUrl(paper.githubRepo);
  const project = safeHttpUrl(paper.projectPage);
  if (!paper.arxivId && !repo && !project) return null;
  return (
    <ul aria-label="Links" className="flex flex-wrap gap-2">
      {paper.arxivId && (
        <>
          <li>
            <a href={arxivAbsUrl(paper.arxivId)} className={linkClass}>
              <ExternalIcon /> arXiv page
            </a>
          </li>
          <li>
            <a href={arxivPdfUrl(paper.arxivId)} className={linkClass}>
              <FileIcon /> PDF
            </a>
          </li>
        </>
      )}
      {repo && (
        <li>
          <a href={repo} rel="noopener noreferrer nofollow" className={linkClass}>
            <CodeIcon /> {githubRepoName(repo) ?? "Code"}
            {paper.githubStars != null && (
              <span className="inline-flex items-center gap-0.5 text-gray-500 dark:text-gray-400">
                <StarIcon className="size-3.5" />
                {compactNumber(paper.githubStars)}
                <span className="sr-only"> stars</span>
              </span>
            )}
          </a>
        </li>
      )}
      {project && (
        <li>
          <a href={project} rel="noopener noreferrer nofollow" className={linkClass}>
            <GlobeIcon /> Project page
          </a>
        </li>
      )}
    </ul>
  );
}
