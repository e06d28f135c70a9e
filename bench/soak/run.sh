#!/usr/bin/env bash
# A soak: two instances of the packaged server on one fresh PostgreSQL database, sharing the timed work,
# sending email to a local SMTP server (GreenMail, bench/soak/MailSink.java), under a steady mixed load
# for <minutes> (bench/soak/SoakLoad.java): signed web inquiries, calls logged by reps, pages viewed by
# signed-in reps (/today, /prospects, /numbers), a small CSV import every so often, and the emails of the
# first-time-call cadence going out as the timed work makes them due.
#
#   bench/soak/run.sh [minutes]                    default 60
#
# The team: REPS reps (default 6), each with an API token and PROSPECTS prospects of their own (default
# 200, imported, so in the first-time-call cadence). The cadence's email after a call is moved from 10
# minutes to 2 (the only change to the built-in data), so the calls logged during the soak make email
# that goes out during it; the send window is the whole day, so it does whatever the hour. Load (per
# minute, over both instances in turn): INQUIRIES_PER_MINUTE=60, CALLS_PER_MINUTE=60, PAGES_PER_MINUTE=120,
# an import of IMPORT_ROWS=20 every IMPORT_EVERY_SECONDS=30. Each instance has HEAP (default 512m).
#
# Figures per window (WINDOW_SECONDS, 300 by default, 60 for runs shorter than 30 minutes) and per kind:
# count, errors, p50, p99; the heap after a full collection (jcmd GC.run, read from the GC log) per
# window and instance, judged flat when the last is not more than 10% above the one after the first window (the first
# window warms up); emails
# received by the SMTP server against those the database says were sent. Exits 1 on any failed request,
# on any email sent that did not arrive, or on any ERROR in the servers' logs.
set -euo pipefail
cd "$(dirname "$0")/../.."

minutes=${1:-60}
database=postgres
port1=${PORT:-18711}
port2=$((port1 + 1))
smtp_port=${SMTP_PORT:-18725}
secret=soak-webhook-secret
rep_password=Copper-Lantern-Meadow-42
export WINDOW_SECONDS=${WINDOW_SECONDS:-$([ "$minutes" -ge 30 ] && echo 300 || echo 60)}
reps=${REPS:-6}
prospects=${PROSPECTS:-200}
heap=${HEAP:-512m}
command -v jcmd >/dev/null || { echo "jcmd is missing (a JDK is needed, not a JRE)"; exit 1; }
. bench/server.sh
psql_db() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }

# the SMTP server: GreenMail and its mail jars from the project's own test classpath
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/test-classpath" >/dev/null
mail_cp=$(tr ':' '\n' <"$work/test-classpath" | grep -E '/(greenmail|jakarta\.mail|angus-mail|jakarta\.activation-api|angus-activation|slf4j-api)-[0-9]' | paste -sd:)
java -cp "$mail_cp" bench/soak/MailSink.java "$smtp_port" "$work/mail-counts" >"$work/mail-sink.log" 2>&1 &
pids+=($!)
until [ -s "$work/mail-counts" ]; do
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "the SMTP server did not start:"; tail -5 "$work/mail-sink.log"; exit 1; }
    sleep 1
done

settings=(FOLLOWTHROUGH_WEBHOOK_SECRET=$secret SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$smtp_port
    FOLLOWTHROUGH_MAIL_SENDWINDOW_OPENS=00:00 FOLLOWTHROUGH_MAIL_SENDWINDOW_CLOSES=23:59
    FOLLOWTHROUGH_MAIL_SENDWINDOW_DAILYLIMIT=100000)
JAVA_OPTS="-Xlog:gc:file=$work/gc-1.log" start_server "$port1" "$heap" "${settings[@]}" DBSCHEDULER_SCHEDULERNAME=instance-1
pid1=$pid log1=$server_log
JAVA_OPTS="-Xlog:gc:file=$work/gc-2.log" start_server "$port2" "$heap" "${settings[@]}" DBSCHEDULER_SCHEDULERNAME=instance-2
pid2=$pid log2=$server_log
base="http://127.0.0.1:$port1"

