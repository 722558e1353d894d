import Link from "next/link";
import { requireAdminPage } from "@/lib/auth/admin";
import { getAdminOverview } from "@/lib/admin/overview";
import { formatUtc } from "@/components/admin/format";
import { PageTitle } from "@/components/admin/ui";
import { ui } from "@/components/ui/styles";

function Tile({ href, title, lines }: { href: string; title: string; lines: { text: string; alert?: boolean }[] }) {
  return (
    <li>
      <Link
        href={href}
        className="block h-full rounded-lg border border-gray-200 p-4 hover:border-amber-400 hover:bg-gray-50 dark:border-gray-800 dark:hover:bg-gray-900"
      >
        <h2 className="font-semibold">{title}</h2>
        <ul className="mt-2 space-y-0.5 text-sm">
          {lines.map((l) => (
            <li key={l.text} className={l.alert ? "font-medium text-red-700 dark:text-red-300" : "text-gray-600 dark:text-gray-400"}>
              {l.text}
            </li>
          ))}
        </ul>
      </Link>
    </li>
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** The admin home: what needs attention, and the way to each part. */
export default async function AdminHome() {
  const admin = await requireAdminPage("/admin");
  const o = await getAdminOverview();
  return (
    <div>
      <PageTitle description={<>Signed in as {admin.email}. Admins are the addresses listed in ADMIN_EMAILS.</>}>Admin</PageTitle>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Tile
          href="/admin/feeds"
          title="Feeds"
          lines={[
            { text: plural(o.feeds.total, "feed") },
            { text: `${o.feeds.paused} paused` },
            { text: `${plural(o.feeds.failing, "feed")} failing`, alert: o.feeds.failing > 0 },
          ]}
        />
        <Tile
          href="/admin/runs"
          title="Ingest runs"
          lines={[
            { text: `${plural(o.runs.last24h, "run")} in the last 24 h` },
            { text: `${o.runs.failedLast24h} failed in the last 24 h`, alert: o.runs.failedLast24h > 0 },
          ]}
        />
        <Tile
          href="/admin/papers"
          title="Papers"
          lines={[
            { text: plural(o.papers.approximateTotal, "paper") },
            { text: `${o.papers.hidden} hidden, of which ${o.papers.merged} merged` },
          ]}
        />
        <Tile
          href="/admin/digests"
          title="Digests"
          lines={[
            { text: `${plural(o.digests.failed, "send")} waiting to be retried`, alert: o.digests.failed > 0 },
            { text: `${plural(o.digests.gaveUp, "send")} given up`, alert: o.digests.gaveUp > 0 },
            { text: `${plural(o.digests.unknown, "send")} with an unknown outcome`, alert: o.digests.unknown > 0 },
            { text: `${plural(o.digests.paused, "address", "addresses")} paused` },
          ]}
        />
        <Tile
          href="/admin/audit"
          title="Audit log"
          lines={[
            {
              text: o.audit.last
                ? `Last: ${o.audit.last.action} by ${o.audit.last.actorEmail}, ${formatUtc(o.audit.last.createdAt)}`
                : "No admin actions yet",
            },
          ]}
        />
      </ul>
      {o.runs.lastFailedId && (
        <p className={`mt-6 ${ui.muted}`}>
          Latest failed run:{" "}
          <Link href={`/admin/runs/${o.runs.lastFailedId}`} className={ui.link}>
            #{o.runs.lastFailedId}
          </Link>
        </p>
      )}
    </div>
  );
}
