#!/usr/bin/env bash
# Starts a published gatewayd once and checks that it serves the simulated home, then stops it.
#
#   scripts/smoke-test.sh artifacts/publish/linux-x64/gatewayd
#   scripts/smoke-test.sh artifacts/publish/linux-arm64/gatewayd qemu-aarch64     # under emulation
#
# Fresh data directory, HTTPS on a free loopback port: GET /apiVersion without a token, then a token from
# `gatewayd token create` and GET /setup/devices, which must list the simulated home (12 devices plus the pod).
# Exits non-zero, printing the daemon's output, when any step fails. Needs curl and python3.
set -euo pipefail

binary="$(realpath "${1:?usage: smoke-test.sh PATH/TO/gatewayd [EMULATOR]}")"
emulator=("${@:2}")
api=/enduser-mobile-web/1/enduserAPI
# Under emulation start-up takes seconds instead of a fraction of one.
ready_timeout_s="${SMOKE_READY_TIMEOUT:-120}"

die() { echo "smoke-test: $*" >&2; exit 1; }
[[ -x "$binary" ]] || die "$binary is not an executable file"

data="$(mktemp -d "${TMPDIR:-/tmp}/gatewayd-smoke.XXXXXX")"
pid=""
cleanup() {
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -rf "$data"
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
base="https://127.0.0.1:$port$api"
run() { "${emulator[@]}" "$binary" "$@" "--Gateway:DataDirectory=$data"; }
fail() { echo "---- gatewayd output" >&2; cat "$data/daemon.out" >&2 2>/dev/null || true; die "$*"; }

token="$(run token create --label smoke)" || die "token create failed"
[[ -n "$token" ]] || die "token create printed nothing"

# The daemon runs from the data directory: its appsettings.json (data under ./data) must not be picked up from here.
(cd "$data" && exec "${emulator[@]}" "$binary" "--Gateway:DataDirectory=$data" "--Gateway:Api:HttpsPort=$port" \
    --Gateway:Api:BindAddress=127.0.0.1 >"$data/daemon.out" 2>&1) &
pid=$!

started=$SECONDS
until [[ "$(curl -sk -o /dev/null -w '%{http_code}' --max-time 2 "$base/apiVersion" || true)" == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || fail "gatewayd exited during start-up"
    (( SECONDS - started < ready_timeout_s )) || fail "no answer to /apiVersion after ${ready_timeout_s} s"
    sleep 0.2
done
echo "apiVersion: $(curl -sk --max-time 10 "$base/apiVersion") after $(( SECONDS - started )) s"

# Discovery of the simulated home goes on after the API answers: wait for all of it.
devices=0
until (( devices >= 13 )); do
    devices="$(curl -sk --fail --max-time 10 -H "Authorization: Bearer $token" "$base/setup/devices" \
        | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')" || fail "GET /setup/devices failed"
    (( SECONDS - started < ready_timeout_s )) || fail "only $devices devices in /setup/devices"
    (( devices >= 13 )) || sleep 0.5
done
echo "setup/devices: $devices devices"
grep -qE " ready in [0-9]+ ms" "$data"/logs/gatewayd-*.log || fail "no log file with the daemon's log lines in $data/logs"

# gatewayctl, when published beside the daemon: the technician's status over the admin socket.
ctl="$(dirname "$binary")/gatewayctl"
if [[ -x "$ctl" ]]; then
    "${emulator[@]}" "$ctl" --data-dir "$data" status --json | python3 -c 'import json, sys; s = json.load(sys.stdin); assert s["gatewayId"], s' \
        || fail "gatewayctl status failed"
    echo "gatewayctl status: ok"
fi
echo "smoke test passed: $binary${emulator[*]:+ (under ${emulator[*]})}"
