#!/usr/bin/env bash
# Rendered by megaplan-cloud. Usage: run-in-tmux.sh SESSION DIR COMMAND
# Starts COMMAND in a detached tmux session unless that session already runs.
set -euo pipefail
if [ "$#" -ne 3 ]; then
  echo "usage: run-in-tmux.sh SESSION DIR COMMAND" >&2
  exit 2
fi
session=$1 dir=$2 command=$3
if tmux has-session -t "=$session" 2>/dev/null; then
  echo already_running
  exit 0
fi
mkdir -p "$dir"
tmux new-session -d -s "$session" -c "$dir" "$command"
echo started
