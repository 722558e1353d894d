import { expect, test } from "./helpers";

/**
 * A malformed percent-encoding in a path or a cookie is the client's mistake: 400 or 404, never a
 * 500 (a bare decodeURIComponent throws URIError on these). Fetched raw, as a crawler or a
 * truncated link would send them.
 */
const BAD = ["%E0%A4%A", "%zz", "%", "%E0"];
/** Well-formed, but Next hands the route a param holding a lone "%" (`%25zz` becomes `%zz`): a route decoding it again must not throw. */
const ESCAPED_PERCENT = ["%25zz", "%25E0%25A4%25A", "%25"];
const PATHS = [
  "/papers/{}",
  "/papers/{}.md",
  "/authors/{}",
  "/orgs/{}",
  "/api/papers/{}",
  "/lists/shared/{}",
  "/lists/shared/{}/feed.xml",
  "/unsubscribe/{}",
  "/subscribe/confirm/{}",
  "/period/day/{}/trending/1/-",
];

for (const template of PATHS) {
  test(`GET ${template} with malformed escapes is a 4xx`, async ({ request }) => {
    for (const bad of BAD) {
      const path = template.replace("{}", bad);
      const res = await request.get(path, { maxRedirects: 0 });
      expect([400, 404], `${path} answered ${res.status()}`).toContain(res.status());
    }
  });
}

for (const template of ["/papers/{}", "/papers/{}.md", "/authors/{}", "/orgs/{}", "/api/papers/{}", "/period/day/{}/trending/1/-"]) {
  test(`GET ${template} with an escaped percent sign is a 4xx`, async ({ request }) => {
    for (const escaped of ESCAPED_PERCENT) {
      const path = template.replace("{}", escaped);
      const res = await request.get(path, { maxRedirects: 0 });
      expect([400, 404], `${path} answered ${res.status()}`).toContain(res.status());
    }
  });
}

test("POST /api/unsubscribe/{token} with malformed escapes is a 4xx", async ({ request }) => {
  for (const bad of BAD) {
    const res = await request.post(`/api/unsubscribe/${bad}`, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 });
    expect([400, 404], `${bad} answered ${res.status()}`).toContain(res.status());
  }
});

test("a malformed session cookie is no session, not an error", async ({ request }) => {
  for (const path of ["/", "/profile", "/api/me/state", "/lists"]) {
    const res = await request.get(path, { headers: { cookie: "authjs.session-token=%E0%A4%A" }, maxRedirects: 0 });
    expect(res.status(), `${path} answered ${res.status()}`).toBeLessThan(500);
  }
});
