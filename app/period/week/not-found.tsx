import { NoSuchPeriod } from "@/components/papers/no-such-period";

export default function WeekNotFound() {
  return <NoSuchPeriod unit="week" format="YYYY-Www, e.g. 2026-W26" />;
}
