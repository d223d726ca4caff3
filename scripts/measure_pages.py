"""Print a pre-press operator's figures for PDFs (issue #15), measured with pdftotext -bbox-layout.

    .venv/bin/python scripts/measure_pages.py build/pdf/*.pdf [--json] [--check] [--examples]

For every PDF: looseness of justified lines, hyphenation (share, ladders, short
fragments, breaks across columns and pages), numbers parted from their word,
column balance at section ends and page fill. ``--check`` exits 1 when a
target of the issue is missed and says which.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drafting.writers.pdf.pagemetrics import Figures, failures, measure  # noqa: E402

COLUMNS = [("pages", "pages"), ("lines", "lines"), ("loose>2x", "loose_2x"), ("loose>3x", "loose_3x"),
           ("worst gap pt", "worst_gap"), ("hyph.", "hyphenated"), ("ladder", "longest_ladder"),
           ("<3 letters", "short_fragments"), ("across col", "across_columns"), ("across page", "across_pages"),
           ("number splits", "number_splits"), ("imbalance", "worst_imbalance"), ("shortfall", "worst_shortfall")]


def cell(figures: Figures, key: str) -> str:
    value = getattr(figures, key)
    if key in ("loose_2x", "loose_3x", "hyphenated"):
        return f"{value:.1%}"
    return f"{value:g}" if isinstance(value, float) else str(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pdfs", nargs="+", type=Path)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--examples", action="store_true", help="show up to eight lines behind each count")
    parser.add_argument("--space", type=float, help="the font's normal space in pt (default: measured)")
    args = parser.parse_args()
    results = []
    for pdf in args.pdfs:
        if not pdf.is_file():
            print(f"{pdf}: no such file", file=sys.stderr)
            return 2
        results.append(measure(pdf, args.space))
    if args.json:
        print(json.dumps([f.as_dict() for f in results], ensure_ascii=False, indent=1, default=str))
    else:
        header = ["pdf", *(name for name, _ in COLUMNS)]
        rows = [[f.path.rsplit("/", 1)[-1], *(cell(f, key) for _, key in COLUMNS)] for f in results]
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
        for row in [header, ["-" * w for w in widths], *rows]:
            print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
        print("\nloose: mean word space of a justified line over the normal space "
              f"({', '.join(f'{f.normal_space:.2f}' for f in results)} pt); imbalance and shortfall in lines")
    missed = 0
    for figures in results:
        if args.examples and not args.json:
            for key, found in figures.examples.items():
                for item in found:
                    print(f"{figures.path}: p.{item.page} {key}: {item.text}")
        for message in failures(figures):
            missed += 1
            if args.check or not args.json:
                print(f"{figures.path}: target missed: {message}", file=sys.stderr)
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
