-- wrk script for bench/serve.py. BENCH_MODE chooses what each request is:
--   page     GET of the URL given to wrk (no per-request Lua: wrk builds it once)
--   beacon   POST of BENCH_BODY to BENCH_PATH from a new reader at a new address
--   outage   beacon and GET of BENCH_PAGE in turn; from BENCH_TAIL seconds on, only
--            GETs of BENCH_PAGE, so the reads still in flight when wrk stops are never
--            beacons: every beacon sent is answered before the end, and the 204s
--            counted here are exactly the reads the server accepted.
-- done() prints one line, "BENCH {json}", that bench/wrk.py reads.
local mode = os.getenv("BENCH_MODE") or "page"
local path = os.getenv("BENCH_PATH")
local body = os.getenv("BENCH_BODY") or ""
local page = os.getenv("BENCH_PAGE")
local tail = tonumber(os.getenv("BENCH_TAIL") or "0")
-- This wrk run's number in the benchmark, so no two runs share an address.
local run = tonumber(os.getenv("BENCH_RUN") or "0")
local threads = {}
local sent = 0
local beacons = 0
local started = nil
-- Globals, not locals: setup() sets thread_id and done() reads answered across threads.
thread_id = 0
answered = 0

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

-- Each beacon from its own /64 in the documentation range 2001:db8::/32 (one limit
-- per address covers a whole IPv6 /64): 10 bits of run, 2 of thread, 20 of counter.
local function address()
  local prefix = (run % 1024) * 4194304 + (thread_id % 4) * 1048576 + (beacons % 1048576)
  return string.format("2001:db8:%x:%x::1", math.floor(prefix / 65536), prefix % 65536)
end

local function beacon()
  beacons = beacons + 1
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Forwarded-For"] = address(),
    ["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
      .. "(KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
  }, body)
end

if mode == "beacon" then
  request = beacon
elseif mode == "outage" then
  request = function()
    started = started or os.time()
    sent = sent + 1
    if sent % 2 == 0 and os.time() - started < tail then
      return beacon()
    end
    return wrk.format("GET", page)
  end
  response = function(status, headers, body)
    if status == 204 then
      answered = answered + 1
    end
  end
end

function done(summary, latency, requests)
  local answered_total = 0
  for _, thread in ipairs(threads) do
    answered_total = answered_total + (thread:get("answered") or 0)
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "seconds": %.3f, "p50_ms": %.3f, "p99_ms": %.3f, '
      .. '"status_errors": %d, "socket_errors": %d, "answered_204": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout, answered_total
  ))
end
