/**
 * `decodeURIComponent` that never throws. A malformed escape (`%zz`, `%E0%A4%A`, a lone `%`) in a
 * path or a cookie is the client's mistake: the text stays as it came, so it finds nothing (a 404)
 * instead of a URIError becoming a 500.
 */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
