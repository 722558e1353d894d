import { ButtonLink } from "@/components/ui/button";
import { NotFoundState } from "@/components/ui/empty-state";

/** Shown for a list that does not exist and, alike, for someone else's. */
export default function ListNotFound() {
  return (
    <NotFoundState title="List not found" actions={<ButtonLink href="/lists">Your reading lists</ButtonLink>}>
      There is no list of yours at this address. If someone shared a list with you, open the share link they sent.
    </NotFoundState>
  );
}
