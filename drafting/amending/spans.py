"""Where each paragraph and point of an article file stands in its source: line spans from the parser's maps.

A unit's span runs from its marker line to its last non-blank line (the blank lines
around a unit belong to the file): the exact text an amending act quotes, and the
lines consolidation replaces (docs/amend.md). Spans come from markdown-it's own
line maps (``markup.body_tokens``, parsed as the reader parses), never a second
grammar; numbers are the markers as written.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafting.amending.instructions import UNNUMBERED
from drafting.profile import Profile
from drafting.source.markup import body_tokens, prepare
from drafting.source.yamldoc import split_front_matter


@dataclass(frozen=True)
class Span:
    """Lines ``start`` (its marker's line) to ``end`` (exclusive, after its last non-blank line), 0-based in the file."""

    start: int
    end: int


def unit_spans(text: str, profile: Profile) -> dict[tuple[str, ...], Span]:
    """Every paragraph and point of an article file by its path of numbers (``("2",)``, ``("2", "9")``;
    ``UNNUMBERED`` for the paragraph of an article without numbered paragraphs), in document order."""
    _, body, body_line = split_front_matter(text)
    offset = body_line - 1
    lines = text.split("\n")
    levels = (profile.paragraph_level, *profile.point_levels)
    _, markers = prepare(body, levels)
    spans: dict[tuple[str, ...], Span] = {}
    path: list[str] = []
    depth = 0  # ordered lists open
    numbered: bool | None = None  # whether the outermost list is the paragraphs
    for token in body_tokens(body, profile):
        if token.type == "ordered_list_open":
            depth += 1
            if numbered is None and token.map is not None:
                marker = markers.get(token.map[0])
                numbered = marker is not None and marker.matches(profile.paragraph_level)
                if not numbered:
                    path = [UNNUMBERED]
        elif token.type == "ordered_list_close":
            depth -= 1
        elif token.type == "list_item_open" and token.map is not None:
            keep = depth - 1 + (0 if numbered else 1)
            del path[keep:]
            marker = markers.get(token.map[0])
            path.append(marker.number if marker else token.info)
            end = token.map[1] + offset
            while end > token.map[0] + offset + 1 and not lines[end - 1].strip():
                end -= 1
            spans[tuple(path)] = Span(token.map[0] + offset, end)
    return spans


def unit_text(text: str, span: Span) -> str:
    """The unit's lines as they stand, each ending with a newline."""
    return "".join(line + "\n" for line in text.split("\n")[span.start:span.end])
