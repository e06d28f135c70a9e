# Shared by the queue and analytics harnesses: a big team in the running server's PostgreSQL database.
# Source it after bench/server.sh and start_server; `big_team <prospects>` creates 100 reps with an API
# token each (one per line in $work/tokens), then their prospects, ten touches each and three tasks
# each (bench/queue/generate.sql).
reps=100
psql_db() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -q "$@"; }

big_team() {
    local prospects=$1 start
    echo "creating $reps reps and their API tokens"
    : >"$work/tokens"
    for i in $(seq 1 $reps); do
        curl -sf -u "$admin:$password" -H 'Content-Type: application/json' "$base/api/v1/users" \
            -d "{\"email\":\"rep-$i@bench.example\",\"fullName\":\"Rep $i\",\"role\":\"REP\",\"password\":\"Copper-Lantern-Meadow-42\"}" >/dev/null
        curl -sf -u "rep-$i@bench.example:Copper-Lantern-Meadow-42" -H 'Content-Type: application/json' \
            "$base/api/v1/tokens" -d '{"name":"bench"}' | sed -E 's/.*"token":"([^"]+)".*/\1\n/' >>"$work/tokens"
    done

    echo "generating $prospects prospects, $((prospects * 10)) touches and $((prospects * 3)) tasks in PostgreSQL"
    start=$(date +%s)
    psql_db -f bench/queue/generate.sql -v prospects="$prospects"
    echo "  generated in $(( $(date +%s) - start )) s: $(psql_db -tAc "select (select count(*) from prospects) || ' prospects, ' || (select count(*) from touches) || ' touches, ' || (select count(*) from tasks where status = 'OPEN') || ' open tasks'")"
}
