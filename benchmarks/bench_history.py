"""History save, open and search times as ratios to floors measured in the same run.

Floors: an orjson whole-file atomic write of the same data (save), an orjson read + parse
of the same file (open), a scan of the same records as in-memory dicts (search), reading
and parsing the export plus one atomic write of the resulting history (import: every
record into an open, empty history; it also validates every field of every record).
Run: .venv/bin/python benchmarks/bench_history.py [SIZES...]   (targets: save <= 1.5x,
open <= 1.5x, search <= 2x, import <= 2x at every size)
     .venv/bin/python benchmarks/bench_history.py --scale [SIZES...]   (open time and peak
memory of a fresh process at 10k and 100k records; printed, no target)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import orjson

from bowout.core import Composer, Profile, Reason, Situation, Stage
from bowout.storage import History, Record
from bowout.storage.atomic import atomic_write_bytes
from bowout.storage.search import SEARCH_FIELDS

SIZES = tuple(int(n) for n in sys.argv[1:] if n.isdigit()) or (100, 1_000, 10_000)
TARGETS = {"save": 1.5, "open": 1.5, "search": 2.0, "import": 2.0}


def paired(
    fn: Callable[[], object], floor: Callable[[], object], rounds: int
) -> tuple[float, float]:
    """Median times of ``fn`` and ``floor``, called alternately so that load from other
    programs on the machine affects both alike (after one warm-up call of each)."""
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


def sample_records(count: int) -> list[dict[str, object]]:
    """``count`` realistic record dicts (one composed draft, varied names)."""
    situation = Situation(stage=Stage.FINAL, reason=Reason.OTHER_OFFER, role="Data Analyst",
                          contact="Jordan Lee", company="Northwind", rapport=True)  # fmt: skip
    draft = Composer().compose(situation, Profile("Maya Okafor", "maya@example.com", "555 0100"))
    base = Record.from_draft(draft).to_dict()
    records = []
    for i in range(count):
        item = dict(base, company=f"Company {i:05d}", contact=f"Contact {i % 97}")
        item["body_text"] = str(base["body_text"]).replace("Northwind", f"Company {i:05d}")
        records.append(item)
    return records


def run_size(count: int, folder: Path) -> dict[str, tuple[float, float]]:
    """Measured (time, floor) per operation for a history of ``count`` records."""
    data_dir = folder / f"n{count}"
    export = folder / f"in{count}.json"
    export.write_bytes(orjson.dumps(sample_records(count)))
    history = History.open(data_dir)
    history.transfer.import_json(export)
    rounds = 15 if count >= 10_000 else 40
    # Save = updating one record, so the file keeps its size while it is measured.
    current = [history.list()[0]]
    floor_path = data_dir / "floor.json"

    def save() -> None:
        record = current[0]
        record.notes = f"call back {time.perf_counter()}"
        current[0] = history.update(record)  # carries the version it saved: no conflict

    def save_floor() -> None:
        atomic_write_bytes(floor_path, orjson.dumps(raw_tables))

    raw_tables = orjson.loads(history.path.read_bytes())
    saved = paired(save, save_floor, rounds)
    opened = paired(
        lambda: History.open(data_dir).close(),
        lambda: orjson.loads(history.path.read_bytes()),
        rounds,
    )
    query = "company 0004"  # Company 00040 .. 00049 (and 00400 .., 04000 .. when present)
    docs = list(raw_tables["records"].values())
    needle = query.lower()

    def scan() -> list[dict[str, object]]:
        return [d for d in docs if any(needle in str(d[f]).lower() for f in SEARCH_FIELDS)]

    searched = paired(lambda: history.search(query), scan, rounds)
    # Not a target, shown so nobody is surprised: when every record matches, each one is
    # copied into a Record the caller may edit, which a scan handing out dicts never does.
    broad = "analyst"
    every = paired(
        lambda: history.search(broad),
        lambda: [d for d in docs if any(broad in str(d[f]).lower() for f in SEARCH_FIELDS)],
        max(5, rounds // 3),
    )
    matches = len(history.search(query))
    print(f"  {count:>6} records: file {history.path.stat().st_size / 1e6:6.2f} MB, "
          f"search matches {matches}")  # fmt: skip
    took, scan_all = every
    print(f"    (search matching all {count} records: {took * 1e3:.2f} ms, "
          f"scan {scan_all * 1e3:.2f} ms, ratio {took / scan_all:.1f}x; no target)")  # fmt: skip

    def import_floor() -> None:  # the least any import does: read the file, write the history
        orjson.loads(export.read_bytes())
        atomic_write_bytes(floor_path, orjson.dumps(raw_tables))

    import_rounds = max(3, rounds // 5)
    empty = [History.open(folder / f"import{count}-{i}") for i in range(import_rounds + 1)]
    imported = paired(lambda: empty.pop().transfer.import_json(export), import_floor, import_rounds)
    return {"save": saved, "open": opened, "search": searched, "import": imported}


def main() -> int:
    """Print a table of times, floors and ratios; exit 1 if a target is missed."""
    missed = []
    with tempfile.TemporaryDirectory(prefix="bowout-bench-") as tmp:
        for count in SIZES:
            results = run_size(count, Path(tmp))
            for name, (took, floor) in results.items():
                ratio = took / floor
                flag = "ok" if ratio <= TARGETS[name] else "MISSED"
                if flag != "ok":
                    missed.append(f"{name}@{count}")
                print(f"    {name:6} {took * 1e3:8.2f} ms  floor {floor * 1e3:8.2f} ms  "
                      f"ratio {ratio:5.2f}x (target <= {TARGETS[name]}x) {flag}")  # fmt: skip
    print("all targets met" if not missed else f"missed: {', '.join(missed)}")
    return 1 if missed else 0


_OPEN_PROBE = """
import resource, sys, time
from pathlib import Path
start = time.perf_counter()
if sys.argv[2] == "floor":
    import orjson
    orjson.loads((Path(sys.argv[1]) / "history.json").read_bytes())
