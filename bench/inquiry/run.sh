#!/usr/bin/env bash
# Speed to lead: inquiries at a steady rate against one instance on PostgreSQL; for each, the time
# from sending the signed webhook to the owner's live stream announcing the raised call (sent after
# the task is committed, so it is in the queue). Beside it, the webhook's own response time.
#
#   bench/inquiry/run.sh [per-second] [seconds] [reps]
set -euo pipefail
cd "$(dirname "$0")/../.."

rate=${1:-100}
seconds=${2:-30}
reps=${3:-5}
jar=target/followthrough-0.1.0-exec.jar
admin=bench-admin@example.com
password=Tidal-Granite-Orchard-91
secret=bench-webhook-secret
work=$(mktemp -d)
port=${PORT:-18480}
base="http://127.0.0.1:$port"

[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
cp "$jar" "$work/followthrough.jar"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
db="followthrough_bench_$(date +%s)"
psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $db"
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    wait 2>/dev/null || true
    psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $db with (force)"
    rm -rf "$work"
}
trap cleanup EXIT

SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
FOLLOWTHROUGH_ADMIN_EMAIL=$admin FOLLOWTHROUGH_ADMIN_PASSWORD=$password FOLLOWTHROUGH_DEMO=false \
FOLLOWTHROUGH_WEBHOOK_SECRET=$secret \
    java -Xmx1g -jar "$work/followthrough.jar" --server.port=$port --followthrough.data-dir="$work" \
    >"$work/server.log" 2>&1 &
pid=$!
until curl -sf "$base/actuator/health/readiness" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "server did not start:"; grep -m3 -A3 -E "Caused by|APPLICATION FAILED" "$work/server.log" | cut -c1-300; exit 1; }
    sleep 1
done
tokens=()
for i in $(seq 1 "$reps"); do
    curl -sf -u "$admin:$password" -H 'Content-Type: application/json' "$base/api/v1/users" \
        -d "{\"email\":\"rep$i@bench.example\",\"fullName\":\"Rep $i\",\"role\":\"REP\",\"password\":\"Copper-Lantern-Meadow-42\"}" >/dev/null
    tokens+=("$(curl -sf -u "rep$i@bench.example:Copper-Lantern-Meadow-42" -H 'Content-Type: application/json' \
        "$base/api/v1/tokens" -d '{"name":"bench"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')")
done
echo "warming up: 10 s at $rate/s"
java bench/inquiry/InquiryLatency.java "$base" "$secret" "$rate" 10 "${tokens[@]}" >/dev/null
echo "$rate inquiries/s for ${seconds}s, $reps reps, PostgreSQL:"
java bench/inquiry/InquiryLatency.java "$base" "$secret" "$rate" "$seconds" "${tokens[@]}"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
