import { NoSuchPeriod } from "@/components/papers/no-such-period";

export default function DayNotFound() {
  return <NoSuchPeriod unit="day" format="YYYY-MM-DD" />;
}
