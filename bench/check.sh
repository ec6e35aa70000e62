#!/usr/bin/env bash
# Times `docproof check` on the course lesson against its floor: a plain bash script running the same
# 16 runnable commands on the same engine, plus the same repair and clean-up docproof performs.
# Runs alternate (A B A B ...) so drift on the shared machine hits both; prints medians and the ratio.
#
# Usage: bench/check.sh [PAIRS]   (default 5)
# Needs: the images launchcodedevops/simple-http and launchcodedevops/simple-client on the engine, and
# nobody else using the lesson's fixed names (networking-test, my-network, server, client).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
pairs="${1:-5}"
lesson=content/docker-networking.rst

for image in launchcodedevops/simple-http launchcodedevops/simple-client; do
  if [ -z "$(docker images -q "$image")" ]; then
    echo "bench/check.sh: the image $image is missing; build the lesson's images first" >&2
    exit 2
  fi
done
# Before every run: the lesson's fixed names must be free, or the run would collide with someone else's.
source "$here/bench/free-names.bash"
require_free_names "before the bench"

# The floor: the lesson's runnable commands as plain bash (see bench/networking-floor.bash).
floor_script="$here/bench/networking-floor.bash"
run_log="$(mktemp)"
trap 'rm -f "$run_log"' EXIT

# Build the jar, and make its class-data archive for `check`, outside the timings: one untimed run.
./docproof --version >/dev/null
require_free_names "before the warm-up run"
if ! ./docproof check --isolation host "$lesson" >/dev/null 2>&1; then
  echo "bench/check.sh: the warm-up run of docproof check failed; see ./docproof check $lesson" >&2
  exit 1
fi

now() { date +%s%N; }
a_times=()
b_times=()
for i in $(seq 1 "$pairs"); do
  require_free_names "before docproof run $i"
  t0=$(now)
  set +e
  ./docproof check --isolation host "$lesson" >"$run_log" 2>&1
  code=$?
  set -e
  t1=$(now)
  if [ "$code" -ne 0 ]; then
    echo "bench/check.sh: docproof check exited $code on run $i; it said:" >&2
    cat "$run_log" >&2
    exit 1
  fi
  a_times+=($(( (t1 - t0) / 1000000 )))

  require_free_names "before floor run $i"
  t0=$(now)
  if ! bash -x "$floor_script" </dev/null >"$run_log" 2>&1; then
    # The names were free before this run, so whatever holds them now is the floor's own.
    for name in server client; do
      if [ -n "$(docker ps -aq --filter "name=^${name}\$")" ]; then docker rm -f "$name" >/dev/null; fi
    done
    for name in networking-test my-network; do
      if [ -n "$(docker network ls -q --filter "name=^${name}\$")" ]; then docker network rm "$name" >/dev/null; fi
    done
    rm -rf /tmp/networking-test
    echo "bench/check.sh: the plain bash floor failed on run $i; its last lines:" >&2
    tail -8 "$run_log" >&2
    exit 1
  fi
  t1=$(now)
  b_times+=($(( (t1 - t0) / 1000000 )))
  echo "pair $i: docproof ${a_times[-1]} ms, plain bash ${b_times[-1]} ms"
done

median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print int((v[NR/2]+v[NR/2+1])/2)}'; }
a=$(median "${a_times[@]}")
b=$(median "${b_times[@]}")
echo "docproof check (median of $pairs): $a ms"
echo "plain bash floor (median of $pairs): $b ms"
awk -v a="$a" -v b="$b" 'BEGIN { printf "ratio: %.2fx (target <= 1.15x)\n", a / b }'
