"""What the bundle leaves out: Qt plugins, libraries and translations Bow Out never loads,
and the CLDR locales and spelling dictionaries of languages it has no pack for.

Used by bowout.spec on the PyInstaller TOC (destination names such as
``PySide6/Qt/plugins/platforms/libqxcb.so``); kept free of PyInstaller imports so tests can
check the rules directly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

#: Plugin folders dropped whole: network, QML, SQL, printing, EGL device back ends, designer.
DROP_PLUGIN_DIRS = frozenset(
    {
        "designer",
        "egldeviceintegrations",
        "generic",
        "networkinformation",
        "position",
        "printsupport",
        "qmllint",
        "qmltooling",
        "sqldrivers",
        "tls",
        "vectorimageformats",
        "wayland-graphics-integration-client",
        "wayland-graphics-integration-server",
        "xcbglintegrations",
    }
)

#: In these folders only the named plugins stay (names without lib prefix and suffix).
KEEP_ONLY = {
    # Windows, macOS, X11, Wayland; offscreen and minimal for self-test and headless use.
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa"}),
    # PNG is built into QtGui; SVG is the app icon, ICO/ICNS the Windows and macOS icons.
    "imageformats": frozenset({"qsvg", "qico", "qicns"}),
    # Non-Latin typing (compose key, IBus); the virtual keyboard needs QML, so it goes.
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    # The portal gives dark-mode detection and sandbox-friendly dialogs; gtk3 is dropped.
    "platformthemes": frozenset({"qxdgdesktopportal"}),
}

#: Qt libraries the kept plugins and modules never link (QML, Quick, network, designer...).
DROP_LIBRARY = re.compile(
    r"Qt6?(Network|Qml\w*|Quick\w*|Labs\w*|Lottie\w*|Designer\w*|Help|Sql|Test|UiTools"
    r"|VirtualKeyboard\w*|WaylandCompositor\w*|WaylandEgl\w*"
    r"|EglFS\w*|EglFsKms\w*|OpenGLWidgets|Pdf\w*|ShaderTools|Concurrent)\b"
)

#: Single files dropped by name. opengl32sw.dll (19.7 MiB, Windows) is Mesa's software
#: OpenGL, which Qt loads only as the fallback for OpenGL rendering when the system's
#: opengl32.dll lacks OpenGL 2 ("Qt for Windows - Graphics Acceleration"): Qt Quick,
#: QOpenGLWidget and QOpenGLWindow render with OpenGL; Bow Out is QtWidgets painted by the
#: raster engine and ships neither Qt Quick nor QtOpenGLWidgets.
DROP_FILE = frozenset({"opengl32sw.dll"})

#: Python extension modules of Qt that the app never imports.
DROP_MODULE = re.compile(
    r"PySide6[/\\]Qt(Network|Qml|Quick\w*|Sql|Test|UiTools|Designer|Help|Concurrent"
    r"|OpenGL|OpenGLWidgets|PrintSupport|Xml)\."
)


#: The languages Bow Out writes messages in: the folders of templates/ holding a pack.toml.
PACK_LANGUAGES = frozenset(
    path.parent.name
    for path in (Path(__file__).resolve().parent.parent / "templates").glob("*/pack.toml")
)

#: Babel's CLDR data (one .dat per locale: 1,149 files, 35 MiB) and pyspellchecker's word
#: lists (12 languages, 7 MiB): only the pack languages' are read. A locale's data falls
#: back through its parents to ``root`` (en_GB -> en_001 -> en -> root), all of which share
#: the language's prefix, so keeping every locale of a pack language keeps every parent.
LANGUAGE_DATA = re.compile(
    r"(?:^|/)(?:babel/locale-data/(?P<locale>\w+)\.dat|spellchecker/resources/(?P<dictionary>\w+)\.json\.gz)$"
)


def language_data_kept(posix: str, languages: frozenset[str] = PACK_LANGUAGES) -> bool:
    """Whether a CLDR locale or spelling dictionary at ``posix`` belongs to a pack language
    (True for every other file)."""
    match = LANGUAGE_DATA.search(posix)
    if match is None:
        return True
    name = match["locale"] or match["dictionary"]
    return name == "root" or name.split("_")[0] in languages


def plugin_parts(dest: str) -> tuple[str, str] | None:
    """(folder, plugin name) for a Qt plugin's destination path, else None."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if "plugins" not in parts:
        return None
    index = parts.index("plugins")
    if len(parts) < index + 3:
        return None
    name = parts[-1].split(".")[0]
    if name.startswith("lib"):  # libqxcb.so -> qxcb, like qxcb.dll on Windows
        name = name[3:]
    return parts[index + 1], name


def keep(dest: str) -> bool:
    """Whether the file at ``dest`` in the bundle is something Bow Out may load."""
    posix = dest.replace("\\", "/")
    if "/translations/" in posix and "PySide6" in posix:
        return False  # the app ships no Qt translations
    plugin = plugin_parts(posix)
    if plugin is not None:
        folder, name = plugin
        if folder in DROP_PLUGIN_DIRS:
            return False
        allowed = KEEP_ONLY.get(folder)
        return allowed is None or name in allowed
    if not language_data_kept(posix):
        return False
    filename = posix.rsplit("/", 1)[-1]
    if filename.lower() in DROP_FILE:
        return False
    return not (DROP_LIBRARY.search(filename) or DROP_MODULE.search(posix))


def trim(toc: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The TOC entries to keep."""
    return [entry for entry in toc if keep(entry[0])]


def _basename(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def prune_unreachable(
    binaries: list[tuple[str, str, str]],
    needed: Callable[[str], Iterable[str]],
) -> list[tuple[str, str, str]]:
    """Drop shared libraries that no kept extension module or plugin needs any more.

    PyInstaller resolved dependencies before trimming, so the libraries of dropped plugins
    (the gtk3 theme's cairo, for one) are still listed. ``needed(source)`` returns the names
    of the libraries one file links directly; this follows them through the bundle's own
    libraries, so what a kept library needs stays too.
    """
    by_name = {_basename(dest): source for dest, source, _kind in binaries}
    roots = [
        entry
        for entry in binaries
        if entry[2] == "EXTENSION"
        or plugin_parts(entry[0]) is not None
        or _basename(entry[0]).startswith("libpython")
    ]
    reachable = {_basename(dest) for dest, _source, _kind in roots}
    todo = [source for _dest, source, _kind in roots]
    while todo:
        for name in needed(todo.pop()):
            base = _basename(name)
            if base not in reachable:
                reachable.add(base)
                if base in by_name:
                    todo.append(by_name[base])
    return [entry for entry in binaries if _basename(entry[0]) in reachable]
