#!/usr/bin/env bash
# make bench: the scale benchmark. Builds the operator jar if it is missing or older than the sources,
# then runs the harness (src/test/java/dev/trellis/bench/ScaleBenchRun) on a control plane of its own, with the
# operator in a process of its own. Prints one table and appends the run to docs/benchmarks-history.md.
#   PRESET=smoke|medium|large (default medium)
#   BENCH_ARGS='-Dtrellis.bench.changes=100 -Dtrellis.bench.jfr=true -Dtrellis.bench.record=false'
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

preset=${PRESET:-medium}
jar=target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; then
  echo "[bench] building the operator jar" >&2
  ./mvnw -B -ntp -q package -DskipTests
fi

echo "[bench] preset $preset on $(nproc) cores; progress below, the table at the end" >&2
# shellcheck disable=SC2086
./mvnw -B -ntp test -Dtest=ScaleBenchRun -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtrellis.bench.preset="$preset" ${BENCH_ARGS:-} \
  | grep -v -E '^\[(INFO|WARNING)\]' || status=$?
if [ -f target/bench/result.md ]; then
  echo
  sed -n '1,/^$/p' target/bench/result.md
  echo "[bench] appended to docs/benchmarks-history.md; operator log (and JFR recording, with -Dtrellis.bench.jfr=true) in target/bench/" >&2
fi
exit "${status:-0}"
