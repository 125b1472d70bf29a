#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine: installs the system packages the tests use, builds,
# runs all test projects (the integration tests against the NativeAOT binary, the form the daemon ships in), and ends
# with one line "tests: N passed, M failed".
# AOT_TESTS=0 skips the NativeAOT stage and runs the integration tests against the JIT build instead (e.g. for a
# quick run while developing). ARM64_SMOKE=1 adds the linux-arm64
# cross build and its qemu smoke test, =0 leaves them out; by default they run on machines with 4 CPUs or more (on
# 2 CPUs the second NativeAOT compile does not fit the CI time budget; ./scripts/publish.sh linux-arm64 runs it
# alone). TEST_PARALLELISM sets how many test projects run at once (2).
set -euo pipefail
cd "$(dirname "$0")/.."

install_system_packages() {
  local missing=()
  command -v socat >/dev/null 2>&1 || missing+=(socat)
  command -v mosquitto >/dev/null 2>&1 || missing+=(mosquitto)
  command -v mosquitto_pub >/dev/null 2>&1 || missing+=(mosquitto-clients)
  ldconfig -p 2>/dev/null | grep -q 'libmosquitto\.so\.1' || missing+=(libmosquitto1)
  # python-zeroconf is the mDNS library Home Assistant discovers TaHoma boxes with; the mDNS test parses our answers with it.
  /usr/bin/python3 -c 'import zeroconf' >/dev/null 2>&1 || missing+=(python3-zeroconf)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_system_packages

if [ -z "${ARM64_SMOKE:-}" ]; then
  ARM64_SMOKE=0
  [ "$(nproc)" -ge 4 ] && ARM64_SMOKE=1
  [ "$ARM64_SMOKE" = 0 ] && echo "linux-arm64 build and qemu smoke test left out on $(nproc) CPUs (ARM64_SMOKE=1 runs them)"
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

# The NativeAOT binaries compile while the JIT tests run: first linux-x64 (the integration tests run again against
# it), then linux-arm64 through scripts/publish.sh, which cross-compiles it and starts it once under qemu-aarch64.
aot_binary="$PWD/artifacts/test/linux-x64/gatewayd"
aot_log="$results/aot.log"
aot_pid=""
if [ "${AOT_TESTS:-1}" != 0 ]; then
  # The arm64 stage's apt packages download while the solution builds and the x64 binary compiles.
  if [ "${ARM64_SMOKE:-1}" != 0 ]; then
    ( PREPARE_ONLY=1 ./scripts/publish.sh linux-arm64 >"$results/arm64-prepare.log" 2>&1 \
        && touch "$results/arm64.prepared" || touch "$results/arm64.unprepared" ) &
  fi
fi
dotnet build Gateway.sln -c Release -nologo -v quiet
if [ "${AOT_TESTS:-1}" != 0 ]; then
  (
    started=$SECONDS
    dotnet publish src/Gateway.Daemon -c Release -r linux-x64 -p:PublishAot=true -nologo \
      -o "$(dirname "$aot_binary")" >"$aot_log" 2>&1 || { echo "x64-failed" >"$results/aot.status"; exit 1; }
    echo "NativeAOT linux-x64 publish took $((SECONDS - started)) s" >"$results/aot.x64.tmp"
    mv "$results/aot.x64.tmp" "$results/aot.x64"
    started=$SECONDS
    if [ "${ARM64_SMOKE:-1}" != 0 ]; then
      while [ ! -e "$results/arm64.prepared" ] && [ ! -e "$results/arm64.unprepared" ]; do sleep 2; done
      if [ -e "$results/arm64.prepared" ] && ./scripts/publish.sh linux-arm64 >"$results/arm64.log" 2>&1; then
        echo "NativeAOT linux-arm64 publish and qemu smoke test took $((SECONDS - started)) s" >"$results/aot.arm64"
      else
        cat "$results/arm64-prepare.log" >>"$results/arm64.log" 2>/dev/null || true
        echo "arm64-failed" >"$results/aot.status"
      fi
    fi
  ) &
  aot_pid=$!
fi

# Test projects run two at a time (TEST_PARALLELISM), the slowest first, plus the NativeAOT lane below; each one's
# output is printed when it ends.
run_project() {
  local project="$1" name started=$SECONDS
  name="$(basename "$project" .csproj)"
  if dotnet test "$project" -c Release --no-build -nologo \
      --logger "trx;LogFileName=${name}.trx" --results-directory "$results/$name" >"$results/$name.log" 2>&1; then
    cat "$results/$name.log"
  else
    cat "$results/$name.log"
    touch "$results/$name.failed"
  fi
  echo "$name took $((SECONDS - started)) s"
}
# The integration tests, against the published NativeAOT binary, so that a feature broken only by trimming or AOT
# compilation fails here. The JIT build of the daemon is exercised by the README tour, which runs it with `dotnet run`;
# running the integration tests under the JIT as well would cost a third of the CI budget in JIT start-ups. They are
# one more lane, which waits for the binary and then runs beside the others. AOT daemons start in a fraction of the
# time, so four test classes run at once here.
run_aot_integration() {
  while [ ! -e "$results/aot.x64" ] && [ ! -e "$results/aot.status" ] && kill -0 "$aot_pid" 2>/dev/null; do sleep 2; done
  if [ ! -e "$results/aot.x64" ]; then
    touch "$results/aot-tests.failed"
    echo "the integration tests did not run: the NativeAOT binary was not published"
    return 0
  fi
  local started=$SECONDS
  if ! GATEWAYD_BINARY="$aot_binary" dotnet test tests/Gateway.Integration.Tests -c Release --no-build -nologo \
      --logger "trx;LogFileName=Gateway.Integration.Tests.Aot.trx" --results-directory "$results/aot" \
      -- xUnit.MaxParallelThreads=4 >"$results/aot-tests.log" 2>&1; then
    touch "$results/aot-tests.failed"
  fi
  cat "$results/aot.x64" "$results/aot-tests.log"
  echo "integration tests against the NativeAOT binary took $((SECONDS - started)) s"
}
run_item() { if [ "$1" = aot ]; then run_aot_integration; else run_project "$1"; fi; }
export -f run_project run_aot_integration run_item
export results aot_pid aot_binary
status=0
ordered=(tests/Gateway.Readme.Tests tests/Gateway.Integration.Tests tests/Gateway.Engine.Tests)
projects=()
for dir in "${ordered[@]}"; do projects+=("$dir/$(basename "$dir").csproj"); done
for project in tests/*.Tests/*.csproj; do
  [[ " ${projects[*]} " == *" $project "* ]] || projects+=("$project")
done
lanes="${TEST_PARALLELISM:-2}"
if [ -n "$aot_pid" ]; then
  jit_projects=("${projects[@]}")
  projects=("${jit_projects[0]}" aot)
  for project in "${jit_projects[@]:1}"; do
    [[ "$project" == */Gateway.Integration.Tests.csproj ]] || projects+=("$project")
  done
  lanes=$((lanes + 1))
fi
printf '%s\n' "${projects[@]}" | xargs -P "$lanes" -I{} bash -c 'run_item "$1"' _ {}
compgen -G "$results/*.failed" >/dev/null && status=1

arm64_failed=0
if [ -n "$aot_pid" ]; then
  wait "$aot_pid" || true
  cat "$results/aot.arm64" 2>/dev/null || true
  case "$(cat "$results/aot.status" 2>/dev/null)" in
    x64-failed) cat "$aot_log" >&2; echo "NativeAOT publish failed" >&2; status=1 ;;
    arm64-failed) tail -n 60 "$results/arm64.log" >&2; echo "linux-arm64 publish or its qemu smoke test failed" >&2; arm64_failed=1 ;;
  esac
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
# The arm64 smoke test counts as one test.
if [ -n "$aot_pid" ] && [ "${ARM64_SMOKE:-1}" != 0 ]; then
  if [ "$arm64_failed" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
fi

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed without a failing test (a crashed host, a build problem): count it as a failure.
  failed=1
fi
echo "tests: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
