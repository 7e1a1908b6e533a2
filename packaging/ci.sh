#!/usr/bin/env bash
# Packaging CI (called by .ci/run): bundle, .deb installed as a user would, tarball, NSIS check.
# Each installed copy must pass `bowout self-test`. Needs root for apt-get (CI containers are).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
# shellcheck source=scripts/dev.sh
source scripts/dev.sh  # functions only: wait_for_apt

apt_get() {
    # Wait (with a message) while another package manager holds apt's lock.
    wait_for_apt
    apt-get -o "DPkg::Lock::Timeout=$APT_LOCK_WAIT" "$@"
}
PY=.venv/bin/python
VERSION=$("$PY" -c 'import sys; sys.path.insert(0, "packaging"); import build; print(build.version())')
started=$SECONDS

need=()
command -v dpkg-deb >/dev/null || need+=(dpkg-dev)
command -v makensis >/dev/null || need+=(nsis)
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
if ((${#need[@]})); then
    apt_get update -qq
    apt_get install -y -qq --no-install-recommends "${need[@]}"
fi

echo "== bundle"
"$PY" packaging/build.py bundle
echo "== deb"
"$PY" packaging/build.py deb
deb="dist/bowout_${VERSION}_amd64.deb"
# A fresh container has no package lists, and the .deb's Depends must come from the archive.
compgen -G "/var/lib/apt/lists/*_Packages" >/dev/null || apt_get update -qq
apt_get install -y -qq "./$deb"
echo "== installed self-test"
test "$(command -v bowout)" = /usr/bin/bowout
desktop-file-validate /usr/share/applications/bowout.desktop
test -f /usr/share/icons/hicolor/256x256/apps/bowout.png
(cd / && env -u DISPLAY -u WAYLAND_DISPLAY bowout self-test)

echo "== tarball"
"$PY" packaging/build.py tarball
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
tar -xzf "dist/bowout-${VERSION}-linux-x86_64.tar.gz" -C "$unpacked"
(cd "$unpacked" && "./bowout-${VERSION}/bowout" self-test)

echo "== nsis"
"$PY" packaging/build.py nsis --check

echo "packaging ci: passed in $((SECONDS - started)) s"
ls -l "$deb" "dist/bowout-${VERSION}-linux-x86_64.tar.gz"
du -sh dist/bowout
