#!/usr/bin/env bash
# Email delivery under a crash: a burst of email to a real SMTP server (GreenMail, in the test JVM)
# from the packaged server, killed with SIGKILL a third of the way through and started again.
#
#   bench/outbox/run.sh [burst] [postgres|h2]        defaults: 10000 postgres
#
# Prints the delivery rate before the kill next to the rate of the same email sent straight over
# one SMTP connection (the baseline), how many distinct emails arrived, how many twice, and how long
# after the restart the last one arrived. PostgreSQL gets a fresh database, dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."

burst=${1:-10000}
database=${2:-postgres}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), load: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$database" = postgres ]; then
    db="followthrough_outbox_$(date +%s)"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $db"
    trap 'psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $db with (force)"' EXIT
    export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SPRING_DATASOURCE_USERNAME=postgres
fi
./mvnw -B -ntp verify -Dspotless.check.skip -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=OutboxCrashIT -Dfollowthrough.outbox.burst="$burst" | grep -E "Tests run:|BUILD" || true
grep -h "outbox crash" target/failsafe-reports/org.followthrough.it.OutboxCrashIT-output.txt
