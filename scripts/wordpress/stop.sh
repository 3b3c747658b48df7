#!/usr/bin/env bash
# Stops the WordPress that scripts/wordpress/start.sh started in STATE_DIR: Apache
# and MariaDB by their pid files (waiting until they are gone), and removes the
# /etc/wordpress config file start.sh wrote. Leaves STATE_DIR itself (the caller's).
# Safe to run twice, or after a start that failed halfway.
#
#   scripts/wordpress/stop.sh STATE_DIR
set -uo pipefail

[ $# -eq 1 ] || { echo "usage: $0 STATE_DIR" >&2; exit 2; }
state="$1"
[ -d "$state" ] || { echo "stop.sh: no such state dir: $state" >&2; exit 2; }
state="$(cd "$state" && pwd)"
status=0

# Whether process $1 still runs. A zombie does not: the daemons were re-parented
# to PID 1 when start.sh exited, and a container's PID 1 may reap them late.
running() {
  local stat
  stat="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
  [[ -n "$stat" && "$stat" != Z* ]]
}

# Whether process $1 is one of this state dir's (a stale pid file may name a
# process that reused the number).
ours() { ps -o args= -p "$1" 2>/dev/null | grep -qF -- "$state/"; }

# Waits until process $1 is gone (at most $2 hundredths of a second), then kills it.
wait_gone() {
  local pid="$1" hundredths="$2"
  for _ in $(seq 1 "$hundredths"); do
    running "$pid" || return 0
    sleep 0.01
  done
  echo "stop.sh: process $pid did not stop in time, killing it" >&2
  kill -KILL "$pid" 2>/dev/null
  sleep 0.1
  ! running "$pid"
}

# Apache: SIGTERM to the parent stops it and its children at once.
if [ -s "$state/apache.pid" ]; then
  pid="$(cat "$state/apache.pid")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && running "$pid" && ours "$pid"; then
    # Its children, to check they went with it.
    children="$(ps -o pid= --ppid "$pid" 2>/dev/null || true)"
    kill -TERM "$pid" 2>/dev/null
    wait_gone "$pid" 1000 || status=1
    for child in $children; do wait_gone "$child" 200 || status=1; done
  fi
  rm -f "$state/apache.pid"
fi

# MariaDB: SIGTERM is its clean shutdown.
if [ -s "$state/mariadb.pid" ]; then
  pid="$(cat "$state/mariadb.pid")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && running "$pid" && ours "$pid"; then
    kill -TERM "$pid" 2>/dev/null
    wait_gone "$pid" 2000 || status=1
  fi
  rm -f "$state/mariadb.pid"
elif [ -S "$state/mariadb.sock" ]; then
  # Started, but stopped before writing its pid file: its socket says who.
  mariadb-admin --no-defaults --socket="$state/mariadb.sock" -uroot shutdown >/dev/null 2>&1 || true
fi

# The config file start.sh wrote, and only that one (it carries start.sh's mark).
if [ -s "$state/wp-config-file" ]; then
  config="$(cat "$state/wp-config-file")"
  case "$config" in
    /etc/wordpress/config-visite-*.php)
      if [ -f "$config" ] && grep -q 'visite-test-instance' "$config"; then rm -f "$config"; fi ;;
  esac
  rm -f "$state/wp-config-file"
fi
exit $status
