#!/usr/bin/env bash
# Loads one real gatewayd with 1,000 triggers and 100 calendar days and rules, measures it, and records the figures in
# docs/benchmarks.md (between the scale markers): creation rates and latencies (POST /triggers, /setup/calendar/days,
# /setup/calendar/rules), reads of the trigger lists and statuses and of the calendar preview, the time from a
# simulated sensor reading (PUT /gatewayd/simulation/devices/{address}/states) to the start of the one trigger
# execution it causes (GET /history/executions), resident memory (VmRSS) idle after loading, and a restart on the
# same data directory (time to ready; every trigger, day and rule still there; a trigger still fires). Each run starts
# its own daemon (Release build, HTTPS on a random loopback port, temp data directory, simulated home of 240 devices
# with 20 thermometers) and takes about half a minute.
#
#   ./scripts/bench-scale.sh
#
# Environment: RUNS (default 2), TRIGGERS (1000), CALENDAR_DAYS (100 days and as many rules), SAMPLES (30),
# BENCH_OUTPUT (default docs/benchmarks.md; empty to skip writing).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-2}"
TRIGGERS="${TRIGGERS:-1000}"
CALENDAR_DAYS="${CALENDAR_DAYS:-100}"
SAMPLES="${SAMPLES:-30}"
OUTPUT="${BENCH_OUTPUT-docs/benchmarks.md}"

source "scripts/lib/bench-common.sh"
build_benchmarks
results="$(run_runs "$RUNS" "$TRIGGERS triggers, $CALENDAR_DAYS calendar days and rules, $SAMPLES samples" scale "$TRIGGERS" "$CALENDAR_DAYS" "$SAMPLES")"

block="$(cat <<MD
Run on $(date -u '+%Y-%m-%d') UTC; machine: $(nproc) CPUs, $(uname -m), .NET SDK $(dotnet --version). Command: \`./scripts/bench-scale.sh\` (RUNS=$RUNS TRIGGERS=$TRIGGERS CALENDAR_DAYS=$CALENDAR_DAYS SAMPLES=$SAMPLES), i.e. per run \`dotnet run -c Release --project tests/Gateway.Benchmarks -- scale $TRIGGERS $CALENDAR_DAYS $SAMPLES\`.

$results
MD
)"

if [ -n "$OUTPUT" ]; then
  write_block "$OUTPUT" scale scripts/bench-scale.sh "Automation at scale: 1,000 triggers, 100 calendar rules" "$block"
fi
echo "$block"
