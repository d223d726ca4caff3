"""Where each link is in the source: the reader's markdown-it parse, with the offsets of every link kept.

markdown-it gives block tokens their lines but inline tokens no columns. ``install``
wraps the parser's own ``link`` rule so that every ``link_open`` token carries the
span it was parsed from inside its inline text (``meta["span"]``). ``find_links``
maps those spans back to offsets in the file: a block's inline text is its source
lines with the block's indentation and markers taken off the front (and the end
trimmed), so each of its lines is the end of one source line. A link inside a code
span is no link token, and a link with a title is one: the tools that rewrite
references see exactly the links the reader sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkLabel
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token


@dataclass(frozen=True)
class LinkSpan:
    """A link as written: file offsets of its label text, its destination, and its end (after ``)``)."""

    start: int  # the '['
    text_start: int
    text_end: int
    href_start: int
    href_end: int
    end: int
    href: str  # the destination as written (without <>)


def install(md: MarkdownIt) -> None:
    """Make ``md``'s link rule record each link's span in its inline text (``meta["span"]``)."""
    rules = md.inline.ruler.__rules__
    original: Callable[[StateInline, bool], bool] = next(r.fn for r in rules if r.name == "link")
    if getattr(original, "records_spans", False):
        return

    def link(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        found = original(state, silent)
        opened = next((t for t in state.tokens[count:] if t.type == "link_open"), None) if found and not silent \
            else None  # pending text may be flushed into a token first
        if opened is not None:
            end, state.pos = state.pos, start
            opened.meta["span"] = _parts(state, start, end)
            state.pos = end
        return found

    link.records_spans = True  # type: ignore[attr-defined]
    md.inline.ruler.at("link", link)


def _parts(state: StateInline, start: int, end: int) -> tuple[int, int, int, int, int, int] | None:
    """(start, label start, label end, destination start, destination end, end) of the link just parsed,
    found with markdown-it's own label and destination parsers on the same inline state."""
    src = state.src
    label_end = parseLinkLabel(state, start, True)
    if label_end < 0 or label_end + 1 >= end or src[label_end + 1] != "(":
        return None  # a reference-style link: no destination written here
    pos = label_end + 2
    while pos < end and src[pos] in " \t\n":
        pos += 1
    result = parseLinkDestination(src, pos, end)
    if not result.ok:
        return None
    dest_start, dest_end = pos, result.pos
    if src.startswith("<", dest_start):
        dest_start, dest_end = dest_start + 1, dest_end - 1
    return start, start + 1, label_end, dest_start, dest_end, end


def _offsets(content: str, first_line: int, line_text: Callable[[int], tuple[int, str]]) -> list[int] | None:
    """File offset of the start of each line of ``content`` (an inline text whose first line is file line
    ``first_line``); None when a line is not the end of its source line."""
    starts = []
    for index, piece in enumerate(content.split("\n")):
        offset, source = line_text(first_line + index)
        for candidate in (source, source.rstrip(" \t")):
            if candidate.endswith(piece):
                starts.append(offset + len(candidate) - len(piece))
                break
        else:
            return None
    return starts


def find_links(tokens: list[Token], first_line: int,
               line_text: Callable[[int], tuple[int, str]]) -> Iterator[LinkSpan | None]:
    """Every link of a parsed body, in document order, as file offsets (None: one that cannot be placed).

    ``first_line`` is the file line of the body's first line; ``line_text(n)`` gives file line ``n``'s
    offset and text (without its line end).
    """
    block_line = 0
    for token in tokens:
        if token.map is not None:
            block_line = token.map[0]
        if token.type != "inline" or not token.children:
            continue
        spans = [child.meta.get("span") for child in token.children if child.type == "link_open"]
        if not spans:
            continue
        content = token.content
        starts = _offsets(content, first_line + block_line, line_text)
        if starts is None and "\n" not in content:  # a table cell: its text is somewhere on the row's line
            offset, source = line_text(first_line + block_line)
            column = source.find(content)
            starts = [offset + column] if column >= 0 else None
        line_starts = [0] + [i + 1 for i, char in enumerate(content) if char == "\n"]
        for parts in spans:
            if starts is None or parts is None:
                yield None
                continue

            def file_offset(position: int) -> int:
                line = max(i for i, s in enumerate(line_starts) if s <= position)
                return starts[line] + position - line_starts[line]

            start, label_start, label_end, dest_start, dest_end, end = parts
            yield LinkSpan(file_offset(start), file_offset(label_start), file_offset(label_end),
                           file_offset(dest_start), file_offset(dest_end), file_offset(end),
                           content[dest_start:dest_end])
