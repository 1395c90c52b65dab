#!/usr/bin/env bash
# Invoice PDFs per second (PDF/A-3 with the Factur-X XML for businesses) with 1 and 2 threads, and the heap's peak.
#
#   bench/invoice-pdf.sh
#
# Sizes through KONTOR_BENCH_OPTS, e.g. "-Dseconds=20 -Dwarmup=3000 -Dthreads=2"; JVM options for the measured
# process in KONTOR_JAVA_OPTS (default -Xmx512m -XX:ActiveProcessorCount=2). Builds nothing itself.
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
exec java ${KONTOR_JAVA_OPTS:--Xmx512m -XX:ActiveProcessorCount=2} ${KONTOR_BENCH_OPTS:-} \
  -cp "$jar:bench/target/lib/*" org.kontor.bench.InvoicePdfBench "$@"
