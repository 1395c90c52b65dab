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

. bench/built.sh
# shellcheck disable=SC2086
exec java ${KONTOR_BENCH_OPTS:-} \
  -cp "$jar:bench/target/lib/*" org.kontor.bench.AvailabilityBench "$@"
