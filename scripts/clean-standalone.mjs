// Before `next build`: a standalone server with isrFlushToDisk on (before it was turned off in
// next.config.ts) wrote rendered pages under <distDir>/standalone/<distDir>/server/route-cache,
// and a rebuild leaves them there. A new build would then serve the old build's pages, which
// name scripts and styles it no longer has. Nothing else of the old standalone folder is needed.
import { rmSync } from "node:fs";
import path from "node:path";

const distDir = process.env.NEXT_DIST_DIR ?? ".next";
rmSync(path.join(distDir, "standalone"), { recursive: true, force: true });
