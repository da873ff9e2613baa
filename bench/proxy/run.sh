#!/usr/bin/env bash
# The proxy benchmark (issue 4): wrk against one upstream directly, through nginx as a plain reverse proxy (one
# worker) and through Airlock with its whole pipeline (session token, normalization, Cedar, audit seal, credential
# injection, streamed redaction, outcome record), in one run with the same upstream and the same payload.
#
#   bash bench/proxy/run.sh [--duration 15] [--rate 2000] [--connections 32] [--payload-bytes 1024]
#
# KEEP_WORK=1 keeps the temporary directory (configs, wrk outputs, Airlock's data directory) for a look afterwards.
#
# It prints, per target, the maximum throughput at 32 connections and the latency percentiles at a fixed rate
# (wrk paced by bench/proxy/paced.lua), Airlock's resident memory under the fixed-rate load, and the ratios the
# issue sets targets for. As root on Debian it installs wrk and nginx when they are missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

duration=15
rate=2000
connections=32
payload_bytes=1024
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --payload-bytes) payload_bytes=$2; shift 2 ;;
    *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q "${missing[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

upstream_port=18090 nginx_port=18091 airlock_port=18092 admin_port=18093
work=$(mktemp -d /tmp/airlock-proxy-bench.XXXXXX)
chmod 755 "$work" # nginx's workers run as nobody when started as root
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/upstream.pid" ] && kill "$(cat "$work/upstream.pid")" 2>/dev/null || true
  [ -f "$work/proxy.pid" ] && kill "$(cat "$work/proxy.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  [ -n "${KEEP_WORK:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

# The payload: JSON of the requested size, the same bytes for every target.
mkdir -p "$work/www"
awk -v n="$payload_bytes" 'BEGIN { body = "{\"items\":\""; while (length(body) < n - 3) body = body "x"; print body "\"}" }' > "$work/www/payload.json"

sed -e "s|@WORK@|$work|g" -e "s|@PORT@|$upstream_port|g" bench/proxy/upstream.conf > "$work/upstream.conf"
sed -e "s|@WORK@|$work|g" -e "s|@PORT@|$nginx_port|g" -e "s|@UPSTREAM@|$upstream_port|g" bench/proxy/nginx-proxy.conf > "$work/proxy.conf"
"$nginx_bin" -c "$work/upstream.conf" -p "$work"
"$nginx_bin" -c "$work/proxy.conf" -p "$work"

echo "== building Airlock (Release)"
dotnet build src/Airlock.Cli -c Release -v q -nologo >/dev/null
airlock_dll="$repo/src/Airlock.Cli/bin/Release/net10.0/airlock.dll"
airlock() { dotnet "$airlock_dll" "$@"; }

mkdir -p "$work/policies"
cp bench/proxy/bench.cedar "$work/policies/"
eval "$(airlock init --data-dir "$work/data" 2>/dev/null)"
export AIRLOCK_ADMIN_TOKEN AIRLOCK_ADDR="http://127.0.0.1:$admin_port"
dotnet "$airlock_dll" serve --data-dir "$work/data" --listen "127.0.0.1:$airlock_port" --admin-listen "127.0.0.1:$admin_port" \
  --policies "$work/policies" > "$work/serve.log" 2>&1 &
airlock_pid=$!
pids+=("$airlock_pid")
for _ in $(seq 100); do
  grep -q "admin API listening" "$work/serve.log" 2>/dev/null && break
  sleep 0.1
done
grep -q "admin API listening" "$work/serve.log" || { cat "$work/serve.log"; exit 1; }

# A random key, never printed: the redactor holds it and scans every response for it.
head -c 24 /dev/urandom | base64 | tr -d '\n' | airlock secret put bench_key >/dev/null
airlock service add bench --url "http://127.0.0.1:$upstream_port" --inject 'header:Authorization=Bearer {{secret:bench_key}}' >/dev/null
airlock agent add bench-agent --group bench >/dev/null
airlock user add bench-user >/dev/null
token=$(airlock session start --agent bench-agent --user bench-user --intent "proxy benchmark" --scope bench --ttl 2h)

direct_url="http://127.0.0.1:$upstream_port/payload.json"
nginx_url="http://127.0.0.1:$nginx_port/payload.json"
airlock_url="http://127.0.0.1:$airlock_port/bench/payload.json"
auth="Authorization: Bearer $token"

# wrk prints latency in us/ms/s; everything below is in microseconds.
to_us() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) print n; else if (v ~ /ms$/) print n * 1000; else if (v ~ /[0-9]s$/) print n * 1000000; else print n }'; }
percentile() { to_us "$(awk -v p="$2" '$1 == p { print $2 }' "$1")"; }
requests_per_second() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }

run_wrk() { # name url header... -- wrk args
  local name=$1 url=$2; shift 2
  local headers=()
  while [ "$1" != "--" ]; do headers+=(-H "$1"); shift; done
  shift
  wrk "${headers[@]}" "$@" "$url" > "$work/$name.txt"
}

rss_sampler() { # pid out: the highest VmRSS (kB) seen while it runs
  local max=0 now
  while kill -0 "$1" 2>/dev/null && [ ! -f "$work/stop-sampling" ]; do
    now=$(awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0)
    [ "${now:-0}" -gt "$max" ] && max=$now
    echo "$max" > "$2"
    sleep 0.2
  done
}

