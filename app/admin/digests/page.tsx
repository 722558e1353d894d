import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminPage } from "@/lib/auth/admin";
import { getAddressSends, getDigestOverview } from "@/lib/admin/digests";
import { pauseAddressAction, retryDigestAction } from "@/app/admin/digests/actions";
import { ActionButton } from "@/components/admin/action-button";
import { ActionForm } from "@/components/admin/action-form";
import { formatUtc } from "@/components/admin/format";
import { Badge, DataTable, EmptyRow, num, PageTitle, td, TableHead } from "@/components/admin/ui";
import { ui } from "@/components/ui/styles";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "Digests" };

interface Props {
  searchParams: Promise<{ email?: string }>;
}

const sendColor = { sent: "green", sending: "blue", failed: "amber", gave_up: "red", unknown: "red" } as const;
const sendLabel: Record<string, string> = { gave_up: "gave up", unknown: "outcome unknown" };

function SendStatus({ status }: { status: string }) {
  return <Badge color={sendColor[status as keyof typeof sendColor] ?? "gray"}>{sendLabel[status] ?? status}</Badge>;
}

/** Sends only an admin can put back in the queue: given up, or maybe delivered (never retried by themselves). */
const waitsForAdmin = (status: string) => status === "gave_up" || status === "unknown";

