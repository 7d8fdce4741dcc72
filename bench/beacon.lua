-- wrk script: POST a form body to the path; every request from a new reader
-- (a distinct user agent), so each one goes the whole way to an increment.
local counter = 0
local path = os.getenv("BENCH_PATH")
local body = os.getenv("BENCH_BODY") or ""
request = function()
  counter = counter + 1
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
      .. "(KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 r" .. counter .. "-" .. math.random(1, 1000000000),
  }
  return wrk.format("POST", path, headers, body)
end
