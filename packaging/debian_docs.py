"""The .deb's documentation: DEP-5 copyright, changelogs, the man page, lintian overrides.

Everything here is text computed from the repository and the commit time, so two builds of
one commit write the same bytes (see reproducible.py).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import time
from pathlib import Path

MAINTAINER = "Bow Out maintainers <bowout@example.org>"

#: DEP-5 (https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/) for what the
#: package ships: Bow Out itself, and the runtime PyInstaller bundles with it in /opt/bowout.
COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Bow Out
Upstream-Contact: {maintainer}
Source: https://example.org/bowout
Comment: /opt/bowout is a PyInstaller bundle: Bow Out with the Python runtime and the
 libraries it runs on. Qt is used under the LGPL-3; its libraries are ordinary shared
 objects in /opt/bowout/_internal that a user may replace.

Files: *
Copyright: {year} The Bow Out team
License: MIT
Comment: The launcher opt/bowout/bowout also carries, as Python byte code, Jinja2 and
 MarkupSafe (BSD-3-clause, Pallets), TinyDB, pyspellchecker and platformdirs (MIT), orjson
 (Apache-2.0 or MIT) and filelock (Unlicense), each under its own licence; the launcher
 itself is PyInstaller's bootloader (GPL-2+ with an exception for bundled programs).

Files: opt/bowout/_internal/lib*.so*
Copyright: The authors of each library
License: other
 Shared libraries copied from the build system's Debian packages; the copyright file of
 each such package (/usr/share/doc/PACKAGE/copyright on Debian) applies to it.

Files: opt/bowout/_internal/PySide6/* opt/bowout/_internal/shiboken6/*
 opt/bowout/_internal/libQt6* opt/bowout/_internal/libpyside6*
 opt/bowout/_internal/libshiboken6*
Copyright: The Qt Company Ltd. and other contributors
License: LGPL-3

Files: opt/bowout/_internal/resources/fonts/NotoEmoji-Regular.ttf
Copyright: 2013-2026 Google LLC
License: OFL-1.1
 Noto Emoji, used to draw emoji in exported PDFs; the full licence text ships beside it
 as opt/bowout/_internal/resources/fonts/OFL.txt.

Files: opt/bowout/_internal/libpython* opt/bowout/_internal/python3*
 opt/bowout/_internal/base_library.zip
Copyright: Python Software Foundation
License: PSF-2.0
 The Python Software Foundation License Version 2, as distributed with Python
 (https://docs.python.org/3/license.html).

License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy of this
 software and associated documentation files (the "Software"), to deal in the Software
 without restriction, including without limitation the rights to use, copy, modify, merge,
 publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
 to whom the Software is furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included in all copies or
 substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
 INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
 PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
 FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
 OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
 DEALINGS IN THE SOFTWARE.

License: LGPL-3
 On Debian systems the full text is in /usr/share/common-licenses/LGPL-3.
"""

#: Tags a self-contained bundle in /opt cannot avoid, each with the reason it stays.
#: Anything else lintian reports fails packaging/ci.sh.
LINTIAN_OVERRIDES = """\
# The app is one self-contained PyInstaller folder; third-party packages install in /opt.
bowout: dir-or-file-in-opt [opt/bowout/*]
# The bundle carries the exact Python, Qt and image libraries it was tested with.
bowout: embedded-library * [opt/bowout/_internal/*]
# Python extension modules resolve libpython's symbols from the already loaded interpreter.
bowout: shared-library-lacks-prerequisites [opt/bowout/_internal/*]
bowout: library-not-linked-against-libc [opt/bowout/_internal/python3*/lib-dynload/*]
# PyInstaller's prebuilt launcher is not position-independent; it only loads the bundle.
bowout: hardening-no-pie [opt/bowout/bowout]
# Published outside Debian's archive, so there is no ITP bug for the first entry to close.
bowout: initial-upload-closes-no-bugs [usr/share/doc/bowout/changelog.Debian.gz:1]
"""

_SECTION = re.compile(r"^## \[(?P<name>[^\]]+)\]", re.M)


def md5sums(root: Path) -> str:
    """DEBIAN/md5sums: the MD5 of every regular file under ``root`` outside DEBIAN/, in the
    ``md5sum`` format dpkg --verify and debsums read (paths relative to /, sorted).
    """
    lines = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("DEBIAN/") or path.is_symlink() or not path.is_file():
            continue
        lines.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {rel}\n")
    return "".join(lines)


def copyright_text(epoch: int) -> str:
    """usr/share/doc/bowout/copyright, with the year of the commit being built."""
    return COPYRIGHT.format(maintainer=MAINTAINER, year=time.gmtime(epoch).tm_year)


def debian_changelog(deb_version: str, epoch: int) -> str:
    """changelog.Debian: one entry for this package version, dated by the commit.

    Its lines follow Debian Policy 4.4 (``package (version) distribution; urgency=...`` and a
    trailer with an RFC 5322 date); the upstream changes are in changelog.gz.
    """
    date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(epoch))
    upstream = deb_version.split("-", 1)[0]
    return (
        f"bowout ({deb_version}) unstable; urgency=medium\n\n"
        f"  * Bow Out {upstream}, packaged from its PyInstaller bundle.\n"
        "    See /usr/share/doc/bowout/changelog.gz for the changes.\n\n"
        f" -- {MAINTAINER}  {date}\n"
    )


def upstream_changelog(markdown: str) -> str:
    """CHANGELOG.md as shipped: the text from the first release section on, unchanged."""
    first = _SECTION.search(markdown)
    return markdown[first.start() :] if first else markdown


def manual_page(parser: argparse.ArgumentParser, version: str, epoch: int) -> str:
    """bowout.1 in roff, generated from the command line's own argparse parser.

    Uses argparse-manpage (the generator Fedora and Debian packagers use for argparse
    programs); the page is dated by ``epoch`` (the commit's time), not by today. A text line
    that wraps to begin with an apostrophe would be read as a roff request (groff's "macro
    not defined", a lintian warning): it is guarded with ``\\&``, roff's zero-width escape.
    """
    from argparse_manpage.manpage import Manpage

    page = Manpage(
        parser,
        _data={
            "project_name": "bowout",
            "version": version,
            "manual_title": "Bow Out manual",
            "description": "draft a polite withdrawal from a job application",
            "date": time.strftime("%Y-%m-%d", time.gmtime(epoch)),
        },
    )
    return re.sub(r"(?m)^'", r"\\&'", str(page))
