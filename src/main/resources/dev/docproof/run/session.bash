# The driver of one docproof shell session, sourced when the shell starts (and again after a restart).
# Each step arrives as ONE top-level line, so the step's commands run in the learner's shell itself
# (cd, export, variables, functions carry over) and not inside a function:
#   __dp_begin SEQ DIR; __dp_last_status; source DIR/command </dev/null >&3 2>&4 3>&- 4>&-; __dp_end $? [step]
# Status lines go to the fifo $__dp_fifo, opened only while a line is written, so no process a step
# starts can hold or write to the status channel.

# Opened read-write: the open never blocks, so a shell whose reader died cannot hang on it.
__dp_report() { printf '%s %s %s\n' "$__dp_nonce" "$__dp_seq" "$*" 1<> "$__dp_fifo"; }

# Everything a later shell needs to continue where this one stopped.
__dp_save() { { declare -p; declare -f; printf 'cd -- %q\n' "$PWD"; } > "$__dp_dir/state" 2>/dev/null; }

__dp_begin() {
  __dp_seq=$1
  # Two tees append to one file opened O_APPEND: the merged view keeps the order in which bytes arrived.
  # Every file is appended to, so the session can cut one back to its size limit while the tees write on.
  exec 3> >(exec tee -a "$2/merged" >> "$2/stdout")
  __dp_p1=$!
  exec 4> >(exec 3>&- tee -a "$2/merged" >> "$2/stderr")
  __dp_p2=$!
  __dp_report started "$__dp_p1" "$__dp_p2"
}

# $? as the lesson's last step left it, so that a step reads it as at a terminal (`false`, then `echo $?` prints 1);
# docproof's own commands in the session (probes, file reads) leave it alone.
: "${__dp_status:=0}"
__dp_last_status() { return "$__dp_status"; }

__dp_end() {
  __dp_rc=$1
  if [[ $2 == step ]]; then __dp_status=$__dp_rc; fi
  # The step's own job, if it started one: $! in a later step names it (the next step's output pipes reset $!).
  if [[ $! != "$__dp_p2" ]]; then __dp_job=$!; fi
  exec 3>&- 4>&-
  __dp_save
  __dp_report rc "$__dp_rc"
  __dp_seq=
}

# A step that prints until a person stops it (`docker logs -f`, `ping`): after $1 seconds, SIGINT to what the
# step started in the foreground, as a learner's Ctrl-C; never to what ran before it (the tees that keep the step's
# output, a server an earlier step left in the background). Killing the stopper's sleep first ends it unfired.
__dp_stop_after() {
  local before=" $(pgrep -P $$ 2>/dev/null | tr '\n' ' ') "
  __dp_stopper=$( { sleep "$1" && for __dp_c in $(pgrep -P $$); do
      [[ $before == *" $__dp_c "* ]] || kill -INT "$__dp_c"; done; } </dev/null >/dev/null 2>&1 & echo $! )
}
__dp_stop_cancel() {
  pkill -P "$__dp_stopper" 2>/dev/null
  kill "$__dp_stopper" 2>/dev/null
  return "$1"
}

# A step that calls `exit` (or fails under `set -e`) ends this shell: say so, with the state it leaves,
# instead of vanishing.
__dp_on_exit() {
  __dp_rc=$?
  if [[ -n $__dp_seq ]]; then
    __dp_status=$__dp_rc
    __dp_save
    if [[ $- == *e* && $__dp_rc != 0 ]]; then
      __dp_report errexit "$__dp_rc"
    else
      __dp_report exit "$__dp_rc"
    fi
  fi
}
trap __dp_on_exit EXIT
