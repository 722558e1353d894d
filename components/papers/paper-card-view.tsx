"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { AbstractClip } from "@/components/papers/abstract-clip";
import { AuthorList, type ShownAuthors } from "@/components/papers/author-list";
import { PaperCounts, UpvoteCount } from "@/components/papers/paper-stats";
import { UpvoteButton } from "@/components/people/upvote-button";
import { SaveButton } from "@/components/lists/save-button";
import { SubmittedBy } from "@/components/submissions/submitted-by";
import { NotInterestedButton } from "@/components/recs/not-interested-button";

/**
 * What a card shows, worked out on the server (components/papers/paper-card.tsx): only these
 * fields travel in the page's React payload, not the card's markup, which lives in this
 * client component's code, loaded once for every card of every page.
 */
export interface CardData {
  id: number;
  href: string;
  upvotes: number;
  numComments: number;
  githubRepo: string | null;
  githubStars: number | null;
  /** Checked by safeImageUrl. */
  thumbnail: string | null;
  date: { iso: string; label: string } | null;
  /** Shown instead of the authors when present. */
  org: { name: string; href: string; avatar: string | null; fullname: string | null } | null;
  authors: ShownAuthors;
  /** The member of this server who submitted it to the day shown, if one did. */
  submittedBy?: string | null;
}

export interface PaperCardViewProps {
  card: CardData;
  /** The title: its text, or text and rendered math, or search highlights. */
  title: ReactNode;
  /** The title as plain text, for its link's accessible name when `title` is not plain. */
  titleLabel?: string;
  /** The abstract, clipped with "more". */
  abstract?: ReactNode;
  abstractLong?: boolean;
  /** A search result's highlighted excerpt of the abstract, shown instead. */
  excerpt?: ReactNode;
  /** The card title's heading level, so headings stay in order on each page. */
  headingLevel?: 2 | 3;
  /** Title and meta line only (similar papers). */
  compact?: boolean;
}

/** One paper in a list, as on Hugging Face. Feed text arrives as React text, so it is escaped. */
export function PaperCardView({
  card,
  title,
  titleLabel,
  abstract,
  abstractLong = false,
  excerpt,
  headingLevel = 3,
  compact = false,
}: PaperCardViewProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { org } = card;
  return (
    <article data-card data-testid="paper-card" className={compact ? "card card-sm" : "card"}>
      {!compact && (
        <div className="card-side">
          <UpvoteButton paperId={card.id} upvotes={card.upvotes} />
          <SaveButton paperId={card.id} />
        </div>
      )}
      <div className="min-w-0 flex-1">
        <Heading className="card-title">
          <Link href={card.href} data-card-link aria-label={titleLabel} className="hover:underline">
            {title}
          </Link>
        </Heading>
        {!compact && excerpt != null && <p className="abstract">{excerpt}</p>}
        {!compact && excerpt == null && abstract != null && <AbstractClip long={abstractLong}>{abstract}</AbstractClip>}
        <div className="card-meta">
          {org ? (
            <Link href={org.href} prefetch={false} className="meta-link inline-flex items-center gap-1.5">
              {org.avatar && (
                <img
                  src={org.avatar}
                  alt=""
                  loading="lazy"
                  referrerPolicy="no-referrer"
                  width={16}
                  height={16}
                  className="size-4 rounded"
                />
              )}
              <span className="font-medium text-gray-700 dark:text-gray-200">{org.name}</span>
              {org.fullname && org.fullname !== org.name && <span>{org.fullname}</span>}
            </Link>
          ) : (
            <AuthorList authors={card.authors} />
          )}
          {card.date && (
            <time dateTime={card.date.iso} className="whitespace-nowrap">
              {card.date.label}
            </time>
          )}
          {card.submittedBy && <SubmittedBy name={card.submittedBy} />}
          {compact && <UpvoteCount upvotes={card.upvotes} />}
          <PaperCounts paper={card} />
          {!compact && <NotInterestedButton paperId={card.id} />}
        </div>
      </div>
      {card.thumbnail && (
        <Link href={card.href} tabIndex={-1} aria-hidden="true" className="hidden shrink-0 sm:block">
          <img
            src={card.thumbnail}
            alt=""
            loading="lazy"
            decoding="async"
            referrerPolicy="no-referrer"
            width={192}
            height={108}
            className="thumb"
          />
        </Link>
      )}
    </article>
  );
}
