"use client";

import "./globals.css";
import { Button } from "@/components/ui/button";

/** Replaces the root layout when it fails itself: a plain page that can retry. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="bg-white font-sans text-gray-900 dark:bg-gray-950 dark:text-gray-100">
        <main className="mx-auto max-w-xl px-4 py-16 text-center">
          <h1 className="text-2xl font-bold">Paperboy is not available right now</h1>
          <p className="mt-2 text-gray-600 dark:text-gray-400">
            The server could not build this page. It may be restarting or its database unreachable; try again in a moment.
          </p>
          <Button onClick={() => retry()} className="mt-6">
            Try again
          </Button>
        </main>
      </body>
    </html>
  );
}
