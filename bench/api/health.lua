-- wrk script: the same report for the framework's ceiling (an open endpoint doing no work).
function done(summary, latency, requests)
    local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout
    io.write(string.format("requests: %d, errors: %d, req/s: %.0f, p50: %.1f ms, p99: %.1f ms, max: %.1f ms\n",
        summary.requests, errors, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
