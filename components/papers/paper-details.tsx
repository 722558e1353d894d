import Link from "next/link";
import type { FeatureDTO, PaperDTO } from "@/lib/data/paper-types";
import { formatDayHeading } from "@/lib/papers/dates";
import { MathText } from "@/components/math-text";
import { authorHref, hfProfileUrl, orgHref, safeImageUrl } from "@/lib/papers/links";
import { PaperLinks } from "@/components/papers/paper-links";
import { CommentIcon } from "@/components/ui/icons";
import { UpvoteButton } from "@/components/people/upvote-button";
import { SaveButton } from "@/components/lists/save-button";

export interface PaperDetailsProps {
  paper: PaperDTO;
  features: FeatureDTO[];
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Everything known about a paper, for its page. Feed text is rendered as text; URLs are checked. */
export function PaperDetails({ paper, features }: PaperDetailsProps) {
  const org = paper.organization;
  const orgAvatar = safeImageUrl(org?.avatar);
  return (
    <>
      <header>
        <p className="text-sm text-gray-500 dark:text-gray-400">
          {paper.arxivId ? <span>arXiv:{paper.arxivId}</span> : <span>Known by title only</span>}
          {paper.publishedAt && (
            <>
              {" · "}Published on <time dateTime={dayOf(paper.publishedAt)}>{formatDayHeading(dayOf(paper.publishedAt))}</time>
            </>
          )}
        </p>
        <MathText as="h1" text={paper.title} className="mt-2 text-2xl leading-tight font-bold tracking-tight break-words sm:text-3xl" />

        <div className="mt-3 text-gray-700 dark:text-gray-300">
          {paper.authors.length > 0 ? (
            <ul aria-label="Authors" className="flex flex-wrap gap-x-1 gap-y-1">
              {paper.authors.map((a, i) => (
                <li key={a.id}>
                  <Link href={authorHref(a.name)} className="hover:underline">
                    {a.name}
                  </Link>
                  {i < paper.authors.length - 1 && ","}
                </li>
              ))}
            </ul>
          ) : paper.authorCount > 0 ? (
            <p>{paper.authorCount} authors (names not known yet)</p>
          ) : null}
        </div>

        {org && (
          <p className="mt-2">
            <Link href={orgHref(org.name)} className="inline-flex items-center gap-2 text-sm hover:underline">
              {orgAvatar && <img src={orgAvatar} alt="" width={20} height={20} referrerPolicy="no-referrer" className="size-5 rounded" />}
              <span className="font-semibold">{org.name}</span>
              {org.fullname && org.fullname !== org.name && <span className="text-gray-600 dark:text-gray-400">{org.fullname}</span>}
            </Link>
          </p>
        )}

        <div className="mt-4 flex flex-wrap items-center gap-3">
          <UpvoteButton paperId={paper.id} upvotes={paper.upvotes} variant="wide" />
          <SaveButton paperId={paper.id} variant="wide" />
          <p className="inline-flex items-center gap-1.5 text-sm text-gray-600 dark:text-gray-400">
            <CommentIcon /> {paper.numComments} {paper.numComments === 1 ? "comment" : "comments"}
          </p>
          <PaperLinks paper={paper} />
        </div>
      </header>

      <div className="mt-8 grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-8">
          <section aria-labelledby="abstract-heading">
            <h2 id="abstract-heading" className="text-lg font-semibold">
              Abstract
            </h2>
            {paper.abstract ? (
              <MathText
                as="p"
                text={paper.abstract}
                className="mt-2 leading-relaxed break-words whitespace-pre-line text-gray-800 dark:text-gray-200"
              />
            ) : (
              <p className="mt-2 text-gray-600 dark:text-gray-400">No abstract yet: the feeds that brought this paper had none.</p>
            )}
          </section>
          {(paper.aiSummary || paper.aiKeywords.length > 0) && (
            <section aria-labelledby="ai-heading" className="rounded-xl bg-gray-50 p-4 dark:bg-gray-900">
              <h2 id="ai-heading" className="text-lg font-semibold">
                AI summary
              </h2>
              {paper.aiSummary && (
                <MathText as="p" text={paper.aiSummary} className="mt-2 leading-relaxed break-words text-gray-800 dark:text-gray-200" />
              )}
              {paper.aiKeywords.length > 0 && (
                <ul aria-label="AI keywords" className="mt-3 flex flex-wrap gap-1.5">
                  {paper.aiKeywords.map((k) => (
                    <li key={k}>
                      <Link
                        href={`/search?q=${encodeURIComponent(`"${k.replace(/"/g, "")}"`)}`}
                        className="block rounded-full bg-white px-2.5 py-0.5 text-xs text-gray-700 ring-1 ring-gray-200 hover:bg-gray-100 dark:bg-gray-800 dark:text-gray-200 dark:ring-gray-700 dark:hover:bg-gray-700"
                      >
                        {k}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
              <p className="mt-3 text-xs text-gray-500 dark:text-gray-400">Generated by a model for Hugging Face; it can be wrong.</p>
            </section>
          )}
        </div>

        <aside aria-label="Paper details">
          <dl className="space-y-4 text-sm">
            {features.length > 0 && (
              <div>
                <dt className="font-semibold">Featured on</dt>
                <dd>
                  <ul className="mt-1 space-y-1.5">
                    {features.map((f) => (
                      <li key={f.day}>
                        <Link href={`/papers?date=${f.day}`} className="hover:underline">
                          {formatDayHeading(f.day)}
                        </Link>
                        {f.submitter && <Submitter submitter={f.submitter} />}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
            {paper.categories.length > 0 && (
              <div>
                <dt className="font-semibold">Categories</dt>
                <dd className="mt-1 flex flex-wrap gap-1.5">
                  {paper.categories.map((c) => (
                    <span key={c} className="rounded bg-gray-100 px-1.5 py-0.5 font-mono text-xs dark:bg-gray-800">
                      {c}
                    </span>
                  ))}
                </dd>
              </div>
            )}
            {paper.comment && (
              <div>
                <dt className="font-semibold">Comment</dt>
                <dd className="mt-1 break-words text-gray-700 dark:text-gray-300">{paper.comment}</dd>
              </div>
            )}
          </dl>
        </aside>
      </div>
    </>
  );
}

function Submitter({ submitter }: { submitter: NonNullable<FeatureDTO["submitter"]> }) {
  const avatar = safeImageUrl(submitter.avatarUrl);
  const profile = hfProfileUrl(submitter.name);
  const name = submitter.fullname || submitter.name;
  const body = (
    <>
      {avatar && (
        <img src={avatar} alt="" width={16} height={16} loading="lazy" referrerPolicy="no-referrer" className="size-4 rounded-full" />
      )}
      {name}
    </>
  );
  return (
    <span className="text-gray-600 dark:text-gray-400">
      {" "}
      · submitted by{" "}
      {profile ? (
        <a href={profile} rel="noopener noreferrer nofollow" className="inline-flex items-center gap-1 hover:underline">
          {body}
        </a>
      ) : (
        <span className="inline-flex items-center gap-1">{body}</span>
      )}
    </span>
  );
}
