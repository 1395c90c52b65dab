#!/usr/bin/env bash
# Availability search of one label across 50 TLDs at 5 sandbox registries (20 ms per command), against
# checking the same names one by one: p50/p99 of a search, one round trip, and the speed-up.
#
#   bench/availability.sh
#
# Sizes through KONTOR_BENCH_OPTS, e.g. "-Dsearches=500 -Dlatency.ms=50 -Dregistries=5 -Dtlds.per.registry=10".
# Builds nothing itself.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=bench/target/kontor-bench-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ ! -d bench/target/lib ]; then
  echo "no $jar: run 'mvn -q -DskipTests package' first" >&2
  exit 1
fi
# A library left from an earlier build of another version would be on the class path too, and may win.
stale=$(ls bench/target/lib | sed -E 's/-[0-9][0-9.]*(-SNAPSHOT)?\.jar$//' | sort | uniq -d)
if [ -n "$stale" ]; then
  echo "bench/target/lib holds two versions of: $stale; run 'mvn -q clean package -DskipTests'" >&2
  exit 1
fi
# shellcheck disable=SC2086
exec java ${KONTOR_BENCH_OPTS:-} \
  -cp "$jar:bench/target/lib/*" org.kontor.bench.AvailabilityBench "$@"
