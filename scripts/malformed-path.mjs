// Next 16 answers a dynamic route whose path holds a malformed percent-encoding (`/papers/%zz`,
// `/authors/%E0%A4%A`, a lone `%`) with a 500: it fails to decode the params, then fails to render
// its own /400 page. Such a path is the client's mistake, so `npm start` refuses it first, with a
// 400, before Next sees it. The query string is left alone: Next parses a malformed one fine.

/** True when the path of a request target (`/a/b?c`) does not percent-decode. */
export function hasMalformedPath(target) {
  const query = target.indexOf("?");
  const path = query >= 0 ? target.slice(0, query) : target;
  if (!path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** Answers the request with a 400 when its path is malformed; returns whether it did. */
export function refuseMalformedPath(req, res) {
  if (!hasMalformedPath(req.url ?? "/")) return false;
  res.statusCode = 400;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.end("Bad request: the address holds a malformed percent-encoding.\n");
  return true;
}
