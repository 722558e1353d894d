"use client";

import { ErrorState } from "@/components/layout/error-state";

export default function MonthlyError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorState error={error} retry={retry} what="the papers of this month" />;
}
