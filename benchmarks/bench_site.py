"""Benchmark the web site against today's HTML edition, in one run.

Target (issue #18): the whole site with its search index for the constitution's
four versions builds in at most twice the time of the HTML edition plus the
index tool's own time. Each is built N times (in-process, the same way
`drafting build --only html` and `--only site` do, into fresh folders); the
median of each is compared, and Pagefind's own time is measured inside the site
build. Prints the figures and the ratio; exits 1 when the target is missed.

Run: `.venv/bin/python benchmarks/bench_site.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import drafting.writers.html.site as site_module  # noqa: E402
from drafting.writers.artifacts import build  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--source", type=Path, default=REPO / "constitution")
    args = parser.parse_args()
    index_times: list[float] = []
    original = site_module.index_site

    def timed_index(folder: Path) -> list[str]:
        start = time.perf_counter()
        try:
            return original(folder)
        finally:
            index_times.append(time.perf_counter() - start)

    site_module.index_site = timed_index  # type: ignore[assignment]
    html_times: list[float] = []
    site_times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        build(args.source, Path(tmp) / "warm", ["html", "site"])  # imports, templates and file caches warm
        index_times.clear()
        for run in range(args.runs):  # interleaved, so both see the same machine load
            start = time.perf_counter()
            build(args.source, Path(tmp) / f"html-{run}", ["html"])
            html_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            build(args.source, Path(tmp) / f"site-{run}", ["site"])
            site_times.append(time.perf_counter() - start)
        pages = len(list((Path(tmp) / "site-0" / "site").rglob("*.html")))
    html, site, index = (statistics.median(t) for t in (html_times, site_times, index_times))
    budget = 2 * html + index
    print(f"HTML edition (one version, {len(html_times)} runs, median): {html:.2f} s")
    print(f"site ({pages} pages, every version, search index):       {site:.2f} s")
    print(f"  of which Pagefind indexing:                              {index:.2f} s")
    print(f"  the rest (versions from git, redlines, pages):           {site - index:.2f} s")
    print(f"target: site <= 2 x HTML + Pagefind = {budget:.2f} s; ratio site / target = {site / budget:.2f}")
    if site > budget:
        print("TARGET MISSED")
        return 1
    print("target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
