# Shared helpers for scripts/*: step logging with elapsed time, clear failures.
# Sourced, not executed.
set -euo pipefail

GRANICE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GRANICE_CACHE="${GRANICE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/granice}"
# Debian's emscripten needs /usr/share/nodejs on NODE_PATH: added to what the user has, not a default.
case ":${NODE_PATH:-}:" in *:/usr/share/nodejs:*) ;; *) export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}" ;; esac

# The compiler cache (ccache, when installed): kept with the other caches, and shared between
# checkouts of the project (paths below the checkout are hashed relative to it), so a fresh clone
# builds from a warm cache in a fraction of the time.
export CCACHE_DIR="${CCACHE_DIR:-$GRANICE_CACHE/ccache}"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$GRANICE_ROOT}"
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"   # debug info keeps the first checkout's paths; tests do not read them
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-2G}"

_step_name=""
_step_start=0

step() {            # step "what is happening"
  _step_name="$1"
  _step_start=$(date +%s)
  printf '==> %s\n' "$1"
}

step_done() {       # prints elapsed time of the current step
  local now; now=$(date +%s)
  printf '    done: %s (%ss)\n' "$_step_name" "$((now - _step_start))"
}

skip() {            # skip "why"
  printf '    skip: %s\n' "$1"
}

fail() {            # fail "what went wrong" "what to do"
  printf '\nFAILED at step: %s\n  %s\n  what to do: %s\n' "${_step_name:-setup}" "$1" "${2:-see the output above}" >&2
  exit 1
}

cmake_build() {     # cmake_build DIR [cmake --build options...]: progress lines hidden, a failure stops the script
  # PIPESTATUS right after the pipeline: with pipefail, '|| true' would replace it and hide a failed build.
  local dir="$1" rc; shift
  set +e
  cmake --build "$dir" -j"$(nproc)" "$@" 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\] '
  rc=${PIPESTATUS[0]}
  set -e
  [ "$rc" -eq 0 ] || fail "building $dir failed" "fix the error above and re-run"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

trap 'rc=$?; if [ $rc -ne 0 ] && [ -n "${_step_name}" ]; then printf "\nFAILED at step: %s (exit %s)\n  what to do: read the error above; re-running the command resumes where it stopped.\n" "$_step_name" "$rc" >&2; fi' EXIT