targets=(direct nginx airlock)
declare -A url=([direct]=$direct_url [nginx]=$nginx_url [airlock]=$airlock_url)
header_for() { if [ "$1" = airlock ]; then echo "$auth"; fi; }

# Every target must serve the payload before anything is timed.
expected=$(wc -c < "$work/www/payload.json")
for t in "${targets[@]}"; do
  h=$(header_for "$t")
  got=$( (curl -sf ${h:+-H "$h"} "${url[$t]}" || true) | wc -c)
  if [ "$got" != "$expected" ]; then
    echo "$t served $got bytes, not $expected:" >&2
    curl -sS -i ${h:+-H "$h"} "${url[$t]}" >&2 || true
    cat "$work/serve.log" >&2
    exit 1
  fi
done

# A fixed rate across connections: each waits a random time (exponential, mean connections / rate seconds) after
# each answer, so requests arrive independently at about the rate asked for.
paced_connections=20
delay_ms=$(awk -v c="$paced_connections" -v r="$rate" 'BEGIN { printf "%.3f", c * 1000 / r }')

# Long enough for .NET's tiered JIT to reach its optimized code; nginx needs none but gets the same.
echo "== warm-up: 10s each"
for t in "${targets[@]}"; do
  h=$(header_for "$t")
  run_wrk "warm-$t" "${url[$t]}" ${h:+"$h"} -- -t2 -c"$connections" -d10s
done

echo "== maximum throughput: ${connections} connections, ${duration}s each"
for t in "${targets[@]}"; do
  h=$(header_for "$t")
  run_wrk "max-$t" "${url[$t]}" ${h:+"$h"} -- -t2 -c"$connections" -d"${duration}s" --latency
  printf '  %-8s %10s req/s\n' "$t" "$(requests_per_second "$work/max-$t.txt")"
done

echo "== fixed rate: about ${rate} req/s (${paced_connections} connections, one request each per ${delay_ms} ms on average), ${duration}s each"
rm -f "$work/stop-sampling"
rss_sampler "$airlock_pid" "$work/rss" &
sampler=$!
for t in "${targets[@]}"; do
  h=$(header_for "$t")
  DELAY_MS=$delay_ms run_wrk "rate-$t" "${url[$t]}" ${h:+"$h"} -- -t2 -c"$paced_connections" -d"${duration}s" --latency -s bench/proxy/paced.lua
done
touch "$work/stop-sampling"; wait "$sampler" 2>/dev/null || true
rss_kb=$(cat "$work/rss")

for t in "${targets[@]}"; do
  if grep -qE 'Non-2xx|Socket errors' "$work/max-$t.txt" "$work/rate-$t.txt"; then
    echo "!! $t: wrk reported errors:"; grep -hE 'Non-2xx|Socket errors' "$work/max-$t.txt" "$work/rate-$t.txt"
  fi
done

printf '\n%-8s %12s %10s %10s %10s %10s\n' target "max req/s" "rate req/s" "p50 us" "p90 us" "p99 us"
for t in "${targets[@]}"; do
  printf '%-8s %12s %10s %10s %10s %10s\n' "$t" "$(requests_per_second "$work/max-$t.txt")" "$(requests_per_second "$work/rate-$t.txt")" \
    "$(percentile "$work/rate-$t.txt" 50%)" "$(percentile "$work/rate-$t.txt" 90%)" "$(percentile "$work/rate-$t.txt" 99%)"
done

ratio=$(awk -v a="$(requests_per_second "$work/max-airlock.txt")" -v n="$(requests_per_second "$work/max-nginx.txt")" 'BEGIN { printf "%.2f", a / n }')
added_p50=$(awk -v a="$(percentile "$work/rate-airlock.txt" 50%)" -v d="$(percentile "$work/rate-direct.txt" 50%)" 'BEGIN { printf "%.0f", a - d }')
added_p99=$(awk -v a="$(percentile "$work/rate-airlock.txt" 99%)" -v d="$(percentile "$work/rate-direct.txt" 99%)" 'BEGIN { printf "%.0f", a - d }')
verdict() { if awk -v x="$1" -v lim="$2" -v dir="$3" 'BEGIN { exit !(dir == "min" ? x >= lim : x <= lim) }'; then echo met; else echo MISSED; fi; }
echo
echo "Airlock / nginx throughput:     ${ratio}x   (target >= 0.6x: $(verdict "$ratio" 0.6 min))"
echo "added latency over direct p50:  ${added_p50} us (target <= 250 us: $(verdict "$added_p50" 250 max))"
echo "added latency over direct p99:  ${added_p99} us (target <= 1000 us: $(verdict "$added_p99" 1000 max))"
echo "Airlock resident memory (max):  $((rss_kb / 1024)) MB (target <= 150 MB: $(verdict "$((rss_kb / 1024))" 150 max))"
echo "audit records written:          $(airlock audit tail -n 1 --data-dir "$work/data" 2>/dev/null | grep -oE '"seq":[0-9]+' | cut -d: -f2 || echo '?')"
