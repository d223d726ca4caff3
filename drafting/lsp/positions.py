"""Positions between the model (1-based lines, columns in characters) and the protocol (0-based, client code units).

The client counts columns in UTF-16 code units unless it negotiated another
encoding; pygls' position codec converts, given the line's text. The link
under the cursor is found with the same link reader renumbering uses
(``SourceText.links``), so both agree on where a reference starts and ends.
"""

from __future__ import annotations

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from drafting.source.sourcetext import Link, SourceText


class Text:
    """One file's text with its line starts, converting offsets and protocol positions."""

    def __init__(self, rel: str, raw: str, codec: PositionCodec) -> None:
        self.rel = rel
        self.raw = raw
        self.codec = codec
        self.lines = raw.split("\n")
        self._starts = [0]
        for line in self.lines[:-1]:
            self._starts.append(self._starts[-1] + len(line) + 1)

    def position(self, offset: int) -> types.Position:
        """The protocol position of a character offset."""
        offset = max(0, min(offset, len(self.raw)))
        line = _bisect(self._starts, offset)
        return self.codec.position_to_client_units(self.lines, types.Position(line, offset - self._starts[line]))

    def position_at(self, line: int, column: int) -> types.Position:
        """The protocol position of a model position (1-based line and column)."""
        index = min(max(line - 1, 0), len(self.lines) - 1)
        return self.position(self._starts[index] + min(max(column - 1, 0), len(self.lines[index])))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def offset(self, position: types.Position) -> int:
        """The character offset of a protocol position (clamped to the text)."""
        if position.line >= len(self.lines):
            return len(self.raw)
        server = self.codec.position_from_client_units(self.lines, position)
        line = max(0, server.line)
        return self._starts[line] + min(server.character, len(self.lines[line]))

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of a 1-based line's content."""
        index = min(max(line - 1, 0), len(self.lines) - 1)
        start = self._starts[index]
        return start, start + len(self.lines[index].rstrip("\r"))

    def links(self) -> list[Link]:
        return list(SourceText(self.rel, self.raw).links())

    def link_at(self, offset: int) -> Link | None:
        """The ``[text](art:...)`` link that holds ``offset`` (from its '[' to its ')'), if any."""
        for link in self.links():
            if link.text_start - 1 <= offset <= link.href_end + 1:
                return link
        return None


def _bisect(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return low


def link_span(link: Link) -> tuple[int, int]:
    """Offsets of the whole link, '[' to ')'."""
    return link.text_start - 1, link.href_end + 1
