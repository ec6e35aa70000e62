#!/usr/bin/env bash
# Reading speed of the reStructuredText reader: parses a corpus of at least 5 MB of course pages
# (the lesson, the RST fixtures and generated pages in the same style) several times after a
# warm-up and prints MB/s. Usage: bench/read-throughput.sh [megabytes] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes="${1:-6}"
rounds="${2:-7}"
mvn -B -q -o test-compile >/dev/null
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    dev.docproof.bench.RstReadThroughput content/docker-networking.rst src/test/resources/rst "$megabytes" "$rounds"
