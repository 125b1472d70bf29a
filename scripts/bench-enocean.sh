#!/usr/bin/env bash
# Benchmarks the EnOcean receive path and records the figures in docs/benchmarks.md (between the enocean markers):
#  - frames decoded per second (BenchmarkDotNet: bytes -> ESP3 -> ERP1 -> EEP states, no I/O);
#  - telegram on the wire -> DeviceStateChangedEvent fetchable from a listener, over a socat pty paced at 57600 baud.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v socat >/dev/null || { echo "socat is needed (apt-get install socat)" >&2; exit 1; }

dotnet build tests/Gateway.Benchmarks -c Release -nologo -v quiet >&2
run() { dotnet run -c Release --no-build --project tests/Gateway.Benchmarks -- "$@"; }

echo "decoding benchmark (about a minute)..." >&2
decode="$(run esp3 | grep '^RESULT esp3' | sed 's/^RESULT esp3 //')"
echo "latency benchmark..." >&2
latency="$(run enocean-latency 300)"

block="$(cat <<MD
Run on $(date -u '+%Y-%m-%d %H:%M') UTC; machine: $(nproc) CPUs, $(uname -m), .NET SDK $(dotnet --version). Command: \`./scripts/bench-enocean.sh\`.

| Receive path without I/O | Value |
|---|---:|
${decode}

${latency}
MD
)"

python3 - "$block" <<'PY'
import re, sys
path = "docs/benchmarks.md"
text = open(path).read()
start, end = "<!-- bench:enocean:start (written by scripts/bench-enocean.sh) -->", "<!-- bench:enocean:end -->"
block = f"{start}\n{sys.argv[1]}\n{end}"
if start in text:
    text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, text, flags=re.S)
else:
    text += f"\n## EnOcean receive path\n\n{block}\n"
open(path, "w").write(text)
PY
echo "$block"
