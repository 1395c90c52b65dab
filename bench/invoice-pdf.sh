#!/usr/bin/env bash
# Invoice PDFs per second (PDF/A-3 with the Factur-X XML for businesses) with 1 and 2 threads, and the heap's peak.
#
#   bench/invoice-pdf.sh
#
# Sizes through KONTOR_BENCH_OPTS, e.g. "-Dseconds=20 -Dwarmup=3000 -Dthreads=2"; JVM options for the measured
# process in KONTOR_JAVA_OPTS (default -Xmx512m -XX:ActiveProcessorCount=2). Builds nothing itself.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/built.sh
# shellcheck disable=SC2086
exec java ${KONTOR_JAVA_OPTS:--Xmx512m -XX:ActiveProcessorCount=2} ${KONTOR_BENCH_OPTS:-} \
  -cp "$jar:bench/target/lib/*" org.kontor.bench.InvoicePdfBench "$@"
