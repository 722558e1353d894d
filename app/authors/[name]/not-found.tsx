import { ButtonLink } from "@/components/ui/button";
import { NotFoundState } from "@/components/ui/empty-state";

export default function AuthorNotFound() {
  return (
    <NotFoundState title="Author not found" actions={<ButtonLink href="/search">Search papers</ButtonLink>}>
      No paper on this server has an author by this exact name. Search for the name instead: it also finds spellings that differ slightly.
    </NotFoundState>
  );
}
