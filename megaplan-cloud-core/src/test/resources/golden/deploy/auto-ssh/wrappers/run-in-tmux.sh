#!/usr/bin/env bash
# Rendered by megaplan-cloud. Usage: run-in-tmux.sh SESSION DIR COMMAND
# Starts COMMAND in a detached tmux session unless that session already runs.
# tmux expands #(...) and other formats in new-session -s and -c, whatever the shell quoting:
# SESSION must be letters, digits, _ and - only, and DIR is entered with cd instead of -c.
set -euo pipefail
if [ "$#" -ne 3 ]; then
  echo "usage: run-in-tmux.sh SESSION DIR COMMAND" >&2
  exit 2
fi
session=$1 dir=$2 command=$3
case $session in
  '' | *[!ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-]*)
    echo "run-in-tmux.sh: unsafe session name (use letters, digits, _ and -)" >&2
    exit 2
    ;;
esac
if tmux has-session -t "=$session" 2>/dev/null; then
  echo already_running
  exit 0
fi
mkdir -p -- "$dir"
cd -- "$dir"
tmux new-session -d -s "$session" "$command"
echo started
