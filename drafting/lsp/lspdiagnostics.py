"""`check` findings as protocol diagnostics, and which files' diagnostics must be published again.

A finding has a line and a column; its range runs to the end of the link it
points into (a reference finding) or to the end of the line. Every finding
carries its code and a link to the table of codes in the README.
"""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from drafting.diagnostics import Diagnostic, Severity
from drafting.lsp.positions import Text, link_span
from drafting.resources import PACKAGE_ROOT

SOURCE_NAME = "drafting"
_README = PACKAGE_ROOT.parent / "README.md"
CODES_URL: str | None = (_README.as_uri() + "#what-is-checked") if _README.is_file() else None

Published = dict[str, list[types.Diagnostic]]  # uri -> what the client was last sent


def to_protocol(item: Diagnostic, text: Text | None) -> types.Diagnostic:
    severity = types.DiagnosticSeverity.Error if item.severity is Severity.ERROR else types.DiagnosticSeverity.Warning
    return types.Diagnostic(
        range=diagnostic_range(item, text),
        message=item.message,
        severity=severity,
        code=item.code,
        code_description=types.CodeDescription(href=CODES_URL) if CODES_URL else None,
        source=SOURCE_NAME,
    )


def diagnostic_range(item: Diagnostic, text: Text | None) -> types.Range:
    if text is None:
        start = types.Position(max(item.line - 1, 0), max(item.column - 1, 0))
        return types.Range(start, types.Position(start.line + 1, 0))
    line_start, line_end = text.line_span(item.line)
    offset = min(line_start + item.column - 1, line_end)
    for link in text.links():
        first, last = link_span(link)
        if first <= offset < last:
            return text.range(first, last)
    if offset >= line_end:  # nothing on the line after the column: mark the line
        offset = line_start
    return text.range(offset, max(line_end, offset + (1 if line_end == line_start else 0)))


def by_uri(items: list[Diagnostic], root: Path, texts: dict[str, Text]) -> dict[str, list[types.Diagnostic]]:
    """Group findings by file URI; paths are relative to ``root`` (or absolute, e.g. a bundled profile)."""
    grouped: dict[str, list[types.Diagnostic]] = {}
    for item in items:
        path = Path(item.path)
        uri = (path if path.is_absolute() else root / path).as_uri()
        grouped.setdefault(uri, []).append(to_protocol(item, texts.get(item.path)))
    return grouped


def changes(previous: Published, current: dict[str, list[types.Diagnostic]]) -> Published:
    """The files whose diagnostics differ from what was published (an empty list clears a file)."""
    out: Published = {}
    for uri in sorted(set(previous) | set(current)):
        now = current.get(uri, [])
        if previous.get(uri, []) != now:
            out[uri] = now
    return out
