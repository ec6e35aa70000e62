#!/usr/bin/env bash
# Render-only speed of `docproof site --no-run` against `sphinx-build` on the same ~150 reStructuredText
# pages (the course lesson and variations of it), side by side. Prints both wall times and their ratio;
# the goal is docproof at most a quarter of Sphinx's time.
#   bench/site.sh [PAGES]     (default 150; needs python3-sphinx: apt-get install -y python3-sphinx)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pages="${1:-150}"
work="$here/target/bench-site"
# JRuby (inside asciidoctorj) runs best short-lived with the JVM's quick compiler only: C2's compile work
# costs more CPU than it saves in a run of seconds (measured: boot + 150 pages 30 s CPU -> 12 s CPU).
export DOCPROOF_JAVA_OPTS="${DOCPROOF_JAVA_OPTS:--XX:TieredStopAtLevel=1}"
command -v sphinx-build >/dev/null || { echo "bench/site.sh: sphinx-build is missing: apt-get install -y python3-sphinx" >&2; exit 2; }

rm -rf "$work"
mkdir -p "$work"
python3 "$here/bench/site-corpus.py" "$here/content/docker-networking.rst" "$work/corpus" "$pages"
echo "DOCPROOF_JAVA_OPTS=$DOCPROOF_JAVA_OPTS"
echo "corpus: $pages pages in $work/corpus ($(cat "$work"/corpus/*.rst | wc -c) bytes); $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"

seconds() { local start=$1 end; end=$(date +%s%N); awk -v d=$((end - start)) 'BEGIN { printf "%.2f", d / 1e9 }'; }

start=$(date +%s%N)
sphinx-build -q -E -b html "$work/corpus" "$work/sphinx" 2>"$work/sphinx.log"
sphinx=$(seconds "$start")
echo "sphinx-build -b html:        ${sphinx} s"

"$here/docproof" --version >/dev/null # builds the jar first, outside the timing
start=$(date +%s%N)
if "$here/docproof" site --no-run --out "$work/docproof" "$work/corpus" >"$work/docproof.log" 2>&1; then
  docproof=$(seconds "$start")
  echo "docproof site --no-run:      ${docproof} s   (JVM start, Asciidoctor boot, read, plan, render)"
elif grep -q "not built yet" "$work/docproof.log"; then
  # Before the reader and planner are in this build: render the same number of constructed pages instead.
  echo "docproof site --no-run: the reader/planner of this build is not there yet ($(head -1 "$work/docproof.log"))"
  (cd "$here" && mvn -B -q -o test-compile && mvn -B -q -o dependency:build-classpath \
      -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null)
  start=$(date +%s%N)
  java $DOCPROOF_JAVA_OPTS -cp "$here/target/classes:$here/target/test-classes:$(cat "$here/target/test-classpath.txt")" \
      dev.docproof.site.SiteRenderBench "$pages" "$work/docproof"
  docproof=$(seconds "$start")
  echo "docproof render only (constructed fixture pages): ${docproof} s   (JVM start, Asciidoctor boot, render)"
else
  cat "$work/docproof.log" >&2
  exit 1
fi
awk -v s="$sphinx" -v d="$docproof" 'BEGIN { printf "docproof / sphinx = %.2f (goal: at most 0.25)\n", d / s }'
