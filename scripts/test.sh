#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine: installs the system packages the tests use, builds,
# runs all test projects, runs the integration tests again against the NativeAOT binary, and ends with one line
# "tests: N passed, M failed".
# AOT_TESTS=0 skips the NativeAOT stage (e.g. for a quick run while developing).
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

# The NativeAOT binary compiles while the JIT tests run (the IL compiler works mostly on one core).
aot_binary="$PWD/artifacts/test/linux-x64/gatewayd"
aot_publish_log="$results/aot-publish.log"
aot_pid=""
if [ "${AOT_TESTS:-1}" != 0 ]; then
  aot_started=$SECONDS
  dotnet publish src/Gateway.Daemon -c Release -r linux-x64 -p:PublishAot=true -nologo \
    -o "$(dirname "$aot_binary")" >"$aot_publish_log" 2>&1 &
  aot_pid=$!
fi

status=0
for project in tests/*.Tests/*.csproj; do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=${name}.trx" --results-directory "$results/$name" || status=$?
done

# The integration tests (API, automation, persistence, logging) again, against the published AOT binary, so that
# a feature broken only by trimming or AOT compilation fails here.
if [ -n "$aot_pid" ]; then
  if wait "$aot_pid"; then
    echo "NativeAOT publish took $((SECONDS - aot_started)) s (its wall time overlapped the JIT tests)"
    aot_tests_started=$SECONDS
    GATEWAYD_BINARY="$aot_binary" dotnet test tests/Gateway.Integration.Tests -c Release --no-build -nologo \
      --logger "trx;LogFileName=Gateway.Integration.Tests.Aot.trx" --results-directory "$results/aot" || status=$?
    echo "integration tests against the NativeAOT binary took $((SECONDS - aot_tests_started)) s"
  else
    cat "$aot_publish_log" >&2
    echo "NativeAOT publish failed" >&2
    status=1
  fi
fi

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
