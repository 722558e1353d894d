import type { Metadata } from "next";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

/** Where Auth.js sends the visitor after mailing the link. */
export default function CheckEmailPage() {
  return (
    <div className="mx-auto max-w-md py-6">
      <h1 className="text-3xl font-bold tracking-tight">Check your email</h1>
      <p className="mt-3 text-gray-700 dark:text-gray-300">
        We sent you a link to sign in. Open it in this browser within the hour; it works once. If nothing arrives in a few minutes, look in
        your spam folder or{" "}
        <a href="/signin" className="font-medium underline">
          ask for another link
        </a>
        .
      </p>
    </div>
  );
}
