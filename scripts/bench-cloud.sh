#!/usr/bin/env bash
# Cloud sync benchmark, written to docs/benchmarks.md (between the cloud markers):
#  - backlog drain: N state messages (default 100000) stored in the outbox while the broker is down, then the rate at
#    which gatewayd publishes them at QoS 1 and deletes them after their PUBACK once the broker is back;
#  - the same N payloads published by mosquitto_pub -l at QoS 1 against the same broker, in the same run;
#  - outbox bytes per buffered message; daemon RSS with the backlog drained.
# GATEWAYD=path/to/gatewayd runs a published (e.g. NativeAOT) binary instead of the Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
for tool in mosquitto mosquitto_pub sqlite3 curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install mosquitto mosquitto-clients sqlite3 curl)" >&2; exit 1; }
done

work="$(mktemp -d)"
broker_pid=""; daemon_pid=""
cleanup() {
  [ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null || true
  [ -n "$broker_pid" ] && kill "$broker_pid" 2>/dev/null && wait "$broker_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
mqtt_port="$(free_port)"; https_port="$(free_port)"
cat >"$work/mosquitto.conf" <<CONF
listener $mqtt_port 127.0.0.1
allow_anonymous true
max_queued_messages 0
$( [ "$(id -u)" = 0 ] && echo "user root" )
CONF

if [ -n "${GATEWAYD:-}" ]; then
  daemon=("$GATEWAYD")
else
  dotnet build src/Gateway.Daemon -c Release -nologo -v quiet >&2
  daemon=(dotnet src/Gateway.Daemon/bin/Release/net10.0/gatewayd.dll)
fi
start_daemon() {
  "${daemon[@]}" --Gateway:DataDirectory="$work/data" --Gateway:Api:HttpsPort="$https_port" --Gateway:Api:BindAddress=127.0.0.1 \
    --Gateway:Cloud:BrokerUri="mqtt://127.0.0.1:$mqtt_port" >"$work/daemon.log" 2>&1 &
  daemon_pid=$!
  for _ in $(seq 300); do curl -sk "https://127.0.0.1:$https_port/enduser-mobile-web/1/enduserAPI/apiVersion" >/dev/null && return; sleep 0.1; done
  echo "gatewayd did not start" >&2; cat "$work/daemon.log" >&2; exit 1
}
stop_daemon() { kill "$daemon_pid"; wait "$daemon_pid" || true; daemon_pid=""; }
outbox() { sqlite3 "$work/data/cloud-outbox.db" "$1"; }
payload='{"deviceURL":"sim://0000-0000-0000/1100008#1","time":1796400000000,"deviceStates":[{"type":2,"name":"core:TemperatureState","value":21.5}]}'

# 1. The outbox file exists after one start with the broker down; fill it with the backlog offline.
start_daemon; stop_daemon
outbox "DELETE FROM outbox;"
outbox "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
        INSERT INTO outbox (kind, topic, coalesce_key, created_at, payload)
        SELECT 1, 'states/bench', 'bench' || i, CAST(strftime('%s','now') AS INTEGER) * 1000, CAST('$payload' AS BLOB) FROM n;"
file_bytes=$(( $(stat -c %s "$work/data/cloud-outbox.db") + $(stat -c %s "$work/data/cloud-outbox.db-wal" 2>/dev/null || echo 0) ))

# 2. Daemon up with the broker down, then the broker comes up: time from the first delivered message to an empty outbox.
start_daemon
mosquitto -c "$work/mosquitto.conf" >"$work/broker.log" 2>&1 &
broker_pid=$!
while [ "$(outbox 'SELECT COUNT(*) FROM outbox;')" -ge "$count" ]; do sleep 0.01; done
first=$(date +%s.%N)
while [ "$(outbox 'SELECT COUNT(*) FROM outbox;')" -gt 0 ]; do sleep 0.05; done
last=$(date +%s.%N)
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$daemon_pid/status" 2>/dev/null || echo "?")
stop_daemon
gateway_rate=$(python3 -c "print(round($count / ($last - $first)))")

# 3. mosquitto_pub publishing the same payloads at QoS 1 in one connection.
seq "$count" | sed "s|.*|$payload|" >"$work/payloads"
start=$(date +%s.%N)
mosquitto_pub -h 127.0.0.1 -p "$mqtt_port" -q 1 -t bench/pub -l <"$work/payloads"
end=$(date +%s.%N)
pub_rate=$(python3 -c "print(round($count / ($end - $start)))")
ratio=$(python3 -c "print(round($gateway_rate / $pub_rate, 2))")

block="$(cat <<MD
Run on $(date -u '+%Y-%m-%d %H:%M') UTC; machine: $(nproc) CPUs, $(uname -m), $(mosquitto -h 2>/dev/null | head -1 | sed 's/ is an.*//'). Command: \`./scripts/bench-cloud.sh $count\`${GATEWAYD:+ with GATEWAYD=$GATEWAYD}.

| Cloud sync | Value |
|---|---:|
| backlog drained by gatewayd (QoS 1, PUBACK then delete), messages/s | $gateway_rate |
| mosquitto_pub -l at QoS 1, same payloads and broker, messages/s | $pub_rate |
| ratio gatewayd / mosquitto_pub | $ratio |
| outbox file bytes per buffered message (${#payload}-byte payload) | $(( file_bytes / count )) |
| gatewayd RSS after the drain, MB | $(( ${rss_kb:-0} / 1024 )) |
MD
)"

python3 - "$block" <<'PY'
import re, sys
path = "docs/benchmarks.md"
text = open(path).read()
start, end = "<!-- bench:cloud:start (written by scripts/bench-cloud.sh) -->", "<!-- bench:cloud:end -->"
block = f"{start}\n{sys.argv[1]}\n{end}"
if start in text:
    text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, text, flags=re.S)
else:
    text += ("\n## Cloud sync backlog\n\n`scripts/bench-cloud.sh` stores a backlog of state messages in the cloud outbox while the broker is down,"
             " starts the broker and times gatewayd draining it (publish at QoS 1, delete after each PUBACK), from the first"
             " deleted message to an empty outbox; then `mosquitto_pub -l` publishes the same payloads at QoS 1 to the same"
             f" broker for comparison.\n\n{block}\n")
open(path, "w").write(text)
PY
echo "$block"
