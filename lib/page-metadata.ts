import type { Metadata } from "next";

export const SITE_NAME = "Paperboy";

/** RSS and Atom feeds of the daily list, advertised on every page with `<link rel="alternate">`. */
export const dailyFeeds = {
  "application/rss+xml": [{ url: "/feed.xml", title: "Paperboy: daily papers (RSS)" }],
  "application/atom+xml": [{ url: "/atom.xml", title: "Paperboy: daily papers (Atom)" }],
};

export interface PageMetadataOptions {
  /** Without the site name: the layout's template appends it to `<title>`. */
  title: string;
  description: string;
  /** Site-relative canonical path, resolved against the layout's metadataBase. */
  path: string;
  type?: "website" | "article";
  image?: string | null;
  /** Feeds for this page; the daily feeds when left out. */
  feeds?: Record<string, { url: string; title: string }[]>;
  /** Extra Open Graph fields for articles. */
  publishedTime?: string;
  authors?: string[];
}

/** `<title>`, description, canonical URL, feed links and Open Graph tags for one page. */
export function pageMetadata(o: PageMetadataOptions): Metadata {
  const description = clip(o.description, 300);
  return {
    title: o.title,
    description,
    alternates: { canonical: o.path, types: o.feeds ?? dailyFeeds },
    openGraph: {
      siteName: SITE_NAME,
      title: o.title,
      description,
      url: o.path,
      type: o.type ?? "website",
      ...(o.image ? { images: [{ url: o.image }] } : {}),
      ...(o.type === "article" ? { publishedTime: o.publishedTime, authors: o.authors } : {}),
    },
    twitter: { card: o.image ? "summary_large_image" : "summary", title: o.title, description },
  };
}

/** Cuts at a word boundary and adds an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
