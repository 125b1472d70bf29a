-- wrk script for scripts/bench.sh: POST /exec/apply switching on one of the 48 lights, dimmers and plugs of the
-- 200-device simulated home (it repeats its kinds in rounds of 11 addresses; those three are the 5th to 7th), a
-- different one each request, so executions rarely interrupt each other on one device.
-- The gateway id comes from the GATEWAY_ID environment variable (bench.sh reads it from GET /setup/gateways),
-- or from the first script argument: wrk ... -s exec-apply.lua URL -- GATEWAY_ID
local gateway = os.getenv("GATEWAY_ID") or "0000-0000-0000"
local targets = {}
for round = 0, 15 do
  for slot = 4, 6 do targets[#targets + 1] = 1100001 + 11 * round + slot end
end
local counter = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

-- Each wrk thread starts at its own place in the list.
local threads = 0
function setup(thread)
  thread:set("offset", threads * 24)
  threads = threads + 1
end

function init(args)
  if args[1] ~= nil then gateway = args[1] end
  counter = tonumber(offset) or 0
end

function request()
  counter = counter + 1
  local address = targets[(counter % #targets) + 1]
  local body = '{"label":"bench","actions":[{"deviceURL":"sim://' .. gateway .. '/' .. address .. '","commands":[{"name":"on"}]}]}'
  return wrk.format(nil, nil, nil, body)
end
