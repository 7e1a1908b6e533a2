"""Bundle size and start time against floors measured in the same run.

    python benchmarks/bench_bundle.py [--no-build] [--runs N]

Builds (unless --no-build) dist/bowout and, with the very same spec options, dist/floor (a bare
QMainWindow), then prints: our bundle's size on disk and gzip-compressed as a ratio to the
floor's (target <= 1.10), and the frozen app's ``self-test`` time as a ratio to
``python -m bowout self-test`` started the same way.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
TARGET = 1.10


def disk_size(folder: Path) -> int:
    """Bytes of the regular files under ``folder``."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def gzip_size(folder: Path) -> int:
    """Bytes of ``folder`` as a tar.gz (level 6, like the release tarball)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=folder.name)
    return buffer.tell()


def build(floor: bool) -> float:
    """Run ``build.py bundle``; returns the seconds it took."""
    started = time.monotonic()
    cmd = [sys.executable, str(ROOT / "packaging" / "build.py"), "bundle"]
    subprocess.run([*cmd, "--floor"] if floor else cmd, check=True, cwd=ROOT)
    return time.monotonic() - started


def timed(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    """Median wall time of ``cmd`` over ``runs`` runs (after one warm-up run)."""
    times = []
    for index in range(runs + 1):
        started = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
        if index:  # the first run warms the disk cache for both sides alike
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def show(label: str, sizes: tuple[int, int]) -> None:
    """One line: our size, the floor's, and the ratio."""
    mib = 1024 * 1024
    print(f"{label:<11} bowout {sizes[0] / mib:6.1f} MiB  floor {sizes[1] / mib:6.1f} MiB", end="")
    print(f"  ratio {sizes[0] / sizes[1]:.3f}")


def main() -> int:
    """Print the ratios; exit 1 if the size ratio misses the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="measure the existing dist/")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not args.no_build:
        print(f"build time: bowout {build(False):.0f} s, floor {build(True):.0f} s")
    ours, floor = DIST / "bowout", DIST / "floor"
    disk = disk_size(ours), disk_size(floor)
    packed = gzip_size(ours), gzip_size(floor)
    show("on disk:", disk)
    show("tar.gz:", packed)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = str(ROOT / "desktop")
    frozen = timed([str(ours / "bowout"), "self-test"], args.runs, env)
    source = timed([sys.executable, "-m", "bowout", "self-test"], args.runs, env)
    version_frozen = timed([str(ours / "bowout"), "--version"], args.runs, env)
    version_source = timed([sys.executable, "-m", "bowout", "--version"], args.runs, env)
    print(f"self-test:  frozen {frozen:.2f} s  python -m bowout {source:.2f} s", end="")
    print(f"  ratio {frozen / source:.2f}")
    print(
        f"--version:  frozen {version_frozen:.2f} s  python -m bowout {version_source:.2f} s"
        f"  ratio {version_frozen / version_source:.2f}"
    )
    ok = disk[0] / disk[1] <= TARGET
    print(f"size target <= {TARGET:.2f}x: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
