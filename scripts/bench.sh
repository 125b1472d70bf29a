#!/usr/bin/env bash
# Benchmarks the local API of a Release build of gatewayd with wrk and records the results in docs/benchmarks.md.
#
#   ./scripts/bench.sh
#   GATEWAYD_BINARY=artifacts/publish/linux-x64/gatewayd ./scripts/bench.sh   # the NativeAOT binary instead
#
# Starts a throw-away daemon (temp data directory, simulated home of 200 devices, HTTPS on a free loopback port),
# measures time to ready and resident memory, then runs wrk against GET /setup/devices, the constant-bytes
# baseline GET /gatewayd/bench/static-devices, and POST /exec/apply. Takes about two minutes.
# Environment: DURATION (default 15s), THREADS (2), CONNECTIONS (32), WARMUP (10s per GET route),
# BENCH_OUTPUT (default docs/benchmarks.md; empty to skip writing), GATEWAYD_BINARY (a published gatewayd to measure
# instead of `dotnet gatewayd.dll`; its results go to their own block, bench:local-api-aot).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

DURATION="${DURATION:-15s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
WARMUP="${WARMUP:-10s}"
HOME_SIZE=200
OUTPUT="${BENCH_OUTPUT-docs/benchmarks.md}"
API=/enduser-mobile-web/1/enduserAPI
DLL="$ROOT/src/Gateway.Daemon/bin/Release/net10.0/gatewayd.dll"
BINARY="${GATEWAYD_BINARY:-}"
if [ -n "$BINARY" ]; then
  BINARY="$(realpath "$BINARY")"
  DAEMON=("$BINARY")
  DAEMON_SHOWN="${BINARY#"$ROOT"/}"
  BLOCK=local-api-aot
else
  DAEMON=(dotnet "$DLL")
  DAEMON_SHOWN="dotnet src/Gateway.Daemon/bin/Release/net10.0/gatewayd.dll"
  BLOCK=local-api
fi

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench.sh: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq wrk >/dev/null
fi
command -v curl >/dev/null 2>&1 || die "curl is needed"

if [ -n "$BINARY" ]; then
  [ -x "$BINARY" ] || die "GATEWAYD_BINARY $BINARY is not an executable file"
else
  log "building gatewayd (Release)"
  dotnet build src/Gateway.Daemon -c Release -nologo -v quiet >&2
  [ -f "$DLL" ] || die "build output not found at $DLL"
fi

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  die "no free port found"
}

DATA="$(mktemp -d "${TMPDIR:-/tmp}/gatewayd-bench.XXXXXX")"
DAEMON_LOG="$DATA/daemon.out"
PID=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 1 200); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
  rm -rf "$DATA"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT="$(free_port)"
BASE="https://127.0.0.1:$PORT"

log "creating a token"
TOKEN="$("${DAEMON[@]}" token create --label bench "--Gateway:DataDirectory=$DATA")"
[ -n "$TOKEN" ] || die "token create printed nothing"
AUTH="Authorization: Bearer $TOKEN"

DAEMON_ARGS=(
  "--Gateway:DataDirectory=$DATA"
  "--Gateway:Api:HttpsPort=$PORT"
  "--Gateway:Api:BindAddress=127.0.0.1"
  "--Gateway:Radios:Simulated:HomeSize=$HOME_SIZE"
  "--Gateway:Api:BenchmarkRoutes=true"
  "--Gateway:Engine:MaxConcurrentExecutions=100000"
)

# Other work on the machine skews every figure; how idle the CPUs were just before goes into the report.
cpu_idle_percent() {
  local a b
  a="$(awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)"
  sleep 1
  b="$(awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)"
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.0f", 100 * (y[1] - x[1]) / (y[2] - x[2]) }'
}
IDLE_BEFORE="$(cpu_idle_percent)"

log "starting gatewayd on port $PORT"
START_US="${EPOCHREALTIME/./}"
"${DAEMON[@]}" "${DAEMON_ARGS[@]}" >"$DAEMON_LOG" 2>&1 &
PID=$!

READY_MS=""
while [ -z "$READY_MS" ]; do
  kill -0 "$PID" 2>/dev/null || { cat "$DAEMON_LOG" >&2; die "gatewayd exited during startup"; }
  if [ "$(curl -sk -o /dev/null -w '%{http_code}' --max-time 1 "$BASE$API/apiVersion" || true)" = 200 ]; then
    READY_MS=$(( (${EPOCHREALTIME/./} - START_US) / 1000 ))
  elif [ $(( (${EPOCHREALTIME/./} - START_US) / 1000 )) -gt 30000 ]; then
    cat "$DAEMON_LOG" >&2; die "gatewayd not answering after 30 s"
  else
    sleep 0.02
  fi
