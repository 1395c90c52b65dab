#!/usr/bin/env bash
# Startup to first answered request, and resident memory at idle, of the packaged host.
#
#   bench/startup.sh [runs] [idle-seconds]
#
# Each run starts kontor.jar on a fresh data folder (SQLite), with every plugin zip the build produced
# deployed, polls / until it answers 200, then leaves the host idle and reads its resident set size.
# Prints one row per run and the median. Build first: mvn -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
idle=${2:-10}
jar=host-app/target/kontor.jar
[ -f "$jar" ] || { echo "no $jar: run 'mvn -q -DskipTests package' first" >&2; exit 1; }
java_opts=${KONTOR_JAVA_OPTS:-}

work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

mkdir -p "$work/plugins"
zips=$(find plugins test-plugins/greeter -path '*/target/*.zip' 2>/dev/null | sort)
for zip in $zips; do cp "$zip" "$work/plugins/"; done
plugin_count=$(echo "$zips" | grep -c . || true)

port=$(( 20000 + RANDOM % 20000 ))
startup=()
rss=()
printf '%-4s %14s %12s %9s\n' run "first 200 ms" "idle RSS MB" plugins
for run in $(seq 1 "$runs"); do
  data="$work/data-$run"
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  KONTOR_DATA_DIR="$data" KONTOR_PLUGINS_DIR="$work/plugins" KONTOR_HTTP_PORT=$port \
    java $java_opts -jar "$jar" > "$work/log-$run" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then cat "$work/log-$run" >&2; exit 1; fi
    if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 60000 ]; then echo "no answer within 60 s" >&2; exit 1; fi
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  started=$(curl -s "http://127.0.0.1:$port/health" | sed -n 's/.*"started":\([0-9]*\).*/\1/p')
  sleep "$idle"
  kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  startup+=("$ms"); rss+=("$(( kb / 1024 ))")
  printf '%-4s %14s %12s %9s\n' "$run" "$ms" "$(( kb / 1024 ))" "${started:-?}/$plugin_count"
  port=$(( port + 1 ))
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
printf '%-4s %14s %12s\n' median "$(median "${startup[@]}")" "$(median "${rss[@]}")"
printf 'goal %14s %12s\n' "< 3000" "< 300"
