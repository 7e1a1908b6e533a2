"""Applications import times as ratios to reading the same file with the bare library,
and the longest event-loop stall while the window reads a large file.

Floors (measured in the same run, alternately with the import): ``csv.reader`` over the
decoded text for the CSV, python-calamine's ``to_python`` of the first sheet for the
.xlsx. The import is the whole of what Bow Out does with a file: find what it is, decode,
find the separator, read the table, map the columns, read statuses and dates, build and
check every application (it stores nothing).
Run: .venv/bin/python benchmarks/bench_import.py [ROWS]   (targets: CSV and .xlsx
imports <= 3x their floor at 10,000 rows; the window's longest event-loop stall while it
reads a 100,000-row file and previews it <= 100 ms). Printed, never asserted in tests.
"""

from __future__ import annotations

import csv
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 10_000
WINDOW_ROWS = 100_000
TARGET_RATIO = 3.0
TARGET_STALL_MS = 100.0
STATUSES = ("Applied", "Phone screen", "Interview", "Final round", "Offer", "Wishlist")
HEADER = ["Company", "Position", "Contact", "Email", "Status", "Date Applied", "Notes"]


def rows(count: int) -> list[list[str]]:
    """``count`` realistic rows: unique companies, a few statuses, dates, short notes."""
    return [
        [f"Company {i:06d}", f"Role {i % 40}", f"Contact {i % 97}", f"c{i}@example.com",
         STATUSES[i % len(STATUSES)], f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
         "met the team, liked it" if i % 3 else ""]
        for i in range(count)
    ]  # fmt: skip


def csv_bytes(count: int) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([HEADER, *rows(count)])
    return out.getvalue().encode("utf-8")


def xlsx_bytes(count: int) -> bytes:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in [HEADER, *rows(count)]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def paired(
    fn: Callable[[], object], floor: Callable[[], object], rounds: int
) -> tuple[float, float]:
    """Median times of ``fn`` and ``floor``, called alternately (after a warm-up of each)."""
    fn()
    floor()
    took, base = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        took.append(time.perf_counter() - start)
        start = time.perf_counter()
        floor()
        base.append(time.perf_counter() - start)
    return statistics.median(took), statistics.median(base)


def bench_files() -> bool:
    import python_calamine

    from bowout.core.csv_import import read_applications
    from bowout.core.tabular import read_table

    def import_file(data: bytes) -> Callable[[], object]:
        return lambda: read_applications(read_table(data))

    text_data = csv_bytes(ROWS)
    book_data = xlsx_bytes(ROWS)
    floors = {
        "csv": lambda: list(csv.reader(io.StringIO(text_data.decode("utf-8"), newline=""))),
        "xlsx": lambda: (
            python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(book_data))
            .get_sheet_by_index(0)
            .to_python()
        ),
    }
    ok = True
    for kind, data in (("csv", text_data), ("xlsx", book_data)):
        result = read_applications(read_table(data))
        assert len(result.applications) == ROWS, len(result.applications)
        took, base = paired(import_file(data), floors[kind], rounds=7)
        ratio = took / base
        ok &= ratio <= TARGET_RATIO
        print(
            f"{kind:5} {ROWS:>7,} rows: import {took * 1000:8.1f} ms, floor "
            f"{base * 1000:7.1f} ms, ratio {ratio:4.2f}x (target <= {TARGET_RATIO}x)"
        )
    return ok


def bench_window() -> bool:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from bowout.gui.dialogs.import_dialog import ImportDialog
    from bowout.gui.views.applications import ApplicationsView
    from bowout.storage import History

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.csv"
        path.write_bytes(csv_bytes(WINDOW_ROWS))
        history = History.open(Path(folder) / "data")
        view = ApplicationsView(history)
        view.show()
        settle = time.perf_counter() + 0.5  # the first paint is not the import's
        while time.perf_counter() < settle:
            app.processEvents()
        gaps: dict[str, list[float]] = {"reading the file": [], "the preview": []}
        phase = ["reading the file"]
        clock = QElapsedTimer()
        ticker = QTimer()
        ticker.setInterval(5)

        def tick() -> None:
            gaps[phase[0]].append(clock.restart())

        ticker.timeout.connect(tick)
        finished: list[int] = []

        def ask(table, name, remembered, existing):  # type: ignore[no-untyped-def]
            phase[0] = "the preview"  # the dialog's making counts as the preview's
            dialog = ImportDialog(table, name, remembered, existing, view)
            dialog.show()
            while not dialog.ready:  # the first preview of every row, in its worker
                app.processEvents()
            finished.append(len(dialog.result_.applications) if dialog.result_ else 0)
            dialog.reject()
            return None

        view.ask_import = ask  # type: ignore[method-assign]
        view.choose_csv = lambda: path  # type: ignore[method-assign]
        clock.start()
        ticker.start()
        start = time.perf_counter()
        view.import_button.click()
        while view.reading.running or not finished:
            app.processEvents()
        took = time.perf_counter() - start
        ticker.stop()
        history.close()
    stalls = {name: max(g) - ticker.interval() if g else float("inf") for name, g in gaps.items()}
    stall = max(stalls.values())
    where = ", ".join(f"{ms:.0f} ms while {name}" for name, ms in stalls.items())
    print(f"window {WINDOW_ROWS:,} rows: read and previewed in {took:5.2f} s "
          f"({finished[0]:,} applications); longest event-loop stall {stall:5.1f} ms "
          f"(target <= {TARGET_STALL_MS:.0f} ms; {where})")  # fmt: skip
    return stall <= TARGET_STALL_MS


def main() -> int:
    files_ok = bench_files()
    window_ok = bench_window()
    return 0 if files_ok and window_ok else 1


if __name__ == "__main__":
    sys.exit(main())
