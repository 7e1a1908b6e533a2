"""Generate the raster icons (PNG sizes, .ico, .icns) from resources/icons/bowout.svg.

Run after changing the SVG master; the outputs are committed so builds never need this:
    python packaging/icons.py
Rendering uses Qt's own SVG renderer (PySide6); the .ico and .icns containers are written
here (PNG-compressed entries, which Windows Vista+ and macOS 10.7+ read).
"""

from __future__ import annotations

import logging
import os
import struct
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
MASTER = ICONS / "bowout.svg"
#: The hicolor theme's usual application icon sizes.
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: icns entry types holding PNG data, by pixel size (the @2x types reuse larger renders).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def png_path(size: int) -> Path:
    """Where the PNG of one size lives (hicolor layout, so the .deb copies it as is)."""
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / "bowout.png"


def render_png(size: int) -> bytes:
    """The master SVG rendered at ``size`` pixels square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(MASTER))
    if not renderer.isValid():
        raise SystemExit(f"icons: cannot read {MASTER}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico whose entries are PNG images (one per size)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries = b""
    body = b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        body += data
        offset += len(data)
    return header + entries + body


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns whose entries are PNG images."""
    chunks = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def main() -> int:
    """Write every raster icon next to the master."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    needed = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = {size: render_png(size) for size in needed}
    for size in PNG_SIZES:
        target = png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    (ICONS / "bowout.png").write_bytes(pngs[256])
    (ICONS / "bowout.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "bowout.icns").write_bytes(icns_bytes(pngs))
    print(f"icons: wrote {len(PNG_SIZES)} PNGs, bowout.png, bowout.ico, bowout.icns in {ICONS}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
