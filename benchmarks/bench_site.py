"""Benchmark the web site against today's HTML edition, in one run.

Target (issue #18): the whole site with its search index for the constitution's
four versions builds in at most twice the time of the HTML edition plus the
index tool's own time. Each is built N times, alternately (in-process, the same
way `drafting build --only html` and `--only site` do, into fresh folders), and
after each site build Pagefind indexes that site's version pages once more on
its own, in one run over every version (no other work beside it): that is the
index tool's own time. The site build itself runs Pagefind once per version,
beside the rest of its work, so its Pagefind time is not separable; the budget
uses the standalone single run, which is the cheapest way to index the pages.
The medians are compared. Prints the figures, the ratio and the load average;
exits 1 when the target is missed.

Run: `.venv/bin/python benchmarks/bench_site.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from drafting.writers.artifacts import build  # noqa: E402
from drafting.writers.html.search import pagefind_binary  # noqa: E402


def index_alone(site: Path, output: Path) -> float:
    """Seconds Pagefind takes to index every version page of ``site`` in one run, into ``output``."""
    command = [str(pagefind_binary()), "--site", str(site), "--glob", "*/{kk,ru,en}.html",
               "--output-path", str(output), "--silent"]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--source", type=Path, default=REPO / "constitution")
    args = parser.parse_args()
    html_times: list[float] = []
    site_times: list[float] = []
    index_times: list[float] = []
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        build(args.source, Path(tmp) / "warm", ["html", "site"])  # imports, templates and file caches warm
        for run in range(args.runs):  # interleaved, so all three see the same machine load
            start = time.perf_counter()
            build(args.source, Path(tmp) / f"html-{run}", ["html"])
            html_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            build(args.source, Path(tmp) / f"site-{run}", ["site"])
            site_times.append(time.perf_counter() - start)
            index_times.append(index_alone(Path(tmp) / f"site-{run}" / "site", Path(tmp) / f"index-{run}"))
        pages = len(list((Path(tmp) / "site-0" / "site").rglob("*.html")))
    load_after = os.getloadavg()
    html, site, index = (statistics.median(t) for t in (html_times, site_times, index_times))
    budget = 2 * html + index
    ratios = [s / (2 * h + i) for h, s, i in zip(html_times, site_times, index_times)]
    print(f"HTML edition (one version, {len(html_times)} runs, median): {html:.2f} s")
    print(f"site ({pages} pages, every version, search index):       {site:.2f} s")
    print(f"Pagefind alone over the site's version pages (median):    {index:.2f} s")
    print(f"target: site <= 2 x HTML + Pagefind = {budget:.2f} s; ratio site / target = {site / budget:.2f}")
    print(f"per-run ratios: {' '.join(f'{r:.2f}' for r in ratios)}")
    print(f"load average (1 min) before/after: {load_before[0]:.1f} / {load_after[0]:.1f}")
    if site > budget:
        print("TARGET MISSED")
        return 1
    print("target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