done

LOGGED_READY_MS=""
for _ in $(seq 1 100); do
  LOGGED_READY_MS="$(sed -n 's/.*ready in \([0-9][0-9]*\) ms.*/\1/p' "$DAEMON_LOG" | head -n 1)"
  [ -n "$LOGGED_READY_MS" ] && break
  sleep 0.05
done

CLK_TCK="$(getconf CLK_TCK)"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; } # utime + stime of the daemon
rss_kb() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$PID/status"; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
RSS_READY_KB="$(rss_kb VmRSS)"

get() { curl -sk --fail --max-time 5 -H "$AUTH" "$BASE$1"; }

# Discovery of the simulated home goes on after "ready"; wait for every device so that the static baseline
# (captured on its first call) is the full list.
log "waiting for $HOME_SIZE devices"
COUNT=0
for _ in $(seq 1 200); do
  COUNT="$(get "$API/setup/devices" | grep -o '"deviceURL"' | wc -l)" || true
  [ "$COUNT" -ge "$HOME_SIZE" ] && break
  sleep 0.05
done
[ "$COUNT" -ge "$HOME_SIZE" ] || die "only $COUNT of $HOME_SIZE devices after 10 s"

STATIC_BYTES="$(get /gatewayd/bench/static-devices | wc -c)"
DYNAMIC_BYTES="$(get "$API/setup/devices" | wc -c)"
[ "$STATIC_BYTES" -gt 1000 ] || die "static baseline route answered $STATIC_BYTES bytes (is BenchmarkRoutes on?)"

GATEWAY_ID="$(get "$API/setup/gateways" | sed -n 's/.*"gatewayId":"\([^"]*\)".*/\1/p')"
[ -n "$GATEWAY_ID" ] || die "no gatewayId in /setup/gateways"
export GATEWAY_ID

# Latency as printed by wrk (us, ms or s) in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}

declare -A RPS P50 P99 NON2XX ERRORS CPU_US
WRK_CMD="wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -H 'Authorization: Bearer \$TOKEN'"
run_wrk() { # name, path, extra wrk arguments...
  local name="$1" path="$2" out ticks requests
  shift 2
  log "wrk $name ($DURATION)"
  ticks="$(cpu_ticks)"
  out="$(wrk "-t$THREADS" "-c$CONNECTIONS" "-d$DURATION" --latency -H "$AUTH" "$@" "$BASE$path")"
  ticks=$(( $(cpu_ticks) - ticks ))
  printf '%s\n' "$out" >&2
  requests="$(awk '/ requests in / { print $1 }' <<<"$out")"
  CPU_US[$name]="$(awk -v t="$ticks" -v hz="$CLK_TCK" -v n="${requests:-0}" 'BEGIN { printf "%.0f", (n > 0 ? t * 1e6 / hz / n : 0) }')"
  RPS[$name]="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")"
  P50[$name]="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
  P99[$name]="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  NON2XX[$name]="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")"
  NON2XX[$name]="${NON2XX[$name]:-0}"
  ERRORS[$name]="$(awk '/Socket errors:/ { e = 0; for (i = 3; i <= NF; i += 2) e += $(i + 1) + 0; print e }' <<<"$out")"
  ERRORS[$name]="${ERRORS[$name]:-0}"
}

# Both GET routes get the same warm-up first. The first ~20 s under load are slower (JIT tiers, the GC heap growing
# from ~95 to ~190 MB), and without it whichever route ran first came out 20-40 % behind the other.
for path in "$API/setup/devices" /gatewayd/bench/static-devices; do
  wrk "-t$THREADS" "-c$CONNECTIONS" "-d$WARMUP" -H "$AUTH" "$BASE$path" >/dev/null
done

run_wrk dynamic "$API/setup/devices"
run_wrk static /gatewayd/bench/static-devices
RSS_GET_KB="$(rss_kb VmRSS)"
run_wrk exec "$API/exec/apply" -s "$ROOT/scripts/bench/exec-apply.lua"
RSS_LOAD_KB="$(rss_kb VmRSS)"
RSS_PEAK_KB="$(rss_kb VmHWM)"
STILL_RUNNING="$(get "$API/exec/current" | grep -o '"executionType"' | wc -l)" || true
# The daemon gives memory back once it has been quiet for a while (Hosting/MemoryTrimmer, checks every 10 s).
sleep "${QUIET_WAIT_S:-25}"
RSS_QUIET_KB="$(rss_kb VmRSS)"

RATIO="$(awk -v d="${RPS[dynamic]}" -v s="${RPS[static]}" 'BEGIN { printf "%.2f", (s > 0 ? d / s : 0) }')"

TABLE="$(
  echo "| Request | Requests/s | p50 (ms) | p99 (ms) | Daemon CPU/request (µs) | Non-2xx | Socket errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for name in dynamic static exec; do
    case "$name" in
      dynamic) label="\`GET /setup/devices\` ($DYNAMIC_BYTES bytes)" ;;
      static) label="\`GET /gatewayd/bench/static-devices\` ($STATIC_BYTES bytes)" ;;
      exec) label="\`POST /exec/apply\` (\`on\`, rotating over 48 lights and plugs)" ;;
    esac
    echo "| $label | ${RPS[$name]} | ${P50[$name]} | ${P99[$name]} | ${CPU_US[$name]} | ${NON2XX[$name]} | ${ERRORS[$name]} |"
  done
  echo
  echo "| Figure | Value |"
  echo "|---|---:|"
  echo "| \`/setup/devices\` ÷ static baseline (requests/s) | $RATIO |"
  echo "| Time to ready, process start → first \`apiVersion\` answer | $READY_MS ms |"
  echo "| Time to ready, as logged (\"ready in N ms\") | ${LOGGED_READY_MS:-?} ms |"
  echo "| Resident memory after ready | $(mb "$RSS_READY_KB") MB |"
  echo "| Resident memory after the GET runs | $(mb "$RSS_GET_KB") MB |"
  echo "| Resident memory after the exec/apply run | $(mb "$RSS_LOAD_KB") MB |"
  echo "| Resident memory ${QUIET_WAIT_S:-25} s after the load ended | $(mb "$RSS_QUIET_KB") MB |"
  echo "| Peak resident memory (VmHWM) | $(mb "$RSS_PEAK_KB") MB |"
  echo "| Executions still running right after the exec/apply run | $STILL_RUNNING |"
)"

