"""Where each paragraph and point of an article file stands in its source text, by line.

A unit's span is the lines of its list item as markdown-it maps it (the same parse
the reader makes, ``markup.body_tokens``), from the line of its marker to its last
line that is not blank: the blank lines around a unit belong to the file, not to the
unit (docs/amend.md, "Quoted structure"). The text of a span is exactly what an
amending act quotes and what a restatement replaces, so that replacing a unit's span
in one version by the span of the same unit in another gives that other version byte
for byte (when the blank lines between units are the same in both).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting.profile import Profile
from drafting.source.markup import body_tokens, prepare
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
        for child in self.children:
            if child.num == num:
                return child
        return None


@dataclass
class ArticleSpans:
    """An article file's layout: its front matter lines, and a root span (the body) holding the paragraphs."""

    lines: list[str]  # the file's lines, each with its line end
    front_end: int  # the first line of the body
    root: UnitSpan

    def find(self, path: tuple[str, ...]) -> UnitSpan | None:
        unit: UnitSpan | None = self.root
        for num in path:
            unit = unit.child(num) if unit is not None else None
        return unit

    def text(self, unit: UnitSpan) -> str:
        return "".join(self.lines[unit.start:unit.end])


def split_lines(text: str) -> list[str]:
    """The text's lines split at "\\n" only, each keeping its line end (the last one may have none)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    return lines + ([parts[-1]] if parts[-1] else [])


def article_spans(text: str, profile: Profile) -> ArticleSpans:
    """The spans of every paragraph and point of an article file's text."""
    lines = split_lines(text)
    _, body, body_start = split_front_matter(text.removeprefix("\ufeff"))
    offset = body_start - 1
    root = UnitSpan((), offset, len(lines))
    levels = (profile.paragraph_level, *profile.point_levels)
    _, markers = prepare(body, levels)
    stack: list[UnitSpan] = [root]
    for token in body_tokens(body, profile):
        if token.type == "list_item_open" and token.map is not None:
            parent = stack[-1]
            marker = markers.get(token.map[0])
            num = marker.number if marker else (token.info or "")
            end = offset + token.map[1]
            while end > offset + token.map[0] + 1 and not lines[end - 1].strip():
                end -= 1
            unit = UnitSpan((*parent.path, num), offset + token.map[0], end)
            parent.children.append(unit)
            stack.append(unit)
        elif token.type == "list_item_close":
            stack.pop()
    if not root.children:  # a single unnumbered paragraph: the body itself
        root.path = ()
    return ArticleSpans(lines, offset, root)
