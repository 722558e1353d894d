import type { Metadata } from "next";
import { PeriodPage, periodMetadata, type PeriodParams } from "@/components/papers/period-page";

/**
 * The home page: the latest day's papers, trending first. Cached and shared by every visitor,
 * re-rendered in the background at most once a minute. With a list option in the address
 * (`/?sort=upvotes&page=2`) the request is rewritten to app/period/latest/… instead (see
 * lib/http/period-routes.ts), so each variant is cached on its own path.
 */
export const revalidate = 60;

const defaults: PeriodParams = { sort: "trending", page: "1", cal: "-" };

export function generateMetadata(): Promise<Metadata> {
  return periodMetadata("latest", Promise.resolve(defaults));
}

export default function HomePage() {
  return <PeriodPage kind="latest" params={Promise.resolve(defaults)} />;
}
