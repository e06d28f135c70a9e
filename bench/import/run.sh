#!/usr/bin/env bash
# CSV import of a generated file into a running FollowThrough, beside PostgreSQL's own COPY of the
# same file into a plain table, in the same run. The import goes through the mapping step as a person
# would take it: the file is uploaded for a preview, one column is corrected (Lead Source ignored), and
# the previewed file is imported with those choices.
#
#   bench/import/run.sh [rows] [postgres|h2]
#   PROFILE=1 bench/import/run.sh ...   # also records the import with Java Flight Recorder and prints
#                                       # where the server's threads spent their samples
#
# Prints the import's wall time (upload to DONE), rows per second, the server's peak heap use while
# importing (it runs with -Xmx512m), COPY's time and the ratio of the two.
set -euo pipefail
cd "$(dirname "$0")/../.."

rows=${1:-1000000}
database=${2:-postgres}
port=${PORT:-18280}
. bench/server.sh

file="$work/prospects.csv"
java bench/import/GenerateProspects.java "$rows" "$file"
echo "file: $rows rows, $(du -h "$file" | cut -f1)"

fresh_database "${db}_copy"

# The baseline: PostgreSQL reads the same file into a plain table with the same columns, no checks.
psql -h 127.0.0.1 -U postgres -d "${db}_copy" -qc "create table plain (first_name text, last_name text, email text,
    phone text, company text, title text, country text, website text, industry text, source text)"
start=$(date +%s.%N)
psql -h 127.0.0.1 -U postgres -d "${db}_copy" -qc "\\copy plain from '$file' with (format csv, header true)"
copy_s=$(echo "$(date +%s.%N) - $start" | bc)
echo "COPY into a plain table: ${copy_s}s"

start_server "$port" 512m
# a personal token for the rest: HTTP Basic would cost a bcrypt hash per progress poll
token=$(curl -sf -u "$admin:$password" -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/v1/tokens" \
    -d '{"name":"bench"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
auth="Authorization: Bearer $token"
# a short warm-up import, so the figure is not about class loading
head -1001 "$file" | curl -sf -H "$auth" -H 'Content-Type: text/csv' --data-binary @- \
    "http://127.0.0.1:$port/api/v1/imports" >/dev/null
sleep 3

# one jstat process samples the heap every half second (starting a JVM per sample would steal a core)
jstat -gc "$pid" 500 > "$work/heap.txt" &
sampler=$!
if [ -n "${PROFILE:-}" ]; then
    jcmd "$pid" JFR.start name=import settings=profile filename="$work/import.jfr" >/dev/null
fi

start=$(date +%s.%N)
# the mapping step: upload for a preview, correct one column, import the previewed file
preview=$(curl -sf -H "$auth" -H 'Content-Type: text/csv' --data-binary @"$file" \
    -D - -o /dev/null "http://127.0.0.1:$port/api/v1/imports/previews?name=prospects.csv" | tr -d '\r' | awk '/^Location:/ {print $2}')
preview_s=$(echo "$(date +%s.%N) - $start" | bc)
location=$(curl -sf -H "$auth" -H 'Content-Type: application/json' -d '{"columns": {"Lead Source": "-"}}' \
    -D - -o /dev/null "http://127.0.0.1:$port$preview/start" | tr -d '\r' | awk '/^Location:/ {print $2}')
while :; do
    status=$(curl -sf -H "$auth" "http://127.0.0.1:$port$location")
    echo "$status" | grep -q '"status":"RUNNING"' || break
    sleep 0.5
done
import_s=$(echo "$(date +%s.%N) - $start" | bc)
kill "$sampler" 2>/dev/null || true
if [ -n "${PROFILE:-}" ]; then
    jcmd "$pid" JFR.stop name=import >/dev/null
    echo "where the samples fall (top frame, then the first FollowThrough frame of each stack):"
    jfr print --stack-depth 64 --events jdk.ExecutionSample "$work/import.jfr" > "$work/samples.txt"
    bench/import/samples.awk "$work/samples.txt"
    mkdir -p target && cp "$work/import.jfr" target/import-bench.jfr && echo "recording kept in target/import-bench.jfr"
fi
# used heap in MB: survivor, eden and old generation
peak=$(awk '$1 ~ /^[0-9.]+$/ {u = ($3 + $4 + $6 + $8) / 1024; if (u > m) m = u} END {printf "%d", m}' "$work/heap.txt")
echo "$status" | sed -E 's/"(errors|warnings)":\[[^]]*\]/"\1":[...]/g'
echo "upload and preview: ${preview_s}s (part of the import's time)"
echo "import into FollowThrough ($database): ${import_s}s, $(echo "$rows / $import_s" | bc) rows/s, peak heap ${peak} MB of 512"
echo "ratio import / COPY: $(echo "scale=1; $import_s / $copy_s" | bc)"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
