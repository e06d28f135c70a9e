#!/usr/bin/env bash
# The first inquiry after a start against the hundredth: the server is started again and again on one
# PostgreSQL database, with the warm-up after readiness off and on in turn (the baseline in the same run);
# after each start, 100 inquiries one at a time (200 ms apart), each timed from the signed webhook until
# the call is in the owner's queue (the queue API) and until the live stream says so. Reported per
# variant: the 1st inquiry of each start (p50, p99 = the worst of the starts), inquiries 2-100 pooled over
# the starts (p50, p99), and the 100th.
#
#   bench/inquiry/first.sh [starts]
set -euo pipefail
cd "$(dirname "$0")/../.."

starts=${1:-6}
shift || true
secret=bench-webhook-secret
port=${PORT:-8181}
base="http://127.0.0.1:$port"
database=postgres
. bench/server.sh
results="$work/results.txt"
: >"$results"
token=
for s in $(seq 1 "$starts"); do
    if [ $((s % 2)) -eq 1 ]; then variant=off; else variant=on; fi
    start_server "$port" 1g FOLLOWTHROUGH_WEBHOOK_SECRET=$secret FOLLOWTHROUGH_WARM_UP_ENABLED=$([ $variant = on ] && echo true || echo false)
    # what a client does first after a start: wait for readiness, then the inquiries come
    sleep "${SETTLE:-10}"
    if [ -z "$token" ]; then
        curl -sf -u "$admin:$password" -H 'Content-Type: application/json' "$base/api/v1/users" \
            -d '{"email":"first-rep@bench.example","fullName":"First Rep","role":"REP","password":"Copper-Lantern-Meadow-42"}' >/dev/null
        token=$(curl -sf -u "first-rep@bench.example:Copper-Lantern-Meadow-42" -H 'Content-Type: application/json' \
            "$base/api/v1/tokens" -d '{"name":"bench"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
    fi
    java bench/inquiry/FirstInquiry.java "$base" "$secret" "$token" 100 200 | sed "s/^/$variant /" | tee -a "$results" | awk '$2==1 || $2==100'
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
done
summary() { # column 3 = queue, 4 = stream
    awk -v c="$2" "$1" "$results" | sort -n | awk '{a[NR]=$1} END {i=int(NR*0.99); if (i<NR*0.99) i++; if (i<1) i=1; if (i>NR) i=NR; printf "p50 %.0f ms, p99 %.0f ms (n=%d)", a[int((NR+1)/2)], a[i], NR}'
}
for v in off on; do
    echo "warm-up $v, after each start, through the queue API:"
    echo "  1st inquiry:     $(summary '$1=="'$v'" && $2==1 {print $c}' 3)"
    echo "  2nd-100th:       $(summary '$1=="'$v'" && $2>1 {print $c}' 3)"
    echo "  100th:           $(summary '$1=="'$v'" && $2==100 {print $c}' 3)"
    echo "  through the live stream: 1st $(summary '$1=="'$v'" && $2==1 {print $c}' 4); 2nd-100th $(summary '$1=="'$v'" && $2>1 {print $c}' 4)"
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
