#!/usr/bin/env bash
# Benchmarks the Zigbee paths through the real daemon, its coordinator a simulated Z-Stack on a socat pty, and records
# the figures in docs/benchmarks.md (between the zigbee markers):
#  - POST /exec/apply on a paired bulb -> the AF_DATA_REQUEST reaching the coordinator;
#  - an attribute report written on the wire -> its state change fetched from an event listener.
#   ./scripts/bench-zigbee.sh [SAMPLES]        GATEWAYD_BINARY=... measures a published binary instead
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bench-common.sh
command -v socat >/dev/null || { echo "socat is needed (apt-get install socat)" >&2; exit 1; }

samples="${1:-300}"
build_benchmarks
idle="$(idle_percent)"
table="$(dotnet run -c Release --no-build --project tests/Gateway.Benchmarks -- zigbee-latency "$samples")"
block="Run on $(date -u '+%Y-%m-%d %H:%M') UTC; machine: $(nproc) CPUs, $(uname -m), .NET SDK $(dotnet --version), CPUs ${idle} % idle just before; daemon: ${GATEWAYD_BINARY:-dotnet gatewayd.dll (JIT)}. Command: \`./scripts/bench-zigbee.sh $samples\`.

$table"
write_block docs/benchmarks.md zigbee scripts/bench-zigbee.sh "Zigbee command and report paths" "$block"
echo "$block"
