"""Workbooks made in the tests (no binary fixtures): .xlsx by openpyxl, .xls by xlwt, and
.ods built by hand (an OpenDocument spreadsheet is a ZIP of a mimetype and some XML)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

Cell = str | int | float | dt.date | dt.datetime | None


def xlsx_bytes(rows: Sequence[Sequence[Cell]]) -> bytes:
    """An Excel workbook of one sheet holding ``rows`` (dates as date cells)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xls_bytes(rows: Sequence[Sequence[Cell]]) -> bytes:
    """An Excel 97-2003 workbook (BIFF8) of one sheet holding ``rows``."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Applications")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write(r, c, value, date_style)
            elif value is not None:
                sheet.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _ods_cell(value: Cell) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, dt.datetime):
        return (f'<table:table-cell office:value-type="date" office:date-value="'
                f'{value.isoformat(timespec="seconds")}"><text:p>{value:%d/%m/%Y %H:%M}'
                "</text:p></table:table-cell>")  # fmt: skip
    if isinstance(value, dt.date):
        return (f'<table:table-cell office:value-type="date" office:date-value="'
                f'{value.isoformat()}"><text:p>{value:%d/%m/%Y}</text:p>'
                "</table:table-cell>")  # fmt: skip
    if isinstance(value, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")  # fmt: skip
    return (f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p>'
            "</table:table-cell>")  # fmt: skip


def ods_bytes(rows: Sequence[Sequence[Cell]]) -> bytes:
    """An OpenDocument spreadsheet of one sheet holding ``rows`` (ODF 1.2, as LibreOffice
    writes it: the uncompressed mimetype first, then content.xml and the manifest)."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')  # fmt: skip
    body = "".join(
        "<table:table-row>" + "".join(_ods_cell(v) for v in row) + "</table:table-row>"
        for row in rows
    )
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} '
               'office:version="1.2"><office:body><office:spreadsheet>'
               f'<table:table table:name="Applications">{body}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")  # fmt: skip
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)  # fmt: skip
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


WRITERS = {"xlsx": xlsx_bytes, "xls": xls_bytes, "ods": ods_bytes}


def write(path: Path, rows: Sequence[Sequence[Cell]], kind: str = "") -> Path:
    """Write ``rows`` as a workbook of ``kind`` (default: the path's suffix)."""
    path.write_bytes(WRITERS[kind or path.suffix.lstrip(".")](rows))
    return path
