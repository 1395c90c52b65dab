#!/usr/bin/env bash
# Prepaid ledger throughput and latency with 32 threads, against raw single-row INSERT transactions on
# the same database. Runs on SQLite (a temporary file) and, when a PostgreSQL URL is given as the first
# argument or in KONTOR_TEST_PG_URL, on PostgreSQL too (a fresh schema, dropped afterwards).
#
#   bench/ledger.sh [jdbc:postgresql://127.0.0.1:5432/test?user=postgres]
#
# Sizes through KONTOR_BENCH_OPTS, e.g. "-Dops=200000 -Dsqlite.pool=1 -Dpg.pool=16".
# Builds nothing itself.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/built.sh
# shellcheck disable=SC2086
exec java ${KONTOR_BENCH_OPTS:-} \
  -cp "$jar:bench/target/lib/*" org.kontor.bench.LedgerBench "$@"
