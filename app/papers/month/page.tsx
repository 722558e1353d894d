import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getLatestFeaturedDay } from "@/lib/data/papers";
import { monthOf, todayUtc } from "@/lib/papers/dates";

/** `/papers/month`: the month of the latest day with papers. */
export default async function LatestMonthPage() {
  await connection();
  const day = (await getLatestFeaturedDay()) ?? todayUtc();
  redirect(`/papers/month/${monthOf(day)}`);
}
