# syntax=docker/dockerfile:1
# Stage 1: install everything, check the types and compile to dist/, so a broken tree never becomes an image.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# patches/ fixes bugs of dependencies found here (applied by `postinstall`; see patches/README.md).
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY flows ./flows
COPY migrations ./migrations
COPY locales ./locales
COPY test ./test
COPY bench ./bench
RUN npm run typecheck && npm run build

# Stage 2: production dependencies and the compiled build only (no TypeScript at run time), run as the
# unprivileged `node` user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# The operator commands run the build here: `npm run migrate` becomes `node dist/src/cli/migrate.js`.
RUN node -e 'const fs=require("fs");const p=JSON.parse(fs.readFileSync("package.json"));for(const k in p.scripts)p.scripts[k]=p.scripts[k].replace(/^tsx (src\/\S+)\.ts/,"node dist/$1.js");fs.writeFileSync("package.json",JSON.stringify(p,null,2)+"\n")'
COPY --from=build /app/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data && chmod 700 /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Semi-spaces of 2 MB instead of 16: the process holds little between updates (the conversations live
# in Redis). Optimizing compiles run on the main thread: on V8's worker threads their scratch memory
# stayed behind in those threads' malloc arenas (about 10 MB resident), and throughput did not change.
# Together they keep the process near 95 MB with 10,000 conversations (bench/README.md,
# rss_mb_10k_conversations).
CMD ["node", "--max-semi-space-size=2", "--no-concurrent-recompilation", "dist/src/main.js"]
