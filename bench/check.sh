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
require_free_names() {
  for name in server client; do
    if [ -n "$(docker ps -aq --filter "name=^${name}\$")" ]; then
      echo "bench/check.sh: a container named $name exists ($1); the lesson would collide with it" >&2
      exit 2
    fi
  done
  for name in networking-test my-network; do
    if [ -n "$(docker network ls -q --filter "name=^${name}\$")" ]; then
      echo "bench/check.sh: a network named $name exists ($1); the lesson would collide with it" >&2
      exit 2
    fi
  done
  if [ -e /tmp/networking-test ]; then
    echo "bench/check.sh: /tmp/networking-test exists ($1); the lesson would collide with it" >&2
    exit 2
  fi
}
require_free_names "before the bench"

# The lesson's 16 runnable commands, in order (lines 45 … 265 of the lesson; the same list
# `docproof plan --format json` gives as "run" steps). Kept fixed here so the floor does not depend
# on docproof itself. Line 262 (`docker network remove`, no name) fails as written and docproof
# repairs it to `docker network remove networking-test`: the floor runs the repaired command in its
# place, then removes what the lesson leaves behind (client, my-network) as docproof does, so both do
# the same engine work. Any failing command fails the floor.
floor_script="$(mktemp)"
run_log="$(mktemp)"
trap 'rm -f "$floor_script" "$run_log"' EXIT
cat > "$floor_script" <<'LESSON'
set -e
docker network ls
docker network inspect bridge
docker network inspect bridge | sed -n '/Containers/,/Options/p'
docker network ls
docker network create my-network
docker network create networking-test
mkdir /tmp/networking-test
echo 'using container aliases works!' > /tmp/networking-test/message
docker run -d --rm --name server --network networking-test -v /tmp/networking-test/:/var/www/:ro launchcodedevops/simple-http
docker run -itd --name client --network networking-test launchcodedevops/simple-client
docker network inspect networking-test
docker network inspect networking-test | sed -n '/Containers/,/Options/p'
docker exec client curl -v server:8080/message
docker stop server client
docker network remove networking-test
rm -rf /tmp/networking-test
docker rm -f client
docker network rm my-network
LESSON

# Build the jar, and make its class-data archive for `check`, outside the timings: one untimed run.
./docproof --version >/dev/null
require_free_names "before the warm-up run"
if ! ./docproof check "$lesson" >/dev/null 2>&1; then
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
  ./docproof check "$lesson" >"$run_log" 2>&1
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
