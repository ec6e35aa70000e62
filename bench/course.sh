#!/usr/bin/env bash
# Times a course of 8 lessons (the course lesson and 7 variations of it, each serving its own message)
# run by `docproof check --jobs 4` (each lesson in its own sandbox) against the serial floor: plain bash
# running the same lessons' commands one after another on this machine's engine. Then one lesson in a
# sandbox (`--jobs 1`) against one run of the floor. Runs alternate (A B A B ...) so drift on the shared
# machine hits both; prints medians and ratios. Also the CPU time the machine spent on each side (every
# process, the engines' included): docproof's divided by the cores is the least a parallel run can take here.
#
# Usage: bench/course.sh [PAIRS]   (default 3)
# Needs: the lesson images on the engine, and nobody else using the lesson's fixed names on the host.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
pairs="${1:-3}"
lessons=8
floor_script="$here/bench/networking-floor.bash"
course="$(mktemp -d)"
run_log="$(mktemp)"
trap 'rm -rf "$course" "$run_log"' EXIT

message() { if [ "$1" -eq 1 ]; then echo 'using container aliases works!'; else echo "variation $1 works!"; fi; }
for i in $(seq 1 "$lessons"); do
  sed "s/using container aliases works!/$(message "$i")/" content/docker-networking.rst >"$course/lesson-$i.rst"
done

source "$here/bench/free-names.bash"

floor() { # the first $1 lessons' commands, one lesson after another
  for i in $(seq 1 "$1"); do
    if ! MESSAGE="$(message "$i")" bash -x "$floor_script" </dev/null >"$run_log" 2>&1; then
      echo "bench/course.sh: the plain bash floor failed on lesson $i; its last lines:" >&2
      tail -8 "$run_log" >&2
      exit 1
    fi
  done
}

docproof_check() { # docproof check ARGS...; fails the bench unless every lesson passes
  set +e
  ./docproof check "$@" >"$run_log" 2>&1
  local code=$?
  set -e
  if [ "$code" -ne 0 ]; then
    echo "bench/course.sh: docproof check $* exited $code; it said:" >&2
    # The failed steps first (with their diffs): the tail alone is mostly the lessons' summaries.
    if grep -q -E '^[^ ]+:[0-9]+: +failed' "$run_log"; then
      grep -E -A20 '^[^ ]+:[0-9]+: +failed' "$run_log" >&2
    fi
    tail -30 "$run_log" >&2
    exit 1
  fi
}

# Build the jar, its class-data archive, the sandbox image and the image store outside the timings.
require_free_names "before the warm-up"
docproof_check --jobs 4 "$course/lesson-1.rst" "$course/lesson-2.rst"

now() { date +%s%N; }
# CPU time the whole machine spent busy (every process, the engines' included), in ms: a run's share of it shows
# whether a parallel run can go faster on this machine's cores at all.
busy_ms() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { print int(($2 + $3 + $4 + $7 + $8 + $9) * 1000 / hz) }' /proc/stat; }
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print int((v[NR/2]+v[NR/2+1])/2)}'; }
course_times=(); floor_times=(); one_times=(); one_floor_times=(); course_cpu=(); floor_cpu=()
for p in $(seq 1 "$pairs"); do
  require_free_names "before docproof run $p"
  c0=$(busy_ms); t0=$(now); docproof_check --jobs 4 "$course"; t1=$(now); c1=$(busy_ms)
  course_times+=($(( (t1 - t0) / 1000000 ))); course_cpu+=($((c1 - c0)))
  require_free_names "before floor run $p"
  c0=$(busy_ms); t0=$(now); floor "$lessons"; t1=$(now); c1=$(busy_ms)
  floor_times+=($(( (t1 - t0) / 1000000 ))); floor_cpu+=($((c1 - c0)))
  t0=$(now); docproof_check --jobs 1 "$course/lesson-1.rst"; t1=$(now)
  one_times+=($(( (t1 - t0) / 1000000 )))
  t0=$(now); floor 1; t1=$(now)
  one_floor_times+=($(( (t1 - t0) / 1000000 )))
  echo "pair $p: $lessons lessons: docproof --jobs 4 ${course_times[-1]} ms (CPU ${course_cpu[-1]} ms)," \
    "serial floor ${floor_times[-1]} ms (CPU ${floor_cpu[-1]} ms); one lesson: sandbox ${one_times[-1]} ms," \
    "floor ${one_floor_times[-1]} ms"
done

a=$(median "${course_times[@]}"); b=$(median "${floor_times[@]}")
c=$(median "${one_times[@]}"); d=$(median "${one_floor_times[@]}")
echo "docproof check --jobs 4, $lessons lessons (median of $pairs): $a ms"
echo "plain bash serial floor, $lessons lessons (median of $pairs): $b ms"
awk -v a="$a" -v b="$b" 'BEGIN { printf "ratio: %.2fx (goal <= 0.6x)\n", a / b }'
echo "one lesson in a sandbox (median of $pairs): $c ms; its floor: $d ms"
awk -v c="$c" -v d="$d" 'BEGIN { printf "ratio: %.2fx\n", c / d }'
e=$(median "${course_cpu[@]}"); f=$(median "${floor_cpu[@]}"); cores=$(nproc)
echo "CPU the machine spent (median): docproof $e ms, serial floor $f ms, on $cores cores"
awk -v e="$e" -v b="$b" -v n="$cores" 'BEGIN { printf "docproof'"'"'s work, every core busy all along, would still take %d ms here: %.2fx the floor\n", e / n, e / n / b }'
