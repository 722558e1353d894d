// `npm start` (and the image's CMD): the production (standalone) server on PORT (default 3000).
// The standalone server runs from .next/standalone, which a rebuild wipes, so DATA_DIR is made
// absolute here. The image has the standalone files at its root: PAPERBOY_SERVER_JS says where.
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { publicAddress } from "./public-address.mjs";
import { refuseMalformedPath } from "./malformed-path.mjs";

// Links name AUTH_URL, never a request header: without it, listen on loopback only (see there).
const address = publicAddress(process.env);
if (address.error) {
  console.error(address.error);
  process.exit(1);
}
if (address.warning) console.warn(address.warning);

const server = path.resolve(process.env.PAPERBOY_SERVER_JS ?? ".next/standalone/server.js");
if (!existsSync(server)) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}
process.env.DATA_DIR = path.resolve(process.env.DATA_DIR ?? ".data");
process.env.PORT ??= "3000";
process.env.HOSTNAME = address.hostname;
process.env.NEXT_TELEMETRY_DISABLED = "1";

// Stamp each request with its TCP peer's address (lib/http/client-address.ts reads it), over
// any header of that name a client sent: Next keeps a client's X-Forwarded-For as it came.
const PEER_ADDRESS_HEADER = "x-paperboy-peer-address";
const originalCreateServer = http.createServer;
http.createServer = function createServer(...args) {
  const listenerAt = args.findIndex((arg) => typeof arg === "function");
  if (listenerAt >= 0) {
    const listener = args[listenerAt];
    args[listenerAt] = function stampPeer(req, res) {
      if (refuseMalformedPath(req, res)) return;
      req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
      return listener.call(this, req, res);
    };
  }
  return originalCreateServer.apply(this, args);
};

await import(server);
