# syntax=docker/dockerfile:1
# Landslide's container images, as the task definitions in infra/ expect them (docs/operations.md §3):
#   docker build --target api       -t <registry>/api:<tag> .        the four services (one image, a command each)
#   docker build --target voter-web -t <registry>/voter-web:<tag> .  Next.js standalone server on :3000
#   docker build --target console   -t <registry>/console:<tag> .    Next.js standalone server on :3001
# Build for the services' cpuArchitecture (ARM64 by default): add --platform linux/arm64.
# The API image needs Amazon RDS's CA bundle (sslmode=verify-full): the release pipeline places
# https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem at docker/rds-global-bundle.pem
# before building (the build itself does not download it).
# What the API image weighs: npm run image:report -w @landslide/api (docker/README.md).
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- The web apps: Next.js standalone output ---------------------------------------------------

# Dependencies first, from the manifests alone, so a source change reuses this layer.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/cli/package.json apps/cli/
COPY apps/console/package.json apps/console/
COPY apps/voter-web/package.json apps/voter-web/
COPY packages/api/package.json packages/api/
COPY packages/config/package.json packages/config/
COPY packages/local-stack/package.json packages/local-stack/
COPY packages/ui/package.json packages/ui/
COPY packages/vote-engine/package.json packages/vote-engine/
COPY infra/package.json infra/
COPY e2e/package.json e2e/
COPY tooling/eslint/package.json tooling/eslint/
COPY tooling/prettier/package.json tooling/prettier/
RUN npm ci --no-audit --no-fund

FROM deps AS source
COPY . .

# The web apps: standalone output (packages/ui/src/next-config.ts), only the files server.js needs.
FROM source AS voter-web-build
ENV NEXT_TELEMETRY_DISABLED=1 LANDSLIDE_NEXT_OUTPUT=standalone
RUN npm run build -w apps/voter-web

FROM source AS console-build
ENV NEXT_TELEMETRY_DISABLED=1 LANDSLIDE_NEXT_OUTPUT=standalone
RUN npm run build -w apps/console

FROM ${NODE_IMAGE} AS voter-web
WORKDIR /app
ENV NODE_ENV=production HOSTNAME=0.0.0.0 PORT=3000
COPY --from=voter-web-build --chown=node:node /app/apps/voter-web/.next/standalone ./
COPY --from=voter-web-build --chown=node:node /app/apps/voter-web/.next/static ./apps/voter-web/.next/static
USER node
EXPOSE 3000
CMD ["node", "apps/voter-web/server.js"]

FROM ${NODE_IMAGE} AS console
WORKDIR /app
ENV NODE_ENV=production HOSTNAME=0.0.0.0 PORT=3001
COPY --from=console-build --chown=node:node /app/apps/console/.next/standalone ./
COPY --from=console-build --chown=node:node /app/apps/console/.next/static ./apps/console/.next/static
USER node
EXPOSE 3001
CMD ["node", "apps/console/server.js"]

# ---- API: the services bundled (packages/api/build.mjs), on the bare Node image ----------------
# Last, so that a build without --target is the API image, as before.

# The repository cut down to @landslide/api and the workspaces it uses (turbo prune): json/ holds
# their manifests, full/ their sources. turbo is the lockfile's version, installed on its own.
FROM ${NODE_IMAGE} AS api-prune
WORKDIR /repo
COPY package-lock.json ./
RUN npm install --global --no-audit --no-fund "turbo@$(node -p 'require("./package-lock.json").packages["node_modules/turbo"].version')"
COPY . .
RUN turbo prune @landslide/api --docker --out-dir /pruned

# Install from the manifests alone (a source change reuses this layer), then bundle. Development
# dependencies included: esbuild is one. No install scripts: the bundle needs none of them.
FROM ${NODE_IMAGE} AS api-build
WORKDIR /repo
COPY --from=api-prune /pruned/json/ ./
COPY --from=api-prune /pruned/package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY --from=api-prune /pruned/full/ ./
COPY tsconfig.base.json ./
RUN node packages/api/build.mjs

# The bundle holds every package it runs (nothing is external but pg's optional native binding,
# which is never loaded), so the image carries no node_modules, no npm install and no tsx: the
# Node image and packages/api/dist (the four entry points, their shared chunks, source maps and
# licences), root-owned and read-only to the service. Should build.mjs ever keep a package
# external, install the pruned production dependencies here (npm ci --omit=dev of api-prune's
# json/ and lockfile) and copy their node_modules too. The task definition gives each service its
# command (infra/lib/service-catalog.ts) and an entry point that writes the keys file and
# DATABASE_URL from Secrets Manager into /tmp before exec'ing it.
FROM ${NODE_IMAGE} AS api
WORKDIR /app
ENV NODE_ENV=production NODE_EXTRA_CA_CERTS=/etc/ssl/certs/rds-global-bundle.pem
COPY docker/rds-global-bundle.pem /etc/ssl/certs/rds-global-bundle.pem
COPY --from=api-build /repo/packages/api/dist/ ./packages/api/dist/
USER node
EXPOSE 4000 4001 4002 4003
CMD ["node", "--enable-source-maps", "packages/api/dist/vote-api.mjs"]
