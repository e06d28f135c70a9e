#!/usr/bin/env bash
# The queue endpoint on a big team: 1,000,000 prospects and 10,000,000 touches across 100 reps in
# PostgreSQL. Each request asks for a random rep's queue with that rep's API token; beside it, in the
# same run and at the same concurrency, pgbench runs the bare SQL the endpoint needs (the queue query
# and the call counts behind the FTC / follow-up labels) on the same database.
#
#   bench/queue/run.sh [seconds] [connections] [prospects]
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-30}
connections=${2:-8}
prospects=${3:-1000000}
database=postgres
port=${PORT:-18390}
base="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
. bench/server.sh
start_server "$port" 1g
. bench/queue/big-team.sh

big_team "$prospects"

export TOKENS="$work/tokens"
status=$(curl -s -o "$work/sample.json" -w '%{http_code}' -H "Authorization: Bearer $(head -1 "$work/tokens")" "$base/api/v1/queue?limit=100")
[ "$status" = 200 ] || { echo "the queue answered $status:"; head -c 400 "$work/sample.json"; head -3 "$work/tokens"; grep -i token "$server_log" | tail -5; exit 1; }
echo "  a rep's queue holds $(grep -o '"taskId"' "$work/sample.json" | wc -l) tasks; first: $(head -c 300 "$work/sample.json")"
echo "warming up (10 s each)"
wrk -t2 -c"$connections" -d10s -s bench/queue/queue.lua "$base" >/dev/null
pgbench -h 127.0.0.1 -U postgres -n -c "$connections" -j 2 -T 10 -f bench/queue/queue.sql "$db" >/dev/null 2>&1

measure() {
    local c=$1
    echo "GET /api/v1/queue (100 tasks, random rep), $c connections, ${seconds}s:"
    api=$(wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d"${seconds}s" -s bench/queue/queue.lua "$base" | tail -1)
    echo "  $api"
    echo "bare SQL of the same answer (pgbench), $c connections, ${seconds}s:"
    rm -f "$work"/pgbench_log.*
    (cd "$work" && pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$c" -j "$(( c < 2 ? 1 : 2 ))" -T "$seconds" -l -f "$OLDPWD/bench/queue/queue.sql" "$db" >pgbench.out 2>&1)
    tps=$(grep -Eo 'tps = [0-9.]+' "$work/pgbench.out" | head -1 | cut -d' ' -f3)
    sql=$(cat "$work"/pgbench_log.* | awk '{print $3}' | sort -n | awk -v tps="$tps" '{a[NR]=$1} END {
        printf "transactions: %d, tps: %.0f, p50: %.1f ms, p95: %.1f ms, p99: %.1f ms, max: %.1f ms", NR, tps,
            a[int(NR*0.50)]/1000, a[int(NR*0.95)]/1000, a[int(NR*0.99)]/1000, a[NR]/1000}')
    echo "  $sql"
    a=$(echo "$api" | sed -E 's/.*p95: ([0-9.]+) ms.*/\1/')
    s=$(echo "$sql" | sed -E 's/.*p95: ([0-9.]+) ms.*/\1/')
    echo "p95 endpoint / bare SQL at $c connections: $(echo "scale=2; $a / $s" | bc)"
}
# one connection: the time one request takes (100 reps refreshing every minute is under 2 a second);
# then the given concurrency, where two cores queue the requests
measure 1
measure "$connections"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${EXPLAIN:-}" ]; then
    echo "plan of the bare SQL for one rep:"
    sed -e '/^--/d' -e '/^\\set/d' -e 's/:r/1/g' bench/queue/queue.sql | sed '1s/^/explain (analyze, buffers) /' | psql_db
fi
