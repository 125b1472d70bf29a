-- wrk script for scripts/bench.sh: POST /exec/apply switching on the simulated on/off light (address 1100005).
-- The gateway id comes from the GATEWAY_ID environment variable (bench.sh reads it from GET /setup/gateways),
-- or from the first script argument: wrk ... -s exec-apply.lua URL -- GATEWAY_ID
local function body_for(gateway)
  return '{"label":"bench","actions":[{"deviceURL":"sim://' .. gateway .. '/1100005","commands":[{"name":"on"}]}]}'
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = body_for(os.getenv("GATEWAY_ID") or "0000-0000-0000")

function init(args)
  if args[1] ~= nil then wrk.body = body_for(args[1]) end
end