/** Digest runs, the digests that did not go out (with retry), paused addresses, and one address's sends. */
export default async function DigestsPage({ searchParams }: Props) {
  await requireAdminPage("/admin/digests");
  const email = ((await searchParams).email ?? "").trim().slice(0, 320);
  const [{ runs, problems, paused }, address] = await Promise.all([
    getDigestOverview(),
    email ? getAddressSends(email) : Promise.resolve(null),
  ]);

  return (
    <div>
      <PageTitle description="Daily and weekly digests: each is sent at most once per address and period; failures are retried with backoff, then given up and listed here.">
        Digests
      </PageTitle>

      <Section id="runs" title="Last runs" className="">
        <DataTable caption="Digest runs, newest first">
          <TableHead
            columns={[
              "Run",
              "Period",
              "Started",
              "Finished",
              { label: "Sent", numeric: true },
              { label: "Skipped", numeric: true },
              { label: "Failed", numeric: true },
            ]}
          />
          <tbody>
            {runs.length === 0 && <EmptyRow colSpan={7}>No digest has run yet.</EmptyRow>}
            {runs.map((r) => (
              <tr key={r.id}>
                <td className={td}>#{r.id}</td>
                <td className={td}>
                  {r.frequency} {r.period}
                </td>
                <td className={`${td} whitespace-nowrap`}>{formatUtc(r.startedAt)}</td>
                <td className={`${td} whitespace-nowrap`}>
                  {r.finishedAt ? formatUtc(r.finishedAt) : <Badge color="blue">running</Badge>}
                  {r.error && <div className="mt-1 max-w-xs text-xs text-red-700 dark:text-red-300">{r.error}</div>}
                </td>
                <td className={`${td} ${num}`}>{r.sentCount}</td>
                <td className={`${td} ${num}`}>{r.skippedCount}</td>
                <td className={`${td} ${num}`}>{r.failedCount}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </Section>

      <Section id="problems" title="Not delivered">
        <p className={`mb-3 ${ui.muted}`}>
          “failed” digests are retried by themselves; “gave up” ones wait for you. “outcome unknown” ones went out but the server never
          answered (a dropped connection, a crash): they may have arrived, so they are never sent again by themselves. Resend one only when
          you know it never arrived.
        </p>
        <DataTable caption="Digests not delivered, newest first">
          <TableHead columns={["Address", "Digest", "Status", { label: "Tries", numeric: true }, "Last error", "Action"]} />
          <tbody>
            {problems.length === 0 && <EmptyRow colSpan={6}>Every digest went out.</EmptyRow>}
            {problems.map((p) => (
              <tr key={p.sendId}>
                <td className={`${td} break-all`}>
                  <Link href={`/admin/digests?email=${encodeURIComponent(p.email)}#address`} className={ui.link}>
                    {p.email}
                  </Link>
                </td>
                <td className={td}>
                  {p.frequency} {p.period}
                </td>
                <td className={td}>
                  <SendStatus status={p.status} />
                  {p.status === "failed" && p.nextAttemptAt && (
                    <div className="mt-1 text-xs text-gray-500 dark:text-gray-400">next try {formatUtc(p.nextAttemptAt)}</div>
                  )}
                </td>
                <td className={`${td} ${num}`}>{p.attempts}</td>
                <td className={`${td} max-w-sm text-xs break-words`}>{p.lastError ?? "—"}</td>
                <td className={td}>
                  {waitsForAdmin(p.status) ? (
                    <ActionButton
                      action={retryDigestAction}
                      fields={{ sendId: p.sendId }}
                      label={p.status === "unknown" ? "Resend" : "Retry"}
                      srContext={`the ${p.frequency} digest ${p.period} to ${p.email}`}
                    />
                  ) : (
                    <span className="text-xs text-gray-500 dark:text-gray-400">retrying</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </Section>

      <Section id="paused" title="Paused addresses">
        <p className={`mb-3 ${ui.muted}`}>
          Paused after a hard bounce or a complaint: they get nothing until the address confirms its subscription again.
        </p>
        <DataTable caption="Paused addresses">
          <TableHead columns={["Address", "Why", "Since"]} />
          <tbody>
            {paused.length === 0 && <EmptyRow colSpan={3}>No paused addresses.</EmptyRow>}
            {paused.map((s) => (
              <tr key={s.id}>
                <td className={`${td} break-all`}>
                  <Link href={`/admin/digests?email=${encodeURIComponent(s.email)}#address`} className={ui.link}>
                    {s.email}
                  </Link>
                </td>
                <td className={`${td} text-xs`}>{s.pausedReason ?? "—"}</td>
                <td className={`${td} whitespace-nowrap`}>{formatUtc(s.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        <h3 className="mt-6 mb-2 font-semibold">Pause an address</h3>
        <ActionForm action={pauseAddressAction} submitLabel="Pause" variant="danger">
          <div className="min-w-56 flex-1">
            <label htmlFor="pause-email" className={ui.label}>
              Address
            </label>
            <input id="pause-email" name="email" type="email" required className={ui.field} />
          </div>
          <div className="min-w-56 flex-1">
            <label htmlFor="pause-reason" className={ui.label}>
              Reason
            </label>
            <input
              id="pause-reason"
              name="reason"
              required
              maxLength={1000}
              placeholder="complaint forwarded by the mail provider"
              className={ui.field}
            />
          </div>
        </ActionForm>
      </Section>

      <section id="address" aria-labelledby="address-heading" className={ui.section}>
        <h2 id="address-heading" className="mb-2 text-xl font-semibold">
          One address
        </h2>
        <form action="/admin/digests" className="flex flex-wrap items-end gap-2">
          <div className="min-w-64 flex-1">
            <label htmlFor="address-email" className={ui.label}>
              Subscriber&apos;s address
            </label>
            <input id="address-email" name="email" type="email" defaultValue={email} className={ui.field} />
          </div>
          <button type="submit" className={ui.primary}>
            Show sends
          </button>
        </form>
        {email && !address && <p className={`mt-3 ${ui.muted}`}>No subscription with this address.</p>}
        {address && (
          <div className="mt-4">
            <p className="mb-2 text-sm">
              <span className="font-medium">{address.subscription.email}</span>: {address.subscription.status},{" "}
              {address.subscription.frequency}
              {address.subscription.pausedReason && ` (paused: ${address.subscription.pausedReason})`}
            </p>
            <DataTable caption={`Digests sent to ${address.subscription.email}`}>
              <TableHead columns={["Digest", "Status", { label: "Tries", numeric: true }, "Sent", "Last error", "Action"]} />
              <tbody>
                {address.sends.length === 0 && <EmptyRow colSpan={6}>No digest for this address yet.</EmptyRow>}
                {address.sends.map((s) => (
                  <tr key={s.id}>
                    <td className={td}>
                      {s.frequency} {s.period}
                    </td>
                    <td className={td}>
                      <SendStatus status={s.status} />
                    </td>
                    <td className={`${td} ${num}`}>{s.attempts}</td>
                    <td className={`${td} whitespace-nowrap`}>{formatUtc(s.sentAt)}</td>
                    <td className={`${td} max-w-sm text-xs break-words`}>{s.lastError ?? "—"}</td>
                    <td className={td}>
                      {waitsForAdmin(s.status) && (
                        <ActionButton
                          action={retryDigestAction}
                          fields={{ sendId: s.id }}
                          label={s.status === "unknown" ? "Resend" : "Retry"}
                          srContext={`the ${s.frequency} digest ${s.period}`}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
        )}
      </section>
    </div>
  );
}
