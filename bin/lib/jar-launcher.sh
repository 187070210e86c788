# shellcheck shell=bash
#
# Shared by the launchers in bin/ (megaplan-cloud, megaplan-emulator): runs one of this
# repository's runnable jars with fast-start JVM flags. The repository is found through this
# file's real path, so a launcher works from any directory and through any chain of symlinks.
# When the jar is missing, the repository is built once (mvn -B -q -DskipTests install at its
# root, under a lock, so two first calls at once build once; Maven's output goes to stderr); a
# jar that exists is never rebuilt (after changing sources, rebuild with Maven yourself).
#
# A launcher is one line after its shebang (it sources this file by its real path):
#   self="$(readlink -f "${BASH_SOURCE[0]}")" && . "${self%/*}/lib/jar-launcher.sh" && run_repo_jar <repo-relative jar> "$@"
#
# Start-up matters (the emulator is called many times a minute), so the common path forks little:
# the launcher's one readlink, then the JVM (java is looked up with the `command -v` builtin, no
# subshell); paths are cut with parameter expansion, not dirname/basename.

# run_repo_jar JAR_PATH_RELATIVE_TO_THE_REPOSITORY [ARGS...]: exec java -jar on it, building first
# when it is missing. Returns (non-zero) only when it cannot start the jar. Java is
# $JAVA_HOME/bin/java when JAVA_HOME is set, else java on the PATH.
run_repo_jar() {
  local jar_rel="$1"
  shift
  local launcher="${0##*/}" here="${BASH_SOURCE[0]}" repo jar java
  case "$here" in
    /*) ;;
    *) here="$(readlink -f "$here")" ;;
  esac
  repo="${here%/bin/lib/*}"
  jar="$repo/$jar_rel"
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    java=java # exec finds it on the PATH, as command -v just did
  else
    echo "$launcher: java not found: set JAVA_HOME or put a Java 17+ 'java' on the PATH" >&2
    return 1
  fi
  if [ ! -f "$jar" ]; then
    _repo_jar_build_once "$launcher" "$repo" "$jar" || return 1
  fi
  _repo_jar_utf8_locale
  # A class-data-sharing archive the build trained next to the jar (JAR minus .jar, plus .jsa)
  # makes start-up faster; one that does not fit this JVM or jar is ignored silently.
  local cds=()
  if [ -f "${jar%.jar}.jsa" ]; then
    cds=("-XX:SharedArchiveFile=${jar%.jar}.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
  # A small young generation: a short run reuses a few warm megabytes instead of touching (and
  # page-faulting in) a fresh eden of a hundred; `redact` streams 10-15% faster with it.
  exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn8m -Xshare:auto -XX:-UsePerfData \
    "${cds[@]}" -jar "$jar" "$@"
}

# The JVM decodes file names and arguments with the locale's charset, and cannot even represent
# a non-ASCII path under the C/POSIX locale (a tmux session started without LANG has that one).
# Switch to C.UTF-8 when the effective locale is not a UTF-8 one.
_repo_jar_utf8_locale() {
  case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
    *[Uu][Tt][Ff]-8* | *[Uu][Tt][Ff]8*) ;;
    *) export LC_ALL=C.UTF-8 ;;
  esac
}

# Builds the repository once when JAR is missing. Two launchers starting at once: the second waits
# for the lock, finds the jar and does not build again.
_repo_jar_build_once() {
  local launcher="$1" repo="$2" jar="$3"
  if ! command -v mvn >/dev/null 2>&1; then
    echo "$launcher: $jar is missing and mvn is not on the PATH; build the repository with Maven" \
      "(cd $repo && mvn -DskipTests install)" >&2
    return 1
  fi
  if command -v flock >/dev/null 2>&1; then
    (
      flock 9 || exit 1
      _repo_jar_build_unless_present "$launcher" "$repo" "$jar"
    ) 9>"$repo/bin/.build.lock" || return 1
  else
    # No flock (macOS): an atomic mkdir is the lock.
    local lock_dir waited=0
    lock_dir="${TMPDIR:-/tmp}/megaplan-cloud-build-$(printf '%s' "$repo" | cksum | cut -d' ' -f1).lock.d"
    until mkdir "$lock_dir" 2>/dev/null; do
      if [ "$waited" -ge 1800 ]; then
        echo "$launcher: gave up waiting for the build lock $lock_dir (remove it if no build runs)" >&2
        return 1
      fi
      sleep 1
      waited=$((waited + 1))
    done
    (
      trap 'rmdir "$lock_dir"' EXIT
      _repo_jar_build_unless_present "$launcher" "$repo" "$jar"
    ) || return 1
  fi
  if [ ! -f "$jar" ]; then
    echo "$launcher: the build finished but $jar is still missing" >&2
    return 1
  fi
}

# Runs in the lock: re-checks (another launcher may have built it meanwhile), then builds.
_repo_jar_build_unless_present() {
  local launcher="$1" repo="$2" jar="$3"
  [ -f "$jar" ] && return 0
  echo "$launcher: $jar is missing; building the repository once (mvn -B -q -DskipTests install)" >&2
  if ! (cd "$repo" && mvn -B -q -DskipTests install) >&2; then
    echo "$launcher: the build failed; fix it and run: cd $repo && mvn -DskipTests install" >&2
    return 1
  fi
}
