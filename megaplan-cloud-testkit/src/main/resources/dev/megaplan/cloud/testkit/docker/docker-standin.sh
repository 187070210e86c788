#!/usr/bin/env bash
# A faithful stand-in of Docker's command-line contract (not Docker): installed as `docker` and
# `docker-compose` by the testkit's DockerStandIn. It records every call (program, argv, working
# directory, stdin) under $STATE/journal, runs `exec` commands here with bash (stdin passed
# through, as `docker exec -i` and `docker compose exec -T` do), and answers other verbs as
# Docker would: exit 0 and plausible output, or what the test scripted under $STATE/answers.
set -uo pipefail
STATE=__STATE__

program=$(basename -- "$0")
call="$STATE/journal/$(date +%s%N)-$$"
mkdir -p "$call"
printf '%s' "$program" > "$call/program"
pwd > "$call/cwd"
if [ "$#" -gt 0 ]; then printf '%s\0' "$@" > "$call/argv"; else : > "$call/argv"; fi
: > "$call/stdin"

# answer VERB DEFAULT_STDOUT: scripted failure, scripted output, else the default.
answer() {
  local key=${1// /_} default=$2
  if [ -f "$STATE/answers/$key.fail" ]; then
    local code
    code=$(head -n 1 "$STATE/answers/$key.fail")
    tail -n +2 "$STATE/answers/$key.fail" >&2
    exit "$code"
  fi
  if [ -f "$STATE/answers/$key.out" ]; then
    cat "$STATE/answers/$key.out"
  elif [ -n "$default" ]; then
    printf '%s\n' "$default"
  fi
  exit 0
}

# record_stdin: keep what the caller sent, for verbs that read nothing.
record_stdin() {
  if [ ! -t 0 ]; then cat > "$call/stdin"; fi
}

# run_here ATTACH_STDIN CMD...: the command of an exec verb, run on this machine.
run_here() {
  local attach=$1
  shift
  local key="exec"
  if [ -f "$STATE/answers/$key.fail" ]; then answer "$key" ""; fi
  if [ "$#" -eq 0 ]; then
    echo "docker: 'exec' requires at least 2 arguments." >&2
    exit 1
  fi
  if [ "$attach" = yes ]; then
    tee -- "$call/stdin" | "$@"
    exit "${PIPESTATUS[1]}"
  fi
  "$@" < /dev/null
  exit $?
}

# compose GLOBAL_OPTIONS... VERB ARGS...
compose() {
  while [ "$#" -gt 0 ]; do
    case $1 in
      -p|--project-name|-f|--file|--project-directory|--env-file|--profile) shift 2 ;;
      --ansi|--progress) shift 2 ;;
      -*) shift ;;
      *) break ;;
    esac
  done
  if [ "$#" -eq 0 ]; then
    echo "Usage:  docker compose [OPTIONS] COMMAND" >&2
    exit 1
  fi
  local verb=$1
  shift
  case $verb in
    exec)
      while [ "$#" -gt 0 ]; do
        case $1 in
          -e|--env|-w|--workdir|-u|--user|--index) shift 2 ;;
          -*) shift ;;
          *) break ;;
        esac
      done
      shift # the service
      run_here yes "$@"
      ;;
    up) record_stdin; answer "compose up" " Container agent-1  Started" ;;
    build) record_stdin; answer "compose build" " Service agent  Built" ;;
    stop) record_stdin; answer "compose stop" " Container agent-1  Stopped" ;;
    down) record_stdin; answer "compose down" " Container agent-1  Removed" ;;
    logs) record_stdin; answer "compose logs" "agent-1  | [entrypoint] stand-in log line" ;;
    version) answer "compose version" "Docker Compose version v2.29.0 (stand-in)" ;;
    *) record_stdin; answer "compose $verb" "" ;;
  esac
}

if [ "$program" = docker-compose ]; then
  compose "$@"
fi

verb=${1:-}
[ "$#" -gt 0 ] && shift
case $verb in
  compose)
    if [ -f "$STATE/compose-missing" ]; then
      echo "docker: 'compose' is not a docker command." >&2
      echo "See 'docker --help'" >&2
      exit 1
    fi
    compose "$@"
    ;;
  exec)
    attach=no
    while [ "$#" -gt 0 ]; do
      case $1 in
        -e|--env|-w|--workdir|-u|--user) shift 2 ;;
        -i|--interactive|-it|-ti) attach=yes; shift ;;
        -*) shift ;;
        *) break ;;
      esac
    done
    shift # the container
    run_here "$attach" "$@"
    ;;
  build) record_stdin; answer build "#0 building with \"default\" instance using docker driver" ;;
  run) record_stdin; answer run "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" ;;
  rm) record_stdin; answer rm "${*: -1}" ;;
  stop) record_stdin; answer stop "${*: -1}" ;;
  logs) record_stdin; answer logs "[entrypoint] stand-in log line" ;;
  version)
    case " $* " in
      *Server*)
        echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2
        exit 1
        ;;
    esac
    answer version "Docker stand-in (megaplan-cloud testkit): a client without an engine"
    ;;
  "") echo "Usage:  docker [OPTIONS] COMMAND" >&2; exit 1 ;;
  *) record_stdin; answer "$verb" "" ;;
esac
