#!/usr/bin/env bash
# Punctuality of timed work on a running FollowThrough.
#
#   bench/punctuality/run.sh [probes] [within-seconds] [instances] [postgres|h2]
#
# Starts the packaged server (one or more instances sharing one database), asks it to run
# <probes> probe actions due evenly over <within-seconds>, waits until all are done and prints
# how late they started (p50, p99, max in ms), how many ran more than once, and how the work was
# shared between the instances. PostgreSQL gets a fresh database that is dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."

probes=${1:-100000}
within=${2:-3600}
instances=${3:-1}
database=${4:-postgres}
jar=target/followthrough-0.1.0-exec.jar
admin=bench-admin@example.com
password=Tidal-Granite-Orchard-91
work=$(mktemp -d)
port_base=${PORT_BASE:-18180}

[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
# Run a private copy, so rebuilding the project during a long run cannot pull the jar away.
cp "$jar" "$work/followthrough.jar"
jar="$work/followthrough.jar"
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

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [ "$database" = postgres ]; then psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $db with (force)"; fi
    rm -rf "$work"
}
trap cleanup EXIT

for i in $(seq 1 "$instances"); do
    port=$((port_base + i))
    SPRING_DATASOURCE_URL="$url" SPRING_DATASOURCE_USERNAME="$user" SPRING_DATASOURCE_PASSWORD= \
    FOLLOWTHROUGH_ADMIN_EMAIL=$admin FOLLOWTHROUGH_ADMIN_PASSWORD=$password FOLLOWTHROUGH_DEMO=false \
        java -Xmx512m -jar "$jar" --server.port=$port --followthrough.data-dir="$work" \
        --db-scheduler.scheduler-name="instance-$i" >"$work/instance-$i.log" 2>&1 &
    pids+=($!)
    until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do
        kill -0 "${pids[-1]}" 2>/dev/null || { echo "instance $i did not start:"; grep -m4 -A2 -E "Caused by|Application run failed" "$work/instance-$i.log" | cut -c1-400; exit 1; }
        sleep 1
    done
done

api="http://127.0.0.1:$((port_base + 1))/api/v1/admin/timed-actions/probes"
run=$(curl -sf -u "$admin:$password" -H 'Content-Type: application/json' \
    -d "{\"count\":$probes,\"withinSeconds\":$within}" "$api" | sed -E 's/.*"runId":"([^"]+)".*/\1/')
echo "probe run $run: $probes actions due over $within s on $instances instance(s), $database"

deadline=$((SECONDS + within + 300))
while :; do
    report=$(curl -sf -u "$admin:$password" "$api/$run")
    pending=$(echo "$report" | sed -E 's/.*"pending":([0-9]+).*/\1/')
    [ "$pending" -eq 0 ] && break
    [ $SECONDS -gt $deadline ] && { echo "timed out with $pending pending"; break; }
    sleep 5
done
echo "$report"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$database" = postgres ]; then
    psql -h 127.0.0.1 -U postgres -d "$db" -Atc \
        "select 'done by ' || ran_by || ': ' || count(*) from timed_action_probes where run_id = '$run' group by ran_by order by 1"
fi
