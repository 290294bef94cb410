-- POST one applicant to /api/predict. No response() callback: wrk already counts non-2xx answers
-- (summary.errors.status), and a Lua call per response would spend the CPU the server is measured on.
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("RISKFLAG_TOKEN")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"income":1303834,"age":23,"experience":3,"married":"single","house_ownership":"rented","car_ownership":"no","profession":"Mechanical_engineer","city":"Rewa","state":"Madhya_Pradesh","current_job_yrs":3,"current_house_yrs":13}'

function done(summary, latency, requests)
  io.write(string.format("non-2xx: %d\n", summary.errors.status))
  io.write(string.format("p50 %.2f ms, p99 %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
