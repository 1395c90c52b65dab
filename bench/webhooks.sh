#!/usr/bin/env bash
# Verified, deduplicated webhook ingestion on SQLite through the host's real inbox code (store, verify the HMAC, dedupe
# by provider event id, apply), with 20 % redeliveries in the stream: ingested/s, p50/p99, and how many payments were
# credited exactly once (all of them, or the run failed).
#
#   bench/webhooks.sh
#
# Sizes through KONTOR_BENCH_OPTS, e.g. "-Dpayments=20000 -Dduplicates=0.2 -Dthreads=4 -Dsqlite.pool=1". Builds
# nothing itself.
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/built.sh
# shellcheck disable=SC2086
exec java ${KONTOR_JAVA_OPTS:-} ${KONTOR_BENCH_OPTS:-} \
  -cp "$jar:bench/target/lib/*" org.kontor.bench.WebhookBench "$@"
