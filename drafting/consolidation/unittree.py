"""An article file's paragraphs and points as a tree of line spans, for applying instructions to its text.

The spans are ``drafting.amending.spans``' (markdown-it's own line maps, from a unit's
marker line to its last non-blank line: the text an amending act quotes); this module
arranges them as a tree (a unit's children in document order) under a root that is
the article's body, so that an instruction finds its unit by number path, its
siblings, and the lines around it. An unnumbered paragraph (UNNUMBERED in a path)
is the body itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting.amending.instructions import UNNUMBERED
from drafting.amending.spans import unit_spans
from drafting.profile import Profile
from drafting.source.yamldoc import split_front_matter


@dataclass
class UnitSpan:
    """One paragraph, point or sub-point: its number path and its lines (0-based, ``end`` exclusive) in the file."""

    path: tuple[str, ...]
    start: int
    end: int
    children: list[UnitSpan] = field(default_factory=list)

    @property
    def num(self) -> str:
        return self.path[-1] if self.path else ""

    def child(self, num: str) -> UnitSpan | None:
        return next((child for child in self.children if child.num == num), None)


@dataclass
class ArticleSpans:
    """An article file's lines and its units under a root span (the body)."""

    lines: list[str]  # the file's lines, each with its line end
    root: UnitSpan

    def find(self, path: tuple[str, ...]) -> UnitSpan | None:
        """The unit at ``path`` (an unnumbered paragraph's is the body)."""
        unit: UnitSpan | None = self.root
        for num in path[1:] if path[:1] == (UNNUMBERED,) else path:
            unit = unit.child(num) if unit is not None else None
        return unit

    def text(self, unit: UnitSpan) -> str:
        return "".join(self.lines[unit.start:unit.end])


def split_lines(text: str) -> list[str]:
    """The text's lines split at "\\n" only, each keeping its line end (the last one may have none)."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def article_spans(text: str, profile: Profile) -> ArticleSpans:
    lines = split_lines(text)
    _, _, body_start = split_front_matter(text)
    end = len(lines)
    while end > body_start and not lines[end - 1].strip():
        end -= 1  # the body ends at its last non-blank line, as a unit does
    root = UnitSpan((), body_start - 1, end)
    nodes: dict[tuple[str, ...], UnitSpan] = {(): root}
    for path, span in unit_spans(text, profile).items():
        own = path[1:] if path[:1] == (UNNUMBERED,) else path
        unit = UnitSpan(own, span.start, span.end)
        parent = nodes.get(own[:-1], root)
        parent.children.append(unit)
        nodes[own] = unit
    return ArticleSpans(lines, root)
