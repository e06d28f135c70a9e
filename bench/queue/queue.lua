-- wrk script: each request reads a random rep's queue (or the URI given) with that rep's own API token.
local tokens = {}

function init(args)
    for line in io.lines(os.getenv("TOKENS")) do
        tokens[#tokens + 1] = "Bearer " .. line
    end
    math.randomseed(os.time() + #tostring({}))
end

function request()
    local auth = tokens[math.random(#tokens)]
    return wrk.format("GET", os.getenv("URI") or "/api/v1/queue?limit=100", {["Authorization"] = auth})
end

function done(summary, latency, requests)
    local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout
    io.write(string.format("requests: %d, errors: %d, req/s: %.0f, p50: %.1f ms, p95: %.1f ms, p99: %.1f ms, max: %.1f ms\n",
        summary.requests, errors, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
        latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
