#!/usr/bin/env bash
# Packaging CI (called by .ci/run): bundle, .deb checked by lintian, built twice to prove it
# reproducible, upgraded over the previous version with apt keeping the user's history,
# removed leaving it, AppStream and menu entry validated, tarball and NSIS checks.
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
DEB_VERSION=$("$PY" -c 'import sys; sys.path.insert(0, "packaging"); import build; print(build.deb_version())')
started=$SECONDS
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

need=()
command -v dpkg-deb >/dev/null || need+=(dpkg-dev)
command -v makensis >/dev/null || need+=(nsis)
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v lintian >/dev/null || need+=(lintian)
command -v appstreamcli >/dev/null || need+=(appstream)
command -v patchelf >/dev/null || need+=(patchelf)
if ((${#need[@]})); then
    apt_get update -qq
    apt_get install -y -qq --no-install-recommends "${need[@]}"
fi
# A fresh container has no package lists, and the .deb's Depends must come from the archive.
compgen -G "/var/lib/apt/lists/*_Packages" >/dev/null || apt_get update -qq

echo "== bundle"
"$PY" packaging/build.py bundle
echo "== deb"
deb=$("$PY" packaging/build.py deb)
test "$deb" = "$PWD/dist/bowout_${DEB_VERSION}_amd64.deb"

echo "== lintian"
# Errors and warnings fail; the tags a bundle in /opt cannot avoid are overridden inside
# the package, each with its reason (packaging/debian_docs.py).
# The first run only lists the overridden tags (lintian then exits 2); the second decides.
{ lintian --allow-root --show-overrides "$deb" || true; } | awk '/^[EWO]: / {print $1, $3}' | sort | uniq -c
lintian --allow-root --fail-on error,warning "$deb"
echo "lintian: no error or warning beyond the overrides"

echo "== reproducible"
# A second bundle frozen from scratch, its .deb and tarball compared byte for byte.
"$PY" packaging/build.py verify-reproducible

echo "== upgrade over the previous version, then removal"
# The previous release is 0.1.0, packaged before as the native version "0.1.0" (no Debian
# revision). No copy of that .deb was published, so it is rebuilt here from this bundle with
# that version: what the test exercises is apt's upgrade path and the user's files.
if dpkg-query -W -f='${Status}' bowout 2>/dev/null | grep "install ok installed" >/dev/null; then
    apt_get remove -y -qq bowout
fi
old="$work/bowout_${VERSION}_amd64.deb"
"$PY" packaging/build.py deb --deb-version "$VERSION" --out "$old" >/dev/null
# Without the .deb's Recommends (fonts for emoji and other scripts): they would change the
# fonts every later test run on this machine lays out text with.
apt_get install -y -qq --no-install-recommends "$old"
test "$(dpkg-query -W -f='${Version}' bowout)" = "$VERSION"
home="$work/home"
mkdir -p "$home"
as_user() { (cd / && env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u BOWOUT_DATA_DIR HOME="$home" "$@"); }
id=$(as_user bowout draft --stage final --reason other-offer --company Northwind \
    --role "Data Analyst" --save --format json | "$PY" -c 'import json, sys; print(json.load(sys.stdin)["id"])')
data="$home/.local/share/BowOut"
test -s "$data/history.json"
# Settings as the Settings dialog saves them (bowout.settings, the code the app runs).
"$PY" -c 'import sys; from pathlib import Path
from bowout.core.situation import Profile
from bowout.settings import Settings, save_settings
save_settings(Path(sys.argv[1]), Settings(profile=Profile(name="Aiko Tanaka"), theme="dark"))' "$data"
snapshot() { (cd "$home" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
saved=$(snapshot)
apt_get install -y -qq --no-install-recommends "./dist/bowout_${DEB_VERSION}_amd64.deb"
test "$(dpkg-query -W -f='${Version}' bowout)" = "$DEB_VERSION"
test "$(snapshot)" = "$saved"
as_user bowout history show "$id" | grep Northwind >/dev/null
as_user bowout draft --stage applied | grep "Aiko Tanaka" >/dev/null
echo "upgrade $VERSION -> $DEB_VERSION: record $id and the settings kept"

echo "== installed self-test, menu entry, AppStream"
test "$(command -v bowout)" = /usr/bin/bowout
desktop-file-validate /usr/share/applications/bowout.desktop
appstreamcli validate --no-net /usr/share/metainfo/org.bowout.BowOut.metainfo.xml
test -f /usr/share/icons/hicolor/256x256/apps/bowout.png
test -f /usr/share/man/man1/bowout.1.gz
(cd / && env -u DISPLAY -u WAYLAND_DISPLAY bowout self-test)

before=$(snapshot)
apt_get remove -y -qq bowout
test ! -e /opt/bowout
test "$(snapshot)" = "$before"
# Nothing of the package is left for purge (it has no conffiles); dpkg says so and exits 0.
dpkg --purge bowout
test "$(dpkg-query -W -f='${Status}' bowout 2>/dev/null || true)" != "install ok installed"
test "$(snapshot)" = "$before"
echo "remove and purge: the user's data folder is untouched"

echo "== tarball"
unpacked="$work/tarball"
mkdir "$unpacked"
tar -xzf "dist/bowout-${VERSION}-linux-x86_64.tar.gz" -C "$unpacked"
(cd "$unpacked" && "./bowout-${VERSION}/bowout" self-test)

echo "== nsis"
"$PY" packaging/build.py nsis --check >/dev/null

echo "== checksums"
"$PY" packaging/build.py checksums >/dev/null
(cd dist && sha256sum -c SHA256SUMS)

echo "packaging ci: passed in $((SECONDS - started)) s"
ls -l "$deb" "dist/bowout-${VERSION}-linux-x86_64.tar.gz"
du -sh dist/bowout
