/**
 * Runs once per server process (next dev, next start, standalone server.js) before the
 * first request: starts the database, mail and job worker (see lib/server/boot.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootOrExit } = await import("./lib/server/boot");
  await bootOrExit();
}