SDK_VERSION="$(dotnet --version)"
RUN_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')"
SECTION="$(
  echo "<!-- bench:$BLOCK:start (written by scripts/bench.sh; edits inside are overwritten) -->"
  echo "Run on $RUN_DATE; machine: $(nproc) CPUs, $(uname -m), .NET SDK $SDK_VERSION; CPUs ${IDLE_BEFORE} % idle just before the run."
  echo
  echo '```sh'
  echo "${BINARY:+GATEWAYD_BINARY=$DAEMON_SHOWN }./scripts/bench.sh"
  echo "# daemon:"
  echo "$DAEMON_SHOWN ${DAEMON_ARGS[*]/#--Gateway:DataDirectory=*/--Gateway:DataDirectory=<temp dir>}"
  echo "# load, one run per request above:"
  echo "$WRK_CMD https://127.0.0.1:$PORT<path>   # exec/apply adds: -s scripts/bench/exec-apply.lua"
  echo '```'
  echo
  echo "$TABLE"
  echo "<!-- bench:$BLOCK:end -->"
)"

printf '\n%s\n' "$TABLE"

if [ -n "$OUTPUT" ]; then
  mkdir -p "$(dirname "$OUTPUT")"
  if [ -f "$OUTPUT" ] && grep -q "<!-- bench:$BLOCK:start" "$OUTPUT"; then
    # Replace the previous results, keep everything around them.
    SECTION="$SECTION" START="<!-- bench:$BLOCK:start" END="<!-- bench:$BLOCK:end -->" awk '
      index($0, ENVIRON["START"]) == 1 { print ENVIRON["SECTION"]; skip = 1; next }
      index($0, ENVIRON["END"]) == 1 { skip = 0; next }
      !skip { print }
    ' "$OUTPUT" >"$OUTPUT.tmp"
    mv "$OUTPUT.tmp" "$OUTPUT"
  else
    { [ -f "$OUTPUT" ] || printf '# Benchmarks\n'; printf '\n## Local API\n\n%s\n' "$SECTION"; } >>"$OUTPUT"
  fi
  log "results written to $OUTPUT"
fi
