-- wrk script for bench/unlock.sh: every request unlocks another wallet (POST /customers/u<run><thread>n<i>/unlock), which
-- the stand-in gateway answers as LOCKED until the unlock's deactivate + activate. Inputs (environment): BENCH_TOKEN,
-- BENCH_PREFIX (letters/digits, one per wrk run, so no two runs share a wallet). Prints one BENCH line like post.lua.

local token = os.getenv("BENCH_TOKEN")
local prefix = os.getenv("BENCH_PREFIX")
assert(token and token ~= "" and prefix and prefix:match("^[0-9A-Za-z]+$"), "BENCH_TOKEN and BENCH_PREFIX are required")
local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local i = 0
function request()
  i = i + 1
  return wrk.format("POST", "/customers/u" .. prefix .. "t" .. tid .. "n" .. i .. "/unlock", headers, "")
end

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
