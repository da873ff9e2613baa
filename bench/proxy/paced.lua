-- Paces wrk to a fixed mean rate: after each response, a connection waits an exponentially distributed time with a
-- mean of DELAY_MS milliseconds, so N connections send about N * 1000 / DELAY_MS requests per second in all, as
-- independent arrivals rather than N requests in lockstep (which would measure a queue, not the proxy).
local mean_ms = tonumber(os.getenv("DELAY_MS") or "10")

function setup(thread)
  thread:set("seed", math.random(1, 2147483647))
end

function init(args)
  math.randomseed(seed)
end

-- wrk takes whole milliseconds; rounding (not truncating) keeps the mean where it was asked.
function delay()
  return math.floor(-math.log(1 - math.random()) * mean_ms + 0.5)
end
