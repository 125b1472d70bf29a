#!/usr/bin/env bash
# Benchmarks the push stream (GET events/stream) through the real daemon and records the figures in docs/benchmarks.md
# (between the events markers):
#  - events per second to 10 SSE streams, next to the same events fetched by 10 polling listeners;
#  - a reading set through the simulation -> its SSE frame read by a client, p50/p99.
#   ./scripts/bench-events.sh [EVENTS] [SAMPLES]        GATEWAYD_BINARY=... measures a published binary instead
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bench-common.sh

events="${1:-20000}"
samples="${2:-300}"
build_benchmarks
idle="$(idle_percent)"
table="$(dotnet run -c Release --no-build --project tests/Gateway.Benchmarks -- events "$events" "$samples")"
block="Run on $(date -u '+%Y-%m-%d %H:%M') UTC; machine: $(nproc) CPUs, $(uname -m), .NET SDK $(dotnet --version), CPUs ${idle} % idle just before; daemon: ${GATEWAYD_BINARY:-dotnet gatewayd.dll (JIT)}. Command: \`./scripts/bench-events.sh $events $samples\`.

$table"
write_block docs/benchmarks.md events scripts/bench-events.sh "Push events: SSE stream against polling" "$block"
echo "$block"
