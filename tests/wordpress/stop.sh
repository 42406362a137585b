#!/usr/bin/env bash
# Stops exactly what start.sh started, by the PIDs it wrote (each with setsid, so the
# PID is also the process group: PHP's workers go with it). Keeps the data, so the
# next start takes about a second; --wipe deletes $STATE as well.
set -uo pipefail
PORT=${PORT:-8321}
STATE=${WP_STATE:-${TMPDIR:-/tmp}/review-card-wordpress-$PORT}
stop_one() {
  local f="$STATE/$1" pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    for _ in $(seq 1 100); do { kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null; } || break; sleep 0.05; done
    if kill -0 -- "-$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null; fi
  fi
  rm -f "$f"
}
stop_one php.pid
stop_one mysqld.pid
if [ "${1:-}" = --wipe ]; then rm -rf "$STATE"; fi
