#!/usr/bin/env bash
# Builds the benchmark jar (and the modules it needs), then runs it. Arguments go to the benchmark:
#   benchmarks/run.sh                         end-to-end figures (10 warm-up + 30 measured runs per variant)
#   benchmarks/run.sh --iterations 60 --out bench-results.txt
#   benchmarks/run.sh --jmh                   JMH planner benchmarks (forked JVMs; JMH options may follow)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DjenkinsOffline -pl benchmarks -am install -DskipTests
exec java -Xms2g -Xmx2g -jar benchmarks/target/prisma-registry-benchmarks.jar "$@"
