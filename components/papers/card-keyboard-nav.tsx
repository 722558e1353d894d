"use client";

import { useEffect, useRef } from "react";
import { isPlainKey, isTypingTarget } from "@/components/layout/is-typing";

export interface CardKeyboardNavProps {
  children: React.ReactNode;
  className?: string;
}

/**
 * `j` / `k` move keyboard focus to the next / previous paper card's title link (Enter then
 * opens it), unless the key is typed into a field. One per page: it listens on the document.
 */
export function CardKeyboardNav({ children, className }: CardKeyboardNavProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if ((e.key !== "j" && e.key !== "k") || !isPlainKey(e) || e.shiftKey || isTypingTarget(e.target)) return;
      const links = Array.from(ref.current?.querySelectorAll<HTMLAnchorElement>("[data-card] a[data-card-link]") ?? []);
      if (links.length === 0) return;
      const current = links.findIndex((l) => l.closest("[data-card]")?.contains(document.activeElement));
      const next = current < 0 ? 0 : Math.max(0, Math.min(links.length - 1, current + (e.key === "j" ? 1 : -1)));
      e.preventDefault();
      links[next].focus({ preventScroll: true });
      links[next].closest("[data-card]")?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
    document.addEventListener("keydown", onKeyDown);
    // Marks j/k as live (see SearchBox): end-to-end tests wait for it before pressing keys.
    if (ref.current) ref.current.dataset.keys = "ready";
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <div ref={ref} className={className}>
      {children}
    </div>
  );
}
