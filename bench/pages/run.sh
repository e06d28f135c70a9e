#!/usr/bin/env bash
# Server time of every page with the demo data, on the embedded database as the README starts it:
# an administrator signed in (a manager's view of the whole demo team), one connection, each page in
# turn for a few seconds after a warm-up. Beside them, in the same run, the framework's own floor: a
# static file (the favicon) through the same security filters and the same load tool.
#
#   bench/pages/run.sh [seconds per page]
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-5}
port=${PORT:-18680}
base="http://127.0.0.1:$port"
database=h2
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
. bench/server.sh
start_server "$port" 512m FOLLOWTHROUGH_DEMO=true

jar="$work/cookies"
csrf=$(curl -sf -c "$jar" "$base/login" | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)
curl -sf -b "$jar" -c "$jar" -o /dev/null "$base/login" \
    --data-urlencode "username=$admin" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf"
export COOKIE="FOLLOWTHROUGH_SESSION=$(awk '$6 == "FOLLOWTHROUGH_SESSION" {print $7}' "$jar")"
prospect=$(curl -sf -u "$admin:$password" "$base/api/v1/prospects?size=1" | sed -E 's/.*"id":"([^"]+)".*/\1/;q')
account=$(curl -sf -b "$jar" "$base/prospects/$prospect" | sed -nE 's|.*href="/accounts/([0-9a-f-]+)".*|\1|p' | head -1)
import=$(curl -sf -u "$admin:$password" -H 'Content-Type: text/csv' --data-binary $'Email,First Name,Last Name\nbench@example.com,Ben,Chmark\n' \
    "$base/api/v1/imports" | sed -E 's/.*"id":"([^"]+)".*/\1/')
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base/today")" = 200 ] || { echo "sign-in failed"; exit 1; }

pages=(/favicon.svg /today /today/queue /prospects "/prospects?q=a" "/prospects/$prospect" "/prospects/$prospect/call"
    "/accounts/$account" /cadences /cadences/first-time-calls /templates /articles /playbooks /imports
    "/imports/$import" /outbox /settings /settings/calling /settings/email /settings/webhooks /settings/hot-pages
    /settings/subscribers /settings/dialing /prospects/new /users /tokens /numbers "/numbers?days=365")
echo "warming up: every page for ${seconds}s"
for page in "${pages[@]}"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base$page")
    [ "$status" = 200 ] || { echo "$page answered $status"; exit 1; }
    wrk -t1 -c1 -d"${seconds}s" -s bench/pages/page.lua "$base$page" >/dev/null
done
echo "| page | requests | errors | p50 | p95 | p99 | max |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for page in "${pages[@]}"; do
    line=$(wrk -t1 -c1 -d"${seconds}s" -s bench/pages/page.lua "$base$page" | tail -1)
    echo "$line" | sed -E "s#requests: ([0-9]+), errors: ([0-9]+), p50: ([0-9.]+) ms, p95: ([0-9.]+) ms, p99: ([0-9.]+) ms, max: ([0-9.]+) ms#| \`${page//$prospect/{prospect\}}\` | \1 | \2 | \3 ms | \4 ms | \5 ms | \6 ms |#"
done | sed -E "s/$account/{account}/; s/$import/{import}/"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
