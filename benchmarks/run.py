"""Run every benchmark (`make bench`): each `benchmarks/bench_*.py` in turn, in its own process.

Each script prints its own figures (ratios within one run); this runner only
finds them, runs them with the same interpreter, and exits non-zero if one failed.
Arguments after `--` are not passed on: run a script directly for its options.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def scripts() -> list[Path]:
    return sorted(HERE.glob("bench_*.py"))


def main() -> int:
    failed: list[str] = []
    for script in scripts():
        print(f"== {script.name}", flush=True)
        if subprocess.run([sys.executable, str(script)], cwd=HERE.parent).returncode != 0:
            failed.append(script.name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"{len(scripts())} benchmarks run", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
