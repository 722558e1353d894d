import { simpleParser, type ParsedMail } from "mailparser";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DigestFilters } from "@/lib/digest/filters";
import type { SmtpSink } from "@/lib/test/smtp-sink";

/** A parsed message from the sink, with the headers tests check. */
export interface ReadMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  listUnsubscribe: string | null;
  listUnsubscribePost: string | null;
  header(name: string): string | null;
}

export async function readMail(raw: string): Promise<ReadMail> {
  const parsed: ParsedMail = await simpleParser(raw);
  const line = (name: string) => {
    const found = parsed.headerLines.find((h) => h.key === name.toLowerCase());
    return found
      ? found.line
          .slice(found.line.indexOf(":") + 1)
          .replace(/\r?\n\s+/g, " ")
          .trim()
      : null;
  };
  const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
  return {
    to: to?.value[0]?.address ?? "",
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : "",
    listUnsubscribe: line("List-Unsubscribe"),
    listUnsubscribePost: line("List-Unsubscribe-Post"),
    header: line,
  };
}

/** Every message the sink received for one recipient, parsed. */
export async function mailsTo(sink: SmtpSink, address: string): Promise<ReadMail[]> {
  return Promise.all(sink.messages.filter((m) => m.to.includes(address)).map((m) => readMail(m.raw)));
}

/** An active (already confirmed) subscription, as a confirmed sign-up leaves it. */
export async function activeSubscription(
  prisma: PrismaClient,
  email: string,
  o: Partial<DigestFilters> & { frequency?: "daily" | "weekly"; limit?: number } = {},
): Promise<number> {
  const sub = await prisma.subscription.create({
    data: {
      email,
      status: "active",
      confirmedAt: new Date(),
      frequency: o.frequency ?? "daily",
      limit: o.limit ?? 10,
      keywords: o.keywords ?? [],
      authors: o.authors ?? [],
      organizations: o.organizations ?? [],
      categories: o.categories ?? [],
    },
    select: { id: true },
  });
  return sub.id;
}
