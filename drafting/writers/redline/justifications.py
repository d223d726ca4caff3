"""The drafter's justifications for the rows of the comparative table (``justifications.yaml``).

The file is kept in git beside the sources (``SOURCE/justifications.yaml``) and
read from the working tree, so that a drafter can write it after the redline
showed which rows there are. It is a list of version pairs, each with its rows
by row key (``drafting.writers.redline.table``) and the text in every language::

    - old: first-draft          # a named version, a tag, a commit (7+ hex digits) or WORKTREE
      new: final-draft
      rows:
        president-1/2:
          kk: ...
          ru: Уточнена формулировка.
          en: The wording is made precise.

It is read with the project's YAML reader (bounded, no aliases) and checked
against ``schemas/justifications.schema.json``; a violation stops the redline
with its file and line. A row without a justification in the chosen language is
flagged in the table and reported as a warning (J701) at the version pair's
line, and a justification for a row the table does not have as well (J702), so
that a table goes out complete.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from drafting.diagnostics import Diagnostics, DraftingError
from drafting.source.yamldoc import parse_yaml, validate
from drafting.writers.redline.changes import Side
from drafting.writers.redline.table import Row

FILE = "justifications.yaml"
MAX_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Justifications:
    path: str  # as shown in messages
    line: int  # the version pair's line (1 when there is none)
    rows: dict[str, dict[str, str]]  # row key -> language -> text
    lines: dict[str, int]  # row key -> its line
    found: bool  # a pair for these two versions is in the file


def _matches(value: str, side: Side, name: str | None) -> bool:
    if value in (side.spec, name):
        return True
    if value.upper() == "WORKTREE":
        return side.commit is None
    hexadecimal = len(value) >= 7 and all(c in "0123456789abcdef" for c in value.lower())
    return bool(hexadecimal and side.commit and side.commit.startswith(value.lower()))


def read_justifications(path: Path, old: Side, new: Side, display: str | None = None) -> Justifications:
    """The justifications of the pair (old, new); none when the file does not exist or has no such pair.

    A file that is not valid YAML or not of the schema is a ``DraftingError`` with its diagnostics.
    """
    shown = display or str(path)
    if not path.is_file():
        return Justifications(shown, 1, {}, {}, False)
    diags = Diagnostics()
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise DraftingError(f"{shown}: over 1 MB; refused")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DraftingError(f"{shown}: not UTF-8 text") from None
    doc = parse_yaml(text, shown, 1, diags)
    if doc is not None and doc.data is not None:
        validate(doc, "justifications", shown, diags)
    if diags.has_errors() or doc is None:
        raise DraftingError(f"{shown}: the justifications file has errors (see above)", diags.sorted())
    entries: list[Any] = doc.data or []
    for index, entry in enumerate(entries):
        if _matches(entry["old"], old, old.version) and _matches(entry["new"], new, new.version):
            rows = {str(k): {str(lang): str(t) for lang, t in v.items()} for k, v in entry["rows"].items()}
            lines = {key: doc.line_of((index, "rows", key)) for key in rows}
            return Justifications(shown, doc.line_of((index,)), rows, lines, True)
    return Justifications(shown, 1, {}, {}, False)


def justify(rows: list[Row], found: Justifications, lang: str, old: Side, new: Side,
            diags: Diagnostics) -> list[Row]:
    """The rows with their justifications in ``lang``; warnings for rows without one and for unknown keys."""
    out = [row if row.part else replace(row, justification=found.rows.get(row.key, {}).get(lang)) for row in rows]
    missing = [row for row in out if not row.part and row.justification is None]
    if missing and not found.found:
        diags.warning(found.path, 1, "J701", f"no justifications for {old.spec} -> {new.spec}: all {len(missing)} "
                      f"rows of the comparative table are flagged; add an entry with old: {old.spec}, "
                      f"new: {new.spec} and rows such as '{missing[0].key}'")
    elif missing:
        for row in missing:
            diags.warning(found.path, found.lines.get(row.key, found.line), "J701",
                          f"row {row.number} ({row.element}) has no justification in '{lang}': "
                          f"add '{row.key}' with '{lang}' under this version pair")
    keys = {row.key for row in rows}
    for key in sorted(set(found.rows) - keys):
        diags.warning(found.path, found.lines[key], "J702",
                      f"a justification for '{key}', which is no row of this comparative table")
    return out
