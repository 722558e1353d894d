import { periodRouteMetadata, periodRoutePage } from "@/components/papers/period-page";

// Cached and shared by every visitor, re-rendered in the background at most every 5 minutes: a
// month's order moves slowly, counts are filled in live after load, an ingest through this server
// refreshes it at once, and its render ranks every paper of the month (0.6-0.8 s at 1M papers,
// taken from the same cores as the readers': bench/README.md, Pages).
export const revalidate = 300;
export { generateStaticParams } from "@/components/papers/period-page";
export const generateMetadata = periodRouteMetadata("month");
export default periodRoutePage("month");
