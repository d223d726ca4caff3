"""A source file as raw text with pending edits, for tools that rewrite sources.

Edits are made on the text exactly as it is on disk (a byte-order mark, CRLF
line ends, trailing spaces and every other byte kept), so that a rewrite
touches only the characters it means to change and the diff shows only the
lines that had to change. Line numbers are those of the model (1-based), which
the reader counts the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from drafting.profile import Profile

# A top-level `key: value` line of YAML with a plain or quoted scalar, and an optional comment.
_YAML_LINE = re.compile(r"^(?P<key>[A-Za-z_]+)(?P<sep>[ \t]*:[ \t]*)(?P<q>[\"']?)(?P<value>[^\"'#\s]+)(?P=q)"
                        r"(?P<rest>[ \t]*(?:#.*)?)$")
# The destination of a link to an article of this act: art:id or art:id/paragraph.
_ARTICLE_HREF = re.compile(r"art:(?P<id>[a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?:/(?P<para>[1-9][0-9]*(?:-[1-9][0-9]*)*))?")
_MARKER = {".": re.compile(r"^(?P<indent>[ \t]*)(?P<num>[0-9]+(?:-[0-9]+)*)\.(?=\s|$)"),
           ")": re.compile(r"^(?P<indent>[ \t]*)(?P<num>[0-9]+(?:-[0-9]+)*)\)(?=\s|$)")}


class EditConflict(Exception):
    """Two edits of one file overlap: a bug in the caller, never silently merged."""


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Link:
    text: str
    text_start: int
    href_start: int
    href_end: int
    target: str
    paragraph: str | None
    para_start: int  # offset of the paragraph digits in the href (when there are any)


@dataclass
class SourceText:
    rel: str  # path relative to the source root, POSIX
    raw: str  # the file as decoded, every character kept
    edits: list[Edit] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def read(cls, root: Path, rel: str) -> SourceText:
        return cls(rel, (root / rel).read_bytes().decode("utf-8"))

    def __post_init__(self) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", self.raw)]

    # -- positions -------------------------------------------------------------------------

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of a 1-based line's content (without its line end)."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self.raw)
        if end > start and self.raw[end - 1] == "\r":
            end -= 1
        if line == 1 and self.raw.startswith("\ufeff"):
            start += 1
        return start, end

    def line(self, line: int) -> str:
        start, end = self.line_span(line)
        return self.raw[start:end]

    @property
    def lines(self) -> int:
        return len(self._starts)

    def offset_of_line(self, line: int) -> int:
        return self._starts[min(line, len(self._starts)) - 1]

    # -- edits --------------------------------------------------------------------------------

    def replace(self, start: int, end: int, text: str) -> None:
        if self.raw[start:end] != text:
            self.edits.append(Edit(start, end, text))

    def set_yaml_value(self, line: int, key: str, value: str, search_to: int = 0) -> bool:
        """Set a top-level ``key: value`` on ``line`` (or the first such line up to ``search_to``)."""
        candidates = [line] + list(range(1, min(search_to, self.lines) + 1))
        for number in candidates:
            if number < 1 or number > self.lines:
                continue
            start, _ = self.line_span(number)
            match = _YAML_LINE.match(self.line(number))
            if match and match.group("key") == key:
                self.replace(start + match.start("value"), start + match.end("value"), value)
                return True
        return False

    def set_marker(self, line: int, kind: str, number: str) -> bool:
        """Renumber the list marker (``3.`` or ``3)``) at the start of ``line``."""
        match = _MARKER[kind].match(self.line(line))
        if not match:
            return False
        start, _ = self.line_span(line)
        self.replace(start + match.start("num"), start + match.end("num"), number)
        return True

    def set_list_number(self, line: int, format: str, old: str, new: str) -> bool:
        """Renumber the list marker written in ``format`` (``({n})``, ``{n})``, ``§ {n}``) at the start of ``line``."""
        head, _, tail = format.partition("{n}")
        text = self.line(line)
        indent = len(text) - len(text.lstrip(" \t"))
        marker = f"{head.strip()}{old}{tail.strip()}"
        if not text[indent:].startswith(marker):
            return False
        start, _ = self.line_span(line)
        at = start + indent + len(head.strip())
        self.replace(at, at + len(old), new)
        return True

    def links(self, from_line: int = 1, profile: Profile | None = None) -> Iterator[Link]:
        """Every link to an article (``[text](art:ID)``, ``art:ID/PARAGRAPH``) in the body, from ``from_line`` on.

        The links are those of the reader's own markdown-it parse (``drafting.source.linkspans``): a link
        with a title is one, a link written inside a code span is none.
        """
        from drafting.source.linkspans import find_links
        from drafting.source.markup import body_tokens
        from drafting.source.yamldoc import split_front_matter

        _, body, body_line = split_front_matter(self.raw.removeprefix("\ufeff").replace("\r\n", "\n"))
        floor = self.offset_of_line(from_line)

        def line_text(number: int) -> tuple[int, str]:
            if number > self.lines:
                return len(self.raw), ""
            return self.line_span(number)[0], self.line(number)

        for span in find_links(body_tokens(body, profile), body_line, line_text):
            if span is None or span.start < floor:
                continue
            match = _ARTICLE_HREF.fullmatch(span.href)
            if match is None:
                continue
            para_start = span.href_start + match.start("para") if match.group("para") else span.href_end
            yield Link(self.raw[span.text_start:span.text_end], span.text_start, span.href_start, span.href_end,
                       match.group("id"), match.group("para"), para_start)

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def result(self) -> str:
        out: list[str] = []
        position = 0
        for edit in sorted(self.edits, key=lambda e: (e.start, e.end)):
            if edit.start < position:
                raise EditConflict(f"{self.rel}: overlapping edits at offset {edit.start}")
            out.append(self.raw[position:edit.start])
            out.append(edit.text)
            position = edit.end
        out.append(self.raw[position:])
        return "".join(out)

    def changed_lines(self) -> list[int]:
        return sorted({self.raw.count("\n", 0, edit.start) + 1 for edit in self.edits})
