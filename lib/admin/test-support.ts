/**
 * Test support for the admin section: server actions and pages read the session from
 * `next/headers` cookies, which only exist inside a Next request. Test files mock that module
 * with `nextHeadersMock` and choose who is asking with `actAs`; the session itself is real
 * (a `sessions` row made by createSignedInUser), so the guards run exactly as in production.
 *
 *   vi.mock("next/headers", async () => (await import("@/lib/admin/test-support")).nextHeadersMock);
 *   vi.mock("next/cache", async () => (await import("@/lib/admin/test-support")).nextCacheMock);
 */
import type { TestUser } from "@/lib/test/users";

const state = { cookie: null as string | null, origin: "http://localhost" };

/** Who the next server action or page render runs as; null: signed out. */
export function actAs(user: TestUser | null) {
  state.cookie = user?.cookie ?? null;
}

function jar(): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (state.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) map.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return map;
}

export const nextHeadersMock = {
  cookies: async () => {
    const cookies = jar();
    return {
      get: (name: string) => (cookies.has(name) ? { name, value: cookies.get(name)! } : undefined),
      getAll: () => [...cookies].map(([name, value]) => ({ name, value })),
      has: (name: string) => cookies.has(name),
    };
  },
  headers: async () => new Headers({ host: "localhost", origin: state.origin, ...(state.cookie ? { cookie: state.cookie } : {}) }),
};

/** Revalidation needs Next's request store; in tests it is a no-op. */
export const nextCacheMock = {
  revalidatePath: () => {},
  revalidateTag: () => {},
  // Next's data cache exists only inside a Next server: here cached functions run every time.
  unstable_cache: <T>(fn: T) => fn,
  refresh: () => {},
};

/** What a page or action threw, as Next's control-flow errors name it. */
export function nextSignal(err: unknown): string {
  const digest = (err as { digest?: unknown })?.digest;
  if (typeof digest !== "string") return `error: ${err instanceof Error ? err.message : String(err)}`;
  if (digest.startsWith("NEXT_REDIRECT")) return `redirect ${digest.split(";")[2]}`;
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "not found";
  return digest;
}
