#!/usr/bin/env bash
# Benchmarks the state history: a year of a thermometer reporting every 30 s written through the history store and
# rolled up, then the latency of daily/monthly/raw queries and the database size per state, recorded in
# docs/benchmarks.md (between the history markers).
#   ./scripts/bench-history.sh [QUERIES]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/bench-common.sh

queries="${1:-200}"
if [ "${BENCH_NO_BUILD:-}" != 1 ]; then
  echo "building the benchmarks (Release)..." >&2
  dotnet build tests/Gateway.Benchmarks -c Release -nologo -v quiet >&2
fi
idle="$(idle_percent)"
table="$(dotnet run -c Release --no-build --project tests/Gateway.Benchmarks -- history "$queries")"
block="Run on $(date -u '+%Y-%m-%d %H:%M') UTC; machine: $(nproc) CPUs, $(uname -m), .NET SDK $(dotnet --version), CPUs ${idle} % idle just before. Command: \`./scripts/bench-history.sh $queries\`.

$table"
write_block docs/benchmarks.md history scripts/bench-history.sh "State history" "$block"
echo "$block"
