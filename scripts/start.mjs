// `npm start`: the production (standalone) server on PORT (default 3000). The standalone
// server runs from .next/standalone, which a rebuild wipes, so DATA_DIR is made absolute here.
import { existsSync } from "node:fs";
import path from "node:path";

const server = path.resolve(".next/standalone/server.js");
if (!existsSync(server)) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}
process.env.DATA_DIR = path.resolve(process.env.DATA_DIR ?? ".data");
process.env.PORT ??= "3000";
process.env.HOSTNAME ??= "0.0.0.0";
process.env.NEXT_TELEMETRY_DISABLED = "1";
await import(server);