else:
    from bowout.storage import History
    History.open(Path(sys.argv[1])).list()
took = time.perf_counter() - start
print(took, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def scale(counts: tuple[int, ...]) -> int:
    """Open time and peak memory of a fresh process opening (and listing) a big history.

    Floor: a fresh process reading and parsing the same file with orjson. Printed, with
    no target: the window no longer waits for this (it loads in a background thread).
    """
    import subprocess
    import uuid

    with tempfile.TemporaryDirectory(prefix="bowout-scale-") as tmp:
        for count in counts:
            data_dir = Path(tmp) / f"n{count}"
            data_dir.mkdir()
            records = {}
            for item in sample_records(count):
                item["id"] = uuid.uuid4().hex
                item["created"] = item["updated"] = "2026-01-31T09:00:00.000000Z"
                records[item["id"]] = item
            tables = {"meta": {"format_version": 1}, "records": records, "trash": {}}
            (data_dir / "history.json").write_bytes(orjson.dumps(tables))
            del records, tables
            size = (data_dir / "history.json").stat().st_size
            results = {}
            for mode in ("floor", "open"):
                out = subprocess.run(
                    [sys.executable, "-c", _OPEN_PROBE, str(data_dir), mode],
                    capture_output=True, text=True, check=True,
                ).stdout.split()  # fmt: skip
                results[mode] = (float(out[0]), int(out[1]) * 1024)
            (took, peak), (floor, floor_peak) = results["open"], results["floor"]
            print(f"  {count:>7} records, file {size / 1e6:7.1f} MB: open+list {took:6.2f} s "
                  f"(floor {floor:5.2f} s, ratio {took / floor:4.2f}x), peak memory "
                  f"{peak / 1e6:7.0f} MB (floor {floor_peak / 1e6:6.0f} MB, ratio "
                  f"{peak / floor_peak:4.2f}x; {peak / size:4.1f}x the file)")  # fmt: skip
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--scale"]:
        sys.exit(scale(tuple(int(n) for n in sys.argv[2:]) or (10_000, 100_000)))
    sys.exit(main())
