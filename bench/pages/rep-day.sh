#!/usr/bin/env bash
# A rep's calling day at volume: server time of Today and of the call screen for a rep with 5,000 open
# calls, beside the same pages for a rep with 20 in the same run (the baseline), then logging an
# outcome and opening the next call, warm, for each. The packaged server on the embedded database;
# prospects come from a CSV import (several countries, so some are outside their calling hours now),
# each rep owning theirs, all enrolled in the first-time calls.
#
#   bench/pages/rep-day.sh [seconds per page] [open calls] [baseline calls] [timed logs]
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-10}
big=${2:-5000}
small=${3:-20}
logs=${4:-200}
port=${PORT:-18690}
base="http://127.0.0.1:$port"
database=h2
rep_password=Copper-Lantern-Meadow-42
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
. bench/server.sh
start_server "$port" 1g

# today's count of open calls on a rep's Today page, every section
calls_on_today() {
    curl -sf -b "$1" "$base/today" | sed -nE 's/.*data-count="([0-9]+)".*/\1/p' | paste -sd+ | bc
}

for who in big small; do
    n=${!who}
    email="rep-$who@bench.example"
    curl -sf -u "$admin:$password" -H 'Content-Type: application/json' "$base/api/v1/users" \
        -d "{\"email\":\"$email\",\"fullName\":\"Rep $who\",\"role\":\"REP\",\"password\":\"$rep_password\",\"timeZone\":\"Europe/London\"}" >/dev/null
    java bench/import/GenerateProspects.java "$n" "$work/$who.csv" "${#who}"
    awk -v e="$email" -v w="$who" 'NR == 1 {print $0 ",Contact owner"; next} {sub(/@/, "." w "@"); print $0 "," e}' \
        "$work/$who.csv" > "$work/$who-owned.csv"
    curl -sf -u "$admin:$password" -H 'Content-Type: text/csv' --data-binary @"$work/$who-owned.csv" \
        "$base/api/v1/imports" >/dev/null
    jar="$work/$who.cookies"
    csrf=$(curl -sf -c "$jar" "$base/login" | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)
    curl -sf -b "$jar" -c "$jar" -o /dev/null "$base/login" \
        --data-urlencode "username=$email" --data-urlencode "password=$rep_password" --data-urlencode "_csrf=$csrf"
    # the import enrols its prospects after it is done: wait for their calls
    for _ in $(seq 1 600); do
        have=$(calls_on_today "$jar")
        [ "${have:-0}" -ge "$((n * 98 / 100))" ] && [ "$have" = "$(calls_on_today "$jar")" ] && break
        sleep 1
    done
    echo "rep-$who: $have open calls on Today"
done

measure() {
    local who=$1 page=$2 name=$3
    export COOKIE="FOLLOWTHROUGH_SESSION=$(awk '$6 == "FOLLOWTHROUGH_SESSION" {print $7}' "$work/$who.cookies")"
    # a timeout well above any target, so that a slow page is measured rather than counted as an error
    wrk -t1 -c1 -d"${seconds}s" --timeout 20s -s bench/pages/page.lua "$base$page" >/dev/null
    line=$(wrk -t1 -c1 -d"${seconds}s" --timeout 20s -s bench/pages/page.lua "$base$page" | tail -1)
    echo "$line" | sed -E "s#requests: ([0-9]+), errors: ([0-9]+), p50: ([0-9.]+) ms, p95: ([0-9.]+) ms, p99: ([0-9.]+) ms, max: ([0-9.]+) ms#| $name | rep-$who | \1 | \2 | \3 ms | \4 ms | \5 ms | \6 ms |#"
}

first_call() {
    curl -s -o /dev/null -w '%{redirect_url}' -b "$work/$1.cookies" "$base/today/start" | sed -E "s#^$base##"
}

run_pages() {
    echo "| page | rep | requests | errors | p50 | p95 | p99 | max |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    for who in small big; do
        measure "$who" /today "Today"
        measure "$who" /today/queue "Today's queue (the part that refreshes)"
        call=$(first_call "$who")
        measure "$who" "$call" "call screen"
    done
}

echo "load now: $(cut -d' ' -f1-3 /proc/loadavg)"
run_pages
# the baseline rep has only a few calls that may be made now (the rest are outside their hours): as many as they have
due_small=$(curl -sf -b "$work/small.cookies" "$base/today" | grep -oE '(Due now|Overdue) \([0-9]+\)' | grep -oE '[0-9]+' | paste -sd+ | bc)
echo "rep-small ($due_small may be called now):"
java bench/pages/CallingDay.java "$base" rep-small@bench.example "$rep_password" 2 "$((due_small - 3))" NO_ANSWER \
    || echo "(too few calls due now for the baseline)"
echo "rep-big:"
java bench/pages/CallingDay.java "$base" rep-big@bench.example "$rep_password" 20 "$logs" NO_ANSWER
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
