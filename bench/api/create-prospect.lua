-- wrk script: every request creates a new prospect with a unique email.
local threads = 0

function setup(thread)
    thread:set("tid", threads)
    threads = threads + 1
end

function init(args)
    n = 0
    auth = os.getenv("AUTH")
end

function request()
    n = n + 1
    local body = string.format(
        '{"fullName":"Load Test %d-%d","email":"load-%d-%d-%d@bench.example","phone":"+1 212 555 %04d",' ..
        '"company":"Bench Company %d","country":"US"}',
        tid, n, tid, n, os.time(), n % 10000, n % 500)
    return wrk.format("POST", "/api/v1/prospects",
        {["Content-Type"] = "application/json", ["Authorization"] = auth}, body)
end

function done(summary, latency, requests)
    local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout
    io.write(string.format("requests: %d, errors: %d, req/s: %.0f, p50: %.1f ms, p99: %.1f ms, max: %.1f ms\n",
        summary.requests, errors, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
