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

source "scripts/lib/bench-common.sh"
build_benchmarks
results="$(run_runs "$RUNS" "$SCHEDULES schedules, $CALENDAR_MINUTES calendar minutes" jitter "$SCHEDULES" "$CALENDAR_MINUTES")"

block="$(cat <<MD
Run on $(date -u '+%Y-%m-%d') UTC; machine: $(nproc) CPUs, $(uname -m), .NET SDK $(dotnet --version). Command: \`./scripts/bench-jitter.sh\` (RUNS=$RUNS SCHEDULES=$SCHEDULES CALENDAR_MINUTES=$CALENDAR_MINUTES), i.e. per run \`dotnet run -c Release --project tests/Gateway.Benchmarks -- jitter $SCHEDULES $CALENDAR_MINUTES\`.

$results
MD
)"

if [ -n "$OUTPUT" ]; then
  write_block "$OUTPUT" jitter scripts/bench-jitter.sh "Schedule-to-fire jitter" "$block"
fi
echo "$block"
