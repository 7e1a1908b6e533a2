"""The packaging inputs: the spec's data layout, the Qt trim rules, icons, .desktop, .deb."""

from __future__ import annotations

import configparser
import datetime as dt
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

import build  # noqa: E402
import icons  # noqa: E402
import trim  # noqa: E402

SPEC = (PACKAGING / "bowout.spec").read_text(encoding="utf-8")


def spec_data_pairs() -> list[tuple[str, str]]:
    """(source folder under the repository, destination in the bundle) from the spec."""
    return re.findall(r'\(str\(ROOT / "(\w+)"\), "([\w/]+)"\)', SPEC)


def test_spec_mirrors_templates_and_resources_at_the_bundle_root() -> None:
    assert sorted(spec_data_pairs()) == [("resources", "resources"), ("templates", "templates")]


def test_a_bundle_laid_out_like_the_spec_finds_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bowout import paths, selftest

    for source, dest in spec_data_pairs():
        shutil.copytree(ROOT / source, tmp_path / dest)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.app_root() == tmp_path
    assert selftest.step_resources(selftest.State(work=tmp_path)).endswith("templates")
    assert (paths.resources_dir() / "linux" / "bowout.desktop").is_file()


def test_spec_entry_script_calls_the_cli() -> None:
    entry = (PACKAGING / "entry.py").read_text(encoding="utf-8")
    assert "from bowout.cli import main" in entry
    assert "sys.exit(main())" in entry
    assert "console=False" in SPEC and "upx=False" in SPEC


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqminimal.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/imageformats/libqico.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt/lib/libQt6WlShellIntegration.so.6",
        "PySide6/QtWidgets.abi3.so",
        "templates/email.txt.j2",
        "babel/locale-data/root.dat",
        "babel/locale-data/en.dat",
        "babel/locale-data/en_GB.dat",
        "babel/global.dat",
        "babel/locale-data/LICENSE.unicode",
        "spellchecker/resources/en.json.gz",
    ],
)
def test_trim_keeps_what_the_app_loads(dest: str) -> None:
    assert trim.keep(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
        "PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-wayland-egl.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/qmltooling/libqmldbg_tcp.so",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6QuickWidgets.so.6",
        "PySide6/Qt6Network.dll",
        "PySide6/QtNetwork.abi3.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6\\translations\\qtbase_fr.qm",
        "babel/locale-data/ja.dat",
        "babel/locale-data/zh_Hant_HK.dat",
        "babel\\locale-data\\ru.dat",
        "spellchecker/resources/ru.json.gz",
    ],
)
def test_trim_drops_what_the_app_never_loads(dest: str) -> None:
    assert not trim.keep(dest)


def test_prune_drops_libraries_only_dropped_plugins_needed() -> None:
    needs = {
        "/src/QtGui.so": ["libQt6Gui.so.6", "libfreetype.so.6"],
        "/src/libqxcb.so": ["libQt6XcbQpa.so.6", "libxcb-cursor.so.0"],
    }
    binaries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.so", "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6", "BINARY"),
        ("libfreetype.so.6", "/usr/lib/libfreetype.so.6", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),  # only gtk3 needed it
        ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
    ]
    kept = trim.prune_unreachable(binaries, lambda source: needs.get(source, []))
    assert [dest for dest, _s, _k in kept] == [d for d, _s, _k in binaries if d != "libcairo.so.2"]


def test_desktop_entry_is_valid() -> None:
    path = ROOT / "resources" / "linux" / "bowout.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(path, encoding="utf-8")
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Exec"].split()[0] == "bowout"
    assert main["Icon"] == "bowout"
    assert main["Terminal"] == "false"
    assert main["Categories"].endswith(";")
    validator = shutil.which("desktop-file-validate")
    if validator:  # packaging/ci.sh installs it; without it the parse above still checks
        proc = subprocess.run([validator, str(path)], capture_output=True, text=True)
        assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_hicolor_pngs_have_their_sizes() -> None:
    for size in icons.PNG_SIZES:
        assert png_size(icons.png_path(size)) == (size, size)


def test_ico_and_icns_containers_are_well_formed() -> None:
    ico = (icons.ICONS / "bowout.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    for index in range(count):
        size, offset = struct.unpack("<II", ico[6 + 16 * index + 8 : 6 + 16 * index + 16])
        assert ico[offset : offset + 4] == b"\x89PNG" and offset + size <= len(ico)
    icns = (icons.ICONS / "bowout.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    kinds = []
    offset = 8
    while offset < len(icns):
        kinds.append(icns[offset : offset + 4])
        offset += struct.unpack(">I", icns[offset + 4 : offset + 8])[0]
    assert offset == len(icns)
    assert kinds == [kind for kind, _size in icons.ICNS_TYPES]


def test_svg_master_renders_with_qt() -> None:
    from PySide6.QtSvg import QSvgRenderer

    assert QSvgRenderer(str(icons.MASTER)).isValid()


def test_deb_control_names_version_and_system_libraries() -> None:
    from bowout import __version__

    assert build.version() == __version__
    control = build.deb_control(__version__, "amd64", 1234)
    fields = dict(line.split(": ", 1) for line in control.splitlines() if ": " in line)
    assert fields["Package"] == "bowout" and fields["Version"] == __version__
    depends = {part.strip() for part in fields["Depends"].split(",")}
    for lib in ("libgl1", "libegl1", "libfontconfig1", "libxkbcommon-x11-0", "libxcb-cursor0"):
        assert lib in depends
    assert any(dep.startswith("fonts-dejavu-core") for dep in depends)
    recommends = {part.strip() for part in fields["Recommends"].split(",")}
    assert {"fonts-noto-core", "fonts-noto-color-emoji"} <= recommends  # emoji, Hindi in PDFs
    assert control.endswith("\n") and "\n\n" not in control


def test_trim_keeps_every_cldr_file_a_packs_dates_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each pack's dates read its locale and that locale's parents (en_GB -> en_001 -> en
    -> root): every file Babel opens for them stays in the bundle, and most others go."""
    from babel import Locale, dates, localedata

    from bowout.core.pack import load_pack

    opened: list[str] = []
    resolve = localedata.resolve_locale_filename

    def recording(name: str) -> str:
        opened.append(name)
        return resolve(name)

    monkeypatch.setattr(localedata, "resolve_locale_filename", recording)
    monkeypatch.setattr(localedata, "_cache", {})
    if hasattr(localedata, "_dict_cache"):  # Babel 2.17: one wrapper per identifier
        monkeypatch.setattr(localedata, "_dict_cache", {})
    assert trim.PACK_LANGUAGES and "en" in trim.PACK_LANGUAGES
    for language in trim.PACK_LANGUAGES:
        pack = load_pack(language)
        # Babel caches loaded data (per identifier, and per Locale object): a new object,
        # with the caches emptied, reads its files again even after an earlier test.
        known = Locale.parse(pack.locale)
        fresh = Locale(known.language, known.territory, known.script, known.variant)
        dates.format_date(dt.date(2027, 3, 5), format=pack.date_format, locale=fresh)
    assert "root" in opened
    for name in opened:
        assert trim.keep(f"babel/locale-data/{name}.dat"), name
    every = [p.stem for p in Path(localedata._dirname).glob("*.dat")]
    kept = [name for name in every if trim.keep(f"babel/locale-data/{name}.dat")]
    assert len(kept) < len(every) / 5
