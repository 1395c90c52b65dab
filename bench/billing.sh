#!/usr/bin/env bash
# A month's settlement run of the prepaid accounts with PDFs: documents/s, time in issuing and in rendering, peak heap,
# and a second run of the same month (0 documents). Runs on SQLite (a temporary file) and, when a PostgreSQL URL is
# given as the first argument or in KONTOR_TEST_PG_URL, on PostgreSQL too (a fresh schema, dropped afterwards).
#
#   bench/billing.sh [jdbc:postgresql://127.0.0.1:5432/test?user=postgres]
#
# Sizes through KONTOR_BENCH_OPTS, e.g. "-Daccounts=10000 -Ddraws=5 -Dpdf.threads=2"; the heap is capped at 512 MB
# unless KONTOR_JAVA_OPTS says otherwise. Builds nothing itself.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/built.sh
# shellcheck disable=SC2086
exec java ${KONTOR_JAVA_OPTS:--Xmx512m} ${KONTOR_BENCH_OPTS:-} \
  -cp "$jar:bench/target/lib/*" org.kontor.bench.BillingRunBench "$@"
