#!/usr/bin/env bash
# The runner's own cost on the course lesson's commands (unique names, so it runs beside anyone):
# CourseRunner in a warm JVM vs a plain bash script of the same commands, repair and clean-up,
# alternating A B A B. Needs the engine and the images launchcodedevops/simple-http and -client.
# JVM start and engine-client set-up come on top: see bench/check-overhead.sh.
# Usage: bench/check-runner.sh [PAIRS]   (default 5)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
java -cp target/classes:target/test-classes:"$(cat target/bench-classpath.txt)" dev.docproof.run.CourseShapedBench "${1:-5}"
