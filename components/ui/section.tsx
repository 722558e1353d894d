import type { ReactNode } from "react";
import { ui } from "@/components/ui/styles";

/** A titled part of a page: a region named by its heading, so screen readers can jump to it. */
export function Section({
  id,
  title,
  children,
  className = ui.section,
}: {
  id: string;
  title: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="mb-2 text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
