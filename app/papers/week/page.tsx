import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getLatestFeaturedDay } from "@/lib/data/papers";
import { isoWeekOf, todayUtc } from "@/lib/papers/dates";

/** `/papers/week`: the week of the latest day with papers. */
export default async function LatestWeekPage() {
  await connection();
  const day = (await getLatestFeaturedDay()) ?? todayUtc();
  redirect(`/papers/week/${isoWeekOf(day)}`);
}
