#!/usr/bin/env bash
# Rendered by megaplan-cloud. Writes the time to $ROOT/.megaplan/heartbeat every 30 s.
set -uo pipefail
root=${ROOT:-/workspace}
mkdir -p "$root/.megaplan"
while :; do
  date -u +%Y-%m-%dT%H:%M:%SZ > "$root/.megaplan/heartbeat.tmp" \
    && mv -f "$root/.megaplan/heartbeat.tmp" "$root/.megaplan/heartbeat"
  sleep 30
done
