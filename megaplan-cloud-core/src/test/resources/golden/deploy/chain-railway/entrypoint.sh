#!/usr/bin/env bash
# Rendered by megaplan-cloud for provider railway, mode chain; do not edit: change
# cloud.yaml and render again.
set -uo pipefail

ROOT=/workspace
WORKSPACE='/workspace/app'
PORT="${PORT:-9090}"
WRAPPERS=/opt/megaplan-cloud/wrappers
export ROOT WORKSPACE PORT

log() { printf '[entrypoint] %s\n' "$*" >&2; }

mkdir -p "$ROOT/.megaplan" "$ROOT/.creds"

# Git identity, and the token credential helper when GITHUB_TOKEN is present.
git config --global user.name "${GIT_AUTHOR_NAME:-megaplan-cloud}"
git config --global user.email "${GIT_AUTHOR_EMAIL:-megaplan-cloud@users.noreply.github.com}"
if [ -n "${GITHUB_TOKEN:-}" ]; then
  # shellcheck disable=SC2016 # expanded by git's helper shell, not here
  git config --global credential.helper '!f() { echo username=x-access-token; echo "password=${GITHUB_TOKEN}"; }; f'
  export GH_TOKEN="${GH_TOKEN:-$GITHUB_TOKEN}"
fi

# Ensure repos: clone each checkout that is missing.
ensure_repos() (
rc=0
if [ ! -d '/workspace/app/.git' ]; then mkdir -p -- '/workspace' && GIT_TERMINAL_PROMPT=0 git clone --branch 'develop' -- 'https://github.com/example/app.git' '/workspace/app' </dev/null || { echo 'ENSURE_REPO_FAILED 0'; echo 'clone failed: https://github.com/example/app.git@develop into /workspace/app' >&2; rc=1; }; fi
if [ ! -d '/workspace/lib/.git' ]; then mkdir -p -- '/workspace' && GIT_TERMINAL_PROMPT=0 git clone --branch 'main' -- 'https://github.com/example/lib.git' '/workspace/lib' </dev/null || { echo 'ENSURE_REPO_FAILED 1'; echo 'clone failed: https://github.com/example/lib.git@main into /workspace/lib' >&2; rc=1; }; fi
exit "$rc"
)
ensure_repos || log "warning: a repo could not be cloned; see the lines above"

# Restore the OAuth seeds from the volume.
mkdir -p /root/.codex /root/.hermes
if [ -f "$ROOT/.creds/codex-auth.json" ]; then
  install -m 600 "$ROOT/.creds/codex-auth.json" /root/.codex/auth.json
fi
if [ -f "$ROOT/.creds/hermes-auth.json" ]; then
  install -m 600 "$ROOT/.creds/hermes-auth.json" /root/.hermes/auth.json
fi

# Codex configuration.
cat > /root/.codex/config.toml <<'TOML'
model = "gpt-5.4-mini"
model_reasoning_effort = "medium"
TOML

# megaplan install/refresh helper: reinstall from megaplan.src_path when a checkout is there.
megaplan_refresh() {
  if [ -f '/workspace/arnold/pyproject.toml' ] || [ -f '/workspace/arnold/setup.py' ]; then pip install --quiet --upgrade -e '/workspace/arnold' || return 1; fi
}
megaplan_refresh || log "warning: megaplan refresh failed; keeping the installed version"

# Agent routing.
python -m arnold.pipelines.megaplan config set 'agents.plan' 'codex' >/dev/null 2>&1 || log 'warning: could not route plan to codex'
python -m arnold.pipelines.megaplan config set 'agents.prep' 'codex' >/dev/null 2>&1 || log 'warning: could not route prep to codex'
python -m arnold.pipelines.megaplan config set 'agents.critique' 'codex' >/dev/null 2>&1 || log 'warning: could not route critique to codex'
python -m arnold.pipelines.megaplan config set 'agents.critique_evaluator' 'codex' >/dev/null 2>&1 || log 'warning: could not route critique_evaluator to codex'
python -m arnold.pipelines.megaplan config set 'agents.revise' 'codex' >/dev/null 2>&1 || log 'warning: could not route revise to codex'
python -m arnold.pipelines.megaplan config set 'agents.gate' 'codex' >/dev/null 2>&1 || log 'warning: could not route gate to codex'
python -m arnold.pipelines.megaplan config set 'agents.finalize' 'codex' >/dev/null 2>&1 || log 'warning: could not route finalize to codex'
python -m arnold.pipelines.megaplan config set 'agents.execute' 'codex' >/dev/null 2>&1 || log 'warning: could not route execute to codex'
python -m arnold.pipelines.megaplan config set 'agents.review' 'codex' >/dev/null 2>&1 || log 'warning: could not route review to codex'
python -m arnold.pipelines.megaplan config set 'agents.feedback' 'codex' >/dev/null 2>&1 || log 'warning: could not route feedback to codex'
python -m arnold.pipelines.megaplan config set 'agents.loop_plan' 'codex' >/dev/null 2>&1 || log 'warning: could not route loop_plan to codex'
python -m arnold.pipelines.megaplan config set 'agents.loop_execute' 'codex' >/dev/null 2>&1 || log 'warning: could not route loop_execute to codex'
python -m arnold.pipelines.megaplan config set 'agents.tiebreaker_researcher' 'codex' >/dev/null 2>&1 || log 'warning: could not route tiebreaker_researcher to codex'
python -m arnold.pipelines.megaplan config set 'agents.tiebreaker_challenger' 'codex' >/dev/null 2>&1 || log 'warning: could not route tiebreaker_challenger to codex'

# Heartbeat session and health server.
"$WRAPPERS/run-in-tmux.sh" heartbeat "$ROOT" "$WRAPPERS/heartbeat.sh" || log "warning: no heartbeat session"
python3 /opt/megaplan-cloud/healthserver.py "$PORT" &
health=$!

# Runner session 'agent' (mode chain).
if [ -f '/workspace/app/.megaplan/chains/release.yaml' ]; then
  "$WRAPPERS/run-in-tmux.sh" agent "$WORKSPACE" '{ MEGAPLAN_TRUSTED_CONTAINER=1 python -m arnold.pipelines.megaplan chain start --spec '"'"'/workspace/app/.megaplan/chains/release.yaml'"'"'; } >> '"'"'/workspace/app/.megaplan/cloud-chain-agent.log'"'"' 2>&1' || log "warning: could not start the agent session"
else
  log 'warning: /workspace/app/.megaplan/chains/release.yaml is missing; the runner stays idle (bash -l)'
  "$WRAPPERS/run-in-tmux.sh" agent "$WORKSPACE" 'bash -l' || log "warning: could not start the agent session"
fi

wait "$health"
