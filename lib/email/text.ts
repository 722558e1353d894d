/** Cuts text at a word boundary near `max` characters, adding an ellipsis; whitespace is collapsed. */
export function clipText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}

/** "Ada Lovelace, Alan Turing and 3 others": at most `shown` names. */
export function authorLine(names: string[], total: number, shown = 4): string {
  const count = Math.max(total, names.length);
  if (!names.length) return count ? `${count} author${count === 1 ? "" : "s"}` : "";
  const head = names.slice(0, shown);
  const more = count - head.length;
  if (more <= 0) return head.length > 1 ? `${head.slice(0, -1).join(", ")} and ${head.at(-1)}` : head[0];
  return `${head.join(", ")} and ${more} other${more === 1 ? "" : "s"}`;
}

/** The address shown back to the person, partly hidden: `a***@example.org`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${email[0]}***${email.slice(at)}`;
}
