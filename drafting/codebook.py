"""The registry of diagnostic codes: ``schemas/diagnostic-codes.csv``, one line per code.

Each line names a code, its severity (``error``, ``warning`` or ``error/warning``),
the modules that raise it and what it means. The README's table of findings is
generated from it (``scripts/codes_table.py``), and the tests check that every
code the package raises is registered, that the named modules raise it and that
a test raises each one with its exact message. Adding a code is one line here.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from drafting.resources import SCHEMAS_DIR

REGISTRY = SCHEMAS_DIR / "diagnostic-codes.csv"
CODE = re.compile(r"[A-Z][0-9]{3}")
SEVERITIES = ("error", "warning", "error/warning")
FAMILIES = {"S": "files", "F": "YAML and front matter", "N": "numbering and structure", "A": "languages in step",
            "R": "references", "M": "Markdown", "G": "glyphs", "I": "import (AKN)", "P": "print", "C": "consolidation",
            "J": "justifications (comparative table)"}
TABLE_START = "<!-- diagnostic codes: generated from schemas/diagnostic-codes.csv by scripts/codes_table.py -->"
TABLE_END = "<!-- end of diagnostic codes -->"


class RegistryError(ValueError):
    """The registry file is malformed: the line and what is wrong."""


@dataclass(frozen=True)
class Code:
    code: str
    severity: str
    modules: tuple[str, ...]
    meaning: str
    line: int


@lru_cache(maxsize=4)
def load_codes(path: Path = REGISTRY) -> dict[str, Code]:
    """Every registered code, in the file's order; a malformed line raises ``RegistryError``."""
    codes: dict[str, Code] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != ["code", "severity", "module", "meaning"]:
            raise RegistryError(f"{path}:1: the header must be code,severity,module,meaning")
        for row in reader:
            line = reader.line_num
            code, severity, modules, meaning = (row.get(k) or "" for k in ("code", "severity", "module", "meaning"))
            if not CODE.fullmatch(code) or code[0] not in FAMILIES:
                raise RegistryError(f"{path}:{line}: {code!r} is not a code (a letter of {''.join(FAMILIES)} "
                                    "and three digits)")
            if code in codes:
                raise RegistryError(f"{path}:{line}: {code} is registered twice (first on line {codes[code].line})")
            if severity not in SEVERITIES:
                raise RegistryError(f"{path}:{line}: severity {severity!r} is not one of {', '.join(SEVERITIES)}")
            if not modules.split() or not meaning.strip():
                raise RegistryError(f"{path}:{line}: {code} needs the modules that raise it and its meaning")
            codes[code] = Code(code, severity, tuple(modules.split()), meaning.strip(), line)
    return codes


def markdown_table(codes: dict[str, Code]) -> str:
    """The README's table: one row per code, grouped by family in registry order."""
    rows = ["| code | severity | finding |", "|---|---|---|"]
    for entry in codes.values():
        meaning = entry.meaning.replace("|", "\\|")
        rows.append(f"| {entry.code} | {entry.severity} | {meaning} |")
    return "\n".join(rows)


def with_table(document: str, codes: dict[str, Code]) -> str:
    """``document`` with the text between the table markers replaced by the generated table."""
    start, end = document.find(TABLE_START), document.find(TABLE_END)
    if start < 0 or end < start:
        raise RegistryError(f"the document has no '{TABLE_START}' ... '{TABLE_END}' markers")
    return f"{document[:start]}{TABLE_START}\n{markdown_table(codes)}\n{document[end:]}"
