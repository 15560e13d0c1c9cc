# syntax=docker/dockerfile:1
#
# The gateway service, built and released on its own, from the repository root:
#   docker build -f docker/gateway.Dockerfile -t aftersales/gateway .
# The gateway needs no store and no Kafka: only its composed supergraph (apps/gateway/supergraph.graphql)
# and the subgraph URLs (SUBGRAPH_<NAME>_URL).
# The image holds the shared libs and this app only; it runs the TypeScript sources through the SWC
# loader (@swc-node/register), as `npm start` does (see docker/README.md).

FROM node:20-slim

ENV NODE_ENV=production \
    PORT=4000 \
    SWC_NODE_PROJECT=/app/tsconfig.base.json \
    NPM_CONFIG_UPDATE_NOTIFIER=false

WORKDIR /app

# Dependencies first, so source changes do not reinstall them; install scripts are skipped (the
# native SWC binding is a prebuilt optional package, the remaining scripts are dev tooling).
COPY package.json package-lock.json ./
RUN npm install --ignore-scripts --no-audit --no-fund && npm cache clean --force

COPY tsconfig.base.json ./
COPY libs/ libs/
COPY apps/gateway/ apps/gateway/

# Sources stay root-owned and read-only for the runtime user (the SWC loader caches in /tmp).
USER node

EXPOSE 4000

HEALTHCHECK --interval=10s --timeout=3s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

CMD ["node", "--import", "@swc-node/register/esm-register", "--enable-source-maps", "apps/gateway/src/main.ts"]
