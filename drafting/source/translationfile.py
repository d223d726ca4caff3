"""``translations.yaml``: what every language of every unit was last aligned with, read and written.

The file sits at the work's root beside ``work.yaml``; ``drafting translations
mark`` writes it, one line per unit (``art:ID/N: {kk: HASH, ru: HASH, en: HASH}``),
in the text's reading order, so a diff shows which units were marked. It is read
through ``yamldoc`` (positions, bounded work) and checked against
``schemas/translations.schema.json``; a malformed file is F201/F203 at its line.
"""

from __future__ import annotations

from functools import lru_cache

from drafting.checks.instep import Hashes, every_unit, out_of_step, report
from drafting.diagnostics import Diagnostic, Diagnostics
from drafting.model import Work
from drafting.source.reader import TRANSLATIONS_FILE
from drafting.source.yamldoc import parse_yaml, validate

__all__ = ["TRANSLATIONS_FILE", "read_marks", "write_marks", "check_marks"]
HEADER = ("# Which text every language of each unit was last aligned with (docs/translations.md).\n"
          "# Written by 'drafting translations mark'; 'drafting check' warns (A409) when a unit changed\n"
          "# in one language and not in those that follow it. Schema: schemas/translations.schema.json.\n")


def read_marks(text: str, display: str, diags: Diagnostics) -> Hashes | None:
    """The recorded hashes, or None (with F201/F202/F203/F207 in ``diags``) when the file is malformed.

    The same text is read once per process (the language server checks the tree after every edit, and the
    file changes only when the translations are marked): its hashes and findings are kept, a copy given out."""
    table, findings = _read(text, display)
    diags.items.extend(findings)
    return {key: dict(langs) for key, langs in table.items()} if table is not None else None


@lru_cache(maxsize=8)
def _read(text: str, display: str) -> tuple[Hashes | None, tuple[Diagnostic, ...]]:
    found = Diagnostics()
    doc = parse_yaml(text, display, 1, found)
    if doc is None or not validate(doc, "translations", display, found):
        return None, tuple(found.items)
    return ({str(key): {str(lang): str(value) for lang, value in langs.items()}
             for key, langs in doc.data["units"].items()}, tuple(found.items))


def write_marks(table: Hashes) -> str:
    """The file's text: one flow mapping per unit, hashes quoted (a hash of digits only is not a number)."""
    lines = [HEADER, "units:\n"]
    for key, langs in table.items():
        inner = ", ".join(f'{lang}: "{value}"' for lang, value in langs.items())
        lines.append(f"  {key}: {{{inner}}}\n")
    if not table:
        lines[-1] = "units: {}\n"
    return "".join(lines)


def check_marks(work: Work, text: str, display: str, diags: Diagnostics) -> None:
    """A409 for every unit and language out of step with what the file records."""
    recorded = read_marks(text, display, diags)
    if recorded is not None:
        report(out_of_step(recorded, every_unit(work), work.meta), diags)
