#!/usr/bin/env bash
# Benchmarks the RTS command path through the real daemon, its transceiver a simulated RFXtrx433E on a socat pty,
# and records the figures in docs/benchmarks.md (between the rts markers):
#  - POST /exec/apply (up/down) on a paired roller shutter -> the RFY frame read off the line by the transceiver.
#   ./scripts/bench-rts.sh [SAMPLES]        GATEWAYD_BINARY=... measures a published binary instead
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bench-common.sh
command -v socat >/dev/null || { echo "socat is needed (apt-get install socat)" >&2; exit 1; }

samples="${1:-300}"
build_benchmarks
idle="$(idle_percent)"
table="$(dotnet run -c Release --no-build --project tests/Gateway.Benchmarks -- rts-latency "$samples")"
block="Run on $(date -u '+%Y-%m-%d %H:%M') UTC; machine: $(nproc) CPUs, $(uname -m), .NET SDK $(dotnet --version), CPUs ${idle} % idle just before; daemon: ${GATEWAYD_BINARY:-dotnet gatewayd.dll (JIT)}. Command: \`./scripts/bench-rts.sh $samples\`.

$table"
write_block docs/benchmarks.md rts scripts/bench-rts.sh "RTS command path" "$block"
echo "$block"
