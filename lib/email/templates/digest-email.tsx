import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Link } from "@react-email/link";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { arxivAbsUrl, arxivPdfUrl, paperHref, safeHttpUrl } from "@/lib/papers/links";
import type { DigestPaper } from "@/lib/digest/filters";
import { s } from "@/lib/email/styles";
import { authorLine, clipText } from "@/lib/email/text";
import { EmailLayout } from "@/lib/email/templates/email-layout";

export const ABSTRACT_CHARS = 320;

export interface DigestEmailProps {
  /** Public origin, no trailing slash. */
  siteUrl: string;
  frequency: "daily" | "weekly";
  /** `Nov 24, 2026` or `Week 47, 2026 (Nov 16 – Nov 22)`. */
  periodLabel: string;
  /** The site page with all of the period's papers. */
  periodUrl: string;
  papers: DigestPaper[];
  settingsUrl: string;
  unsubscribeUrl: string;
  /** True when the subscription has filters: the intro says so. */
  filtered: boolean;
  /** Ordered by the person's recommendations: titled "for you", not "trending". */
  forYou?: boolean;
}

export function digestSubject(p: Pick<DigestEmailProps, "papers" | "periodLabel" | "forYou">): string {
  return `${paperCount(p)} · ${p.periodLabel}`;
}

/** "3 trending papers", or "3 papers for you" for a digest in the person's own order. */
function paperCount(p: Pick<DigestEmailProps, "papers" | "forYou">): string {
  const papers = `paper${p.papers.length === 1 ? "" : "s"}`;
  return p.forYou ? `${p.papers.length} ${papers} for you` : `${p.papers.length} trending ${papers}`;
}

/** The digest's title: what it holds and in which order. */
export function digestTitle(p: Pick<DigestEmailProps, "forYou">): string {
  return p.forYou ? "Papers for you" : "Trending papers";
}

/** The digest: the period's trending papers, each with authors, upvotes, a clipped abstract and links. */
export function DigestEmail(props: DigestEmailProps) {
  const { papers, periodLabel } = props;
  const count = paperCount(props);
  return (
    <EmailLayout preview={`${count} of ${periodLabel}: ${papers[0]?.title ?? ""}`}>
      <DigestContent {...props} />
    </EmailLayout>
  );
}

/** The digest without the HTML document around it: the preview page shows this inside the site. */
export function DigestContent({
  siteUrl,
  frequency,
  periodLabel,
  periodUrl,
  papers,
  settingsUrl,
  unsubscribeUrl,
  filtered,
  forYou,
}: DigestEmailProps) {
  return (
    <>
      <Heading as="h1" style={s.h1} className="pb-text">
        {digestTitle({ forYou })}
      </Heading>
      <Text style={s.sub} className="pb-muted">
        {frequency === "daily" ? "The day" : "The week"}: {periodLabel}
        {filtered ? " · matching your filters" : ""}
        {forYou ? " · the ones closest to what you upvote and save first" : ""} ·{" "}
        <Link href={periodUrl} style={s.link} className="pb-link">
          see them all
        </Link>
      </Text>
      {papers.map((paper, i) => (
        <DigestPaperItem key={paper.id} paper={paper} rank={i + 1} siteUrl={siteUrl} />
      ))}
      <Hr style={s.hr} className="pb-rule" />
      <Text style={s.footer} className="pb-faint">
        You receive this {frequency} digest because this address subscribed to trending papers on {new URL(siteUrl).host} and confirmed it.
      </Text>
      <Text style={s.footer} className="pb-faint">
        <Link href={settingsUrl} style={s.link} className="pb-link">
          Digest settings
        </Link>{" "}
        ·{" "}
        <Link href={unsubscribeUrl} style={s.link} className="pb-link">
          Unsubscribe
        </Link>
      </Text>
    </>
  );
}

function DigestPaperItem({ paper, rank, siteUrl }: { paper: DigestPaper; rank: number; siteUrl: string }) {
  const pageUrl = `${siteUrl}${paperHref(paper)}`;
  const code = safeHttpUrl(paper.githubRepo);
  const project = safeHttpUrl(paper.projectPage);
  const authors = authorLine(paper.authors, paper.authorCount);
  const org = paper.organization ? paper.organization.fullname || paper.organization.name : null;
  const meta = [authors, org, `▲ ${paper.upvotes} upvote${paper.upvotes === 1 ? "" : "s"}`].filter(Boolean).join(" · ");
  const links: { label: string; href: string }[] = [{ label: "Paper page", href: pageUrl }];
  if (paper.arxivId) links.push({ label: "arXiv", href: arxivAbsUrl(paper.arxivId) }, { label: "PDF", href: arxivPdfUrl(paper.arxivId) });
  if (code) links.push({ label: "Code", href: code });
  if (project) links.push({ label: "Project page", href: project });

  return (
    <Section style={s.paper} className="pb-rule">
      <Text style={s.rank} className="pb-faint">
        #{rank}
      </Text>
      <Link href={pageUrl} style={s.title} className="pb-text">
        {paper.title}
      </Link>
      <Text style={s.meta} className="pb-muted">
        {meta}
      </Text>
      {paper.abstract ? (
        <Text style={s.abstract} className="pb-text">
          {clipText(paper.abstract, ABSTRACT_CHARS)}
        </Text>
      ) : null}
      <Text style={s.links} className="pb-faint">
        {links.map((l, i) => (
          <span key={l.label}>
            {i > 0 ? " · " : ""}
            <Link href={l.href} style={s.link} className="pb-link">
              {l.label}
            </Link>
          </span>
        ))}
      </Text>
    </Section>
  );
}
