#!/usr/bin/env bash
# Creating prospects through the API under load, on a warmed server, beside the framework's own
# ceiling on the same server (GET /actuator/health) with the same load tool in the same run.
#
#   bench/api/run.sh [seconds] [connections] [postgres|h2]
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-30}
connections=${2:-16}
database=${3:-postgres}
port=${PORT:-18380}
base="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
. bench/server.sh
start_server "$port" 1g
curl -sf -u "$admin:$password" -H 'Content-Type: application/json' "$base/api/v1/users" \
    -d '{"email":"bench-rep@example.com","fullName":"Bench Rep","role":"REP","password":"Copper-Lantern-Meadow-42"}' >/dev/null
token=$(curl -sf -u "bench-rep@example.com:Copper-Lantern-Meadow-42" -H 'Content-Type: application/json' \
    "$base/api/v1/tokens" -d '{"name":"bench"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
export AUTH="Bearer $token"

echo "warming up (10 s each)"
wrk -t2 -c"$connections" -d10s -s bench/api/create-prospect.lua "$base" >/dev/null
wrk -t2 -c"$connections" -d10s -s bench/api/health.lua "$base/actuator/health" >/dev/null
echo "POST /api/v1/prospects, $connections connections, ${seconds}s, $database:"
create=$(wrk -t2 -c"$connections" -d"${seconds}s" -s bench/api/create-prospect.lua "$base" | tail -1)
echo "  $create"
echo "GET /actuator/health (the framework's ceiling), same load:"
health=$(wrk -t2 -c"$connections" -d"${seconds}s" -s bench/api/health.lua "$base/actuator/health" | tail -1)
echo "  $health"
c=$(echo "$create" | sed -E 's/.*req\/s: ([0-9]+).*/\1/')
h=$(echo "$health" | sed -E 's/.*req\/s: ([0-9]+).*/\1/')
echo "ratio create / ceiling: $(echo "scale=2; $c / $h" | bc)"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
