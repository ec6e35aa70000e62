#!/usr/bin/env bash
# Render-only speed of `docproof site --no-run` against `sphinx-build -b html` (default settings) on the same
# ~150 reStructuredText pages (the course lesson and variations of it). Each run renders into a fresh output
# folder, Sphinx and docproof alternate so a busy machine slows both alike, and the figures are medians:
# wall time (what a user waits for) and CPU time (user+sys, steadier when other work shares the cores).
# The goal is docproof at most a quarter of Sphinx's wall time.
#   bench/site.sh [PAGES [RUNS]]   (defaults 150 and 3; needs python3-sphinx: apt-get install -y python3-sphinx)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pages="${1:-150}"
runs="${2:-3}"
work="$here/target/bench-site"
# JRuby (inside asciidoctorj) runs best short-lived with the JVM's quick compiler only: C2's compile work
# costs more CPU than it saves in a run of seconds. The serial collector spares a short run on few cores
# G1's concurrent threads (about 8% less CPU measured). The launcher passes DOCPROOF_JAVA_OPTS to the JVM;
# set it (even empty) to measure other flags.
export DOCPROOF_JAVA_OPTS="${DOCPROOF_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
command -v sphinx-build >/dev/null || { echo "bench/site.sh: sphinx-build is missing: apt-get install -y python3-sphinx" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/site.sh: /usr/bin/time is missing: apt-get install -y time" >&2; exit 2; }

rm -rf "$work"
mkdir -p "$work"
python3 "$here/bench/site-corpus.py" "$here/content/docker-networking.rst" "$work/corpus" "$pages"
"$here/docproof" --version >/dev/null # builds the jar first, outside the timing
# One untimed render: a new jar's first `site` also writes that command's class-data archive (a one-time cost).
"$here/docproof" site --no-run --out "$work/warm-up" "$work/corpus" >/dev/null 2>&1 \
  || { echo "bench/site.sh: the warm-up render failed: $here/docproof site --no-run $work/corpus" >&2; exit 1; }
rm -rf "$work/warm-up"
echo "DOCPROOF_JAVA_OPTS=$DOCPROOF_JAVA_OPTS"
echo "corpus: $pages pages in $work/corpus ($(cat "$work"/corpus/*.rst | wc -c) bytes); $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"

# timed LOG COMMAND...: runs the command, appends "wall cpu" (seconds) to LOG; its output goes to LOG.out.
timed() {
  local log=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$log.time" "$@" >"$log.out" 2>&1 || { cat "$log.out" >&2; exit 1; }
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$log.time" >>"$log"
}

for run in $(seq 1 "$runs"); do
  rm -rf "$work/sphinx" "$work/docproof"
  timed "$work/sphinx.times" sphinx-build -q -E -b html "$work/corpus" "$work/sphinx"
  timed "$work/docproof.times" "$here/docproof" site --no-run --out "$work/docproof" "$work/corpus"
  printf "run %d: sphinx-build %s s wall, %s s CPU; docproof %s s wall, %s s CPU (load %s)\n" "$run" \
      $(tail -1 "$work/sphinx.times") $(tail -1 "$work/docproof.times") "$(cut -d' ' -f1 /proc/loadavg)"
done

median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
sw=$(cut -d' ' -f1 "$work/sphinx.times" | median);   sc=$(cut -d' ' -f2 "$work/sphinx.times" | median)
dw=$(cut -d' ' -f1 "$work/docproof.times" | median); dc=$(cut -d' ' -f2 "$work/docproof.times" | median)
echo "median of $runs runs:"
echo "  sphinx-build -b html:   ${sw} s wall, ${sc} s CPU"
echo "  docproof site --no-run: ${dw} s wall, ${dc} s CPU   (JVM start, Asciidoctor boot, read, plan, render, write)"
awk -v s="$sw" -v d="$dw" -v sc="$sc" -v dc="$dc" \
    'BEGIN { printf "docproof / sphinx = %.2f wall, %.2f CPU (goal: at most 0.25 wall)\n", d / s, dc / sc }'
