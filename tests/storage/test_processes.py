"""Real processes: two copies saving at once, and a writer killed with SIGKILL at random."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from storage_helpers import disk_ids

from bowout.storage import History, Record

WRITER = """
import sys, time
from pathlib import Path
from bowout.storage import History, Record
data_dir, tag, count, go = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
history = History.open(data_dir)
print("ready", flush=True)
while not go.exists():
    time.sleep(0.005)
for i in range(count):
    saved = history.add(Record(company=f"{tag}-{i}", body_text="x" * 400))
    print(saved.id, flush=True)  # acknowledged: add() returned, so it is durable
"""


def _writer(data_dir: Path, tag: str, count: int, go: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), tag, str(count), str(go)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


def test_two_processes_saving_fifty_records_each(data_dir: Path, tmp_path: Path) -> None:
    History.open(data_dir).close()
    go = tmp_path / "go"
    writers = [_writer(data_dir, tag, 50, go) for tag in ("a", "b")]
    go.touch()
    acknowledged: set[str] = set()
    for process in writers:
        out, _ = process.communicate(timeout=100)
        assert process.returncode == 0
        acknowledged |= set(out.split())
    history = History.open(data_dir)
    assert len(acknowledged) == 100
    assert {r.id for r in history.list()} == acknowledged
    assert sorted(r.company for r in history.list()) == sorted(
        f"{tag}-{i}" for tag in "ab" for i in range(50)
    )


def _kill_rounds(data_dir: Path, tmp_path: Path, rounds: int) -> None:
    seed = int(os.environ.get("BOWOUT_KILL_SEED") or time.time_ns() % 1_000_000)
    print(f"kill test seed: {seed} (rerun with BOWOUT_KILL_SEED={seed})")
    rng = random.Random(seed)
    go = tmp_path / "go"
    go.touch()
    acknowledged: set[str] = set()
    mid_write = 0
    for round_no in range(rounds):
        process = _writer(data_dir, f"r{round_no}", 10_000, go)
        time.sleep(rng.uniform(0.0, 0.15))
        process.send_signal(signal.SIGKILL)
        out, _ = process.communicate(timeout=30)
        lines = out.split("\n")
        acknowledged |= {line for line in lines[:-1] if line}  # a cut last line was not acked
        mid_write += any(n.endswith(".tmp") for n in os.listdir(data_dir))
        on_disk = disk_ids(data_dir / "history.json")  # parses: never unreadable
        lost = acknowledged - on_disk
        assert not lost, f"seed {seed}, round {round_no}: {len(lost)} acknowledged records lost"
    print(f"{len(acknowledged)} acknowledged records; {mid_write} rounds left a temp file")
    history = History.open(data_dir)
    assert history.recovery_message is None
    assert acknowledged <= {r.id for r in history.list()}
    history.add(Record(company="after"))
    assert not [n for n in os.listdir(data_dir) if n.endswith(".tmp")]  # leftovers cleaned
    assert orjson.loads((data_dir / "history.json").read_bytes())["records"]


def test_kill_during_saves_small(data_dir: Path, tmp_path: Path) -> None:
    _kill_rounds(data_dir, tmp_path, rounds=15)


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_kill_during_saves_200_rounds(data_dir: Path, tmp_path: Path) -> None:
    _kill_rounds(data_dir, tmp_path, rounds=200)
