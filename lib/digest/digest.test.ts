import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { startSmtpSink, type SmtpSink } from "@/lib/test/smtp-sink";
import { activeSubscription, mailsTo, readMail } from "@/lib/digest/test-helpers";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
process.env.AUTH_SECRET = "digest-test-secret-0123456789";
process.env.AUTH_URL = "http://paperboy.test";
process.env.EMAIL_FROM = "Paperboy <digest@paperboy.test>";

const { parsePeriod } = await import("@/lib/digest/periods");
const { runDigest } = await import("@/lib/digest/run-digest");
const { createDigestMailer } = await import("@/lib/email/smtp-pool");
const { requestSubscription, confirmSubscription, findConfirmation, unsubscribeWithToken } = await import("@/lib/digest/subscriptions");
const { deliverSubscriptionMail } = await import("@/lib/digest/subscription-mail");
const { subscribeSchema } = await import("@/lib/digest/schemas");
const { POST: oneClickPost, GET: oneClickGet } = await import("@/app/api/unsubscribe/[token]/route");

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
});
afterAll(() => sink.close());

async function run(day: string, frequency: "daily" | "weekly" = "daily") {
  const mailer = createDigestMailer({ url: sink.url, connections: 2 });
  try {
    return await runDigest({ prisma, period: parsePeriod(frequency, day)!, mailer, concurrency: 2 });
  } finally {
    mailer.close();
  }
}

const status = async (email: string) => (await prisma.subscription.findUniqueOrThrow({ where: { email } })).status;

describe("double opt-in", () => {
  const email = "ada@optin.example";

  it("mails a confirmation link and nothing else until it is confirmed", async () => {
    const input = subscribeSchema.parse({ email: "  Ada@OptIn.example ", frequency: "daily", limit: "5" });
    expect(input.email).toBe(email);
    const { mailSubscriptionId } = await requestSubscription(prisma, input);
    expect(mailSubscriptionId).not.toBeNull();
    expect(await status(email)).toBe("pending");
    expect(await deliverSubscriptionMail(prisma, mailSubscriptionId!)).toBe("confirm");

    const [mail] = await mailsTo(sink, email);
    expect(mail.subject).toBe("Confirm your daily digest of trending papers");
    const link = /http:\/\/paperboy\.test\/subscribe\/confirm\/([A-Za-z0-9_-]{43})/.exec(mail.text);
    expect(link).not.toBeNull();
    expect(mail.html).toContain(link![0]);
    expect(await findConfirmation(prisma, link![1])).toEqual({ email, frequency: "daily", limit: 5, active: false });

    // A digest run in the meantime does not mail the pending address.
    await ingestText(prisma, hfDocument([{ id: "2501.00001", title: "Opt-in Paper", day: "2025-01-06", upvotes: 3 }]));
    await run("2025-01-06");
    expect((await mailsTo(sink, email)).map((m) => m.subject)).toEqual([mail.subject]);
  });

  it("does not mail again within ten minutes, then sends a new link that replaces the old one", async () => {
    const input = subscribeSchema.parse({ email, frequency: "weekly" });
    expect((await requestSubscription(prisma, input)).mailSubscriptionId).toBeNull();
    expect((await requestSubscription(prisma, { ...input, now: new Date(Date.now() + 5 * 60_000) })).mailSubscriptionId).toBeNull();
    const [first] = await mailsTo(sink, email);
    const oldToken = /confirm\/([A-Za-z0-9_-]{43})/.exec(first.text)![1];

    const later = new Date(Date.now() + 11 * 60_000);
    const { mailSubscriptionId } = await requestSubscription(prisma, { ...input, now: later });
    expect(mailSubscriptionId).not.toBeNull();
    await deliverSubscriptionMail(prisma, mailSubscriptionId!, { now: later });
    const mails = await mailsTo(sink, email);
    expect(mails).toHaveLength(2);
    expect(mails[1].subject).toBe("Confirm your weekly digest of trending papers");
    const newToken = /confirm\/([A-Za-z0-9_-]{43})/.exec(mails[1].text)![1];
    expect(await findConfirmation(prisma, oldToken)).toBeNull();

    expect(await confirmSubscription(prisma, { token: newToken, frequency: "daily", limit: 25 })).toEqual({ email });
    const sub = await prisma.subscription.findUniqueOrThrow({ where: { email } });
    expect(sub).toMatchObject({ status: "active", frequency: "daily", limit: 25, confirmTokenHash: null });
    expect(sub.confirmedAt).toBeInstanceOf(Date);
    // The link works once.
    expect(await confirmSubscription(prisma, { token: newToken, frequency: "weekly", limit: 5 })).toBeNull();
  });

  it("answers a sign-up for an active address with a notice, leaving its choices alone", async () => {
    const later = new Date(Date.now() + 30 * 60_000);
    const { mailSubscriptionId } = await requestSubscription(prisma, { email, frequency: "weekly", limit: 5, now: later });
    expect(await deliverSubscriptionMail(prisma, mailSubscriptionId!, { now: later })).toBe("notice");
    const notice = (await mailsTo(sink, email)).at(-1)!;
    expect(notice.subject).toBe("You are already subscribed to trending papers");
    expect(notice.text).toMatch(/http:\/\/paperboy\.test\/unsubscribe\/\d+\.[A-Za-z0-9_-]{22}/);
    expect(await prisma.subscription.findUniqueOrThrow({ where: { email } })).toMatchObject({
      status: "active",
      frequency: "daily",
      limit: 25,
    });
  });

  it("refuses unknown, malformed and expired links", async () => {
    expect(await findConfirmation(prisma, "x".repeat(43))).toBeNull();
    expect(await findConfirmation(prisma, "../../etc/passwd")).toBeNull();
    const other = "grace@optin.example";
    const { mailSubscriptionId } = await requestSubscription(prisma, { email: other, frequency: "daily", limit: 10 });
    await deliverSubscriptionMail(prisma, mailSubscriptionId!);
    const token = /confirm\/([A-Za-z0-9_-]{43})/.exec((await mailsTo(sink, other))[0].text)![1];
    const in8days = new Date(Date.now() + 8 * 86_400_000);
    expect(await findConfirmation(prisma, token, in8days)).toBeNull();
    expect(await confirmSubscription(prisma, { token, frequency: "daily", limit: 10, now: in8days })).toBeNull();
    expect(await status(other)).toBe("pending");
  });
});

