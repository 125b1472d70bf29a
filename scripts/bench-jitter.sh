#!/usr/bin/env bash
# Measures schedule-to-fire jitter of a real gatewayd and records it in docs/benchmarks.md (between the jitter markers):
# how late one-shot schedules (POST /exec/schedule/{actionGroupOID}/{utcTimestamp}) and calendar TIME triggers start,
# read from each execution's start time in GET /history/executions. Each run starts its own daemon (Release build,
# HTTPS on a random loopback port, temp data directory, simulated radios) and takes about three and a half minutes
# with the calendar triggers (CALENDAR_MINUTES whole minutes, the first at least 40 s ahead), 35 s without.
#
#   ./scripts/bench-jitter.sh
#
# Environment: RUNS (default 2), SCHEDULES (60), CALENDAR_MINUTES (3; 0 skips the calendar),
# BENCH_OUTPUT (default docs/benchmarks.md; empty to skip writing).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-2}"
SCHEDULES="${SCHEDULES:-60}"
CALENDAR_MINUTES="${CALENDAR_MINUTES:-3}"
OUTPUT="${BENCH_OUTPUT-docs/benchmarks.md}"

echo "building gatewayd and the benchmarks (Release)..." >&2
dotnet build src/Gateway.Daemon -c Release -nologo -v quiet >&2
dotnet build tests/Gateway.Benchmarks -c Release -nologo -v quiet >&2

idle_percent() { # how idle the CPUs were over one second
  local a b
  a="$(awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)"
  sleep 1
  b="$(awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)"
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.0f", 100 * (y[1] - x[1]) / (y[2] - x[2]) }'
}

results=""
for run in $(seq 1 "$RUNS"); do
  idle="$(idle_percent)"
  echo "run $run of $RUNS ($SCHEDULES schedules, $CALENDAR_MINUTES calendar minutes)..." >&2
  table="$(dotnet run -c Release --no-build --project tests/Gateway.Benchmarks -- jitter "$SCHEDULES" "$CALENDAR_MINUTES")"
  results+="Run $run of $RUNS ($(date -u '+%H:%M') UTC, CPUs ${idle} % idle just before):"$'\n\n'"$table"$'\n\n'
done

block="$(cat <<MD
Run on $(date -u '+%Y-%m-%d') UTC; machine: $(nproc) CPUs, $(uname -m), .NET SDK $(dotnet --version). Command: \`./scripts/bench-jitter.sh\` (RUNS=$RUNS SCHEDULES=$SCHEDULES CALENDAR_MINUTES=$CALENDAR_MINUTES), i.e. per run \`dotnet run -c Release --project tests/Gateway.Benchmarks -- jitter $SCHEDULES $CALENDAR_MINUTES\`.

${results%$'\n\n'}
MD
)"

if [ -n "$OUTPUT" ]; then
  python3 - "$OUTPUT" "$block" <<'PY'
import re, sys
path, block = sys.argv[1], sys.argv[2]
text = open(path).read()
start, end = "<!-- bench:jitter:start (written by scripts/bench-jitter.sh) -->", "<!-- bench:jitter:end -->"
block = f"{start}\n{block}\n{end}"
if start in text:
    text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, text, flags=re.S)
else:
    text += f"\n## Schedule-to-fire jitter\n\n{block}\n"
open(path, "w").write(text)
PY
  echo "results written to $OUTPUT" >&2
fi
echo "$block"
