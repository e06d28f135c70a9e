#!/usr/bin/env bash
# Signals in: sustained signed webhooks (each a new page view, stored durably before the 202) on one
# warmed instance, beside the framework's ceiling on the same server (GET /actuator/health/liveness, an
# open endpoint that answers a constant) with the same load tool in the same run. Afterwards the server's own count of stored signals is compared with
# what wrk saw accepted, so nothing answered 202 can be missing.
#
#   bench/signals/run.sh [seconds] [connections] [postgres|h2]      (WRITERS=n to change the intake's writers,
#                                                                 BATCH=n to post arrays of n signals,
#                                                                 WARMUP=s seconds of warm-up, default 60)
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-30}
connections=${2:-32}
database=${3:-postgres}
port=${PORT:-18580}
base="http://127.0.0.1:$port"
export SECRET=bench-webhook-secret
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
. bench/server.sh
start_server "$port" 1g FOLLOWTHROUGH_WEBHOOK_SECRET=$SECRET ${WRITERS:+FOLLOWTHROUGH_SIGNALS_INTAKE_WRITERS=$WRITERS}

stored() {
    curl -sf -u "$admin:$password" "$base/actuator/prometheus" \
        | awk '/^followthrough_signals_received_total\{.*duplicate="false"/ {s += $2} END {printf "%d\n", s}'
}

warmup=${WARMUP:-60}
# on two busy cores the JIT is still compiling the hot path after half a minute
echo "warming up (${warmup} s of signals, 10 s of the ceiling)"
RUN=warm wrk -t2 -c"$connections" -d"${warmup}s" -s bench/signals/signal.lua "$base" >/dev/null
wrk -t2 -c"$connections" -d10s -s bench/api/health.lua "$base/actuator/health/liveness" >/dev/null
before=$(stored)
echo "POST /api/v1/signals (signed, each stored), $connections connections, ${seconds}s, $database:"
signals=$(RUN=run$(date +%s) wrk -t2 -c"$connections" -d"${seconds}s" -s bench/signals/signal.lua "$base" | tail -1)
echo "  $signals"
after=$(stored)
sent=$(echo "$signals" | sed -E 's/^requests: ([0-9]+), errors: ([0-9]+).*/\1/')
errors=$(echo "$signals" | sed -E 's/^requests: ([0-9]+), errors: ([0-9]+).*/\2/')
echo "  stored by the server during the run: $((after - before)) of $(((sent - errors) * ${BATCH:-1})) accepted ($errors errors)"
batches=$(curl -sf -u "$admin:$password" "$base/actuator/prometheus" \
    | awk '/^followthrough_signals_batch_size_count/ {c = $2} /^followthrough_signals_batch_size_sum/ {s = $2} END {printf "%d batches, %.1f signals each\n", c, s / c}')
echo "  stored in $batches (warm-up included)"
echo "GET /actuator/health/liveness (the framework's ceiling), same load:"
health=$(wrk -t2 -c"$connections" -d"${seconds}s" -s bench/api/health.lua "$base/actuator/health/liveness" | tail -1)
echo "  $health"
s=$(echo "$signals" | sed -E 's/.*req\/s: ([0-9]+).*/\1/')
h=$(echo "$health" | sed -E 's/.*req\/s: ([0-9]+).*/\1/')
per=${BATCH:-1}
echo "signals stored/s: $(((after - before) / seconds)) ($s requests/s of $per signals); ratio requests / ceiling: $(echo "scale=2; $s / $h" | bc)"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
