# Shared by the load harnesses in bench/: a private copy of the packaged server (so rebuilding the
# project during a run cannot pull it away), a fresh database dropped afterwards, the machine printed
# first. Source it after setting `database` (postgres or h2); then call `start_server <port> <heap>`
# with any extra settings as NAME=value arguments (JVM options in JAVA_OPTS). Sets work, url, user, db,
# admin, password, pid and server_log (the instance just started); every instance started is in pids,
# and all of them are stopped on exit.
admin=bench-admin@example.com
password=Tidal-Granite-Orchard-91
work=$(mktemp -d)
pid=
pids=()
server_log=
databases=()

# JAR=<path> runs another build (an earlier commit's, for a before/after in the same run)
jar=${JAR:-target/followthrough-0.1.0-exec.jar}
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
cp "$jar" "$work/followthrough.jar"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), load at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# a database for this run only, dropped on exit
fresh_database() {
    psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $1"
    databases+=("$1")
}

db="followthrough_bench_$(date +%s)_$$"  # two runs started in the same second get their own
if [ "$database" = postgres ]; then
    fresh_database "$db"
    url="jdbc:postgresql://127.0.0.1:5432/$db"
    user=postgres
else
    url="jdbc:h2:file:$work/followthrough;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
    user=sa
fi

cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    for d in "${databases[@]}"; do psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $d with (force)"; done
    rm -rf "$work"
}
trap cleanup EXIT

# start_server <port> <heap> [NAME=value ...]: starts one instance and waits until it is ready
start_server() {
    local port=$1 heap=$2
    shift 2
    env SPRING_DATASOURCE_URL="$url" SPRING_DATASOURCE_USERNAME="$user" SPRING_DATASOURCE_PASSWORD= \
        FOLLOWTHROUGH_ADMIN_EMAIL=$admin FOLLOWTHROUGH_ADMIN_PASSWORD=$password FOLLOWTHROUGH_DEMO=false "$@" \
        java -Xmx"$heap" ${JAVA_OPTS:-} -jar "$work/followthrough.jar" --server.port="$port" --followthrough.data-dir="$work" \
        >"$work/server-$port.log" 2>&1 &
    pid=$!
    pids+=("$pid")
    server_log="$work/server-$port.log"
    until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do
        kill -0 "$pid" 2>/dev/null || { echo "server did not start:"; grep -m3 -A3 -E "Caused by|APPLICATION FAILED" "$server_log" | cut -c1-300; exit 1; }
        sleep 1
    done
}
