import type { AdminPaper } from "@/lib/admin/papers";
import { Badge } from "@/components/admin/ui";

/** Visible, hidden, or merged into another paper. */
export function PaperStatus({ paper }: { paper: Pick<AdminPaper, "hiddenAt" | "mergedIntoId"> }) {
  if (paper.mergedIntoId) return <Badge color="amber">merged into #{paper.mergedIntoId}</Badge>;
  if (paper.hiddenAt) return <Badge color="red">hidden</Badge>;
  return <Badge color="green">visible</Badge>;
}

/** How an admin names a paper: its arXiv id, else `local-<id>`. */
export function paperLabel(p: Pick<AdminPaper, "id" | "arxivId">): string {
  return p.arxivId ?? `local-${p.id}`;
}
