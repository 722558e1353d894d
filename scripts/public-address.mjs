// Where `npm start` may listen, given AUTH_URL (see scripts/start.mjs). Plain JavaScript so the
// start script can use it without a build; tested in public-address.test.ts.

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost", "::ffff:127.0.0.1"]);

/** Whether a listen address only accepts connections from this machine. */
export function isLoopback(hostname) {
  const h = String(hostname)
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  return LOOPBACK.has(h) || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Decides the listen address and says what is wrong, from AUTH_URL, HOSTNAME and PORT.
 * Every absolute link the app makes (sign-in links above all) names AUTH_URL, or
 * http://localhost:PORT without it, never a request header; so a server other machines can
 * reach must be told its public address, or the links it mails lead nowhere (or, were they
 * taken from headers, to whoever forged them).
 *   - AUTH_URL set: it must be a bare http(s) origin; listen on HOSTNAME, default 0.0.0.0.
 *   - AUTH_URL unset: listen on loopback only (HOSTNAME default 127.0.0.1) and warn; a
 *     HOSTNAME beyond loopback is refused.
 * @returns {{ hostname?: string, error?: string, warning?: string }}
 */
export function publicAddress(env) {
  const port = env.PORT || "3000";
  const authUrl = env.AUTH_URL?.trim();
  if (authUrl) {
    let url;
    try {
      url = new URL(authUrl);
    } catch {
      return { error: `AUTH_URL is not a URL: ${authUrl}` };
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      return { error: `AUTH_URL must start with https:// (or http://), not ${url.protocol}` };
    if (url.username || url.password || url.search || url.hash || url.pathname !== "/") {
      return {
        error: `AUTH_URL must be the site's origin only, like https://papers.example.org (Paperboy is served at the root of its host), not ${authUrl}`,
      };
    }
    return { hostname: env.HOSTNAME || "0.0.0.0" };
  }
  const hostname = env.HOSTNAME || "127.0.0.1";
  if (!isLoopback(hostname)) {
    return {
      error:
        `Refusing to listen on ${hostname} without AUTH_URL. Set AUTH_URL to the address people use ` +
        `(e.g. AUTH_URL=https://papers.example.org): sign-in links and every other absolute link are built from it. ` +
        `Behind a reverse proxy also set TRUSTED_PROXY_HOPS (usually 1).`,
    };
  }
  return {
    hostname,
    warning: `AUTH_URL is not set: listening on ${hostname} only, and links (sign-in emails included) say http://localhost:${port}. Set AUTH_URL to serve at another address.`,
  };
}
