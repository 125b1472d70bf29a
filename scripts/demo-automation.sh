#!/usr/bin/env bash
# A real-clock demo, across a restart, of the two automation examples of the README:
#  (a) calendar: "work days: open the shutters 30 minutes after dawn but never before 07:00; close at dusk with up to
#      10 minutes of random offset";
#  (b) trigger:  "if the living-room temperature stays above 26 °C for 10 minutes between 11:00 and 18:00 on
#      weekdays, lower the awning" (here with a 120 s delay and a window that contains now, see below).
# It builds the daemon (Release) once, starts it on a temporary data directory with the simulated home, builds both
# examples through the local API only, puts the home where today's dawn + 30 min is about three minutes away,
# warms the living room to 27 °C, kills the daemon with SIGKILL in the middle of the activation delay, restarts it
# on the same data directory and checks that each example fires exactly once, within 2 s of when it should.
# Takes about 5 minutes. Exit status 0 only if both fired once each on time.
#
# Needs: dotnet, curl, jq (Debian: apt-get install jq), GNU date, awk, and the system time zone database (tzdata).
# Environment: SKIP_BUILD=1 uses the existing Release build; KEEP_DATA=1 keeps the data directory even on success.
set -euo pipefail
cd "$(dirname "$0")/.."

LEAD_SECONDS=190          # dawn + 30 min is placed this far after the start of the location search
ACTIVATION_DELAY=120      # the example says 600 s; a demo cannot wait that long
KILL_AFTER=60             # SIGKILL this long after the temperature crossed 26 °C
TOLERANCE_MS=2000

for tool in dotnet curl jq awk date; do
  command -v "$tool" >/dev/null 2>&1 || { echo "demo: $tool is required${tool/jq/ (apt-get install jq)}" >&2; exit 2; }
done
[ -d /usr/share/zoneinfo ] || { echo "demo: the time zone database is missing (apt-get install tzdata)" >&2; exit 2; }

say() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }
now_ms() { date +%s%3N; }
# Local time of a UTC millisecond instant in the home's zone.
local_of() { TZ="${2:-$ZONE}" date -d "@$(($1 / 1000)).$(printf %03d $(($1 % 1000)))" '+%Y-%m-%d %H:%M:%S.%3N %Z'; }
hm_of() { TZ="${2:-$ZONE}" date -d "@$(($1 / 1000))" '+%H:%M:%S'; }
signed() { if [ "$1" -ge 0 ]; then printf '+%d' "$1"; else printf '%d' "$1"; fi; }

# ---- build, data directory, port, token ----
DLL=src/Gateway.Daemon/bin/Release/net10.0/gatewayd.dll
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "building the daemon (Release)"
  dotnet build src/Gateway.Daemon/Gateway.Daemon.csproj -c Release -nologo -v quiet >/dev/null
fi
[ -f "$DLL" ] || { echo "demo: $DLL not found (build failed?)" >&2; exit 2; }

DATA=$(mktemp -d "${TMPDIR:-/tmp}/gatewayd-demo-XXXXXX")
PORT=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 40000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then PORT=$candidate; break; fi
done
[ -n "$PORT" ] || { echo "demo: no free port found" >&2; exit 2; }
BASE=https://127.0.0.1:$PORT
API=$BASE/enduser-mobile-web/1/enduserAPI
ARGS=("--Gateway:DataDirectory=$DATA" "--Gateway:Api:HttpsPort=$PORT" "--Gateway:Api:BindAddress=127.0.0.1"
      "--Gateway:Radios:Simulated:TravelSeconds=2" "--Gateway:Radios:Simulated:SensorIntervalSeconds=100000")
# SensorIntervalSeconds=100000: the simulated sensors stay quiet, so the only temperature the gateway sees is the
# one this demo sets (the default drift of ±0.2 °C every 30 s could cross 26 °C by itself).

DAEMON_PID=""
RESULT=1
cleanup() {
  if [ -n "$DAEMON_PID" ] && kill -0 "$DAEMON_PID" 2>/dev/null; then
    kill -TERM "$DAEMON_PID" 2>/dev/null || true
    wait "$DAEMON_PID" 2>/dev/null || true
  fi
  if [ "$RESULT" = 0 ] && [ "${KEEP_DATA:-0}" != 1 ]; then rm -rf "$DATA"; else echo "data directory and daemon logs kept in $DATA"; fi
}
trap cleanup EXIT