describe("digests with filters", () => {
  const day1 = "2025-02-03";
  const day2 = "2025-02-04";

  beforeAll(async () => {
    await ingestText(
      prisma,
      hfDocument([
        {
          id: "2502.00001",
          title: "Sparse Attention for Long Documents",
          upvotes: 50,
          day: day1,
          authors: ["Grace Hopper", "Alan Turing"],
          summary: "We make attention sparse. ".repeat(30),
        },
        {
          id: "2502.00002",
          title: "Diffusion Models for Protein Design",
          upvotes: 40,
          day: day1,
          authors: ["Ada Lovelace"],
          organization: "DeepBio",
        },
        { id: "2502.00003", title: "LLMs as Judges", upvotes: 30, day: day1, authors: ["Geoffrey E. Hinton", "Yoshua Bengio"] },
        { id: "2502.00004", title: `<script>alert("x")</script> & <b>Hostile</b> Title`, upvotes: 20, day: day1 },
        { id: "2502.00005", title: "A Quiet Paper", upvotes: 1, day: day1 },
      ]),
    );
    // Featured again the next day, beside a new paper.
    await ingestText(
      prisma,
      hfDocument([
        { id: "2502.00003", title: "LLMs as Judges", upvotes: 31, day: day2, authors: ["Geoffrey E. Hinton", "Yoshua Bengio"] },
        { id: "2502.00006", title: "LLM Agents That Plan", upvotes: 12, day: day2 },
      ]),
    );
    await prisma.paper.update({ where: { arxivId: "2502.00001" }, data: { categories: ["cs.CL"] } });
    await prisma.paper.update({
      where: { arxivId: "2502.00002" },
      data: { categories: ["q-bio.BM", "cs.LG"], githubRepo: "https://github.com/deepbio/prot" },
    });
    await prisma.paper.update({ where: { arxivId: "2502.00003" }, data: { categories: ["cs.AI"] } });

    await activeSubscription(prisma, "all@f.example", { limit: 5 });
    await activeSubscription(prisma, "kw@f.example", { keywords: ["llm"] });
    await activeSubscription(prisma, "author@f.example", { authors: ["hinton"] });
    await activeSubscription(prisma, "org@f.example", { organizations: ["deepbio"] });
    await activeSubscription(prisma, "cat@f.example", { categories: ["cs.lg"], keywords: ["protein", "attention"] });
    await activeSubscription(prisma, "archive@f.example", { categories: ["cs"] });
    await activeSubscription(prisma, "none@f.example", { keywords: ["quantum"] });
    await activeSubscription(prisma, "weekly@f.example", { frequency: "weekly" });
    await prisma.subscription.create({ data: { email: "gone@f.example", status: "unsubscribed" } });
  });

  const titles = (text: string) => [...text.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1]);

  it("sends each subscriber the day's trending papers that match, once, and nothing to those with none", async () => {
    const summary = await run(day1);
    // Six here, and ada@optin.example, confirmed above as a daily subscriber.
    expect(summary).toMatchObject({ sent: 7, empty: 1, failed: 0, gaveUp: 0 });

    const [all] = await mailsTo(sink, "all@f.example");
    expect(all.subject).toBe("5 trending papers · Feb 3, 2025");
    expect(titles(all.text)).toEqual([
      "Sparse Attention for Long Documents",
      "Diffusion Models for Protein Design",
      "LLMs as Judges",
      `<script>alert("x")</script> & <b>Hostile</b> Title`,
      "A Quiet Paper",
    ]);
    expect(titles((await mailsTo(sink, "kw@f.example"))[0].text)).toEqual(["LLMs as Judges"]);
    expect(titles((await mailsTo(sink, "author@f.example"))[0].text)).toEqual(["LLMs as Judges"]);
    expect(titles((await mailsTo(sink, "org@f.example"))[0].text)).toEqual(["Diffusion Models for Protein Design"]);
    // Categories narrow (Sparse Attention is cs.CL); keywords, authors and organizations widen.
    expect(titles((await mailsTo(sink, "cat@f.example"))[0].text)).toEqual(["Diffusion Models for Protein Design"]);
    expect(titles((await mailsTo(sink, "archive@f.example"))[0].text)).toEqual([
      "Sparse Attention for Long Documents",
      "Diffusion Models for Protein Design",
      "LLMs as Judges",
    ]);
    for (const nobody of ["none@f.example", "weekly@f.example", "gone@f.example"]) expect(await mailsTo(sink, nobody)).toEqual([]);
  });

  it("carries titles, authors, upvotes, clipped abstracts, links and the unsubscribe headers, with feed text escaped", async () => {
    const [all] = await mailsTo(sink, "all@f.example");
    expect(all.text).toContain("Grace Hopper and Alan Turing · 50 upvotes");
    expect(all.text).toContain("http://paperboy.test/papers/2502.00001");
    expect(all.text).toContain("arXiv: https://arxiv.org/abs/2502.00001");
    expect(all.text).toMatch(/We make attention sparse\. .{100,}…/);
    expect(all.text.length).toBeLessThan(6000);
    expect(all.html).toContain('href="http://paperboy.test/papers/2502.00002"');
    expect(all.html).toContain('href="https://github.com/deepbio/prot"');
    expect(all.html).toContain("DeepBio Lab");
    expect(all.html).toContain("▲ 40 upvotes");
    expect(all.html).toContain("&lt;script&gt;");
    expect(all.html).not.toMatch(/<script|<b>Hostile/);
    expect(all.html).toContain("prefers-color-scheme: dark");

    expect(all.listUnsubscribe).toMatch(/^<http:\/\/paperboy\.test\/api\/unsubscribe\/\d+\.[A-Za-z0-9_-]{22}>$/);
    expect(all.listUnsubscribePost).toBe("List-Unsubscribe=One-Click");
    expect(all.header("X-Paperboy-Digest")).toBe("daily/2025-02-03");
    const token = /\/api\/unsubscribe\/([^>]+)>/.exec(all.listUnsubscribe!)![1];
    expect(all.text).toContain(`Unsubscribe: http://paperboy.test/unsubscribe/${token}`);
    expect(all.html).toContain(`href="http://paperboy.test/unsubscribe/${token}"`);
    // Each copy carries its own recipient's link.
    const [kw] = await mailsTo(sink, "kw@f.example");
    expect(kw.listUnsubscribe).not.toBe(all.listUnsubscribe);
    expect(kw.text).toContain("matching your filters");
  });

  it("never sends a period twice, and never repeats a paper in a later digest", async () => {
    const before = sink.messages.length;
    const again = await run(day1);
    expect(again).toMatchObject({ sent: 0 });
    expect(sink.messages.length).toBe(before);

    const next = await run(day2);
    expect(next.sent).toBeGreaterThan(0);
    // "LLMs as Judges" was featured again on day 2, but these subscribers already had it.
    expect(titles((await mailsTo(sink, "kw@f.example"))[1].text)).toEqual(["LLM Agents That Plan"]);
    expect(titles((await mailsTo(sink, "all@f.example"))[1].text)).toEqual(["LLM Agents That Plan"]);
    expect(await mailsTo(sink, "author@f.example")).toHaveLength(1);
    const sends = await prisma.digestSend.findMany({ where: { subscription: { email: "kw@f.example" } }, orderBy: { id: "asc" } });
    expect(sends.map((s) => [s.period, s.status, s.attempts])).toEqual([
      [day1, "sent", 1],
      [day2, "sent", 1],
    ]);
  });

  it("sends a weekly digest of the week's trending papers", async () => {
    await run("2025-W06", "weekly");
    const [weekly] = await mailsTo(sink, "weekly@f.example");
    expect(weekly.subject).toBe("6 trending papers · Week 6, 2025 (Feb 3 – Feb 9)");
    // Over a week, age counts: day 1's 50 upvotes still beat day 2's 31.
    expect(titles(weekly.text).slice(0, 3)).toEqual([
      "Sparse Attention for Long Documents",
      "Diffusion Models for Protein Design",
      "LLMs as Judges",
    ]);
  });
});

