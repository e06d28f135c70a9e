-- wrk script: every request is a new signed signal (a page view with its own id), signed as a sender
-- would: FollowThrough-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">. The HMAC is
-- OpenSSL's, called through LuaJIT's FFI, so signing costs the load tool next to nothing.
local ffi = require("ffi")
ffi.cdef [[
typedef struct evp_md_st EVP_MD;
const EVP_MD *EVP_sha256(void);
unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len, const unsigned char *d, size_t n,
                    unsigned char *md, unsigned int *md_len);
]]
local crypto = ffi.load("crypto")
local threads = 0

function setup(thread)
    thread:set("tid", threads)
    threads = threads + 1
end

function init(args)
    n = 0
    secret = os.getenv("SECRET")
    run = os.getenv("RUN") or tostring(os.time())
    digest = ffi.new("unsigned char[32]")
    length = ffi.new("unsigned int[1]")
end

local function hmac_hex(message)
    crypto.HMAC(crypto.EVP_sha256(), secret, #secret, message, #message, digest, length)
    local hex = {}
    for i = 0, 31 do
        hex[i + 1] = string.format("%02x", digest[i])
    end
    return table.concat(hex)
end

local function view(t)
    n = n + 1
    return string.format(
        '{"id":"bench-%s-%d-%d","type":"PAGE_VIEW","occurredAt":"%s","email":"visitor-%d-%d@bench-visitors.example",' ..
        '"url":"https://www.bench.example/blog/post-%d"}',
        run, tid, n, os.date("!%Y-%m-%dT%H:%M:%SZ", t), tid, n % 1000, n % 100)
end

-- BATCH=n: each request a JSON array of n signals, signed as a whole, as event collectors send them
function request()
    local t = os.time()
    local batch = tonumber(os.getenv("BATCH") or "1")
    local body
    if batch <= 1 then
        body = view(t)
    else
        local views = {}
        for i = 1, batch do
            views[i] = view(t)
        end
        body = "[" .. table.concat(views, ",") .. "]"
    end
    local signature = "t=" .. t .. ",v1=" .. hmac_hex(t .. "." .. body)
    return wrk.format("POST", "/api/v1/signals",
        {["Content-Type"] = "application/json", ["FollowThrough-Signature"] = signature}, body)
end

function done(summary, latency, requests)
    local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout
    io.write(string.format("requests: %d, errors: %d, req/s: %.0f, p50: %.1f ms, p99: %.1f ms, max: %.1f ms\n",
        summary.requests, errors, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
