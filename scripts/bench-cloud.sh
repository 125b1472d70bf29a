#!/usr/bin/env bash
# Cloud sync benchmark, written to docs/benchmarks.md (between the cloud markers):
#  - backlog drain: N state messages (default 100000) stored in the outbox while the broker is down, then the rate at
#    which gatewayd publishes them at QoS 1 and deletes them after their PUBACK once the broker is back;
#  - the same N payloads published by mosquitto_pub -l at QoS 1 against the same broker, in the same run, in runs of
#    50,000 lines (see step 4); both counts are checked against the broker's $SYS publish counter;
#  - outbox bytes per buffered message (growth of gateway.db + WAL); daemon RSS with the backlog drained;
#  - state change -> delivery latency online: a simulated temperature set over HTTPS, timed until a subscriber on the
#    same broker receives the state message (an upper bound of change -> PUBACK: it includes the HTTPS request);
#  - RSS of an idle daemon with the cloud on (connected, outbox empty) versus off.
# GATEWAYD=path/to/gatewayd runs a published (e.g. NativeAOT) binary instead of the Release build.
# PERF_OUT=file records a perf profile of the daemon during the drain (perf record -g), for `perf report -i file`.
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
sys_interval 1
$( [ "$(id -u)" = 0 ] && echo "user root" )
CONF

if [ -n "${GATEWAYD:-}" ]; then
  daemon=("$GATEWAYD")
else
  dotnet build src/Gateway.Daemon -c Release -nologo -v quiet >&2
  daemon=(dotnet src/Gateway.Daemon/bin/Release/net10.0/gatewayd.dll)
