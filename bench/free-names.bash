# require_free_names WHEN: stops the bench (exit 2) when the course lesson's fixed names are taken on
# this machine's engine, or /tmp/networking-test exists, since a run would collide with whoever holds them.
require_free_names() {
  for name in server client; do
    if [ -n "$(docker ps -aq --filter "name=^${name}\$")" ]; then
      echo "${0##*/}: a container named $name exists ($1); the lesson would collide with it" >&2
      exit 2
    fi
  done
  for name in networking-test my-network; do
    if [ -n "$(docker network ls -q --filter "name=^${name}\$")" ]; then
      echo "${0##*/}: a network named $name exists ($1); the lesson would collide with it" >&2
      exit 2
    fi
  done
  if [ -e /tmp/networking-test ]; then
    echo "${0##*/}: /tmp/networking-test exists ($1); the lesson would collide with it" >&2
    exit 2
  fi
}
