#!/usr/bin/env bash
# Rendered by megaplan-cloud. Usage: supervise-with-backoff.sh MAX_TRIES COMMAND...
# Runs COMMAND until it succeeds, waiting 5 s, 10 s, 20 s ... (at most 300 s) between tries.
set -uo pipefail
if [ "$#" -lt 2 ]; then
  echo "usage: supervise-with-backoff.sh MAX_TRIES COMMAND..." >&2
  exit 2
fi
max=$1
shift
delay=5
try=1
while :; do
  "$@"
  status=$?
  if [ "$status" -eq 0 ]; then
    exit 0
  fi
  if [ "$try" -ge "$max" ]; then
    echo "supervise: giving up after $try tries (last exit $status)" >&2
    exit "$status"
  fi
  echo "supervise: exit $status; retrying in ${delay}s (try $((try + 1)) of $max)" >&2
  sleep "$delay"
  try=$((try + 1))
  delay=$((delay * 2))
  if [ "$delay" -gt 300 ]; then
    delay=300
  fi
done
