import { NoSuchPeriod } from "@/components/papers/no-such-period";

export default function MonthNotFound() {
  return <NoSuchPeriod unit="month" format="YYYY-MM" />;
}
