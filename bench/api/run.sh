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
jar=target/followthrough-0.1.0-exec.jar
admin=bench-admin@example.com
password=Tidal-Granite-Orchard-91
work=$(mktemp -d)
port=${PORT:-18380}
base="http://127.0.0.1:$port"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
cp "$jar" "$work/followthrough.jar"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), load at start: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$database" = postgres ]; then
    db="followthrough_bench_$(date +%s)"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $db"
    url="jdbc:postgresql://127.0.0.1:5432/$db"
    user=postgres
else
    url="jdbc:h2:file:$work/followthrough;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
    user=sa
fi
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    wait 2>/dev/null || true
    if [ "$database" = postgres ]; then psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $db with (force)"; fi
    rm -rf "$work"
}
trap cleanup EXIT

SPRING_DATASOURCE_URL="$url" SPRING_DATASOURCE_USERNAME="$user" SPRING_DATASOURCE_PASSWORD= \
FOLLOWTHROUGH_ADMIN_EMAIL=$admin FOLLOWTHROUGH_ADMIN_PASSWORD=$password FOLLOWTHROUGH_DEMO=false \
    java -Xmx1g -jar "$work/followthrough.jar" --server.port=$port --followthrough.data-dir="$work" \
    >"$work/server.log" 2>&1 &
pid=$!
until curl -sf "$base/actuator/health/readiness" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "server did not start:"; grep -m3 -A3 -E "Caused by|APPLICATION FAILED" "$work/server.log" | cut -c1-300; exit 1; }
    sleep 1
done
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
