/**
 * What the thread calls a person: their name, or a stable pseudonym (never their address). Not
 * server-only, unlike the thread's queries: the job worker's reply emails use it too, and the
 * worker runs outside Next (boot.ts), where the server-only marker refuses to load.
 */
export function authorName(user: { id: string; name: string | null }): string {
  return user.name?.trim() || `reader-${user.id.slice(-6)}`;
}
