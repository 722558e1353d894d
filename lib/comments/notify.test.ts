import { afterAll, beforeAll, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";
import { hfDocument, ingestText } from "@/lib/test/ingest";
import { startSmtpSink, type SmtpSink } from "@/lib/test/smtp-sink";
import { createSignedInUser, type TestUser } from "@/lib/test/users";

/**
 * Reply and follow emails through a real SMTP server: exactly one email per comment and person
 * however often the job runs, none to the comment's own author or to people who opted out, and a
 * one-click unsubscribe link that works without signing in.
 */
const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
process.env.AUTH_SECRET = "a-test-secret-of-enough-length";
process.env.AUTH_URL = "https://papers.example.org";
process.env.COMMENTS_PER_HOUR = "1000";
let sink: SmtpSink;

const { createComment, setFollow } = await import("@/lib/comments/comments");
const { deliverNotifications } = await import("@/lib/comments/notify");
const { discussionUnsubscribeToken } = await import("@/lib/comments/tokens");
const oneClick = await import("@/app/api/unsubscribe/discussions/[token]/route");
const feedRoute = await import("@/app/discussions/[paper]/atom.xml/route");

let paperId: number;
let ada: TestUser;
let bob: TestUser;
let cy: TestUser;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  await ingestText(prisma, hfDocument([{ id: "2405.00002", title: "Attention for $Q$-Values", day: "2026-05-02" }]));
  paperId = (await prisma.paper.findUniqueOrThrow({ where: { arxivId: "2405.00002" } })).id;
  ada = await createSignedInUser(prisma, "ada@example.org");
  bob = await createSignedInUser(prisma, "bob@example.org");
  cy = await createSignedInUser(prisma, "cy@example.org");
});
afterAll(() => sink.close());

const to = (addr: string) => sink.messages.filter((m) => m.to.includes(addr));

it("a reply mails the comment's author once, and the discussion's followers once, however often the job runs", async () => {
  const first = await createComment({ userId: ada.id, paperId, body: "What about $E=mc^2$?" });
  await setFollow({ userId: cy.id, paperId, on: true });
  await deliverNotifications(prisma, first.id);
  expect(to("ada@example.org")).toHaveLength(0); // not about her own comment
  expect(to("cy@example.org")).toHaveLength(1);

  const reply = await createComment({ userId: bob.id, paperId, body: "It holds <script>alert(1)</script>", parentId: first.id });
  await Promise.all([deliverNotifications(prisma, reply.id), deliverNotifications(prisma, reply.id)]);
  await deliverNotifications(prisma, reply.id);
  const toAda = to("ada@example.org");
  expect(toAda).toHaveLength(1);
  expect(to("bob@example.org")).toHaveLength(0);
  expect(to("cy@example.org")).toHaveLength(2);
  // Soft line breaks of quoted-printable and folded headers undone.
  const raw = toAda[0].raw.replace(/=\r?\n/g, "").replace(/\r?\n[ \t]+/g, " ");
  expect(raw).toMatch(/^Subject: /m);
  expect(raw).toContain("replied to your comment on");
  expect(raw).toContain(`List-Unsubscribe: <https://papers.example.org/api/unsubscribe/discussions/${discussionUnsubscribeToken(ada.id)}>`);
  expect(raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  expect(raw).toContain(`https://papers.example.org/papers/2405.00002#comment-${reply.id}`);
  // The comment is shown as text: its markup escaped in the HTML part.
  const html = raw.slice(raw.indexOf("Content-Type: text/html"));
  expect(html).toContain("It holds &lt;script&gt;alert(1)&lt;/script&gt;");
  expect(html).not.toContain("<script>");
});

it("one-click unsubscribe turns discussion emails off without a session; a forged token does nothing", async () => {
  const forged = await oneClick.POST(new Request("http://x/", { method: "POST" }), {
    params: Promise.resolve({ token: `${ada.id}.AAAAAAAAAAAAAAAAAAAAAA` }),
  });
  expect(forged.status).toBe(404);
  const res = await oneClick.POST(new Request("http://x/", { method: "POST" }), {
    params: Promise.resolve({ token: discussionUnsubscribeToken(ada.id) }),
  });
  expect(res.status).toBe(200);
  expect((await prisma.user.findUniqueOrThrow({ where: { id: ada.id } })).discussionEmails).toBe(false);
  const top = await prisma.comment.findFirstOrThrow({ where: { userId: ada.id, paperId } });
  const before = to("ada@example.org").length;
  const again = await createComment({ userId: cy.id, paperId, body: "Another reply", parentId: top.id });
  await deliverNotifications(prisma, again.id);
  expect(to("ada@example.org")).toHaveLength(before);
});

it("the discussion's Atom feed lists its comments as text, newest first", async () => {
  const res = await feedRoute.GET(new Request(`http://x/discussions/${paperId}/atom.xml`) as never, {
    params: Promise.resolve({ paper: String(paperId) }),
  });
  expect(res.headers.get("content-type")).toContain("application/atom+xml");
  const xml = await res.text();
  expect(xml).toContain('<title type="text">Discussion: Attention for Q-Values</title>');
  expect(xml).toContain("It holds &lt;script&gt;alert(1)&lt;/script&gt;");
  expect(xml.indexOf("Another reply")).toBeLessThan(xml.indexOf("What about"));
});
