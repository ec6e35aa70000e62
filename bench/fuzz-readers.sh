#!/usr/bin/env bash
# The long fuzz run of the lesson readers (the build runs a few thousand inputs; this runs as many as
# asked): reads and plans mutated lessons, prints inputs run, speed, the slowest input (kept in
# target/fuzz-slowest.EXT; the reader is started before the clock) and each distinct
# crash, kept made small under target/fuzz-crashes (a fixed crash goes to src/test/resources/read/fuzz-corpus).
# Usage: bench/fuzz-readers.sh [rst|md|adoc] [count] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
format="${1:-rst}"
count="${2:-1000000}"
mvn -B -q -o test-compile >/dev/null
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -Xmx1g -Xss8m -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    dev.docproof.bench.ReaderFuzz "$format" "$count" ${3:+"$3"}
