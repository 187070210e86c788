# shellcheck shell=bash
#
# The runner box the ssh benchmarks measure against, shared by scripts/measure-ssh-latency and
# scripts/measure-phases: a real OpenSSH sshd on 127.0.0.1 with throwaway keys and its own
# known_hosts, the testkit's docker stand-in on the sshd sessions' PATH (so `docker exec` runs the
# command here), the megaplan emulator as launcher, and a three-milestone chain on the ssh
# provider. Everything lives under one scratch directory; nothing touches the real home.
#
#   . scripts/lib/ssh-box.sh
#   ssh_box_start "$work"          # sshd up; sets box_port, box_log, box_user
#   ssh_box_chain "$work" alive    # launches the chain; `alive` keeps milestone m1 running (its
#                                  # runner in tmux), `complete` waits until the chain is done
#   ... "$box_cli" status --chain ...
#   ssh_box_stop "$work"           # from the caller's EXIT trap
#
# $work/shim comes first on the sessions' PATH and is empty: a script may put a `docker` there
# that wraps the stand-in ($work/docker/bin/docker), for example to time each remote call.
# Needs openssh-server/openssh-client, git, tmux, python3 and a built tree (mvn -B package).

box_repo="$(readlink -f "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../..")"
box_cli="$box_repo/bin/megaplan-cloud"
# shellcheck disable=SC2034 # used by the scripts that source this file
box_jar="$box_repo/megaplan-cloud-cli/target/megaplan-cloud.jar"
box_sshd_pid=""

# ssh_box_start WORK: starts sshd on a free port of 127.0.0.1 and writes its keys under WORK/sshd.
ssh_box_start() {
  local work="$1"
  [ -d /run/sshd ] || mkdir -p /run/sshd
  mkdir -p "$work/sshd" "$work/home" "$work/tmux" "$work/ws" "$work/docker/bin" \
    "$work/docker/journal" "$work/docker/answers" "$work/remote" "$work/shim"
  ssh-keygen -q -t ed25519 -N '' -f "$work/sshd/host_key"
  ssh-keygen -q -t ed25519 -N '' -f "$work/sshd/client_key"
  cp "$work/sshd/client_key.pub" "$work/sshd/authorized_keys"
  box_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  box_user=$(id -un)
  printf '[127.0.0.1]:%s %s\n' "$box_port" "$(cut -d' ' -f1,2 "$work/sshd/host_key.pub")" \
    >"$work/sshd/known_hosts"
  sed "s|__STATE__|'$work/docker'|" \
    "$box_repo/megaplan-cloud-testkit/src/main/resources/dev/megaplan/cloud/testkit/docker/docker-standin.sh" \
    >"$work/docker/bin/docker"
  chmod 755 "$work/docker/bin/docker"
  cat >"$work/sshd/sshd_config" <<CONF
Port $box_port
ListenAddress 127.0.0.1
HostKey $work/sshd/host_key
PidFile none
AuthorizedKeysFile $work/sshd/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
LogLevel VERBOSE
MaxStartups 100
MaxSessions 100
SetEnv PATH=$work/shim:$work/docker/bin:/usr/local/bin:/usr/bin:/bin HOME=$work/sshd TMUX_TMPDIR=$work/tmux
Subsystem sftp internal-sftp
CONF
  box_log="$work/sshd/sshd.log"
  /usr/sbin/sshd -D -f "$work/sshd/sshd_config" -E "$box_log" &
  box_sshd_pid=$!
  local _
  for _ in $(seq 1 100); do
    grep -q 'Server listening' "$box_log" 2>/dev/null && return 0
    sleep 0.05
  done
  echo "sshd did not start; its log:" >&2
  cat "$box_log" >&2
  return 1
}

# ssh_box_chain WORK alive|complete: writes WORK/project (cloud.yaml on the ssh provider, a
# three-milestone chain) and launches the chain from there; the CLI's home is WORK/home.
# megaplan.command is the emulator, or $BOX_LAUNCHER when set (a wrapper of it).
ssh_box_chain() {
  local work="$1" mode="$2" step_ms wanted
  case "$mode" in
    alive) step_ms=3600000 wanted=running ;; # m1 "runs" for an hour: runner alive, a current plan
    complete) step_ms=100 wanted=complete ;;
    *) echo "ssh_box_chain: mode is alive or complete, not '$mode'" >&2; return 2 ;;
  esac
  git init -q -b main "$work/origin"
  git -C "$work/origin" -c user.name=m -c user.email=m@example.invalid commit -q --allow-empty -m init
  mkdir -p "$work/project/briefs"
  cat >"$work/project/cloud.yaml" <<YAML
provider: ssh
repo: {url: $work/origin}
agents: {default: hermes}
megaplan: {command: ${BOX_LAUNCHER:-$box_repo/bin/megaplan-emulator}}
ssh: {host: 127.0.0.1, port: $box_port, user: $box_user, identity_file: $work/sshd/client_key, known_hosts: $work/sshd/known_hosts, remote_dir: $work/remote}
YAML
  printf 'milestones:\n  - {label: m1, idea: m1.md}\n  - {label: m2, idea: m2.md}\n  - {label: m3, idea: m3.md}\nemulator: {step_ms: %s}\n' \
    "$step_ms" >"$work/project/briefs/chain.yaml"
  local m
  for m in m1 m2 m3; do echo "$m" >"$work/project/briefs/$m.md"; done
  # The CLI's home: both $HOME and Java's user.home point at the scratch directory, so no marker
  # lands in the real home whichever of the two this build reads.
  export HOME="$work/home" MEGAPLAN_CLOUD_SSH_WORKSPACE_ROOT="$work/ws"
  export JDK_JAVA_OPTIONS="-Duser.home=$work/home"
  (
    cd "$work/project" || exit 1
    "$box_cli" chain briefs/chain.yaml >"$work/launch.json" 2>"$work/launch.err" ||
      { cat "$work/launch.json" "$work/launch.err" >&2; exit 1; }
    local _
    for _ in $(seq 1 100); do
      "$box_cli" status --chain >"$work/status.json" 2>/dev/null || true
      if grep -q "\"effective_status\" *: *\"$wanted\"" "$work/status.json" &&
        { [ "$wanted" != running ] || grep -q '"status" *: *"alive"' "$work/status.json"; }; then
        exit 0
      fi
      sleep 0.3
    done
    echo "the chain did not reach $wanted" >&2
    cat "$work/status.json" >&2
    exit 1
  )
}

# ssh_box_stop WORK: stops sshd and the box's tmux server.
ssh_box_stop() {
  local work="$1"
  if [ -n "$box_sshd_pid" ]; then
    kill "$box_sshd_pid" 2>/dev/null || true
    wait "$box_sshd_pid" 2>/dev/null || true
  fi
  TMUX_TMPDIR="$work/tmux" tmux kill-server 2>/dev/null || true
}

# box_median N...: the median of integers, the mean of the middle two for an even count.
box_median() {
  printf '%s\n' "$@" | sort -n |
    awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'
}

# box_range N...: "min–max" of integers.
box_range() {
  printf '%s\n' "$@" | sort -n | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%d-%d", lo, hi}'
}
