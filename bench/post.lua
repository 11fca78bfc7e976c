-- wrk: POST the body in BENCH_BODY with the headers the bench sets (wrk -s bench/post.lua).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local key = os.getenv("BENCH_KEY")
if key and key ~= "" then wrk.headers["X-API-Key"] = key end
wrk.body = os.getenv("BENCH_BODY")
