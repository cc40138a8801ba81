-- wrk script for the Wallet Care BFF benchmark: POSTs one JSON body, optionally with a bearer token, and prints one
-- machine-readable line at the end. Inputs (environment): BENCH_BODY_FILE (required), BENCH_TOKEN (optional).
-- No request()/response() hooks, so wrk builds the request once and the measurement costs nothing extra per call.

local body_file = os.getenv("BENCH_BODY_FILE")
assert(body_file and body_file ~= "", "BENCH_BODY_FILE is not set")
local f = assert(io.open(body_file, "rb"))
local body = f:read("*a"):gsub("%s+$", "")
f:close()

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

-- non2xx: wrk counts every answer with status > 399 (its "Non-2xx or 3xx responses" line); nothing here redirects.
function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d " ..
    "connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout))
end
