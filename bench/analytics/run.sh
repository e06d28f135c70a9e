#!/usr/bin/env bash
# The team's numbers on a big team: GET /api/v1/analytics/summary (last 90 days) over 1,000,000
# prospects and 10,000,000 touches across 100 reps in PostgreSQL, as a random rep (their own touches)
# and as the administrator (the whole team's), one connection at a time. Beside each, in the same run,
# pgbench runs the same statements without the server (bench/analytics/summary.sql) on the same database.
#
#   bench/analytics/run.sh [seconds] [prospects]
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-30}
prospects=${2:-1000000}
database=postgres
port=${PORT:-18395}
base="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
. bench/server.sh
start_server "$port" 1g
. bench/queue/big-team.sh
big_team "$prospects"
curl -sf -u "$admin:$password" -H 'Content-Type: application/json' "$base/api/v1/tokens" -d '{"name":"bench"}' \
    | sed -E 's/.*"token":"([^"]+)".*/\1\n/' >"$work/admin-token"
export URI=/api/v1/analytics/summary

measure() {
    local who=$1 tokens=$2 team=$3
    status=$(curl -s -o "$work/sample.json" -w '%{http_code}' -H "Authorization: Bearer $(head -1 "$tokens")" "$base$URI")
    [ "$status" = 200 ] || { echo "the summary answered $status: $(head -c 400 "$work/sample.json")"; exit 1; }
    echo "GET $URI as $who, 1 connection, ${seconds}s (after 10 s of warm-up):"
    TOKENS=$tokens wrk -t1 -c1 -d10s --timeout 60s -s bench/queue/queue.lua "$base" >/dev/null
    api=$(TOKENS=$tokens wrk -t1 -c1 -d"${seconds}s" --timeout 60s -s bench/queue/queue.lua "$base" | tail -1)
    echo "  $api"
    echo "the same statements in pgbench, 1 connection, ${seconds}s:"
    rm -f "$work"/pgbench_log.*
    (cd "$work" && pgbench -h 127.0.0.1 -U postgres -n -c 1 -j 1 -T "$seconds" -l -D team="$team" \
        -f "$OLDPWD/bench/analytics/summary.sql" "$db" >pgbench.out 2>&1) || { cat "$work/pgbench.out"; exit 1; }
    sql=$(cat "$work"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {
        printf "transactions: %d, p50: %.1f ms, p95: %.1f ms, max: %.1f ms", NR, a[int(NR*0.50)]/1000, a[int(NR*0.95)]/1000, a[NR]/1000}')
    echo "  $sql"
    a=$(echo "$api" | sed -E 's/.*p95: ([0-9.]+) ms.*/\1/')
    s=$(echo "$sql" | sed -E 's/.*p95: ([0-9.]+) ms.*/\1/')
    echo "p95 endpoint / bare SQL as $who: $(echo "scale=2; $a / $s" | bc)"
}
measure "a random rep" "$work/tokens" 0
measure "the administrator (whole team)" "$work/admin-token" 1
echo "a summary: $(head -c 600 "$work/sample.json")"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${EXPLAIN:-}" ]; then
    echo "each statement for the whole team, timed by PostgreSQL:"
    sed -e '/^--/d' -e '/^\\set/d' -e 's/:team/1/g' -e 's/:r/1/g' bench/analytics/summary.sql \
        | awk 'BEGIN {RS=";\n"} NF {print "explain (analyze, timing off, summary on) " $0 ";"}' | psql_db | grep -E "Execution Time|Scan|Join" | head -80
fi
