#!/usr/bin/env bash
# JMH micro-benchmarks of FollowThrough's code paths.
#
#   bench/jmh/run.sh [benchmark regex] [JMH options...]     e.g. bench/jmh/run.sh Planner -f 1
#
# Installs the main artifact (tests skipped), compiles the benchmarks against it and runs them on
# the project's classpath. Prints the machine first so results can be recorded with it.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -ntp install -DskipTests -Dspotless.check.skip
./mvnw -q -B -ntp -f bench/jmh/pom.xml compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), load: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -cp "bench/jmh/target/classes:$(cat bench/jmh/target/classpath.txt)" org.openjdk.jmh.Main "$@"
