"use client";

import { ErrorState } from "@/components/layout/error-state";

export default function PeriodError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorState error={error} retry={retry} what="this list of papers" />;
}
