import { ButtonLink } from "@/components/ui/button";
import { NotFoundState } from "@/components/ui/empty-state";

export default function PaperNotFound() {
  return (
    <NotFoundState
      title="Paper not found"
      actions={
        <>
          <ButtonLink href="/search">Search papers</ButtonLink>
          <ButtonLink href="/" variant="secondary">
            Today&apos;s papers
          </ButtonLink>
        </>
      }
    >
      No paper with this id has been ingested on this server. Check the arXiv id (for example{" "}
      <code className="rounded bg-gray-100 px-1 dark:bg-gray-800">2406.12345</code>), or look for it by its title.
    </NotFoundState>
  );
}
