# syntax=docker/dockerfile:1
#
# The notifications service, built and released on its own, from the repository root:
#   docker build -f docker/notifications.Dockerfile -t aftersales/notifications .
# Needs MONGO_URL and KAFKA_BROKERS (see docker/compose.yaml).
# The image holds the service's build artifact only (`nx build notifications`: dist/apps/notifications, see
# docker/README.md), run with plain Node; no TypeScript, no SWC, no other service's code.

# Build stage: the repository's locked toolchain turns the app and the libs it imports into JavaScript.
FROM node:20-slim AS build
WORKDIR /src
ENV NPM_CONFIG_UPDATE_NOTIFIER=false
# Install scripts are skipped: the native SWC binding is a prebuilt optional package.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json ./
COPY tools/build/ tools/build/
COPY libs/ libs/
COPY apps/notifications/ apps/notifications/
RUN node tools/build/build.mjs notifications

# Runtime stage: the artifact and the npm packages of its pruned manifest and lock.
FROM node:20-slim

ENV NODE_ENV=production \
    PORT=4009 \
    NPM_CONFIG_UPDATE_NOTIFIER=false

WORKDIR /app

COPY --from=build /src/dist/apps/notifications/package.json /src/dist/apps/notifications/package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /src/dist/apps/notifications/ ./

# The artifact stays root-owned and read-only for the runtime user.
USER node

EXPOSE 4009

HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

CMD ["node", "--enable-source-maps", "main.js"]
