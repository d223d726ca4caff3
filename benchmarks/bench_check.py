"""Benchmark `drafting check`: the constitution, synthetic codes of 1,000 and 10,000
articles in three languages (one container level), and a code of 10,000 articles in
two languages with four container levels, sub-points, tables, notes, terms and annexes
(``synthetic_code.py``). Prints articles per second, the 10x scaling ratio (1.0 =
perfectly linear) and the four-level code's time per article-file against the flat
code's; then what glyph coverage (G801, ``drafting.checks.coverage``, run by the check
command after the read) adds to each tree, cold (character maps read afresh), as a ratio
of the read-and-check time. Run: `make bench` or `.venv/bin/python benchmarks/bench_check.py`.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import make_synthetic  # noqa: E402
from synthetic_code import make_code  # noqa: E402

from drafting.source.load import load  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


GLYPHS: dict[str, tuple[float, float]] = {}  # tree -> (check seconds, glyph coverage seconds)


def timed(source: Path, repeat: int, name: str = "") -> tuple[float, int, int]:
    from drafting.checks.coverage import _MEMORY, check_tree_sources
    from drafting.diagnostics import Diagnostics

    best = glyphs = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        loaded = load(source)
        best = min(best, time.perf_counter() - start)
        assert loaded.work is not None
        _MEMORY.clear()
        start = time.perf_counter()
        check_tree_sources(loaded.texts, loaded.tree, loaded.work.meta.codes, Diagnostics())
        glyphs = min(glyphs, time.perf_counter() - start)
    assert loaded.work is not None, [d.format() for d in loaded.diagnostics.sorted()[:5]]
    GLYPHS[name] = (best, glyphs)
    errors = len(loaded.diagnostics.errors)
    return best, len(loaded.work.expression(loaded.work.meta.codes[0]).articles()), errors


def import_seconds(module: str) -> float:
    """What importing ``module`` adds to a fresh interpreter (best of three)."""
    import subprocess

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    return min(run(f"import {module}") - run("pass") for _ in range(3))


def main() -> None:
    rows = []
    constitution = REPO / "constitution"
    seconds, articles, errors = timed(constitution, 5, "constitution")
    rows.append(("constitution", articles, seconds, errors, 3))
    with tempfile.TemporaryDirectory() as tmp:
        for size in (1_000, 10_000):
            root = make_synthetic(Path(tmp) / f"s{size}", size)
            seconds, articles, errors = timed(root, 3 if size <= 1000 else 1, f"synthetic {size:,}")
            rows.append((f"synthetic {size:,}", articles, seconds, errors, 3))
        root = make_code(Path(tmp) / "code", 10_000)
        seconds, articles, errors = timed(root, 1, "4-level code")
        rows.append(("4-level code", articles, seconds, errors, 2))
    print(f"{'tree':<18}{'articles':>9}{'files':>8}{'seconds':>10}{'articles/s':>12}{'errors':>8}")
    for name, articles, seconds, errors, langs in rows:
        print(f"{name:<18}{articles:>9,}{articles * langs:>8,}{seconds:>10.3f}{articles / seconds:>12,.0f}{errors:>8}")
    ratio = (rows[2][2] / rows[1][2]) / 10
    print(f"10x scaling ratio (time per article, 10,000 vs 1,000): {ratio:.2f} (1.00 = linear)")
    per_file = (rows[3][2] / (rows[3][1] * 2)) / (rows[2][2] / (rows[2][1] * 3))
    print(f"4-level code vs flat code, time per article file: {per_file:.2f}")
    print("glyph coverage (G801), cold, against the read and check:")
    for name, (check, glyphs) in GLYPHS.items():
        print(f"  {name:<18}{glyphs:>8.3f} s of {check:.3f} s: ratio {(check + glyphs) / check:.3f}")
    print(f"  importing fontTools.ttLib adds {import_seconds('fontTools.ttLib'):.3f} s to a fresh process")


if __name__ == "__main__":
    main()
