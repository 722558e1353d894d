import { randomBytes } from "node:crypto";
import { render } from "@react-email/render";
import { arxivAbsUrl, paperHref, safeHttpUrl } from "@/lib/papers/links";
import { ABSTRACT_CHARS, DigestEmail, digestSubject, digestTitle, type DigestEmailProps } from "@/lib/email/templates/digest-email";
import {
  AlreadySubscribedEmail,
  ConfirmEmail,
  type AlreadySubscribedEmailProps,
  type ConfirmEmailProps,
} from "@/lib/email/templates/subscription-emails";
import { authorLine, clipText } from "@/lib/email/text";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Stands in for the one per-recipient value of a digest, its unsubscribe link, so a digest is
 * rendered once per distinct paper list and each copy only swaps the link in. Random per
 * process, so feed text cannot smuggle it in.
 */
const UNSUBSCRIBE_PLACEHOLDER = `https://unsubscribe.invalid/${randomBytes(12).toString("hex")}`;

export type DigestTemplate = Omit<DigestEmailProps, "unsubscribeUrl">;

/** The digest with a placeholder where the unsubscribe link goes; finish it with `personalizeDigest`. */
export async function renderDigestTemplate(props: DigestTemplate): Promise<RenderedEmail> {
  const full = { ...props, unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER };
  const html = await render(<DigestEmail {...full} />);
  return { subject: digestSubject(props), html, text: digestText(full) };
}

export function personalizeDigest(template: RenderedEmail, unsubscribeUrl: string): RenderedEmail {
  return {
    subject: template.subject,
    html: template.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, escapeAttribute(unsubscribeUrl)),
    text: template.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, unsubscribeUrl),
  };
}

export async function renderDigest(props: DigestEmailProps): Promise<RenderedEmail> {
  return personalizeDigest(await renderDigestTemplate(props), props.unsubscribeUrl);
}

/** The plain-text part, written for reading rather than converted from the HTML. */
export function digestText(p: DigestEmailProps): string {
  const lines = [`${digestTitle(p)}: ${p.periodLabel}${p.filtered ? " (matching your filters)" : ""}`, `All of them: ${p.periodUrl}`, ""];
  p.papers.forEach((paper, i) => {
    const org = paper.organization ? paper.organization.fullname || paper.organization.name : null;
    lines.push(`${i + 1}. ${paper.title.replace(/\s+/g, " ").trim()}`);
    lines.push(
      `   ${[authorLine(paper.authors, paper.authorCount), org, `${paper.upvotes} upvote${paper.upvotes === 1 ? "" : "s"}`].filter(Boolean).join(" · ")}`,
    );
    if (paper.abstract) lines.push(`   ${clipText(paper.abstract, ABSTRACT_CHARS)}`);
    lines.push(`   ${p.siteUrl}${paperHref(paper)}`);
    const extra = [
      paper.arxivId ? `arXiv: ${arxivAbsUrl(paper.arxivId)}` : null,
      safeHttpUrl(paper.githubRepo) ? `Code: ${safeHttpUrl(paper.githubRepo)}` : null,
    ].filter(Boolean);
    if (extra.length) lines.push(`   ${extra.join(" · ")}`);
    lines.push("");
  });
  lines.push("--", `You receive this ${p.frequency} digest because this address subscribed on ${new URL(p.siteUrl).host}.`);
  lines.push(`Settings: ${p.settingsUrl}`, `Unsubscribe: ${p.unsubscribeUrl}`, "");
  return lines.join("\n");
}

export async function renderConfirmEmail(p: ConfirmEmailProps): Promise<RenderedEmail> {
  return {
    subject: `Confirm your ${p.frequency} digest of trending papers`,
    html: await render(<ConfirmEmail {...p} />),
    text: [
      `Someone, hopefully you, asked for a ${p.frequency} email of the trending research papers on ${p.host} at this address.`,
      "",
      "Confirm it (you can choose daily or weekly and how many papers there):",
      p.confirmUrl,
      "",
      `The link works for ${p.ttlDays} days. If you did not ask for this, ignore this email: you will not hear from us again.`,
      "",
    ].join("\n"),
  };
}

export async function renderAlreadySubscribedEmail(p: AlreadySubscribedEmailProps): Promise<RenderedEmail> {
  return {
    subject: "You are already subscribed to trending papers",
    html: await render(<AlreadySubscribedEmail {...p} />),
    text: [
      `Someone asked to subscribe this address to the trending papers on ${p.host}. It already receives the ${p.frequency} digest, so nothing has changed.`,
      "",
      `Change your settings (sign in with this address): ${p.settingsUrl}`,
      `Unsubscribe: ${p.unsubscribeUrl}`,
      "",
    ].join("\n"),
  };
}

function escapeAttribute(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
