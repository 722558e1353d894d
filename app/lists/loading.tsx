import { ListPageSkeleton } from "@/components/papers/paper-list-skeleton";

export default function Loading() {
  return <ListPageSkeleton />;
}
