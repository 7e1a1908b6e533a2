#!/usr/bin/env bash
# One entry point that sets everything up on a fresh machine, then runs the app or the tests.
#   scripts/dev.sh app [ARGS...]   install what is missing, then start Bow Out
#   scripts/dev.sh test [ARGS...]  install what is missing, then run the whole test suite
# Sourcing it (tests do) defines the functions without running anything.
set -euo pipefail

QT_LIBS="libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
libxcb-shape0 libxkbcommon-x11-0 fonts-dejavu-core"

# apt and dpkg hold these while they work; right after boot the system's own updater often
# does, and apt-get then fails at once with "Could not get lock".
APT_LOCKS="${BOWOUT_APT_LOCKS:-/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock \
/var/lib/apt/lists/lock /var/cache/apt/archives/lock}"
APT_LOCK_WAIT="${BOWOUT_APT_LOCK_WAIT:-900}"   # seconds
APT_LOCK_POLL="${BOWOUT_APT_LOCK_POLL:-3}"     # seconds between looks
PIP="${BOWOUT_PIP:-.venv/bin/python -m pip}"

apt_lock_holder() {
  # Prints "PID PATH" for the first lock some process holds; nothing when all are free.
  # apt locks with fcntl(), which flock(1) cannot see; F_GETLK asks without taking it.
  # shellcheck disable=SC2086  # APT_LOCKS is a list of paths
  python3 - $APT_LOCKS <<'PY'
import fcntl, os, struct, sys

LAYOUT = "hhqqi"  # struct flock on 64-bit Linux: type, whence, start, len, pid (+padding)
for path in sys.argv[1:]:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        continue  # missing, or not readable without sudo: apt's own timeout covers it
    try:
        probe = struct.pack(LAYOUT, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0) + bytes(8)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, probe)
        kind, _, _, _, pid = struct.unpack(LAYOUT, answer[: struct.calcsize(LAYOUT)])
        if kind != fcntl.F_UNLCK:
            print(pid, path)
            break
    finally:
        os.close(fd)
PY
}

wait_for_apt() {
  # Waits (with a message) while another package manager holds apt's locks.
  local waited=0 holder name
  while holder="$(apt_lock_holder)" && [ -n "$holder" ]; do
    if [ "$waited" -ge "$APT_LOCK_WAIT" ]; then
      echo "error: another package manager still holds ${holder#* } after ${APT_LOCK_WAIT}s;" \
        "let it finish (or close it), then run this again" >&2
      return 1
    fi
    if [ "$waited" -eq 0 ]; then
      name="$(ps -o comm= -p "${holder%% *}" 2>/dev/null || true)"
      echo "Waiting for another package manager to finish (process ${holder%% *}" \
        "${name:+($name) }holds ${holder#* }); up to $((APT_LOCK_WAIT / 60)) minutes..."
    fi
    sleep "$APT_LOCK_POLL"
    waited=$((waited + APT_LOCK_POLL))
  done
  if [ "$waited" -gt 0 ]; then echo "The package manager is free; going on."; fi
}

system_packages() {
  # Qt's runtime libraries; only on Debian/Ubuntu, only what is missing.
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=()
  for pkg in $QT_LIBS; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system libraries for Qt: ${missing[*]}"
  wait_for_apt
  # apt waits for its lock itself too (apt >= 1.9.11), for a holder that starts meanwhile.
  local wait_opt=(-o "DPkg::Lock::Timeout=$APT_LOCK_WAIT")
  $sudo apt-get "${wait_opt[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get "${wait_opt[@]}" install -y -qq \
    --no-install-recommends "${missing[@]}"
}

pip_install() {
  # pip with -q is silent for a minute or more; this shows one line per step instead and
  # keeps pip's whole output in a log, whose end is shown if the install fails.
  local log=.venv/pip-install.log
  echo "pip install $* (full output in $log)"
  # shellcheck disable=SC2086  # PIP is a command with arguments
  if ! $PIP install --progress-bar off "$@" 2>&1 | tee "$log" | awk '
      /^Collecting /             { print "  fetching " $2; fflush(); next }
      /^Installing collected /   { print "  installing the packages..."; fflush(); next }
      /^Successfully installed / { print "  done: " (NF - 2) " package(s) installed"; fflush() }'
  then
    echo "error: pip install failed; the end of $log says why:" >&2
    tail -n 25 "$log" >&2
    return 1
  fi
}

venv() {
  local py="${PYTHON:-python3}"
  if [ ! -x .venv/bin/python ]; then
    echo "Creating the virtual environment in .venv"
    "$py" -m venv .venv
  fi
  # Re-install only when the project's metadata changed since the last install.
  local stamp=.venv/.bowout-installed
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "Installing Bow Out and its development tools (a minute or two the first time)"
    pip_install --upgrade pip
    pip_install -e ".[dev]"
    touch "$stamp"
  fi
}

main() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  local cmd="${1:-}"
  shift || true
  case "$cmd" in
    app)
      system_packages
      venv
      exec .venv/bin/bowout "$@"
      ;;
    test)
      system_packages
      venv
      export QT_QPA_PLATFORM=offscreen
      exec .venv/bin/python -m pytest "$@"
      ;;
    *)
      echo "usage: scripts/dev.sh app|test [ARGS...]" >&2
      exit 2
      ;;
  esac
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main "$@"
fi
