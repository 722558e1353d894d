import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Sign-in problem", robots: { index: false } };

const messages: Record<string, string> = {
  Verification: "This sign-in link has expired or has been used already. Ask for a new one.",
  AccessDenied: "This account may not sign in here.",
  Configuration: "Sign-in is not set up correctly on this server. Tell whoever runs it.",
};

interface Props {
  searchParams: Promise<{ error?: string | string[] }>;
}

/** Auth.js's errors, in words a person can act on. */
export default async function SignInErrorPage({ searchParams }: Props) {
  const { error } = await searchParams;
  const message = (typeof error === "string" && messages[error]) || "Something went wrong while signing you in. Try again.";
  return (
    <div className="mx-auto max-w-md py-6">
      <h1 className="text-3xl font-bold tracking-tight">Could not sign you in</h1>
      <p role="alert" className="mt-3 text-gray-700 dark:text-gray-300">
        {message}
      </p>
      <p className="mt-6">
        <ButtonLink href="/signin" className="inline-block">
          Sign in again
        </ButtonLink>
      </p>
    </div>
  );
}
