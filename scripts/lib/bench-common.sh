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
