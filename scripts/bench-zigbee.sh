#!/usr/bin/env bash
# Benchmarks the Zigbee paths through the real daemon, its coordinator a simulated Z-Stack on a socat pty, and records
# the figures in docs/benchmarks.md (between the zigbee markers):
#  - POST /exec/apply on a paired bulb -> the AF_DATA_REQUEST reaching the coordinator;
#  - an attribute report written on the wire -> its state change fetched from an event listener.
#   ./scripts/bench-zigbee.sh [SAMPLES]        GATEWAYD_BINARY=... measures a published binary instead
set -euo pipefail
cd "$(dirname "$0")/.."
command -v socat >/dev/null || { echo "socat is needed (apt-get install socat)" >&2; exit 1; }

dotnet build tests/Gateway.Benchmarks -c Release -nologo -v quiet >&2
dotnet build src/Gateway.Daemon -c Release -nologo -v quiet >&2
samples="${1:-300}"
table="$(dotnet run -c Release --no-build --project tests/Gateway.Benchmarks -- zigbee-latency "$samples")"

block="$(cat <<MD
Run on $(date -u '+%Y-%m-%d %H:%M') UTC; machine: $(nproc) CPUs, $(uname -m), .NET SDK $(dotnet --version); daemon: ${GATEWAYD_BINARY:-dotnet gatewayd.dll (JIT)}. Command: \`./scripts/bench-zigbee.sh $samples\`.

${table}
MD
)"

python3 - "$block" <<'PY'
import re, sys
path = "docs/benchmarks.md"
text = open(path).read()
start, end = "<!-- bench:zigbee:start (written by scripts/bench-zigbee.sh) -->", "<!-- bench:zigbee:end -->"
block = f"{start}\n{sys.argv[1]}\n{end}"
if start in text:
    text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, text, flags=re.S)
else:
    text += f"\n## Zigbee command and report paths\n\n{block}\n"
open(path, "w").write(text)
PY
echo "$block"
