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
secret=bench-webhook-secret
port=${PORT:-18480}
base="http://127.0.0.1:$port"
database=postgres
. bench/server.sh
start_server "$port" 1g FOLLOWTHROUGH_WEBHOOK_SECRET=$secret
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
