# Sourced by the bench-*.sh scripts: a CPU-idle probe and the writer of a generated block in docs/benchmarks.md.

idle_percent() { # how idle the CPUs were over one second
  local a b
  a="$(awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)"
  sleep 1
  b="$(awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)"
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.0f", 100 * (y[1] - x[1]) / (y[2] - x[2]) }'
}

# write_block FILE NAME SCRIPT HEADING BLOCK: replaces the block between the NAME markers, or appends it under HEADING.
write_block() {
  python3 - "$@" <<'PY'
import re, sys
path, name, script, heading, block = sys.argv[1:6]
text = open(path).read()
start, end = f"<!-- bench:{name}:start (written by {script}) -->", f"<!-- bench:{name}:end -->"
block = f"{start}\n{block}\n{end}"
if start in text:
    text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, text, flags=re.S)
else:
    text += f"\n## {heading}\n\n{block}\n"
open(path, "w").write(text)
PY
  echo "results written to $1" >&2
}

build_benchmarks() {
  echo "building gatewayd and the benchmarks (Release)..." >&2
  dotnet build src/Gateway.Daemon -c Release -nologo -v quiet >&2
  dotnet build tests/Gateway.Benchmarks -c Release -nologo -v quiet >&2
}

# run_runs RUNS LABEL MODE [ARGS...]: runs a benchmark mode RUNS times and prints each run's table under its heading.
run_runs() {
  local runs="$1" label="$2" results="" run idle table
  shift 2
  for run in $(seq 1 "$runs"); do
    idle="$(idle_percent)"
    echo "run $run of $runs ($label)..." >&2
    table="$(dotnet run -c Release --no-build --project tests/Gateway.Benchmarks -- "$@")"
    results+="Run $run of $runs ($(date -u '+%H:%M') UTC, CPUs ${idle} % idle just before):"$'\n\n'"$table"$'\n\n'
  done
  printf '%s' "${results%$'\n\n'}"
}
