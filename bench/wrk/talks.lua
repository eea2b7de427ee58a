-- One wrk script for every case, chosen by BENCH_MODE:
--   paths     GET a path picked at random from the file BENCH_PATHS (one path per line)
--   position  POST /api/v1/positions, a new position each time, to BENCH_ROUND for BENCH_PARTY
--   round     POST /api/v1/talks/BENCH_TALK/rounds, a whole new round each time with BENCH_POSITIONS positions
-- Writes send "Authorization: Bearer BENCH_KEY". Ids carry BENCH_RUN, the thread and a counter, so they never clash.
-- done() prints one line, RESULT {json}, that bench/run reads.

local mode = os.getenv("BENCH_MODE") or "paths"
local threads = 0
local paths = {}
local counter = 0
local env = {}

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  for _, name in ipairs({ "BENCH_PATHS", "BENCH_ROUND", "BENCH_PARTY", "BENCH_PARTY_B", "BENCH_HOST", "BENCH_TALK",
                          "BENCH_KEY", "BENCH_RUN", "BENCH_POSITIONS", "BENCH_SEQUENCE" }) do
    env[name] = os.getenv(name)
  end
  math.randomseed(7919 * (thread_number or 1))
  if mode == "paths" then
    for line in io.lines(env.BENCH_PATHS) do
      if #line > 0 then paths[#paths + 1] = line end
    end
  end
end

local sources = '"sourceIds":["article-istanbul-talks-2025"]'

local function position(id, round, party)
  return '{"id":"' .. id .. '","roundId":' .. (round and ('"' .. round .. '"') or 'null') .. ',"partyId":"' .. party ..
    '","topic":"ceasefire","kind":"proposal","summary":"A thirty-day ceasefire along the current line, monitored by a third party.",' ..
    '"quote":"We are ready to stop firing tomorrow.","voicedById":null,"answersId":null,' .. sources .. '}'
end

local function person(party, n)
  return "gen-person-" .. string.sub(party, -2) .. "-" .. n
end

local function round(id, sequence)
  local a, b, host = env.BENCH_PARTY, env.BENCH_PARTY_B, env.BENCH_HOST
  local parts = {}
  for p = 1, tonumber(env.BENCH_POSITIONS or "25") do
    parts[#parts + 1] = position(id .. "-p" .. p, nil, p % 2 == 0 and b or a)
  end
  local statements = {}
  for s = 1, 4 do
    statements[#statements + 1] = '{"id":"' .. id .. '-s' .. s .. '","speakerPersonId":"' .. person(a, 1) .. '","speakerPartyId":"' .. a ..
      '","speakerBody":null,"quote":"We expect the other side to honour what was said.","wording":"verbatim","saidOn":"2025-06-01",' ..
      '"context":"Speaking to reporters.","roundId":null,' .. sources .. '}'
  end
  return '{"id":"' .. id .. '","sequence":' .. sequence .. ',"date":"2025-06-01","startsAt":"2025-06-01T11:00:00+03:00",' ..
    '"durationMinutes":120,"durationBound":"approximately","city":"Geneva","countryCode":"CH","venue":"Palais des Nations",' ..
    '"venueDescription":"A conference hall in Geneva.","summary":"A benchmark round.","outcome":null,"atmosphere":"cordial",' ..
    '"participants":[{"partyId":"' .. a .. '","role":"negotiating-party","notes":null},{"partyId":"' .. b ..
    '","role":"negotiating-party","notes":null},{"partyId":"' .. host .. '","role":"host","notes":"Hosted the round."}],' ..
    '"delegates":[{"personId":"' .. person(a, 1) .. '","partyId":"' .. a .. '","role":"head","notes":null},' ..
    '{"personId":"' .. person(a, 2) .. '","partyId":"' .. a .. '","role":"member","notes":null},' ..
    '{"personId":"' .. person(b, 1) .. '","partyId":"' .. b .. '","role":"head","notes":null},' ..
    '{"personId":"' .. person(b, 2) .. '","partyId":"' .. b .. '","role":"member","notes":null}],' ..
    sources .. ',"positions":[' .. table.concat(parts, ",") .. '],"statements":[' .. table.concat(statements, ",") .. '],' ..
    '"agreements":[{"id":"' .. id .. '-a","roundId":null,"title":"Exchange of 100 prisoners","type":"prisoner-exchange","status":"agreed",' ..
    '"summary":"Each side returns 100 prisoners of war.","agreedOn":"2025-06-01","implementationDate":null,"implementationDateNote":null,' ..
    '"obligations":[{"partyId":"' .. a .. '","description":"Return 100 prisoners of war.","quantity":100,"unit":"prisoners-of-war","beneficiaryPartyId":"' .. b .. '"},' ..
    '{"partyId":"' .. b .. '","description":"Return 100 prisoners of war.","quantity":100,"unit":"prisoners-of-war","beneficiaryPartyId":"' .. a .. '"}],' ..
    sources .. '}]}'
end

function request()
  if mode == "paths" then
    return wrk.format("GET", paths[math.random(#paths)])
  end
  counter = counter + 1
  local id = "bench-" .. env.BENCH_RUN .. "-" .. thread_number .. "-" .. counter
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. env.BENCH_KEY }
  if mode == "position" then
    return wrk.format("POST", "/api/v1/positions", headers, position(id, env.BENCH_ROUND, env.BENCH_PARTY))
  end
  local sequence = tonumber(env.BENCH_SEQUENCE or "1000000") + thread_number * 100000 + counter
  return wrk.format("POST", "/api/v1/talks/" .. env.BENCH_TALK .. "/rounds", headers, round(id, sequence))
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.3f,"perSecond":%.1f,"p50Ms":%.3f,"p99Ms":%.3f,"socketErrors":%d,"badStatus":%d}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end

-- With BENCH_SHOW_ERRORS set, the first refused request's answer is printed, to tell why a case failed.
if os.getenv("BENCH_SHOW_ERRORS") then
  local shown = false
  function response(status, headers, body)
    if status >= 400 and not shown then
      shown = true
      io.write("FIRST ERROR " .. status .. " " .. body .. "\n")
    end
  end
end
