import { ButtonLink } from "@/components/ui/button";
import { NotFoundState } from "@/components/ui/empty-state";

export default function OrgNotFound() {
  return (
    <NotFoundState title="Organization not found" actions={<ButtonLink href="/">Today&apos;s papers</ButtonLink>}>
      No paper on this server comes from an organization with this handle. Handles are as on Hugging Face, for example{" "}
      <code className="rounded bg-gray-100 px-1 dark:bg-gray-800">nvidia</code>.
    </NotFoundState>
  );
}
