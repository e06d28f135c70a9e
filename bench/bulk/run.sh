#!/usr/bin/env bash
# A bulk action over 100,000 prospects on PostgreSQL, and the queue endpoint while it runs. A big team
# (bench/queue/big-team.sh: 10 reps by default, their prospects with ten touches and three tasks each) is
# generated; the queue endpoint is measured alone first (the baseline), then the administrator does one
# bulk action to every prospect and the same queue load runs beside it: "reassign" (the default) gives
# every prospect to rep-1, "enrol" puts every prospect in first-time-calls (the generated prospects are
# in no cadence, so each gets a cadence and its first call planned). Prints the bulk action's duration
# and rate and the queue's p95 without and with the action running, as a ratio.
#
#   bench/bulk/run.sh [prospects] [seconds] [connections] [timeout-seconds] [reassign|enrol]
set -euo pipefail
cd "$(dirname "$0")/../.."

prospects=${1:-100000}
seconds=${2:-30}
connections=${3:-2}
timeout=${4:-900}
action=${5:-reassign}
case "$action" in
    reassign) body='{"action":"REASSIGN","assignTo":"rep-1@bench.example"}' ;;
    enrol) body='{"action":"ENROL","cadence":"first-time-calls"}' ;;
    *) echo "the action is reassign or enrol, not $action"; exit 1 ;;
esac
database=postgres
port=${PORT:-18391}
base="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
. bench/server.sh
start_server "$port" 1g
. bench/queue/big-team.sh
# fewer reps than the queue benchmark's 100 (each rep's password is hashed on creation, slow on a busy
# machine); bench/queue/generate.sql spreads its series over 100 rep numbers and keeps the rows of the
# reps that exist, so the series is made long enough for $prospects prospects
reps=${REPS:-10}

big_team $(( prospects * 100 / reps ))
export TOKENS="$work/tokens"
# the generator's numbers are not all dialable ones, and a change to a prospect checks its number: give
# every prospect a valid one, so that every change is one a member could make
psql_db -c "update prospects set phone_e164 = '+1212555' || lpad((abs(hashtext(id::text)) % 10000)::text, 4, '0')"
psql_db -c "analyze"

echo "warming up (10 s)"
wrk -t1 -c"$connections" -d10s -s bench/queue/queue.lua "$base" >/dev/null

echo "GET /api/v1/queue (100 tasks, random rep), $connections connections, ${seconds}s, no bulk action running:"
alone=$(wrk -t1 -c"$connections" -d"${seconds}s" -s bench/queue/queue.lua "$base" | tail -1)
echo "  $alone"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "bulk action: $body"
echo "preview: $(curl -sf -u "$admin:$password" -H 'Content-Type: application/json' "$base/api/v1/prospects/bulk/preview" -d "$body" | head -c 300)"
start=$(date +%s.%N)
location=$(curl -sf -D - -o /dev/null -u "$admin:$password" -H 'Content-Type: application/json' "$base/api/v1/prospects/bulk" -d "$body" \
    | tr -d '\r' | awk -F': ' 'tolower($1) == "location" {print $2}')
recorded=$(echo "$(date +%s.%N) - $start" | bc)
echo "bulk action $location recorded in ${recorded}s; the queue load runs beside it"
during_file="$work/during"
wrk -t1 -c"$connections" -d"${seconds}s" -s bench/queue/queue.lua "$base" | tail -1 >"$during_file" &
wrk_pid=$!
status=
while true; do
    job=$(curl -sf -u "$admin:$password" "$base$location")
    status=$(echo "$job" | sed -E 's/.*"status":"([A-Z]+)".*/\1/')
    elapsed=$(echo "$(date +%s.%N) - $start" | bc)
    [ "$status" = DONE ] && break
    if [ "$(echo "$elapsed > $timeout" | bc)" = 1 ]; then
        echo "  not done after ${timeout}s: $(echo "$job" | head -c 400)"
        break
    fi
    sleep 1
done
processed=$(echo "$job" | sed -E 's/.*"processed":([0-9]+).*/\1/')
changed=$(echo "$job" | sed -E 's/.*"changed":([0-9]+).*/\1/')
wait "$wrk_pid"
during=$(cat "$during_file")
echo "bulk action: status $status, $processed processed ($changed changed) in ${elapsed}s:" \
    "$(echo "scale=0; $processed / $elapsed" | bc) prospects/s"
echo "GET /api/v1/queue while the bulk action runs (its first ${seconds}s), $connections connections:"
echo "  $during"
a=$(echo "$alone" | sed -E 's/.*p95: ([0-9.]+) ms.*/\1/')
d=$(echo "$during" | sed -E 's/.*p95: ([0-9.]+) ms.*/\1/')
echo "queue p95 during / alone: $(echo "scale=2; $d / $a" | bc)"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
