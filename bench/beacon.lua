-- wrk script: POST a form body to the path; every request from a new reader (a
-- distinct user agent and, as a proxy would report it, a distinct address), so each
-- one goes the whole way to an increment.
local counter = 0
local threads = 0
local path = os.getenv("BENCH_PATH")
-- Each thread its own random sequence, new on every run: unseeded, every thread and
-- every run would send the same readers again, and repeats cost less than new reads.
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
init = function(args)
  math.randomseed(os.time() * 100 + (id or 0))
end
local body = os.getenv("BENCH_BODY") or ""
request = function()
  counter = counter + 1
  local seed = math.random(0, 16777215)
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    -- Addresses from the range set aside for benchmarks (198.18.0.0/15): a header value only.
    ["X-Forwarded-For"] = "198." .. (18 + seed % 2) .. "." .. (math.floor(seed / 2) % 256)
      .. "." .. (math.floor(seed / 512) % 256),
    ["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
      .. "(KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 r" .. counter .. "-" .. math.random(1, 1000000000),
  }
  return wrk.format("POST", path, headers, body)
end
