# Production image: multi-stage, standalone Next.js output, runs as a non-root user.
# Build: docker build -t paperboy .   Run: docker run -p 3000:3000 -e DATABASE_URL=... -e INGEST_TOKEN=... paperboy
# Without DATABASE_URL it runs its own embedded Postgres under /data (mount a volume there).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run db:generate && npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 DATA_DIR=/data
RUN groupadd --system paperboy && useradd --system --gid paperboy --home /app paperboy \
 && mkdir -p /data && chown paperboy:paperboy /data
COPY --from=build --chown=paperboy:paperboy /app/.next/standalone ./
USER paperboy
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]
