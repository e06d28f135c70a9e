-- wrk script: one page, signed in by the session cookie given in COOKIE; reports p50/p95/p99/max.
wrk.headers["Cookie"] = os.getenv("COOKIE")
function done(summary, latency, requests)
    local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout
    io.write(string.format("requests: %d, errors: %d, p50: %.1f ms, p95: %.1f ms, p99: %.1f ms, max: %.1f ms\n",
        summary.requests, errors, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
        latency:percentile(99) / 1000, latency.max / 1000))
end
