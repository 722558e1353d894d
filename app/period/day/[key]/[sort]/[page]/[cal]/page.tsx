import { periodRouteMetadata, periodRoutePage } from "@/components/papers/period-page";

// Cached and shared by every visitor, re-rendered in the background at most once a minute.
export const revalidate = 60;
export { generateStaticParams } from "@/components/papers/period-page";
export const generateMetadata = periodRouteMetadata("day");
export default periodRoutePage("day");
