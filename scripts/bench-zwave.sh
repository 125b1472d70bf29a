#!/usr/bin/env bash
# Benchmarks the Z-Wave paths through the real daemon, its controller a simulated Serial API controller on a socat pty, and records
# the figures in docs/benchmarks.md (between the zwave markers):
#  - POST /exec/apply on a wall plug -> the SendData read by the controller;
#  - a sensor report written on the wire -> its state change fetched from an event listener.
#   ./scripts/bench-zwave.sh [SAMPLES]        GATEWAYD_BINARY=... measures a published binary instead
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bench-common.sh
command -v socat >/dev/null || { echo "socat is needed (apt-get install socat)" >&2; exit 1; }

samples="${1:-300}"
build_benchmarks
idle="$(idle_percent)"
table="$(dotnet run -c Release --no-build --project tests/Gateway.Benchmarks -- zwave-latency "$samples")"
block="Run on $(date -u '+%Y-%m-%d %H:%M') UTC; machine: $(nproc) CPUs, $(uname -m), .NET SDK $(dotnet --version), CPUs ${idle} % idle just before; daemon: ${GATEWAYD_BINARY:-dotnet gatewayd.dll (JIT)}. Command: \`./scripts/bench-zwave.sh $samples\`.

$table"
write_block docs/benchmarks.md zwave scripts/bench-zwave.sh "Z-Wave command and report paths" "$block"
echo "$block"
