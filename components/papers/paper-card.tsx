import Link from "next/link";
import type { PaperDTO } from "@/lib/data/paper-types";
import { highlightParts } from "@/lib/data/search";
import { formatHfDate } from "@/lib/papers/dates";
import { mathToPlainText } from "@/lib/text/math";
import { MathText } from "@/components/math-text";
import { AbstractClip } from "@/components/papers/abstract-clip";
import { AuthorList } from "@/components/papers/author-list";
import { orgHref, paperHref, safeImageUrl } from "@/components/papers/links";
import { PaperCounts, UpvoteCount } from "@/components/papers/paper-stats";
import { HighlightedText, hasHighlight } from "@/components/search/highlighted-text";
import { UpvoteButton } from "@/components/people/upvote-button";
import { SaveButton } from "@/components/lists/save-button";

/** Search highlights for a result card. */
export interface PaperCardHighlight {
  title: string;
  abstract: string;
  terms: string[];
}

export interface PaperCardProps {
  paper: PaperDTO;
  /** The card title's heading level, so headings stay in order on each page. */
  headingLevel?: 2 | 3;
  /** Title and meta line only (similar papers). */
  compact?: boolean;
  highlight?: PaperCardHighlight;
}

/** The date a card shows: the day it was featured, else its publication date. */
function cardDate(paper: PaperDTO): { iso: string; label: string } | null {
  const date = paper.feature ? new Date(`${paper.feature.day}T00:00:00Z`) : paper.publishedAt;
  return date ? { iso: date.toISOString().slice(0, 10), label: formatHfDate(date) } : null;
}

/**
 * One paper in a list, as on Hugging Face: title, clipped abstract, authors or organization,
 * date, upvotes, comments, stars and thumbnail. Feed text is rendered as text (React escapes
 * it) and only KaTeX's own output is HTML; URLs from feeds are checked before use.
 */
export function PaperCard({ paper, headingLevel = 3, compact = false, highlight }: PaperCardProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const href = paperHref(paper);
  const plainTitle = mathToPlainText(paper.title);
  const thumbnail = compact ? null : safeImageUrl(paper.thumbnail);
  const date = cardDate(paper);
  const org = paper.organization;
  const titleHighlighted = highlight && hasHighlight(highlight.title);

  return (
    <article
      data-card
      data-testid="paper-card"
      className={compact ? "card card-sm" : "card"}
    >
      {!compact && (
        <div className="card-side">
          <UpvoteButton paperId={paper.id} upvotes={paper.upvotes} />
          <SaveButton paperId={paper.id} />
        </div>
      )}
      <div className="min-w-0 flex-1">
        <Heading className="card-title">
          <Link href={href} data-card-link aria-label={plainTitle !== paper.title && !titleHighlighted ? plainTitle : undefined} className="hover:underline">
            {titleHighlighted ? <HighlightedText text={highlight.title} /> : <MathText text={paper.title} />}
          </Link>
        </Heading>
        {!compact && highlight && highlight.abstract && (
          <p className="abstract">
            <HighlightedText text={highlight.abstract} />
            {excerptIsPartial(highlight.abstract, paper.abstract) && " …"}
          </p>
        )}
        {!compact && !highlight && paper.abstract && <AbstractClip text={paper.abstract} />}
        <div className="card-meta">
          {org && (!highlight || paper.authors.length === 0) ? (
            <Link href={orgHref(org.name)} prefetch={false} className="meta-link inline-flex items-center gap-1.5">
              <OrgAvatar src={org.avatar} />
              <span className="font-medium text-gray-700 dark:text-gray-200">{org.name}</span>
              {org.fullname && org.fullname !== org.name && <span>{org.fullname}</span>}
            </Link>
          ) : (
            <AuthorList authors={paper.authors} authorCount={paper.authorCount} terms={highlight?.terms} />
          )}
          {date && (
            <time dateTime={date.iso} className="whitespace-nowrap">
              {date.label}
            </time>
          )}
          {compact && <UpvoteCount upvotes={paper.upvotes} />}
          <PaperCounts paper={paper} />
        </div>
      </div>
      {thumbnail && (
        <Link href={href} tabIndex={-1} aria-hidden="true" className="hidden shrink-0 sm:block">
          {/* eslint-disable-next-line @next/next/no-img-element -- remote feed images, not optimised here */}
          <img src={thumbnail} alt="" loading="lazy" decoding="async" referrerPolicy="no-referrer" width={192} height={108} className="thumb" />
        </Link>
      )}
    </article>
  );
}

/** Whether a ts_headline excerpt leaves part of the abstract out. */
function excerptIsPartial(excerpt: string, abstract: string | null): boolean {
  const text = highlightParts(excerpt).map((p) => p.text).join("");
  return text.trim().length < (abstract ?? "").trim().length;
}

function OrgAvatar({ src }: { src: string | null }) {
  const url = safeImageUrl(src);
  // eslint-disable-next-line @next/next/no-img-element -- remote feed images
  return url ? <img src={url} alt="" loading="lazy" referrerPolicy="no-referrer" width={16} height={16} className="size-4 rounded" /> : null;
}
