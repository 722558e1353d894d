import { describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/test/db";

/** The request headers the next action sees: set per call, as scripts/start.mjs stamps the peer. */
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));
// The confirmation mail goes through pg-boss in production; here only the decision matters.
const queued: number[] = [];
vi.mock("@/lib/jobs/queue", () => ({
  getBoss: async () => ({}),
  enqueueSubscriptionMail: async (_boss: unknown, id: number) => void queued.push(id),
}));

const { url } = await useTestDatabase();
process.env.DATABASE_URL = url;
const { subscribeAction } = await import("@/lib/digest/subscribe-actions");

const SIGNUPS_PER_HOUR = 30;

function signUp(email: string, headers: Record<string, string>) {
  requestHeaders = new Headers({ host: "localhost", ...headers });
  const form = new FormData();
  form.set("email", email);
  form.set("frequency", "daily");
  form.set("limit", "10");
  return subscribeAction({ status: "idle" }, form);
}

describe("sign-up limits are per client, by the TCP peer", () => {
  it("a forged X-Forwarded-For does not escape the limit, and other clients keep their own budget", async () => {
    const peer = { "x-paperboy-peer-address": "203.0.113.7" };
    for (let i = 0; i < SIGNUPS_PER_HOUR; i++) {
      expect(await signUp(`a${i}@limit.example`, { ...peer, "x-forwarded-for": `198.51.100.${i}` })).toMatchObject({ status: "sent" });
    }
    expect(await signUp("over@limit.example", { ...peer, "x-forwarded-for": "192.0.2.99" })).toMatchObject({
      status: "invalid",
      message: expect.stringMatching(/Too many/),
    });
    expect(await signUp("over2@limit.example", peer)).toMatchObject({ status: "invalid" });

    // Someone else, with no forwarding header at all, is not held back by that client.
    expect(await signUp("someone@else.example", { "x-paperboy-peer-address": "203.0.113.8" })).toMatchObject({ status: "sent" });
    expect(queued).toHaveLength(SIGNUPS_PER_HOUR + 1);
  });
});