TOKEN=$(dotnet "$DLL" token create --label demo "--Gateway:DataDirectory=$DATA")
AUTH="Authorization: Bearer $TOKEN"

start_daemon() { # $1: log file
  dotnet "$DLL" "${ARGS[@]}" >"$1" 2>&1 &
  DAEMON_PID=$!
  local deadline=$((SECONDS + 30))
  until curl -sfk -o /dev/null "$API/apiVersion"; do
    kill -0 "$DAEMON_PID" 2>/dev/null || { echo "demo: the daemon exited:" >&2; tail -20 "$1" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "demo: the daemon did not become ready" >&2; exit 1; }
    sleep 0.1
  done
}

# call METHOD PATH [JSON]: prints the body; fails the demo on a non-2xx answer. PATH is under the API unless it starts with /.
call() {
  local method=$1 path=$2 url out status
  local -a data=()
  [ $# -lt 3 ] || data=(--data "$3")
  if [[ $path == /* ]]; then url=$BASE$path; else url=$API/$path; fi
  out=$(curl -sk -X "$method" -H "$AUTH" -H 'Content-Type: application/json' "${data[@]}" -w '\n%{http_code}' "$url")
  status=${out##*$'\n'}
  out=${out%$'\n'*}
  if [[ $status != 2* ]]; then echo "demo: $method $path -> $status $out" >&2; exit 1; fi
  printf '%s' "$out"
}

say "starting gatewayd on 127.0.0.1:$PORT, data in $DATA"
start_daemon "$DATA/daemon-1.log"
GW=$(call GET setup/gateways | jq -r '.[0].gatewayId')
say "gateway $GW up"

# ---- where the home is: a real time zone whose local time is 07:30-11:00, a longitude that puts dawn now ----
# Candidates cover every hour of UTC offset; each has a real city for its latitude and a reference longitude.
CANDIDATES="Pacific/Pago_Pago|Pago Pago|-14.28|-170.70
Pacific/Honolulu|Honolulu|21.31|-157.86
America/Anchorage|Anchorage|61.22|-149.90
America/Los_Angeles|Los Angeles|34.05|-118.24
America/Denver|Denver|39.74|-104.99
America/Chicago|Chicago|41.88|-87.63
America/New_York|New York|40.71|-74.01
America/Halifax|Halifax|44.65|-63.57
America/Sao_Paulo|Sao Paulo|-23.55|-46.63
America/Noronha|Fernando de Noronha|-3.85|-32.42
Atlantic/Azores|Ponta Delgada|37.74|-25.68
Europe/London|London|51.51|-0.13
Europe/Paris|Paris|48.86|2.35
Europe/Athens|Athens|37.98|23.73
Europe/Moscow|Moscow|55.76|37.62
Asia/Dubai|Dubai|25.20|55.27
Asia/Karachi|Karachi|24.86|67.01
Asia/Kolkata|Delhi|28.61|77.21
Asia/Dhaka|Dhaka|23.81|90.41
Asia/Bangkok|Bangkok|13.76|100.50
Asia/Shanghai|Shanghai|31.23|121.47
Asia/Tokyo|Tokyo|35.68|139.69
Australia/Sydney|Sydney|-33.87|151.21
Pacific/Noumea|Noumea|-22.27|166.46
Pacific/Auckland|Auckland|-36.85|174.76
Pacific/Tongatapu|Nuku'alofa|-21.14|-175.20
Pacific/Kiritimati|Kiritimati|1.87|-157.43"

put_location() { # tz city lat lon
  call PUT setup/location "$(jq -nc --arg tz "$1" --arg city "$2" --argjson lat "$3" --argjson lon "$4" \
    '{city:$city,timezone:$tz,latitude:$lat,longitude:$lon}')" >/dev/null
}
dawn_utc() { call GET setup/dawnTime | jq -r '.utc // empty'; }

SEARCH_START=$(now_ms)
TARGET_FIRE=$((SEARCH_START + LEAD_SECONDS * 1000))   # when dawn + 30 min should be
TARGET_DAWN=$((TARGET_FIRE - 30 * 60 * 1000))
say "looking for a place whose dawn + 30 min is $(date -u -d "@$((TARGET_FIRE / 1000))" +%H:%M:%S) UTC (in ${LEAD_SECONDS} s)"
BEST=""
while IFS='|' read -r tz city lat reflon; do
  hhmm=$(TZ=$tz date +%H%M); hhmm=$((10#$hhmm))
  { [ "$hhmm" -ge 730 ] && [ "$hhmm" -lt 1100 ]; } || continue
  # Dawn is nearly linear in longitude (about 4 min per degree, earlier to the east): secant steps from the city.
  lon0=$reflon; put_location "$tz" "$city" "$lat" "$lon0"; d0=$(dawn_utc)
  lon1=$(awk -v r="$reflon" 'BEGIN { printf "%.6f", (r > 0 ? r - 1 : r + 1) }'); put_location "$tz" "$city" "$lat" "$lon1"; d1=$(dawn_utc)
  lon=""
  for _ in $(seq 1 8); do
    { [ -n "$d0" ] && [ -n "$d1" ] && [ "$d0" != "$d1" ]; } || break
    lon2=$(awk -v a="$lon0" -v b="$lon1" -v da="$d0" -v db="$d1" -v t="$TARGET_DAWN" \
      'BEGIN { v = b + (t - db) * (b - a) / (db - da); if (v < -180) v = -180; if (v > 180) v = 180; printf "%.6f", v }')
    put_location "$tz" "$city" "$lat" "$lon2"; d2=$(dawn_utc)
    lon0=$lon1; d0=$d1; lon1=$lon2; d1=$d2
    if [ -n "$d2" ] && [ "$d2" -ge $((TARGET_DAWN - 1500)) ] && [ "$d2" -le $((TARGET_DAWN + 1500)) ]; then lon=$lon2; break; fi
  done
  if [ -z "$lon" ]; then say "  $tz (local $(TZ=$tz date +%H:%M)): dawn cannot be placed now at latitude $lat"; continue; fi
  lon=$(awk -v l="$lon" 'BEGIN { printf "%.6f", l }')
  shift_deg=$(awk -v l="$lon" -v r="$reflon" 'BEGIN { d = l - r; if (d < 0) d = -d; printf "%.2f", d }')
  say "  $tz (local $(TZ=$tz date +%H:%M)): longitude $lon, ${shift_deg}° from $city"
  if [ -z "$BEST" ] || awk -v a="$shift_deg" -v b="${BEST##*|}" 'BEGIN { exit !(a < b) }'; then
    BEST="$tz|$city|$lat|$reflon|$lon|$shift_deg"
  fi
done <<<"$CANDIDATES"
[ -n "$BEST" ] || { echo "demo: no time zone has a local time between 07:30 and 11:00 right now?" >&2; exit 1; }
IFS='|' read -r ZONE CITY LAT REFLON LON SHIFT <<<"$BEST"
put_location "$ZONE" "Demo home near $CITY" "$LAT" "$LON"
DAWN=$(dawn_utc)
EXPECTED_OPEN=$((DAWN + 30 * 60 * 1000))
TODAY=$(TZ=$ZONE date +%Y-%m-%d)
DOW=$(TZ=$ZONE date +%u)            # 1 = Monday ... 7 = Sunday
DAYNAME=$(TZ=$ZONE date +%A)
DIRECTION=$(awk -v l="$LON" -v r="$REFLON" 'BEGIN { print (l < r) ? "west" : "east" }')
echo
echo "Home: time zone $ZONE (local time now $(TZ=$ZONE date +%H:%M:%S), $DAYNAME $TODAY), latitude $LAT, longitude $LON"
echo "      i.e. ${SHIFT}° $DIRECTION of $CITY ($REFLON), so that today's dawn is $(local_of "$DAWN")"
echo "(a) expected: open the shutters at dawn + 30 min = $(local_of "$EXPECTED_OPEN")"
echo "    07:00 bound: local time is already past 07:00, so 'never before 07:00' cannot move today's firing on the real"
echo "    clock; the schedule preview below shows it on a date where it does."
echo

# ---- the scenes ----
scene() { # label command address...
  local label=$1 command=$2; shift 2
  local actions
  actions=$(for a in "$@"; do jq -nc --arg url "sim://$GW/$a" --arg c "$command" '{deviceURL:$url,commands:[{name:$c}]}'; done | jq -sc .)
  call POST actionGroups "$(jq -nc --arg l "$label" --argjson a "$actions" '{label:$l,actions:$a}')" | jq -r .actionGroupOID
}
OPEN=$(scene "Open the shutters" open 1100001 1100002)
CLOSE=$(scene "Close the shutters" close 1100001 1100002)
AWNING=$(scene "Lower the awning" deploy 1100004)
say "scenes: open $OPEN, close $CLOSE, awning $AWNING"

# Work days are Monday to Friday (dayMask bits 0..4); a demo run on a week-end adds today.
MASK=31
WEEKDAY_NOTE="today ($DAYNAME) is a work day"
if [ "$DOW" -ge 6 ]; then
  MASK=$((31 | (1 << (DOW - 1))))
  WEEKDAY_NOTE="today is a $DAYNAME: the demo adds $DAYNAME to the work days (dayMask $MASK instead of 31)"
fi

# ---- (a) the calendar ----
DAY=$(call POST setup/calendar/days "$(jq -nc --arg open "$OPEN" --arg close "$CLOSE" '{label:"Work days",type:"WORK_DAY",dayTimeTriggers:[
  {startActionGroupTimeTrigger:{triggerType:"DAWN",dawnOffset:30,alwaysAfterHours:7,alwaysAfterMinutes:0,actionGroupOID:$open}},
  {startActionGroupTimeTrigger:{triggerType:"DUSK",duskOffset:0,randomTimeOffset:10,actionGroupOID:$close}}]}')" | jq -r .calendarDayOID)
RULE=$(call POST setup/calendar/rules "$(jq -nc --arg day "$DAY" --argjson mask "$MASK" \
  '{weeklyCalendarRule:{priority:1,calendarDayOID:$day,finalRule:false,dayMask:$mask}}')" | jq -r .calendarRuleOID)
call GET setup/calendar/status | jq -e '.enabled == true' >/dev/null || call PUT setup/calendar/status '{"enabled":true}' >/dev/null
say "(a) calendar day $DAY, rule $RULE; $WEEKDAY_NOTE"
PREVIEW=$(call GET "setup/calendar/schedule/${TODAY//-//}")
PREVIEW_OPEN=$(jq -r '.firings[] | select(.triggerIndex == 0) | .utc' <<<"$PREVIEW")
PREVIEW_CLOSE=$(jq -r '.firings[] | select(.triggerIndex == 1) | .utc' <<<"$PREVIEW")
say "    preview of today: open at $(local_of "$PREVIEW_OPEN"), close at $(local_of "$PREVIEW_CLOSE") (dusk $(hm_of "$(call GET setup/duskTime | jq -r .utc)") ± 10 min random offset; after this demo)"
[ "$PREVIEW_OPEN" = "$EXPECTED_OPEN" ] || say "    note: the preview's open time differs from dawnTime + 30 min by $((PREVIEW_OPEN - EXPECTED_OPEN)) ms"

# The 07:00 bound: find a coming work day where dawn + 30 min is before 07:00 at this place and show its preview.
BOUND_SHOWN=""
for offset in $(seq 1 7 366); do   # one day a week over the coming year
  date_i=$(date -u -d "$TODAY + $offset days" +%Y-%m-%d)
  dow_i=$(date -d "$date_i" +%u)
  [ $((MASK & (1 << (dow_i - 1)))) -ne 0 ] || continue
  d=$(call GET "setup/dawnTime/${date_i//-//}" | jq -r '.utc // empty')
  [ -n "$d" ] || continue
  hm=$(TZ=$ZONE date -d "@$(((d + 1800000) / 1000))" +%H%M)
  if [ $((10#$hm)) -lt 700 ]; then
    f=$(call GET "setup/calendar/schedule/${date_i//-//}" | jq -r '.firings[] | select(.triggerIndex == 0) | .localTime')
    BOUND_SHOWN="on $date_i dawn + 30 min is $(TZ=$ZONE date -d "@$(((d + 1800000) / 1000))" +%H:%M), and the preview says the shutters open at $f"
    break
  fi
done
if [ -n "$BOUND_SHOWN" ]; then say "    07:00 bound, by preview: $BOUND_SHOWN"
else say "    07:00 bound: at this place dawn + 30 min is after 07:00 on every work day of the coming year; the bound cannot be shown"; fi

# ---- (b) the trigger ----
NOW_MIN=$((10#$(TZ=$ZONE date +%H) * 60 + 10#$(TZ=$ZONE date +%M)))
START_MIN=$(((NOW_MIN / 15) * 15 - 15)); [ "$START_MIN" -ge 0 ] || START_MIN=0
STOP_MIN=1080; [ "$STOP_MIN" -gt $((NOW_MIN + 30)) ] || STOP_MIN=$(((NOW_MIN + 240) > 1440 ? 1440 : NOW_MIN + 240))
WINDOW=$(printf '%02d:%02d-%02d:%02d' $((START_MIN / 60)) $((START_MIN % 60)) $((STOP_MIN / 60)) $((STOP_MIN % 60)))
TEMP_URL="sim://$GW/1100008#1"
TRIGGER=$(call POST triggers "$(jq -nc --arg url "$TEMP_URL" --arg awning "$AWNING" --argjson delay "$ACTIVATION_DELAY" \
  --argjson start "$START_MIN" --argjson stop "$STOP_MIN" --argjson mask "$MASK" '{ifThenSetupTrigger:{
    label:"Lower the awning when the living room is hot", mode:3,
    schedulingIntervals:[{weekHours:{startMinutes:$start,stopMinutes:$stop,startType:"TIME",stopType:"TIME",dayMask:$mask}}],
    rootConditionBlock:{staticDeviceStateCondition:{deviceURL:$url,stateName:"core:TemperatureState",operator:"GREATER_THAN",
      value1:"26",type:"EVENT_BASED",activationDelay:$delay}},
    effects:[{actionGroupEffect:{actionGroupOID:$awning}}]}}')" | jq -r .setupTriggerOID)
say "(b) trigger $TRIGGER: temperature > 26 °C for ${ACTIVATION_DELAY} s, $WINDOW, dayMask $MASK -> lower the awning"
say "    substitutions: activation delay 600 s -> ${ACTIVATION_DELAY} s, window 11:00-18:00 -> $WINDOW (it is $(TZ=$ZONE date +%H:%M) there now)$([ "$DOW" -ge 6 ] && echo ", $DAYNAME added to the weekdays")"

say "    before: bedroom shutter closure $(call GET "setup/devices/sim%3A%2F%2F$GW%2F1100002/states/core%3AClosureState" | jq -r .value) (100 = closed), awning deployment $(call GET "setup/devices/sim%3A%2F%2F$GW%2F1100004/states/core%3ADeploymentState" | jq -r .value)"
TEMP_NOW=$(call GET "setup/devices/sim%3A%2F%2F$GW%2F1100008%231/states/core%3ATemperatureState" | jq -r .value)
say "    living room is at $TEMP_NOW °C"

# ---- warm the living room, then pull the plug in the middle of the activation delay ----
before=$(now_ms)
call PUT "/gatewayd/simulation/devices/1100008%231/states" '[{"name":"core:TemperatureState","value":27}]' >/dev/null
after=$(now_ms)
CROSSED=$(((before + after) / 2))
EXPECTED_AWNING=$((CROSSED + ACTIVATION_DELAY * 1000))
sleep 0.5
STATUS=$(call GET "triggers/ifThenSetupTrigger/$TRIGGER/status")
DEADLINE=$(jq -r '.activationDeadline // empty' <<<"$STATUS")
say "living room set to 27 °C at $(local_of "$CROSSED") (PUT took $((after - before)) ms)"
echo "(b) expected: lower the awning at crossing + ${ACTIVATION_DELAY} s = $(local_of "$EXPECTED_AWNING")"
say "    trigger status: condition $(jq -r '.subTriggersStatus[0].active' <<<"$STATUS"), window $(jq -c '.schedulingIntervalsStatus' <<<"$STATUS"), activationDeadline ${DEADLINE:+$(local_of "$DEADLINE")}"
[ -n "$DEADLINE" ] || { echo "demo: the trigger did not start its activation delay" >&2; exit 1; }

wait_ms=$((CROSSED + KILL_AFTER * 1000 - $(now_ms)))
[ "$wait_ms" -le 0 ] || sleep "$((wait_ms / 1000)).$(printf %03d $((wait_ms % 1000)))"
say "kill -9 gatewayd (pid $DAEMON_PID), $(( ($(now_ms) - CROSSED) / 1000 )) s into the ${ACTIVATION_DELAY} s delay"
kill -KILL "$DAEMON_PID"
wait "$DAEMON_PID" 2>/dev/null || true
DAEMON_PID=""
sleep 2
start_daemon "$DATA/daemon-2.log"
say "gatewayd restarted on the same data directory (pid $DAEMON_PID)"
STATUS=$(call GET "triggers/ifThenSetupTrigger/$TRIGGER/status")
AFTER_DEADLINE=$(jq -r '.activationDeadline // empty' <<<"$STATUS")
say "    after the restart: temperature $(call GET "setup/devices/sim%3A%2F%2F$GW%2F1100008%231/states/core%3ATemperatureState" | jq -r .value) °C, activationDeadline $(if [ -n "$AFTER_DEADLINE" ]; then local_of "$AFTER_DEADLINE"; else echo none; fi)"
grep -h -E "trigger\(s\)|activation|calendar" "$DATA/daemon-2.log" | sed -E 's/^/            log: /' | cut -c1-200 || true

# ---- watch ----
LISTENER=$(call POST events/register | jq -r .id)
END=$(( (EXPECTED_OPEN > EXPECTED_AWNING ? EXPECTED_OPEN : EXPECTED_AWNING) + 60000 ))
history_of() { call GET history/executions | jq -c --arg s "$1" '[.[] | select(.source == $s)]'; }
OPEN_SRC="calendar:$DAY:0"
AWNING_SRC="trigger:$TRIGGER"
say "waiting for $(hm_of "$EXPECTED_AWNING") (awning) and $(hm_of "$EXPECTED_OPEN") (shutters), $ZONE time"
while [ "$(now_ms)" -lt "$END" ]; do
  call POST "events/$LISTENER/fetch" | jq -r --arg tz "$ZONE" \
    '.[] | select(.name == "ExecutionRegisteredEvent" or (.name == "ExecutionStateChangedEvent" and (.newState == "COMPLETED" or .newState == "FAILED")))
         | "\(.name) \(.execId) \(.label // .newState)"' | while read -r line; do say "  event: $line"; done
  o=$(history_of "$OPEN_SRC" | jq length); a=$(history_of "$AWNING_SRC" | jq length)
  [ "$o" -ge 1 ] && [ "$a" -ge 1 ] && break
  sleep 1
done
sleep 5   # would either fire a second time?
grep -h -E "fired|started action group" "$DATA/daemon-2.log" | sed -E 's/^/            log: /' | cut -c1-220 || true

# ---- verdict ----
echo
echo "Result ($ZONE local times; actual = effectiveStartTime in GET /history/executions):"
status=0
report() { # name source expected
  local rows count start delta
  rows=$(history_of "$2"); count=$(jq length <<<"$rows")
  if [ "$count" -ne 1 ]; then
    printf '  %-28s expected %s   fired %d times   FAIL\n' "$1" "$(hm_of "$3").$(printf %03d $(($3 % 1000)))" "$count"; status=1; return
  fi
  start=$(jq -r '.[0].effectiveStartTime' <<<"$rows")
  delta=$((start - $3))
  local verdict=OK
  [ "${delta#-}" -le "$TOLERANCE_MS" ] || { verdict=FAIL; status=1; }
  printf '  %-28s expected %s   actual %s   delta %s ms   %s (%s)\n' "$1" "$(hm_of "$3").$(printf %03d $(($3 % 1000)))" \
    "$(hm_of "$start").$(printf %03d $((start % 1000)))" "$(signed "$delta")" "$verdict" "$(jq -r '.[0].state' <<<"$rows")"
}
report "(a) open the shutters" "$OPEN_SRC" "$EXPECTED_OPEN"
report "(b) lower the awning" "$AWNING_SRC" "$EXPECTED_AWNING"
echo "  (b) the gateway's own deadline was $(hm_of "$DEADLINE").$(printf %03d $((DEADLINE % 1000))) before the kill and $(if [ -n "$AFTER_DEADLINE" ]; then echo "$(hm_of "$AFTER_DEADLINE").$(printf %03d $((AFTER_DEADLINE % 1000)))"; else echo none; fi) after the restart"
state_of() { call GET "setup/devices/sim%3A%2F%2F$GW%2F$1/states/$2" | jq -r .value; }
echo "  devices now: living-room shutter closure $(state_of 1100001 core%3AClosureState), bedroom shutter closure $(state_of 1100002 core%3AClosureState) (0 = open), awning deployment $(state_of 1100004 core%3ADeploymentState) (100 = lowered)"
others=$(call GET history/executions | jq -r --arg o "$OPEN_SRC" --arg a "$AWNING_SRC" '[.[] | select(.source != $o and .source != $a)] | length')
[ "$others" -eq 0 ] || { echo "  unexpected: $others other execution(s) in the history"; status=1; }
if [ "$status" -eq 0 ]; then echo "PASS: both examples fired once each, within ${TOLERANCE_MS} ms, across a kill -9 and restart"
else echo "FAIL"; fi
RESULT=$status
exit "$status"
