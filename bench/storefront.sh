#!/usr/bin/env bash
# Requests/s and p50/p99 latency of the storefront's home page, search results page and search API against a bare
# Javalin endpoint in the same JVM, driven with wrk on loopback; and how much of a search is the registries' round trip.
#
#   bench/storefront.sh
#
# Starts the demo host (SQLite, the built plugins in development mode, the sandbox registry) in-process. Options in
# KONTOR_BENCH_OPTS, e.g. "-Dseconds=20 -Dconnections=16 -Dsearch.connections=4 -Dtiming.samples=50".
# JVM options in KONTOR_JAVA_OPTS. Builds nothing itself: run 'mvn -q -DskipTests package' first.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/built.sh
command -v "${WRK:-/usr/bin/wrk}" > /dev/null || { echo "wrk is needed (${WRK:-/usr/bin/wrk})" >&2; exit 1; }
ls plugins/sandbox-registry/target/classes/plugin.properties > /dev/null 2>&1 \
  || { echo "the plugins are not built: run 'mvn -q -DskipTests package' first" >&2; exit 1; }

# The plugins load from plugins/*/target/classes through their own class loaders; their jars must not be on the
# application class path too.
cp="$jar"
for lib in bench/target/lib/*.jar; do
  case "$(basename "$lib")" in
    epp-registry-*|sandbox-registry-*|prepaid-account-*|registry-dk-*|aftermarket-demo-*) ;;
    *) cp="$cp:$lib" ;;
  esac
done
# shellcheck disable=SC2086
exec java ${KONTOR_JAVA_OPTS:-} ${KONTOR_BENCH_OPTS:-} -Dwrk="${WRK:-/usr/bin/wrk}" -Dplugins.dir=plugins \
  -cp "$cp" org.kontor.bench.StorefrontBench "$@"
