import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Subscribed", robots: { index: false } };

interface ConfirmedPageProps {
  searchParams: Promise<{ frequency?: string | string[] }>;
}

/** After the confirmation button. */
export default async function ConfirmedPage({ searchParams }: ConfirmedPageProps) {
  const { frequency } = await searchParams;
  const weekly = frequency === "weekly";
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight">You are subscribed</h1>
      <p className="mt-3 text-gray-700 dark:text-gray-300">
        {weekly
          ? "Your first digest arrives on Monday morning (01:00 UTC), with the papers that trended the week before."
          : "Your first digest arrives tomorrow morning (01:00 UTC), with the papers that trended the day before."}{" "}
        Every digest has a link to unsubscribe.
      </p>
      <p className="mt-3 text-gray-700 dark:text-gray-300">
        To narrow it to keywords, authors, organizations or arXiv categories,{" "}
        <Link href="/settings/email" className="font-medium underline">
          sign in and open your digest settings
        </Link>
        .
      </p>
      <p className="mt-6">
        <ButtonLink href="/" className="inline-block">
          Back to the papers
        </ButtonLink>
      </p>
    </div>
  );
}
