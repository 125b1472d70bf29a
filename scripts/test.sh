#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine: installs the system packages the tests use, builds,
# runs all test projects, and ends with one line "tests: N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")/.."

install_system_packages() {
  local missing=()
  command -v socat >/dev/null 2>&1 || missing+=(socat)
  command -v mosquitto >/dev/null 2>&1 || missing+=(mosquitto)
  command -v mosquitto_pub >/dev/null 2>&1 || missing+=(mosquitto-clients)
  ldconfig -p 2>/dev/null | grep -q 'libmosquitto\.so\.1' || missing+=(libmosquitto1)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_system_packages

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet build Gateway.sln -c Release -nologo -v quiet

status=0
for project in tests/*.Tests/*.csproj; do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=${name}.trx" --results-directory "$results/$name" || status=$?
done

# Sum the counters of every project's .trx file.
read -r passed failed < <(
  python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
print(passed, failed)
PY
)

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed without a failing test (a crashed host, a build problem): count it as a failure.
  failed=1
fi
echo "tests: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
