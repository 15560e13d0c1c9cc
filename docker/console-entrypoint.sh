#!/bin/sh
# Writes the console's runtime settings (window.AFTERSALES_CONSOLE) from the environment, as the
# gateway does for the console it serves: the graph's URL and the organisation's identity provider.
# The demo sign-in is never offered by this image. CONSOLE_DIR is for the test of this script.
set -eu
dir="${CONSOLE_DIR:-/usr/share/nginx/html/console}"

# A JSON string: backslash and quote escaped, `<` written as \u003c so no value can close a script element.
json() {
  printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/</\\u003c/g')"
}

config='"devTokens":false'
if [ -n "${CONSOLE_GRAPHQL_URL:-}" ]; then
  config="\"graphqlUrl\":$(json "$CONSOLE_GRAPHQL_URL"),$config"
fi
if [ -n "${CONSOLE_OIDC_ISSUER:-}" ] || [ -n "${CONSOLE_OIDC_CLIENT_ID:-}" ]; then
  if [ -z "${CONSOLE_OIDC_ISSUER:-}" ] || [ -z "${CONSOLE_OIDC_CLIENT_ID:-}" ]; then
    echo "console: CONSOLE_OIDC_ISSUER and CONSOLE_OIDC_CLIENT_ID are needed together" >&2
    exit 1
  fi
  oidc="{\"issuer\":$(json "$CONSOLE_OIDC_ISSUER"),\"clientId\":$(json "$CONSOLE_OIDC_CLIENT_ID"),\"scopes\":$(json "${CONSOLE_OIDC_SCOPES:-openid profile}")}"
  config="\"oidc\":$oidc,$config"
fi
printf 'window.AFTERSALES_CONSOLE = {%s};\n' "$config" > "$dir/config.js"
