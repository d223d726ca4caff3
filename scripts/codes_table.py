"""Regenerate the README's table of diagnostic codes from schemas/diagnostic-codes.csv.

Usage: .venv/bin/python scripts/codes_table.py [--check]
With --check, change nothing and exit 1 when the README is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from drafting.codebook import load_codes, with_table

README = Path(__file__).resolve().parent.parent / "README.md"


def main(argv: list[str]) -> int:
    current = README.read_text(encoding="utf-8")
    wanted = with_table(current, load_codes())
    if current == wanted:
        return 0
    if "--check" in argv:
        print(f"{README}: the table of diagnostic codes is out of date; run scripts/codes_table.py", file=sys.stderr)
        return 1
    README.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
