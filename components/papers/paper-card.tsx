import type { PaperDTO } from "@/lib/data/paper-types";
import { highlightParts } from "@/lib/data/search";
import { formatHfDate } from "@/lib/papers/dates";
import { mathToPlainText } from "@/lib/text/math";
import { mathContent } from "@/components/math-text";
import { LONG_ABSTRACT } from "@/components/papers/abstract-clip";
import { pickAuthors } from "@/components/papers/author-list";
import { orgHref, paperHref, safeImageUrl } from "@/lib/papers/links";
import { PaperCardView, type CardData } from "@/components/papers/paper-card-view";
import { HighlightedText, hasHighlight } from "@/components/search/highlighted-text";
import { localSubmitter } from "@/components/submissions/submitted-by";

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
function cardDate(paper: PaperDTO): CardData["date"] {
  const date = paper.feature ? new Date(`${paper.feature.day}T00:00:00Z`) : paper.publishedAt;
  return date ? { iso: date.toISOString().slice(0, 10), label: formatHfDate(date) } : null;
}

/**
 * One paper in a list, as on Hugging Face: title, clipped abstract, authors or organization,
 * date, upvotes, comments, stars and thumbnail. Here, on the server, the paper becomes the few
 * fields a card shows (URLs from feeds checked, LaTeX rendered by KaTeX, dates formatted);
 * PaperCardView draws them. Feed text stays text: React escapes it.
 */
export function PaperCard({ paper, headingLevel = 3, compact = false, highlight }: PaperCardProps) {
  const org = paper.organization;
  const showOrg = org && (!highlight || paper.authors.length === 0);
  const card: CardData = {
    id: paper.id,
    href: paperHref(paper),
    upvotes: paper.upvotes,
    numComments: paper.numComments,
    githubRepo: paper.githubRepo,
    githubStars: paper.githubStars,
    thumbnail: compact ? null : safeImageUrl(paper.thumbnail),
    date: cardDate(paper),
    org: showOrg ? { name: org.name, href: orgHref(org.name), avatar: safeImageUrl(org.avatar), fullname: org.fullname } : null,
    authors: showOrg ? { names: [], more: 0, total: 0 } : pickAuthors(paper.authors, paper.authorCount, highlight?.terms),
    submittedBy: compact ? null : localSubmitter(paper.feature?.submitter),
  };
  const titleHighlighted = highlight && hasHighlight(highlight.title);
  const plainTitle = mathToPlainText(paper.title);
  const excerpt =
    !compact && highlight?.abstract ? (
      <>
        <HighlightedText text={highlight.abstract} />
        {excerptIsPartial(highlight.abstract, paper.abstract) && " …"}
      </>
    ) : undefined;
  return (
    <PaperCardView
      card={card}
      title={titleHighlighted ? <HighlightedText text={highlight.title} /> : mathContent(paper.title)}
      titleLabel={plainTitle !== paper.title && !titleHighlighted ? plainTitle : undefined}
      abstract={!compact && !highlight && paper.abstract ? mathContent(paper.abstract) : undefined}
      abstractLong={(paper.abstract?.length ?? 0) > LONG_ABSTRACT}
      excerpt={excerpt}
      headingLevel={headingLevel}
      compact={compact}
    />
  );
}

/** Whether a ts_headline excerpt leaves part of the abstract out. */
function excerptIsPartial(excerpt: string, abstract: string | null): boolean {
  const text = highlightParts(excerpt)
    .map((p) => p.text)
    .join("");
  return text.trim().length < (abstract ?? "").trim().length;
}
