import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { NotFoundState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <NotFoundState
      title="Page not found"
      actions={
        <>
          <ButtonLink href="/">Today&apos;s papers</ButtonLink>
          <ButtonLink href="/search" variant="secondary">
            Search
          </ButtonLink>
        </>
      }
    >
      There is nothing at this address. It may have been mistyped, or the paper, author or organization it names is not on this server.
    </NotFoundState>
  );
}
