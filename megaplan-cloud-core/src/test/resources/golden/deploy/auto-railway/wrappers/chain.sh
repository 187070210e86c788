#!/usr/bin/env bash
# Rendered by megaplan-cloud. Usage: chain.sh SPEC
# Starts the chain SPEC from the workspace with megaplan's chain driver.
set -euo pipefail
if [ "$#" -ne 1 ]; then
  echo "usage: chain.sh SPEC" >&2
  exit 2
fi
cd '/workspace/app'
export MEGAPLAN_TRUSTED_CONTAINER=1
exec python -m arnold.pipelines.megaplan chain start --spec "$1"
