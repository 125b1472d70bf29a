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

source "scripts/lib/bench-common.sh"

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
  write_block "$OUTPUT" jitter scripts/bench-jitter.sh "Schedule-to-fire jitter" "$block"
fi
echo "$block"