echo "setting up: $reps reps with $prospects prospects each, the first-time-call email 2 minutes after the call"
curl -sf -u "$admin:$password" "$base/api/v1/cadences/first-time-calls" \
    | sed -E 's/^\{"key":"[^"]*",/{/; s/"n":[0-9]+,//g; s/,"firstTimeCalls":(true|false)//; s/"amount":10,"unit":"MINUTES"/"amount":2,"unit":"MINUTES"/g' \
    | curl -sf -o /dev/null -u "$admin:$password" -X PUT -H 'Content-Type: application/json' --data-binary @- \
        "$base/api/v1/cadences/first-time-calls"
: >"$work/reps"
for i in $(seq 1 "$reps"); do
    email="rep-$i@soak.example"
    curl -sf -o /dev/null -u "$admin:$password" -H 'Content-Type: application/json' "$base/api/v1/users" \
        -d "{\"email\":\"$email\",\"fullName\":\"Rep $i\",\"role\":\"REP\",\"password\":\"$rep_password\"}"
    token=$(curl -sf -u "$email:$rep_password" -H 'Content-Type: application/json' "$base/api/v1/tokens" \
        -d '{"name":"soak"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
    echo "$email $token" >>"$work/reps"
    awk -v rep="$i" -v n="$prospects" 'BEGIN {
        print "Email,First Name,Last Name,Phone,Company,Country,Title"
        for (k = 1; k <= n; k++) printf "seeded-%d-%d@soak.example,Seeded,Person %d-%d,+1 %s 555 %04d,Company %d,US,Head of Operations\n", rep, k, rep, k, (rep % 2 ? "808" : "907"), rep * 1000 + k, k % 40
    }' >"$work/seed-$i.csv"
    location=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary @"$work/seed-$i.csv" \
        "$base/api/v1/imports" | sed -E 's/.*"location":"([^"]+)".*/\1/')
    until curl -sf -H "Authorization: Bearer $token" "$base$location" | grep -q '"status":"DONE"'; do sleep 1; done
done
echo "  $(psql_db -c "select count(*) || ' prospects, ' || (select count(*) from members) || ' members' from prospects")"

echo "load at start of the soak: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
BASES="http://127.0.0.1:$port1 http://127.0.0.1:$port2" PIDS="$pid1 $pid2" GC_LOGS="$work/gc-1.log $work/gc-2.log" \
    MAIL_COUNTS="$work/mail-counts" REPS="$work/reps" REP_PASSWORD=$rep_password SECRET=$secret MINUTES=$minutes \
    RESULTS="$work/soak.csv" java bench/soak/SoakLoad.java || status=1
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p target/soak && cp "$work/soak.csv" target/soak/ && cp "$work"/gc-*.log target/soak/

# Emails: stop both instances (an email in flight finishes or goes back to PENDING), let the SMTP server
# count once more, then compare with what the database says was sent.
kill "$pid1" "$pid2"
wait "$pid1" "$pid2" 2>/dev/null || true
sleep 3
read -r received distinct <"$work/mail-counts"
sent=$(psql_db -c "select count(*) from outbox where status = 'SENT'")
echo "emails: $received received by the SMTP server ($distinct distinct Message-IDs), $sent sent according to the outbox;" \
    "outbox by status: $(psql_db -c "select string_agg(status || ' ' || n, ', ' order by status) from (select status, count(*) n from outbox group by status) s")"
echo "emails sent after they were due (s): $(psql_db -c "select 'p50 ' || round(percentile_cont(0.5) within group (order by extract(epoch from sent_at - due_at))::numeric, 1) || ', p99 ' || round(percentile_cont(0.99) within group (order by extract(epoch from sent_at - due_at))::numeric, 1) || ', max ' || round(max(extract(epoch from sent_at - due_at))::numeric, 1) from outbox where status = 'SENT'")"
[ "$received" -ge "$sent" ] && [ "$distinct" -eq "$received" ] || { echo "EMAILS LOST OR DUPLICATED"; status=1; }
[ "$sent" -gt 0 ] || { echo "NO EMAIL WAS SENT"; status=1; }
logged=$(cat "$log1" "$log2" | grep -c -E '^\S+\s+ERROR|Exception' || true)
echo "ERROR lines or exceptions in the servers' logs: $logged"
if [ "$logged" -gt 0 ]; then
    cat "$log1" "$log2" | grep -E '^\S+\s+ERROR|Exception' | sort | uniq -c | sort -rn | head -10 | cut -c1-400
    cp "$log1" "$log2" target/soak/
    status=1
fi
echo "per-window figures and GC logs: target/soak/"
exit $status
