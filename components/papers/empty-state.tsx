// Moved to components/ui; kept while app/search (another branch's) still imports it from here.
export { EmptyState, type EmptyStateProps } from "@/components/ui/empty-state";