describe("unsubscribing", () => {
  const day = "2025-03-03";
  beforeAll(async () => {
    await ingestText(prisma, hfDocument([{ id: "2503.00001", title: "March Paper", upvotes: 5, day }]));
    await activeSubscription(prisma, "link@u.example");
    await activeSubscription(prisma, "oneclick@u.example");
    await activeSubscription(prisma, "stays@u.example");
    await run(day);
  });

  it("by the link in the email, which works without signing in", async () => {
    const [mail] = await mailsTo(sink, "link@u.example");
    const token = /http:\/\/paperboy\.test\/unsubscribe\/(\S+)/.exec(mail.text)![1];
    // Opening the one-click URL in a browser only leads to the page that asks.
    const get = await oneClickGet(new Request(`http://paperboy.test/api/unsubscribe/${token}`), { params: Promise.resolve({ token }) });
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(`/unsubscribe/${token}`);
    expect(await status("link@u.example")).toBe("active");

    expect(await unsubscribeWithToken(prisma, token)).toEqual({ email: "link@u.example", wasSubscribed: true });
    expect(await status("link@u.example")).toBe("unsubscribed");
    expect(await unsubscribeWithToken(prisma, token)).toEqual({ email: "link@u.example", wasSubscribed: false });
  });

  it("by the one-click POST of RFC 8058, with no session and no Origin", async () => {
    const [mail] = await mailsTo(sink, "oneclick@u.example");
    const target = /^<(.+)>$/.exec(mail.listUnsubscribe!)![1];
    const token = target.split("/").at(-1)!;
    const res = await oneClickPost(
      new Request(target, {
        method: "POST",
        body: mail.listUnsubscribePost!,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      { params: Promise.resolve({ token }) },
    );
    expect(res.status).toBe(200);
    expect(await status("oneclick@u.example")).toBe("unsubscribed");

    const forged = `${token.split(".")[0]}.AAAAAAAAAAAAAAAAAAAAAA`;
    const bad = await oneClickPost(new Request(`http://paperboy.test/api/unsubscribe/${forged}`, { method: "POST" }), {
      params: Promise.resolve({ token: forged }),
    });
    expect(bad.status).toBe(404);
  });

  it("and then gets no more digests", async () => {
    await ingestText(prisma, hfDocument([{ id: "2503.00002", title: "Another March Paper", upvotes: 5, day: "2025-03-04" }]));
    await run("2025-03-04");
    expect(await mailsTo(sink, "link@u.example")).toHaveLength(1);
    expect(await mailsTo(sink, "oneclick@u.example")).toHaveLength(1);
    expect(await mailsTo(sink, "stays@u.example")).toHaveLength(2);
  });
});

describe("reading mail", () => {
  it("parses what the sink received", async () => {
    const parsed = await readMail(sink.messages[0].raw);
    expect(parsed.to).toContain("@");
  });
});
