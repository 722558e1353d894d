import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { sendMagicLinkAction, signInWithGitHubAction } from "@/app/signin/actions";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { currentUser } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

const errors: Record<string, string> = {
  InvalidEmail: "That does not look like an email address. Check it and try again.",
  TooMany: "We have sent several links to that address, or from your network, in the last hour. Use the latest one, or try again later.",
  EmailSignin: "We could not send the email just now. Try again in a minute.",
};

interface Props {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}

/** Sign in by email link (always) or GitHub (when configured). Already signed in: straight on. */
export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? errors[params.error] : undefined;
  const github = Boolean(env().AUTH_GITHUB_ID && env().AUTH_GITHUB_SECRET);

  return (
    <div className="mx-auto max-w-md py-6">
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      <p className="mt-2 text-gray-600 dark:text-gray-300">Upvote papers, keep reading lists, and choose what lands in your inbox.</p>
      {error && (
        <p
          role="alert"
          className="mt-4 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
        >
          {error}
        </p>
      )}
      <form action={sendMagicLinkAction} className="mt-6 space-y-3">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <label htmlFor="signin-email" className="block text-sm font-medium">
          Email address
        </label>
        <input
          id="signin-email"
          name="email"
          type="email"
          required
          autoComplete="email"
          autoFocus
          placeholder="you@example.org"
          className="w-full rounded-lg border border-gray-300 bg-white px-3 py-2 text-base shadow-sm focus:border-amber-500 focus:ring-2 focus:ring-amber-500/40 focus:outline-none dark:border-gray-700 dark:bg-gray-900"
        />
        <Button type="submit" size="lg" className="w-full">
          Email me a sign-in link
        </Button>
      </form>
      {github && (
        <>
          <p className="my-5 text-center text-sm text-gray-500 dark:text-gray-400">or</p>
          <form action={signInWithGitHubAction}>
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <Button type="submit" variant="secondary" size="lg" className="w-full">
              Continue with GitHub
            </Button>
          </form>
        </>
      )}
      <p className="mt-6 text-xs text-gray-500 dark:text-gray-400">
        No password: we email you a link that signs you in once. Your first sign-in creates your account.
      </p>
    </div>
  );
}
