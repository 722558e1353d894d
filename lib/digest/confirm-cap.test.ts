import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/test/db";

const { url, prisma } = await useTestDatabase();
process.env.DATABASE_URL = url;
const { requestSubscription } = await import("@/lib/digest/subscriptions");
const { digestRules } = await import("@/lib/digest/config");

const MIN = 60_000;

describe("confirmation mails to one address", () => {
  it("are capped per day, however the sign-ups are spaced", async () => {
    const morning = new Date("2026-03-02T06:00:00Z").getTime();
    const ask = (at: number, email = "target@cap.example") =>
      requestSubscription(prisma, { email, frequency: "daily", limit: 10, now: new Date(at) });
    const gap = (digestRules.resendIntervalMinutes + 1) * MIN;
    const mailed: boolean[] = [];
    for (let i = 0; i < digestRules.confirmMailsPerDay + 2; i++) mailed.push((await ask(morning + i * gap)).mailSubscriptionId !== null);
    expect(mailed).toEqual([...Array(digestRules.confirmMailsPerDay).fill(true), false, false]);
    // Another address is not held back by this one's cap…
    expect((await ask(morning + 10 * gap, "other@cap.example")).mailSubscriptionId).not.toBeNull();
    // … and the next day this one gets a mail again.
    expect((await ask(morning + 24 * 60 * MIN)).mailSubscriptionId).not.toBeNull();
  });
});
