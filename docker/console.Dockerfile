# syntax=docker/dockerfile:1
#
# The web console as static files, from the repository root:
#   docker build -f docker/console.Dockerfile -t aftersales/console .
#   docker run -p 8080:8080 -e CONSOLE_GRAPHQL_URL=https://graph.example.com/graphql \
#     -e CONSOLE_OIDC_ISSUER=https://login.example.com/realms/aftersales -e CONSOLE_OIDC_CLIENT_ID=aftersales-console \
#     aftersales/console
# The same build is served by the gateway at /console/ (GATEWAY_CONSOLE_DIR); this image is for static
# hosting apart from it. The gateway must then list this site's origin in GATEWAY_CORS_ORIGINS.
# What the page needs at run time (graph URL, identity provider) is written to /console/config.js when
# the container starts (console-entrypoint.sh), so one image serves every environment.

# Build stage: the repository's locked toolchain; codegen output (src/gql) is committed and checked by `npm run lint`.
FROM node:20-slim AS build
WORKDIR /src
ENV NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json ./
COPY apps/console/ apps/console/
RUN node node_modules/vite/bin/vite.js build --config apps/console/vite.config.ts

# Runtime stage: nginx and the files; no Node.
FROM nginx:1.27-alpine

ENV CONSOLE_GRAPHQL_URL="" \
    CONSOLE_OIDC_ISSUER="" \
    CONSOLE_OIDC_CLIENT_ID="" \
    CONSOLE_OIDC_SCOPES="openid profile"

COPY docker/console.nginx.conf /etc/nginx/conf.d/default.conf
# The official image runs /docker-entrypoint.d/*.sh before nginx starts.
COPY docker/console-entrypoint.sh /docker-entrypoint.d/40-console-config.sh
COPY --from=build /src/dist/apps/console/ /usr/share/nginx/html/console/
RUN chmod +x /docker-entrypoint.d/40-console-config.sh && rm -rf /usr/share/nginx/html/console/.vite

EXPOSE 8080

HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/console/"]
