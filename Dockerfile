# Production image: multi-stage, Next.js standalone output, runs as a non-root user.
#   docker build -t paperboy .
#   docker run -p 3000:3000 -e DATABASE_URL=... -e AUTH_SECRET=... -e INGEST_TOKEN=... paperboy
# Without DATABASE_URL it runs its own embedded Postgres under /data and generates its secrets
# there (mount a volume on /data). With DATABASE_URL, AUTH_SECRET and INGEST_TOKEN are required.

# 1. Dependencies (dev ones too: the build needs them). The lock file decides every version.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

# 2. Build: Prisma client, then `next build` (standalone) with its static assets copied in.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run db:generate && npm run build

# 3. Runtime: only the traced standalone server; the code is root-owned and read-only to the app.
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 DATA_DIR=/data
RUN groupadd --system --gid 10001 paperboy \
 && useradd --system --uid 10001 --gid paperboy --home-dir /data --no-create-home --shell /usr/sbin/nologin paperboy \
 && mkdir -p /data && chown paperboy:paperboy /data
COPY --from=build /app/.next/standalone ./
# The start script checks AUTH_URL against the listen address, stamps each request with its TCP
# peer (per-client limits) and answers 400 to malformed paths, as `npm start` does.
COPY --from=build /app/scripts/start.mjs /app/scripts/public-address.mjs /app/scripts/malformed-path.mjs ./scripts/
ENV PAPERBOY_SERVER_JS=/app/server.js
# Next writes its image and fetch caches here at run time (rendered pages stay in memory: isrFlushToDisk is off).
RUN mkdir -p .next/cache && chown paperboy:paperboy .next/cache
USER paperboy
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# server.js boots Paperboy (instrumentation.ts) and stops Postgres and the worker cleanly on SIGTERM.
# Without AUTH_URL the container refuses to start (it listens beyond loopback): compose sets it.
CMD ["node", "--max-old-space-size=1024", "scripts/start.mjs"]
