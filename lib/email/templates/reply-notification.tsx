import { render } from "@react-email/render";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import { s } from "@/lib/email/styles";
import { EmailLayout } from "@/lib/email/templates/email-layout";
import type { RenderedEmail } from "@/lib/email/render";

export interface ReplyNotificationProps {
  /** "reply": someone answered the recipient's comment; "follow": a new comment in a discussion they follow. */
  reason: "reply" | "follow";
  author: string;
  /** The paper's title as plain text (math delimiters removed). */
  paperTitle: string;
  /** The comment's Markdown source, clipped: shown as text, never as HTML. */
  excerpt: string;
  commentUrl: string;
  settingsUrl: string;
  unsubscribeUrl: string;
  host: string;
}

export function replySubject(p: Pick<ReplyNotificationProps, "reason" | "author" | "paperTitle">): string {
  const title = p.paperTitle.length > 80 ? `${p.paperTitle.slice(0, 79)}…` : p.paperTitle;
  return p.reason === "reply" ? `${p.author} replied to your comment on “${title}”` : `New comment on “${title}”`;
}

/** One comment's notification. Every string is escaped by React; the comment is shown as its text. */
export function ReplyNotificationEmail(p: ReplyNotificationProps) {
  return (
    <EmailLayout preview={replySubject(p)}>
      <Heading as="h1" style={s.h1} className="pb-text">
        {p.reason === "reply" ? `${p.author} replied to your comment` : `${p.author} commented`}
      </Heading>
      <Text style={s.sub} className="pb-muted">
        on {p.paperTitle}
      </Text>
      <Text style={{ ...s.text, whiteSpace: "pre-wrap" }} className="pb-text">
        {p.excerpt}
      </Text>
      <Text style={s.text}>
        <Link href={p.commentUrl} style={s.button}>
          Read the discussion
        </Link>
      </Text>
      <Hr style={s.hr} className="pb-rule" />
      <Text style={s.footer} className="pb-faint">
        {p.reason === "reply"
          ? `You receive this because you commented on this paper on ${p.host}.`
          : `You receive this because you follow this paper's discussion on ${p.host}.`}{" "}
        <Link href={p.settingsUrl} style={s.link} className="pb-link">
          Email settings
        </Link>{" "}
        ·{" "}
        <Link href={p.unsubscribeUrl} style={s.link} className="pb-link">
          Stop discussion emails
        </Link>
      </Text>
    </EmailLayout>
  );
}

export async function renderReplyNotification(p: ReplyNotificationProps): Promise<RenderedEmail> {
  const text = [
    p.reason === "reply" ? `${p.author} replied to your comment on “${p.paperTitle}”:` : `${p.author} commented on “${p.paperTitle}”:`,
    "",
    p.excerpt,
    "",
    `Read the discussion: ${p.commentUrl}`,
    "",
    "--",
    p.reason === "reply"
      ? `You receive this because you commented on this paper on ${p.host}.`
      : `You receive this because you follow this paper's discussion on ${p.host}.`,
    `Email settings: ${p.settingsUrl}`,
    `Stop discussion emails: ${p.unsubscribeUrl}`,
    "",
  ].join("\n");
  return { subject: replySubject(p), html: await render(<ReplyNotificationEmail {...p} />), text };
}
