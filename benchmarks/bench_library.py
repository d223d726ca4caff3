"""Benchmark a repository of acts (issue #11): `check` of a synthetic statute book, cold and warm.

``python benchmarks/bench_library.py [--acts 50] [--articles 200]`` (``--acts 500`` is the
100,000-article book; it takes minutes to write). Prints, in one run: the cold check
(no cache), the parse floor (markdown-it-py and PyYAML's C loader alone over the same
files, no line marks, no checks), the warm check after one file was edited (the parses
of the others from .drafting-cache), the ratios, and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic_library import make_library  # noqa: E402


def floor(root: Path) -> float:
    import yaml
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    start = time.perf_counter()
    for path in root.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---", 2)
        yaml.load(front, Loader=loader)
        md.parse(body)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--acts", type=int, default=50)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    from drafting.source.load import load_library

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "user-cache")
        root = make_library(Path(tmp) / "book", args.acts, args.articles)
        (root / ".git").mkdir()  # the repository's root, where .drafting-cache goes
        total = args.acts * args.articles
        start = time.perf_counter()
        cold = load_library(root)
        cold_s = time.perf_counter() - start
        errors = sum(len(l.diagnostics.errors) for l in cold.works.values())
        parse_floor = floor(root)
        load_library(root, cache=True)  # fills the cache
        edited = root / "acts" / "act3" / "01-c1" / "001-a1.ru.md"
        edited.write_text(edited.read_text(encoding="utf-8").replace("регулирует", "устанавливает"), encoding="utf-8")
        start = time.perf_counter()
        warm = load_library(root, cache=True)
        warm_s = time.perf_counter() - start
        assert sum(len(l.diagnostics.errors) for l in warm.works.values()) == errors == 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"statute book: {args.acts} acts, {total:,} articles, {total * 3:,} article files, {errors} errors")
    print(f"cold check (no cache)      {cold_s:8.2f} s  {total / cold_s:8,.0f} articles/s")
    print(f"parse floor (md + C YAML)  {parse_floor:8.2f} s  cold check / floor = {cold_s / parse_floor:.2f}")
    print(f"warm check, one file edited{warm_s:8.2f} s  cold / warm = {cold_s / warm_s:.1f}")
    print(f"peak memory                {peak:8.0f} MB")


if __name__ == "__main__":
    main()
