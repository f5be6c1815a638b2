#!/bin/sh
# Writes the dashboard's config.json from environment variables when the container starts.
# The official nginx image runs every executable /docker-entrypoint.d/*.sh before nginx; a
# non-zero exit stops the container, so a bad value fails loudly instead of serving a broken app.
#
#   THEEYE_SUPERVISOR_URL       supervisorUrl      http(s) URL of the TheEye supervisor ("mock": the built-in mock)
#   THEEYE_GATEWAY_URL          gatewayUrl         http(s) URL of the TheEye gateway (password sign-in, who am I)
#   THEEYE_CUSTOMER             customer           organization name
#   THEEYE_REFRESH_INTERVAL_MS  refreshIntervalMs  1000..3600000
#   THEEYE_REQUEST_TIMEOUT_MS   requestTimeoutMs   1000..120000
#   THEEYE_ACCESS_TOKEN         accessToken        wallboards only: anyone who can load the page can read it
#   THEEYE_CONFIG_JSON          where to write (default /usr/share/nginx/html/config.json)
#
# When none of the THEEYE_* values is set the existing config.json (the build's, or one mounted
# into the container) is left as it is.
set -eu

out="${THEEYE_CONFIG_JSON:-/usr/share/nginx/html/config.json}"
me="theeye-config"

fail() {
  echo "$me: $*" >&2
  exit 1
}

# Each check sets $v to the JSON value, or stops the script. (They run in this shell, never in a
# command substitution, so that a failure really ends the script.)

# JSON string: refuses control characters (none belongs in these values), escapes \ and ".
json_string() {
  case "$2" in
    *[[:cntrl:]]*) fail "$1 contains a control character" ;;
  esac
  v="\"$(printf '%s' "$2" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')\""
}

url() {
  case "$2" in
    http://?*|https://?*) ;;
    *) fail "$1 must start with http:// or https:// (got: $2)" ;;
  esac
  case "$2" in
    *[[:space:]]*) fail "$1 must not contain spaces" ;;
  esac
  # user:password@ in the address would end up in every request log (the app refuses it too)
  rest=${2#*://}
  case "${rest%%/*}" in
    *@*) fail "$1 must not contain credentials (user:password@)" ;;
  esac
  json_string "$1" "$2"
}

number() {
  case "$2" in
    ''|*[!0-9]*) fail "$1 must be a whole number of milliseconds (got: $2)" ;;
  esac
  v=$(printf '%s' "$2" | sed 's/^0*//')
  [ -n "$v" ] || v=0
  { [ "${#v}" -le 7 ] && [ "$v" -ge "$3" ] && [ "$v" -le "$4" ]; } || fail "$1 must be between $3 and $4 (got: $2)"
}

fields=""
add() {
  fields="${fields:+$fields,
}  \"$1\": $v"
}

if [ -n "${THEEYE_SUPERVISOR_URL:-}" ]; then
  if [ "$THEEYE_SUPERVISOR_URL" = mock ]; then v='"mock"'; else url THEEYE_SUPERVISOR_URL "$THEEYE_SUPERVISOR_URL"; fi
  add supervisorUrl
fi
if [ -n "${THEEYE_GATEWAY_URL:-}" ]; then url THEEYE_GATEWAY_URL "$THEEYE_GATEWAY_URL"; add gatewayUrl; fi
if [ -n "${THEEYE_CUSTOMER:-}" ]; then json_string THEEYE_CUSTOMER "$THEEYE_CUSTOMER"; add customer; fi
if [ -n "${THEEYE_REFRESH_INTERVAL_MS:-}" ]; then number THEEYE_REFRESH_INTERVAL_MS "$THEEYE_REFRESH_INTERVAL_MS" 1000 3600000; add refreshIntervalMs; fi
if [ -n "${THEEYE_REQUEST_TIMEOUT_MS:-}" ]; then number THEEYE_REQUEST_TIMEOUT_MS "$THEEYE_REQUEST_TIMEOUT_MS" 1000 120000; add requestTimeoutMs; fi
if [ -n "${THEEYE_ACCESS_TOKEN:-}" ]; then json_string THEEYE_ACCESS_TOKEN "$THEEYE_ACCESS_TOKEN"; add accessToken; fi

if [ -z "$fields" ]; then
  echo "$me: no THEEYE_* variable set; keeping $out as it is"
  exit 0
fi

tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT
printf '{\n%s\n}\n' "$fields" >"$tmp"
chmod 644 "$tmp"
mv -f "$tmp" "$out"
trap - EXIT
echo "$me: wrote $out"