fi
start_daemon() { # $1: "cloud" or "local"
  local cloud=(--Gateway:Cloud:BrokerUri="mqtt://127.0.0.1:$mqtt_port")
  [ "${1:-cloud}" = local ] && cloud=()
  "${daemon[@]}" --Gateway:DataDirectory="$work/data" --Gateway:Api:HttpsPort="$https_port" --Gateway:Api:BindAddress=127.0.0.1 \
    "${cloud[@]}" >"$work/daemon.log" 2>&1 &
  daemon_pid=$!
  for _ in $(seq 300); do curl -sk "https://127.0.0.1:$https_port/enduser-mobile-web/1/enduserAPI/apiVersion" >/dev/null && return; sleep 0.1; done
  echo "gatewayd did not start" >&2; cat "$work/daemon.log" >&2; exit 1
}
stop_daemon() { kill "$daemon_pid"; wait "$daemon_pid" || true; daemon_pid=""; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$daemon_pid/status" 2>/dev/null || echo "?"; }
db() { sqlite3 "$work/data/gateway.db" "$1"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$daemon_pid/stat"; }
db_bytes() { echo $(( $(stat -c %s "$work/data/gateway.db") + $(stat -c %s "$work/data/gateway.db-wal" 2>/dev/null || echo 0) )); }
# PUBLISH packets the broker received since it started ($SYS, refreshed every second): proves each side's count.
# $1: the count expected at least; read again for a few seconds while it is lower (the figure can lag a refresh).
broker_received() {
  local value=0
  for _ in 1 2 3 4 5 6; do
    sleep 1.1
    value=$(mosquitto_sub -h 127.0.0.1 -p "$mqtt_port" -t '$SYS/broker/publish/messages/received' -C 1 -W 5)
    [ "$value" -ge "${1:-0}" ] && break
  done
  echo "$value"
}
# The daemon's change -> PUBACK histogram (cumulative bucket counts) from /gatewayd/metrics.
uplink_histogram() { curl -sk "https://127.0.0.1:$https_port/gatewayd/metrics" | grep '^gatewayd_cloud_uplink_latency_seconds_bucket'; }
start_broker() { mosquitto -c "$work/mosquitto.conf" >"$work/broker.log" 2>&1 & broker_pid=$!; sleep 0.3; }
stop_broker() { kill "$broker_pid"; wait "$broker_pid" 2>/dev/null || true; broker_pid=""; }
payload='{"deviceURL":"sim://0000-0000-0000/1100008#1","time":1796400000000,"deviceStates":[{"type":2,"name":"core:TemperatureState","value":21.5}]}'

token="$("${daemon[@]}" token create --label bench --Gateway:DataDirectory="$work/data")"
# 0. RSS idle with the cloud off, then on (connected, nothing buffered).
start_daemon local; sleep 5; rss_local=$(rss_mb); stop_daemon
start_broker
start_daemon cloud; sleep 5; rss_cloud=$(rss_mb)

# 1. Latency online: each change set over HTTPS, timed until a subscriber receives its state message.
latency=$(python3 - "$https_port" "$mqtt_port" "$token" "$work/histogram-before" <<'PY'
import http.client, json, ssl, subprocess, sys, threading, time, urllib.parse
https_port, mqtt_port, token = int(sys.argv[1]), sys.argv[2], sys.argv[3]
ctx = ssl._create_unverified_context()
conn = http.client.HTTPSConnection("127.0.0.1", https_port, context=ctx)
def call(method, path, body=None):
    conn.request(method, path, body=body, headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    r = conn.getresponse(); data = r.read(); return r.status, data
status, body = call("GET", "/enduser-mobile-web/1/enduserAPI/setup/gateways")
gateway = json.loads(body)[0]["gatewayId"]
sub = subprocess.Popen(["mosquitto_sub", "-h", "127.0.0.1", "-p", mqtt_port, "-q", "1", "-t", f"gatewayd/{gateway}/states/+"],
                       stdout=subprocess.PIPE, text=True)
seen = {}
def read():
    for line in sub.stdout:
        try:
            for s in json.loads(line)["deviceStates"]:
                if s["name"] == "core:TemperatureState": seen[round(float(s["value"]), 1)] = time.perf_counter_ns()
        except Exception: pass
threading.Thread(target=read, daemon=True).start()
time.sleep(1)
path = "/gatewayd/simulation/devices/" + urllib.parse.quote("1100008#1", safe="") + "/states"
samples = []
for i in range(300):
    value = round(100 + i / 10, 1)
    start = time.perf_counter_ns()
    call("PUT", path, json.dumps([{"name": "core:TemperatureState", "value": value}]))
    deadline = time.time() + 5
    while value not in seen and time.time() < deadline: time.sleep(0.0002)
    if value in seen and i >= 20: samples.append((seen[value] - start) / 1e6)
    if i == 19:  # the first 20 changes warm the path up; the daemon's histogram is diffed from here too
        open(sys.argv[4], "w").write(call("GET", "/gatewayd/metrics")[1].decode())
    time.sleep(0.01)
sub.kill()
samples.sort()
if not samples: print("? ?"); sys.exit()
print(f"{samples[len(samples) // 2]:.1f} {samples[int(len(samples) * 0.99) - 1]:.1f} {len(samples)}")
PY
)
read -r lat_p50 lat_p99 lat_n <<<"$latency"
# The daemon's own change -> PUBACK histogram over the same changes only (each sends a state and an event message): its
# counts after them minus after the warm-up, so the snapshot at the connection and the warm-up are not in it.
puback=$(python3 -c '
import re, sys
def counts(text):
    return [(float("inf") if m.group(1) == "+Inf" else float(m.group(1)), float(m.group(2)))
            for m in re.finditer(r"le=\x22([^\x22]+)\x22\} (\S+)", text)]
before, after = dict(counts(sys.argv[1])), counts(sys.argv[2])
buckets = [(bound, count - before.get(bound, 0)) for bound, count in after]
total = buckets[-1][1]
def quantile(q):  # as histogram_quantile: linear within the bucket that holds the rank
    rank, lower, below = q * total, 0.0, 0.0
    for bound, count in buckets:
        if count >= rank:
            if bound == float("inf"): return lower * 1000
            return (lower + (bound - lower) * (rank - below) / max(count - below, 1)) * 1000
        lower, below = bound, count
print(f"{quantile(0.5):.2f} {quantile(0.99):.2f} {int(total)}")' "$(grep '^gatewayd_cloud_uplink_latency_seconds_bucket' "$work/histogram-before")" "$(uplink_histogram)")
read -r puback_p50 puback_p99 puback_n <<<"$puback"
stop_daemon
stop_broker

# 2. The backlog, stored offline straight into the outbox table.
db "DELETE FROM cloud_outbox;"; db "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
before=$(db_bytes)
db "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
    INSERT INTO cloud_outbox (kind, topic, coalesce_key, created_at, payload)
    SELECT 1, 'states/bench', 'bench' || i, CAST(strftime('%s','now') AS INTEGER) * 1000, CAST('$payload' AS BLOB) FROM n;"
file_bytes=$(( $(db_bytes) - before ))

# 3. Daemon up with the broker down, then the broker comes up: time from the first delivered message to an empty outbox.
start_daemon
cpu_before=$(cpu_ticks)
perf_pid=""
if [ -n "${PERF_OUT:-}" ]; then perf record -F 999 -g -p "$daemon_pid" -o "$PERF_OUT" >/dev/null 2>&1 & perf_pid=$!; sleep 0.5; fi
start_broker
# Cheap probes (an index lookup each), so the measuring does not take CPU from the drain it measures.
initial_min=$(db 'SELECT MIN(seq) FROM cloud_outbox;')
while [ "$(db 'SELECT MIN(seq) FROM cloud_outbox;')" = "$initial_min" ]; do sleep 0.01; done
first=$(date +%s.%N)
while [ "$(db 'SELECT EXISTS (SELECT 1 FROM cloud_outbox);')" != 0 ]; do sleep 0.05; done
last=$(date +%s.%N)
cpu_after=$(cpu_ticks)
[ -n "$perf_pid" ] && { kill -INT "$perf_pid"; wait "$perf_pid" || true; }
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$daemon_pid/status" 2>/dev/null || echo "?")
stop_daemon
gateway_received=$(broker_received "$count")
[ "$gateway_received" -ge "$count" ] || { echo "the broker received $gateway_received of the $count buffered messages" >&2; exit 1; }
gateway_rate=$(python3 -c "print(round($count / ($last - $first)))")
# Daemon CPU (user + system, all threads) from the broker's start to an empty outbox, per message: unlike the rate,
# it hardly depends on what else the machine runs.
cpu_us=$(python3 -c "print(round(($cpu_after - $cpu_before) / $(getconf CLK_TCK) * 1e6 / $count, 1))")

# 4. mosquitto_pub publishing the same payloads at QoS 1, in runs of 50,000 lines: mosquitto_pub -l stops when the
# PUBACK of its last message id arrives, and ids wrap at 65,535, so one run of 100,000 lines ends after 34,465 of them.
# The broker's own count of received publishes checks that every line went out.
received_before=$(broker_received)
seq "$count" | sed "s|.*|$payload|" >"$work/payloads"
split -l 50000 -d "$work/payloads" "$work/chunk."
start=$(date +%s.%N)
for chunk in "$work"/chunk.*; do mosquitto_pub -h 127.0.0.1 -p "$mqtt_port" -q 1 -t bench/pub -l <"$chunk"; done
end=$(date +%s.%N)
pub_received=$(( $(broker_received $(( received_before + count ))) - received_before ))
[ "$pub_received" -ge "$count" ] || { echo "mosquitto_pub delivered $pub_received of $count messages" >&2; exit 1; }
pub_rate=$(python3 -c "print(round($count / ($end - $start)))")
ratio=$(python3 -c "print(round($gateway_rate / $pub_rate, 2))")
load=$(cut -d' ' -f1-3 /proc/loadavg)

block="$(cat <<MD
Run on $(date -u '+%Y-%m-%d %H:%M') UTC; machine: $(nproc) CPUs, $(uname -m), $(mosquitto -h 2>/dev/null | head -1 | sed 's/ is an.*//'), load average at the end $load. Command: \`./scripts/bench-cloud.sh $count\`${GATEWAYD:+ with GATEWAYD=$GATEWAYD}.

| Cloud sync | Value |
|---|---:|
| backlog drained by gatewayd (QoS 1, PUBACK then delete), messages/s | $gateway_rate |
| publishes the broker counted during the drain (the backlog plus the sync's own messages) | $gateway_received |
| mosquitto_pub -l at QoS 1, same payloads and broker, runs of 50,000 lines, messages/s | $pub_rate |
| publishes the broker counted from mosquitto_pub | $pub_received |
| ratio gatewayd / mosquitto_pub | $ratio |
| gatewayd CPU (user + system) per drained message, µs | $cpu_us |
| change → PUBACK inside gatewayd, p50 ms ($puback_n messages, online; from the daemon's histogram) | $puback_p50 |
| same, p99 ms | $puback_p99 |
| state change (HTTPS PUT) → state message at a subscriber, p50 ms ($lat_n changes, online) | $lat_p50 |
| same, p99 ms | $lat_p99 |
| gateway.db + WAL growth per buffered message (${#payload}-byte payload) | $(( file_bytes / count )) |
| gatewayd RSS after the drain, MB | $(( ${rss_kb:-0} / 1024 )) |
| gatewayd RSS idle, cloud off, MB | $rss_local |
| gatewayd RSS idle, cloud on (connected, outbox empty), MB | $rss_cloud |
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
