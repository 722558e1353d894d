import { ButtonLink } from "@/components/ui/button";
import { NotFoundState } from "@/components/ui/empty-state";

export default function SharedListNotFound() {
  return (
    <NotFoundState title="Shared list not found" actions={<ButtonLink href="/">Today&apos;s papers</ButtonLink>}>
      The link is wrong, or its owner has stopped sharing the list.
    </NotFoundState>
  );
}
