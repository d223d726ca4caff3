"""Benchmark: every version's AKN (``build --versions``) against one version's, in one run (#13).

    .venv/bin/python benchmarks/bench_versions.py [--source constitution] [--rounds 3]

The target: building the four versions' AKN in three languages (each from its own
commit, read from git objects, plus a ``documentCollection`` per version) takes at
most four times building one version's. Both builds run as the drafter runs them
(``drafting build SOURCE --only akn [--versions]`` in a subprocess, strict-schema
validation on), alternating, each with a fresh output folder and a fresh cache, so
that neither profits from the other's work. Prints the best time of each and the
ratio; exits 1 when the ratio is over the target.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 4.0


def build(source: Path, every: bool, folder: Path) -> tuple[float, int]:
    """One cold AKN build; its time in seconds and the number of AKN files written."""
    out, cache = folder / "out", folder / "cache"
    command = [sys.executable, "-m", "drafting", "build", str(source), "--out", str(out), "--only", "akn"]
    if every:
        command.append("--versions")
    environment = {**os.environ, "DRAFTING_CACHE": str(cache)}
    environment.pop("SOURCE_DATE_EPOCH", None)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stderr}")
    return elapsed, len(list((out / "akn").glob("*.xml")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=ROOT / "constitution")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    one: list[float] = []
    every: list[float] = []
    files = {False: 0, True: 0}
    for _ in range(args.rounds):
        for versions, times in ((False, one), (True, every)):
            with tempfile.TemporaryDirectory() as tmp:
                elapsed, files[versions] = build(args.source, versions, Path(tmp))
            times.append(elapsed)
    ratio = min(every) / min(one)
    print(f"one version:    {min(one):6.2f} s ({files[False]} AKN files)")
    print(f"every version:  {min(every):6.2f} s ({files[True]} AKN files)")
    print(f"ratio: {ratio:.2f} (target at most {TARGET:.0f}; best of {args.rounds} alternating rounds)")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
