"""The constitution's check, AKN and print HTML against an earlier commit of the toolkit, in one run.

``python benchmarks/bench_baseline.py [--base REV] [--rounds N] [--pdf]``: checks the
base revision (default ``db8af6b``, the last commit before the document model for every
act) out into a temporary git worktree and times, alternating between the two toolkits
in fresh processes, reading and checking the constitution, writing its AKN in every
language, and rendering its print HTML (``--pdf``: and the Russian A4 PDF). Prints each
median and the ratio now / base (1.00 = as fast as before; the machine's noise is in the
spread between rounds).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Runs inside each toolkit's own process; module paths moved with the layout change, so both are tried.
PROBE = r'''
import importlib, json, sys, time
def first(*names):
    for name in names:
        try:
            return importlib.import_module(name)
        except ImportError:
            pass
    raise ImportError(names)
load = first("drafting.source.load", "drafting.load")
akn = first("drafting.writers.akn.document", "drafting.akn.writer")
edition = first("drafting.writers.html.edition", "drafting.html.edition")
source, pdf = sys.argv[1], sys.argv[2] == "1"
times = {}
start = time.perf_counter(); work = load.load_valid(source); times["check"] = time.perf_counter() - start
start = time.perf_counter()
for lang in work.meta.codes:
    akn.document_bytes(work, lang)
times["akn"] = time.perf_counter() - start
start = time.perf_counter()
for lang in work.meta.codes:
    edition.render_edition(work, lang, edition.EditionOptions(mode="print", links=False, language_pages=False))
times["print html"] = time.perf_counter() - start
if pdf:
    import weasyprint
    html = edition.render_edition(work, "ru", edition.EditionOptions(mode="print", links=False, language_pages=False))
    start = time.perf_counter(); weasyprint.HTML(string=html).write_pdf(); times["pdf ru a4"] = time.perf_counter() - start
print(json.dumps(times))
'''


def run(toolkit: Path, source: Path, pdf: bool) -> dict[str, float]:
    env = {"PYTHONPATH": str(toolkit), "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1770854400"}
    done = subprocess.run([sys.executable, "-c", PROBE, str(source), "1" if pdf else "0"], cwd=toolkit, env=env,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="db8af6b")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pdf", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(base), args.base], cwd=REPO, check=True)
        try:
            now: list[dict[str, float]] = []
            before: list[dict[str, float]] = []
            for _ in range(args.rounds):  # alternate, so both see the same machine
                now.append(run(REPO, REPO / "constitution", args.pdf))
                before.append(run(base, base / "constitution", args.pdf))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=REPO, check=True)
    print(f"constitution, {args.rounds} alternating rounds, now vs {args.base} (medians, seconds)")
    print(f"{'step':<12}{'now':>9}{'base':>9}{'ratio':>8}")
    for key in now[0]:
        a = statistics.median(r[key] for r in now)
        b = statistics.median(r[key] for r in before)
        print(f"{key:<12}{a:>9.3f}{b:>9.3f}{a / b:>8.2f}")


if __name__ == "__main__":
    main()
