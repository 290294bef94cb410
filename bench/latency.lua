-- Prints p50/p99 and the non-2xx count for a plain GET run (with the bench token, for pages that need one).
local token = os.getenv("RISKFLAG_TOKEN")
if token then wrk.headers["Authorization"] = "Bearer " .. token end

function done(summary, latency, requests)
  io.write(string.format("non-2xx: %d\n", summary.errors.status))
  io.write(string.format("p50 %.2f ms, p99 %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
