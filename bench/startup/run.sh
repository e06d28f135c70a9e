#!/usr/bin/env bash
# Start to healthy: the packaged jar launched again and again on an embedded database that is already
# migrated (the ordinary restart), timed from the launch to /actuator/health answering UP. Variants are
# interleaved run by run, so they share the machine's load; each is reported as a ratio to the baseline
# (java -jar of the packaged jar, as it is today) measured in the same run.
#
#   bench/startup/run.sh [runs] [variants...]
#   variants: jar (baseline), extracted, cds (extracted + class data sharing archive), cds-lazy,
#             jdk25 (the extracted jar on JDK 25), jdk25-aot (JDK 25 with an ahead-of-time cache, JEP 483/514),
#             spring-aot (the extracted jar with Spring's ahead-of-time processing, -Dspring.aot.enabled=true),
#             cds-spring-aot (that with its own class data sharing archive), jdk25-spring-aot (that on JDK 25
#             with its own ahead-of-time cache)
#   The spring-aot variants need the jar built with ./mvnw -Paot -DskipTests package (the other variants
#   run such a jar as they run any: a processed jar started without the flag ignores what was generated).
#   JAVA25=/path/to/jdk-25/bin/java chooses the JDK 25 (default: Temurin 25 under /usr/lib/jvm)
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${1:-5}
shift || true
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(jar extracted cds)
port=${PORT:-8180}
database=h2
. bench/server.sh

settings=(--server.port="$port" --followthrough.data-dir="$work" --spring.datasource.url="$url")
environment=(FOLLOWTHROUGH_ADMIN_EMAIL=$admin FOLLOWTHROUGH_ADMIN_PASSWORD=$password FOLLOWTHROUGH_DEMO=false)

# the layout Spring Boot's documentation recommends for class data sharing: the jar extracted to
# an application jar with its libraries beside it
java -Djarmode=tools -jar "$work/followthrough.jar" extract --destination "$work/extracted" >/dev/null
app="$work/extracted/followthrough.jar"
[ -f "$app" ] || app=$(ls "$work"/extracted/*.jar | head -1)

# first start: migrates the database (not timed); then the training run that writes the archive: the
# application starts and exits once its context is refreshed (-Dspring.context.exit=onRefresh)
echo "migrating and training the class data sharing archive..."
env "${environment[@]}" java -Xmx512m -XX:ArchiveClassesAtExit="$work/app.jsa" -Dspring.context.exit=onRefresh \
    -jar "$app" "${settings[@]}" >"$work/training.log" 2>&1 || { tail -20 "$work/training.log"; exit 1; }
ls -la "$work/app.jsa" | awk '{printf "archive: %.0f MB\n", $5/1048576}'

# JDK 25: the ahead-of-time cache (classes loaded and linked, method profiles) written by one training
# run that exits once the context is refreshed (-XX:AOTCacheOutput, JEP 514)
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
if printf '%s\n' "${variants[@]}" | grep -q '^jdk25'; then
    [ -x "$java25" ] || { echo "no JDK 25 at $java25 (set JAVA25)"; exit 2; }
    echo "training the JDK 25 ahead-of-time cache..."
    env "${environment[@]}" "$java25" -Xmx512m -XX:AOTCacheOutput="$work/app.aot" -Dspring.context.exit=onRefresh \
        -jar "$app" "${settings[@]}" >"$work/aot-training.log" 2>&1 || { tail -20 "$work/aot-training.log"; exit 1; }
    ls -la "$work/app.aot" | awk '{printf "ahead-of-time cache: %.0f MB\n", $5/1048576}'
fi

# the same two recordings for a start with Spring's ahead-of-time processing: the classes it loads differ
if printf '%s\n' "${variants[@]}" | grep -q 'spring-aot'; then
    unzip -l "$app" 2>/dev/null | grep -c '__ApplicationContextInitializer' >/dev/null \
        || { echo "the jar was not processed ahead of time: build it with ./mvnw -Paot -DskipTests package"; exit 2; }
    echo "training the archive and the cache for the processed start..."
    env "${environment[@]}" java -Xmx512m -XX:ArchiveClassesAtExit="$work/app-spring.jsa" -Dspring.aot.enabled=true \
        -Dspring.context.exit=onRefresh -jar "$app" "${settings[@]}" >"$work/spring-training.log" 2>&1 \
        || { tail -20 "$work/spring-training.log"; exit 1; }
    if [ -x "$java25" ]; then
        env "${environment[@]}" "$java25" -Xmx512m -XX:AOTCacheOutput="$work/app-spring.aot" -Dspring.aot.enabled=true \
            -Dspring.context.exit=onRefresh -jar "$app" "${settings[@]}" >"$work/spring-aot-training.log" 2>&1 \
            || { tail -20 "$work/spring-aot-training.log"; exit 1; }
    fi
fi

command_for() {
    case $1 in
        jar) echo "-jar $work/followthrough.jar" ;;
        extracted) echo "-jar $app" ;;
        cds) echo "-XX:SharedArchiveFile=$work/app.jsa -Xshare:auto -jar $app" ;;
        cds-lazy) echo "-XX:SharedArchiveFile=$work/app.jsa -Xshare:auto -Dspring.main.lazy-initialization=true -jar $app" ;;
        jdk25) echo "-jar $app" ;;
        jdk25-aot) echo "-XX:AOTCache=$work/app.aot -jar $app" ;;
        spring-aot) echo "-Dspring.aot.enabled=true -jar $app" ;;
        cds-spring-aot) echo "-XX:SharedArchiveFile=$work/app-spring.jsa -Xshare:auto -Dspring.aot.enabled=true -jar $app" ;;
        jdk25-spring-aot) echo "-XX:AOTCache=$work/app-spring.aot -Dspring.aot.enabled=true -jar $app" ;;
        *) echo "unknown variant $1" >&2; exit 2 ;;
    esac
}

# time_start <variant>: milliseconds from launch to health UP
time_start() {
    local begin end
    begin=$(date +%s%N)
    # shellcheck disable=SC2046
    local jvm=java
    case $1 in jdk25*) jvm=$java25 ;; esac
    env "${environment[@]}" "$jvm" -Xmx512m $(command_for "$1") "${settings[@]}" >"$work/$1.log" 2>&1 &
    pid=$!
    until curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
        kill -0 "$pid" 2>/dev/null || { echo "$1 did not start:"; tail -20 "$work/$1.log"; exit 1; }
        sleep 0.05
    done
    end=$(date +%s%N)
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=
    echo $(((end - begin) / 1000000))
}

declare -A times
for i in $(seq 1 "$runs"); do
    for v in "${variants[@]}"; do
        t=$(time_start "$v")
        times[$v]="${times[$v]:-} $t"
        echo "run $i $v: $t ms (load $(cut -d' ' -f1 /proc/loadavg))"
    done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
base=$(echo "${times[${variants[0]}]}" | median)
echo "start to health UP, median of $runs (ratio to ${variants[0]}):"
for v in "${variants[@]}"; do
    m=$(echo "${times[$v]}" | median)
    printf "  %-10s %7.0f ms  %.2f×   (runs:%s)\n" "$v" "$m" "$(echo "$m / $base" | bc -l)" "${times[$v]}"
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
