import type { CSSProperties } from "react";

/**
 * Email styles: inline for the clients that drop `<style>` (Gmail's apps keep inline only), and a
 * dark-mode block that clients honouring `prefers-color-scheme` apply over them (Apple Mail,
 * Outlook for Mac, iOS); Outlook.com's own dark mode rewrites colours and is matched by
 * `[data-ogsc]`. Colours follow the site: gray text, amber accents.
 */
export const colors = {
  page: "#f3f4f6",
  card: "#ffffff",
  text: "#111827",
  muted: "#4b5563",
  faint: "#6b7280",
  rule: "#e5e7eb",
  link: "#b45309",
  accent: "#f59e0b",
};

export const darkModeCss = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .pb-page { background-color: #030712 !important; }
  .pb-card { background-color: #111827 !important; }
  .pb-text { color: #f3f4f6 !important; }
  .pb-muted { color: #d1d5db !important; }
  .pb-faint { color: #9ca3af !important; }
  .pb-link { color: #fbbf24 !important; }
  .pb-rule { border-color: #374151 !important; }
}
[data-ogsc] .pb-text { color: #f3f4f6 !important; }
[data-ogsc] .pb-muted { color: #d1d5db !important; }
[data-ogsc] .pb-link { color: #fbbf24 !important; }
`;

const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export const s = {
  body: { backgroundColor: colors.page, margin: 0, padding: "24px 0", fontFamily: font } satisfies CSSProperties,
  container: {
    backgroundColor: colors.card,
    maxWidth: "600px",
    margin: "0 auto",
    padding: "28px 28px 20px",
    borderRadius: "12px",
  } satisfies CSSProperties,
  brand: {
    color: colors.link,
    fontSize: "13px",
    fontWeight: 700,
    letterSpacing: "0.04em",
    textTransform: "uppercase",
    margin: "0 0 4px",
  } satisfies CSSProperties,
  h1: { color: colors.text, fontSize: "24px", lineHeight: "30px", fontWeight: 700, margin: "0 0 4px" } satisfies CSSProperties,
  sub: { color: colors.muted, fontSize: "15px", lineHeight: "22px", margin: "0 0 16px" } satisfies CSSProperties,
  paper: { padding: "16px 0", borderTop: `1px solid ${colors.rule}` } satisfies CSSProperties,
  rank: { color: colors.faint, fontSize: "13px", fontWeight: 600, margin: "0 0 2px" } satisfies CSSProperties,
  title: { color: colors.text, fontSize: "17px", lineHeight: "23px", fontWeight: 700, textDecoration: "none" } satisfies CSSProperties,
  meta: { color: colors.muted, fontSize: "13px", lineHeight: "19px", margin: "6px 0 0" } satisfies CSSProperties,
  abstract: { color: colors.text, fontSize: "14px", lineHeight: "21px", margin: "8px 0 0" } satisfies CSSProperties,
  links: { fontSize: "13px", lineHeight: "19px", margin: "8px 0 0", color: colors.faint } satisfies CSSProperties,
  link: { color: colors.link, textDecoration: "underline" } satisfies CSSProperties,
  text: { color: colors.text, fontSize: "15px", lineHeight: "23px", margin: "0 0 14px" } satisfies CSSProperties,
  button: {
    backgroundColor: colors.accent,
    color: "#111827",
    borderRadius: "8px",
    padding: "11px 20px",
    fontWeight: 700,
    fontSize: "15px",
    textDecoration: "none",
    display: "inline-block",
  } satisfies CSSProperties,
  hr: { borderColor: colors.rule, margin: "20px 0 12px" } satisfies CSSProperties,
  footer: { color: colors.faint, fontSize: "12px", lineHeight: "18px", margin: "0 0 6px" } satisfies CSSProperties,
};
