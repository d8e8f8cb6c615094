-- post.lua: the realistic delivery wrk sends in bench/e2e.sh.
--
-- A Fineract >= 1.5 LOAN REPAYMENT hook POST: the headers Fineract's OkHttp client sends (spec
-- section 2) and the 600-byte envelope of bench/data/loan_repayment_envelope.json (also what
-- parse-route-bench measures). No Connection header, like wrk's own requests: the receivers must
-- keep the connection alive anyway.
--
--   wrk -t2 -c32 -d10s -s bench/post.lua http://127.0.0.1:PORT/hooks
--
-- BENCH_BODY_FILE overrides the body file. With WRK_CHECK_KEEPALIVE=1 the script also counts
-- responses that carry "Connection: close" and prints "keepalive-check: N of M responses closed"
-- at the end (slower: use only for the short check run, not for the measured one).

local function script_dir()
  local src = debug.getinfo(1, "S").source
  return src:match("^@(.*/)") or "./"
end

local path = os.getenv("BENCH_BODY_FILE") or (script_dir() .. "data/loan_repayment_envelope.json")
local f = assert(io.open(path, "rb"), "cannot open " .. path)
local body = f:read("*a")
f:close()

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json; charset=UTF-8"
wrk.headers["X-Fineract-Entity"] = "LOAN"
wrk.headers["X-Fineract-Action"] = "REPAYMENT"
wrk.headers["Fineract-Platform-TenantId"] = "default"
wrk.headers["X-Fineract-Endpoint"] = "https://localhost:8443/fineract-provider/api/"
wrk.headers["User-Agent"] = "okhttp/4.12.0"
wrk.headers["Accept-Encoding"] = "gzip"

if os.getenv("WRK_CHECK_KEEPALIVE") == "1" then
  local threads = {}

  function setup(thread)
    table.insert(threads, thread)
  end

  function init(args)
    closed = 0
    responses = 0
  end

  function response(status, headers, body)
    responses = responses + 1
    for name, value in pairs(headers) do
      if name:lower() == "connection" and value:lower() == "close" then
        closed = closed + 1
      end
    end
  end

  function done(summary, latency, requests)
    local c, n = 0, 0
    for _, t in ipairs(threads) do
      c = c + t:get("closed")
      n = n + t:get("responses")
    end
    io.write(string.format("keepalive-check: %d of %d responses closed\n", c, n))
  end
end
