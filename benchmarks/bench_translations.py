"""Benchmark reading `translations.yaml` (A409's record, ``drafting.source.translationfile``): the constitution's
file read the slow way (``yamldoc``: PyYAML's pure-Python composer with positions, then the JSON Schema) and the way
``read_marks`` reads it (libyaml, after a scan of its events, then the schema), each as a share of the constitution's
whole read and check in the same run. Run: `make bench` or `.venv/bin/python benchmarks/bench_translations.py`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from drafting.diagnostics import Diagnostics
from drafting.source.load import load
from drafting.source.translationfile import read_marks
from drafting.source.yamldoc import parse_yaml, validate

REPO = Path(__file__).resolve().parent.parent
ROUNDS = 5


def best(action: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def slow(text: str) -> object:
    doc = parse_yaml(text, "translations.yaml", 1, Diagnostics())
    assert doc is not None and validate(doc, "translations", "translations.yaml", Diagnostics())
    return doc.data


def main() -> None:
    source = REPO / "constitution"
    text = (source / "translations.yaml").read_text(encoding="utf-8")
    check = best(lambda: load(source, others=False))
    before = best(lambda: slow(text))
    now = best(lambda: read_marks(text, "translations.yaml", Diagnostics()))
    print(f"translations.yaml ({text.count(chr(10))} lines), against the constitution's read and check "
          f"({check:.3f} s):")
    print(f"  through yamldoc   {before:.4f} s: {before / check:.1%} of it")
    print(f"  read_marks        {now:.4f} s: {now / check:.1%} of it")
    print(f"  read_marks / yamldoc: {now / before:.3f}")


if __name__ == "__main__":
    main()
