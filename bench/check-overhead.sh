#!/usr/bin/env bash
# Prints what `docproof check` adds per lesson and per step besides the lesson's commands
# (engine client, ledger snapshot, shell session framing). Needs only the engine, no lesson images.
# Usage: bench/check-overhead.sh [REPEATS]   (default 50)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
t0=$(date +%s%N)
java -cp target/classes:target/test-classes:"$(cat target/bench-classpath.txt)" dev.docproof.run.CheckOverheadBench "${1:-50}"
t1=$(date +%s%N)
echo "whole bench JVM, for scale: $(( (t1 - t0) / 1000000 )) ms"
t0=$(date +%s%N)
java -cp target/classes:"$(cat target/bench-classpath.txt)" dev.docproof.cli.Main --version >/dev/null
t1=$(date +%s%N)
printf '%-60s %8d ms\n' "JVM start + picocli (docproof --version)" $(( (t1 - t0) / 1000000 ))
