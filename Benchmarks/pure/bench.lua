-- Times Benchmarks/pure/rules.lua in lua5.4 with the method of stx-bench: warm-up, then samples of
-- k checkouts each, the median of the per-checkout CPU times (os.clock: process CPU time), the
-- lowest median of five rounds.
--   lua5.4 Benchmarks/pure/bench.lua 10 100 1000   -> "pure N MICROSECONDS" and "check N SUMMARY"
--   lua5.4 Benchmarks/pure/bench.lua --once 10     -> one checkout (the cold-start run)
--   lua5.4 Benchmarks/pure/bench.lua --repeat 10 200 -> 200 checkouts, untimed (for valgrind)
local here = arg[0]:match("^(.*)/[^/]*$") or "."
local rules = dofile(here .. "/rules.lua")

local WARMUP, SAMPLE, SAMPLES, ROUNDS = 0.3, 0.03, 31, 5

--- Median CPU seconds per call of `body` (one round).
local function median(body)
  local clock = os.clock
  local start, calls = clock(), 0
  while clock() - start < WARMUP do body(); calls = calls + 1 end
  local k = math.max(1, math.ceil(SAMPLE / ((clock() - start) / calls)))
  local times = {}
  for s = 1, SAMPLES do
    local t0 = clock()
    for _ = 1, k do body() end
    times[s] = (clock() - t0) / k
  end
  table.sort(times)
  return times[(SAMPLES + 1) // 2]
end

--- The lowest of ROUNDS medians: on a shared machine other tenants only ever add time.
local function measure(body)
  local best = math.huge
  for _ = 1, ROUNDS do best = math.min(best, median(body)) end
  return best
end

if arg[1] == "--repeat" then
  local source = rules.source(math.tointeger(tonumber(arg[2])) or error("--repeat SIZE COUNT"))
  for _ = 1, math.tointeger(tonumber(arg[3])) or error("--repeat SIZE COUNT") do rules.checkout(source) end
  return
end

if arg[1] == "--once" then
  local tx, receipt = rules.checkout(rules.source(tonumber(arg[2]) or 10))
  print(rules.summary(tx, receipt))
  return
end

for i = 1, #arg do
  local n = math.tointeger(tonumber(arg[i])) or error("sizes must be integers, got " .. arg[i])
  local source = rules.source(n)
  print(string.format("check %d %s", n, rules.summary(rules.checkout(source))))
  local seconds = measure(function() rules.checkout(source) end)
  print(string.format("pure %d %.3f", n, seconds * 1e6))
end
