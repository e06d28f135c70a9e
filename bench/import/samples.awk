#!/usr/bin/awk -f
# Summarises `jfr print --events jdk.ExecutionSample`: per thread group, the methods most often on top of
# the stack, and the first FollowThrough method below it (what our code was doing at the time).
/^jdk.ExecutionSample/ { inStack = 0; top = ""; ours = ""; thread = ""; next }
/sampledThread = / { thread = $0; sub(/.*sampledThread = "/, "", thread); sub(/".*/, "", thread);
    sub(/-[0-9]+$/, "", thread); sub(/[0-9]+$/, "", thread); next }
/stackTrace = \[/ { inStack = 1; next }
inStack && /^[ \t]*\]/ {
    inStack = 0; total++; threads[thread]++
    tops[thread " | " top]++
    if (ours != "") owned[thread " | " ours]++
    next
}
inStack {
    frame = $0; sub(/^[ \t]+/, "", frame); sub(/[ \t]+line:.*/, "", frame)
    if (top == "") top = frame
    if (ours == "" && frame ~ /^org\.followthrough\./) ours = frame
}
END {
    printf "%d samples\n", total
    print "by thread:"; for (t in threads) printf "%6.1f%%  %s\n", 100 * threads[t] / total, t | "sort -rn | head -8"; close("sort -rn | head -8")
    print "top frames:"; for (k in tops) printf "%6.1f%%  %s\n", 100 * tops[k] / total, k | "sort -rn | head -25"; close("sort -rn | head -25")
    print "first FollowThrough frame:"; for (k in owned) printf "%6.1f%%  %s\n", 100 * owned[k] / total, k | "sort -rn | head -25"; close("sort -rn | head -25")
}
