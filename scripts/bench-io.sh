#!/usr/bin/env bash
# Benchmarks the io-homecontrol command path through the real daemon, its interface a simulated KLF-200 on
# 127.0.0.1 over TLS, and records the figures in docs/benchmarks.md (between the io markers):
#  - POST /exec/apply on an io roller shutter -> GW_COMMAND_SEND_REQ decoded by the interface.
#   ./scripts/bench-io.sh [SAMPLES]        GATEWAYD_BINARY=... measures a published binary instead
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bench-common.sh

samples="${1:-300}"
build_benchmarks
idle="$(idle_percent)"
table="$(dotnet run -c Release --no-build --project tests/Gateway.Benchmarks -- io-latency "$samples")"
block="Run on $(date -u '+%Y-%m-%d %H:%M') UTC; machine: $(nproc) CPUs, $(uname -m), .NET SDK $(dotnet --version), CPUs ${idle} % idle just before; daemon: ${GATEWAYD_BINARY:-dotnet gatewayd.dll (JIT)}. Command: \`./scripts/bench-io.sh $samples\`.

$table"
write_block docs/benchmarks.md io scripts/bench-io.sh "io-homecontrol command path (KLF-200)" "$block"
echo "$block"
