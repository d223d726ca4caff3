"""Article, annex and preamble bodies: Markdown (markdown-it-py, CommonMark, raw HTML off, pipe tables,
footnotes) into paragraphs, points to the depth the profile allows, tables and inline nodes, each with its line.

List markers in the profile's styles (``а)``, ``(a)``, ``(iv)``) and inserted numbers
(``3-1.``, ``9A)``) are not CommonMark list markers. Before parsing, each such marker
becomes a placeholder of the same width (``0…01`` and the list delimiter, so that
indentation is unchanged and a list may still interrupt a paragraph); the marker as
written is remembered by line, and the level a list belongs to is decided by its
nesting and the profile's marker formats.
"""

from __future__ import annotations

import re
from typing import Any
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.footnote import footnote_plugin

from drafting.diagnostics import Diagnostics
from drafting.model import (Emphasis, Inline, InlineSeq, Loc, Note, Paragraph, Point, QuotedStructure, Ref, Strong,
                            Table, TableCell, TableRow, Term, Text, plain_text)
from drafting.numbering import parse_number
from drafting.profile import Level, Profile
from drafting.source.linkspans import install as install_link_spans

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_MD.disable(["html_block", "html_inline"])
_MD.enable("table")
_MD.use(footnote_plugin)
install_link_spans(_MD)  # links carry their source span, for the tools that rewrite references


def _note_lines(state: StateCore) -> None:
    """Keep the line of every footnote definition (the plugin's tail drops those never referenced)."""
    lines = state.env.setdefault("footnote_lines", {})
    for token in state.tokens:
        if token.type == "footnote_reference_open" and token.map is not None:
            lines.setdefault(str(token.meta["label"]), token.map[0])


_MD.core.ruler.before("footnote_tail", "footnote_lines", _note_lines)
# Parse every link and image, whatever its scheme, so that each one is refused
# with a diagnostic below instead of silently staying literal text.
_MD.validateLink = lambda url: True  # type: ignore[method-assign]

# A list marker of any style at the start of a line: an optional "(", a number, "." or ")".
_MARKER = re.compile(r"^(\s*)(\(?)([0-9A-Za-z\u0430-\u044f\u0451]{1,8}(?:-[1-9][0-9]*)*)([.)])(?=\s|$)")
_NATIVE = re.compile(r"[0-9]{1,9}")
_SLUG = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*"
# another act of the repository by its short name: constitution:art:ID
_WORK = rf"(?:({_SLUG}):)?"
_REF_HREF = re.compile(rf"^{_WORK}art:({_SLUG})(?:/([1-9][0-9]*[A-Z]*(?:-[1-9][0-9]*)*|0)"
                       r"((?:/[0-9A-Za-z\u0430-\u044f\u0451]{1,8}(?:-[1-9][0-9]*)*)*))?$")
_ANNEX_HREF = re.compile(rf"^{_WORK}annex:({_SLUG})$")
_CONTAINER_HREF = re.compile(rf"^({_SLUG}):container:({_SLUG})$")  # an amending act names a section it retitles
_TERM_HREF = re.compile(rf"^(def|term):({_SLUG})$")
_TODO = re.compile(r"\bTODO\b")
_STYLE_PATTERNS = {"arabic": "[1-9][0-9]*", "roman": "[IVXLCDM]+", "roman-lower": "[ivxlcdm]+", "alpha": "[a-z]+",
                   "alpha-upper": "[A-Z]+", "cyrillic": "[\u0430-\u044f]+"}
_DEFAULT_PROFILE = Profile(name="(default)")


@dataclass(frozen=True)
class Marker:
    """A list marker as written: ``(`` + ``a`` + ``)``."""

    prefix: str
    number: str
    suffix: str

    @property
    def text(self) -> str:
        return f"{self.prefix}{self.number}{self.suffix}"

    def matches(self, level: Level) -> bool:
        return _matches(self.prefix, self.number, self.suffix, level.format, level.style, level.inserted)


@lru_cache(maxsize=4096)
def _matches(prefix: str, number: str, suffix: str, fmt: str, style: str, inserted: str | None) -> bool:
    """Whether a marker is one of a level's (format, style, inserted numbers); a few markers recur everywhere."""
    head, _, tail = fmt.partition("{n}")
    if prefix != head.strip() or suffix != tail.strip():
        return False
    allowed = {"dash": "(?:-[1-9][0-9]*)*", "letter": "[A-Z]*", "latin": "(?:-[a-z]+)?",
               "latin-space": "(?: [a-z]+)?"}.get(inserted or "dash", "")
    if not re.fullmatch(_STYLE_PATTERNS.get(style, "[1-9][0-9]*") + allowed, number):
        return False
    return parse_number(number, style, inserted or "dash") is not None


@dataclass
class BodyContext:
    display: str  # path shown in diagnostics
    first_line: int  # file line (1-based) of the body's first line
    lines: list[str]  # the body's source lines, for exact reference positions
    diags: Diagnostics
    markers: dict[int, Marker] = field(default_factory=dict)  # body line index -> marker as written
    profile: Profile = _DEFAULT_PROFILE
    notes: dict[int, tuple[str, InlineSeq, Loc]] = field(default_factory=dict)  # footnote id -> label, text, loc
    used_notes: set[int] = field(default_factory=set)

    def loc(self, index: int, column: int = 1) -> Loc:
        return Loc(self.display, self.first_line + index, column)


def prepare(body: str, levels: tuple[Level, ...] = ()) -> tuple[str, dict[int, Marker]]:
    """The body with every list marker of ``levels`` that CommonMark does not know replaced by a same-width
    placeholder, and the markers as written by line."""
    markers: dict[int, Marker] = {}
    out = []
    for index, line in enumerate(body.split("\n")):
        match = _MARKER.match(line)
        if match:
            marker = Marker(match.group(2), match.group(3), match.group(4))
            markers[index] = marker
            native = not match.group(2) and _NATIVE.fullmatch(match.group(3))
            if not native and any(marker.matches(level) for level in levels):
                width = len(marker.text) - 1
                line = match.group(1) + "0" * (width - 1) + "1" + match.group(4) + line[match.end(4):]
        out.append(line)
    return "\n".join(out), markers


def _parse(body: str, display: str, first_line: int, diags: Diagnostics,
           profile: Profile | None, lists: bool = True) -> tuple[list[SyntaxTreeNode], BodyContext]:
    chosen = profile or _DEFAULT_PROFILE
    inside = (chosen.paragraph_level, *chosen.point_levels) if lists else ()
    prepared, markers = prepare(body, inside)
    ctx = BodyContext(display, first_line, body.split("\n"), diags, markers, chosen)
    blocks = []
    env: dict[str, Any] = {}
    for block in SyntaxTreeNode(_MD.parse(prepared, env)).children:
        if block.type == "footnote_block":
            _footnote_definitions(block, ctx)
        else:
            blocks.append(block)
    refs = env.get("footnotes", {}).get("refs", {})
    for label, line in sorted(env.get("footnote_lines", {}).items(), key=lambda item: item[1]):
        if refs.get(f":{label}", -1) < 0:  # defined, never marked: the plugin dropped it
            diags.warning(display, first_line + line, "M605", f"footnote [^{label}] is defined but never referenced")
    return blocks, ctx


def body_tokens(body: str, profile: Profile | None = None, lists: bool = True) -> list[Token]:
    """The markdown-it tokens of a body exactly as the reader parses it (for tools that rewrite sources)."""
    chosen = profile or _DEFAULT_PROFILE
    return _MD.parse(prepare(body, (chosen.paragraph_level, *chosen.point_levels) if lists else ())[0], {})


def parse_article_body(body: str, display: str, first_line: int, diags: Diagnostics,
                       profile: Profile | None = None) -> tuple[Paragraph, ...]:
    blocks, ctx = _parse(body, display, first_line, diags, profile)
    if not blocks:
        diags.error(display, first_line, "M604", "the article has no text")
        return ()
    paragraph_level = ctx.profile.paragraph_level
    numbered = [b for b in blocks if b.type == "ordered_list" and _list_matches(b, paragraph_level, ctx)]
    if numbered:
        paragraphs: list[Paragraph] = []
        for block in blocks:
            if block.type == "ordered_list" and _list_matches(block, paragraph_level, ctx):
                paragraphs.extend(_numbered_paragraph(item, ctx) for item in block.children)
            else:
                _unexpected(block, ctx, "text outside the numbered paragraphs: number it, or indent it under its paragraph")
        result: tuple[Paragraph, ...] = tuple(paragraphs)
    else:
        result = (_unnumbered_paragraph(blocks, ctx),)
    _unused_notes(ctx)
    return result


def parse_annex_body(body: str, display: str, first_line: int, diags: Diagnostics,
                     profile: Profile | None = None) -> tuple[Paragraph, ...]:
    """An annex: blocks of text, numbered paragraphs with their points, and tables, in order."""
    blocks, ctx = _parse(body, display, first_line, diags, profile)
    paragraphs: list[Paragraph] = []
    paragraph_level = ctx.profile.paragraph_level
    pending: list[SyntaxTreeNode] = []

    def flush() -> None:
        if pending:
            paragraphs.append(_unnumbered_paragraph(list(pending), ctx))
            pending.clear()

    for block in blocks:
        if block.type == "ordered_list" and _list_matches(block, paragraph_level, ctx):
            flush()
            paragraphs.extend(_numbered_paragraph(item, ctx) for item in block.children)
        elif block.type == "paragraph":
            flush()
            pending.append(block)
        elif block.type in ("table", "ordered_list"):
            pending.append(block)
        else:
            _unexpected(block, ctx, "an annex holds text, numbered lists and tables")
    flush()
    if not paragraphs:
        diags.error(display, first_line, "M604", "the annex has no text")
    _unused_notes(ctx)
    return tuple(paragraphs)


def parse_preamble_body(body: str, display: str, first_line: int, diags: Diagnostics,
                        what: str = "the preamble") -> tuple[InlineSeq, ...]:
    """Plain paragraphs of text: a preamble, or a container's intro or wrap-up (``what`` names it in messages)."""
    blocks, ctx = _parse(body, display, first_line, diags, None, lists=False)
    paragraphs: list[InlineSeq] = []
    for block in blocks:
        if block.type == "paragraph":
            paragraphs.append(_inline(block, ctx))
        else:
            _unexpected(block, ctx, f"{what} is plain paragraphs of text")
    if not paragraphs:
        diags.error(display, first_line, "M604", f"{what} has no text")
    _unused_notes(ctx)
    return tuple(paragraphs)


def _line(node: SyntaxTreeNode) -> int:
    return node.map[0] if node.map else 0


def _describe(node: SyntaxTreeNode, ctx: BodyContext | None = None) -> str:
    if node.type == "ordered_list" and ctx is not None:
        marker = _marker_of(node.children[0], ctx) if node.children else None
        return f"a list numbered '{marker.text}'" if marker else f"a list numbered '1{node.markup}'"
    names = {"heading": "a heading", "bullet_list": "a bulleted list", "code_block": "an indented code block",
             "fence": "a code block", "blockquote": "a quotation block", "hr": "a horizontal rule",
             "ordered_list": f"a list numbered '1{node.markup}'", "paragraph": "a block of text", "table": "a table"}
    return names.get(node.type, node.type)


def _unexpected(node: SyntaxTreeNode, ctx: BodyContext, hint: str) -> None:
    ctx.diags.error(ctx.display, ctx.first_line + _line(node), "M601", f"unexpected {_describe(node, ctx)}: {hint}")


def _marker_of(item: SyntaxTreeNode, ctx: BodyContext) -> Marker | None:
    return ctx.markers.get(_line(item))


def _list_matches(block: SyntaxTreeNode, level: Level, ctx: BodyContext) -> bool:
    marker = _marker_of(block.children[0], ctx) if block.children else None
    return marker is not None and marker.matches(level)


def _item_number(item: SyntaxTreeNode, ctx: BodyContext) -> str:
    marker = _marker_of(item, ctx)
    return marker.number if marker else (item.info or "")


def _numbered_paragraph(item: SyntaxTreeNode, ctx: BodyContext) -> Paragraph:
    num = _item_number(item, ctx)
    text, tables, points, wrapup = _content(list(item.children), ctx, _line(item), 1, "paragraph")
    return Paragraph(num, text, ctx.loc(_line(item)), points, wrapup, tables)


def _unnumbered_paragraph(blocks: list[SyntaxTreeNode], ctx: BodyContext) -> Paragraph:
    text, tables, points, wrapup = _content(blocks, ctx, _line(blocks[0]), 1, "paragraph")
    return Paragraph(None, text, ctx.loc(_line(blocks[0])), points, wrapup, tables)


def _content(blocks: list[SyntaxTreeNode], ctx: BodyContext, start: int, depth: int, what: str,
             quoted: list[QuotedStructure] | None = None
             ) -> tuple[InlineSeq, tuple[Table, ...], tuple[Point, ...], InlineSeq]:
    """Text, tables, the points at ``depth`` (1: a paragraph's points) and closing text; a point's
    ``quoted`` fences into ``quoted`` where the profile has quoted structure."""
    text: InlineSeq = ()
    tables: list[Table] = []
    points: list[Point] = []
    wrapup: InlineSeq = ()
    levels = ctx.profile.point_levels or (ctx.profile.point_level(1),)
    level = levels[depth - 1] if depth <= len(levels) else None
    for block in blocks:
        if block.type == "paragraph":
            if not points and not text and not tables:
                text = _inline(block, ctx)
            elif points and not wrapup:
                wrapup = _inline(block, ctx)
            else:
                _unexpected(block, ctx, f"a {what} holds one block of text, its tables and points, "
                                        "then at most one closing block")
        elif block.type == "table" and not points:
            tables.append(_table(block, ctx))
        elif block.type == "fence" and quoted is not None and ctx.profile.quoted \
                and block.info.split(" ")[0] == "quoted" and not points:
            quoted.append(_quoted(block, ctx))
        elif block.type == "ordered_list" and level is not None and _list_matches(block, level, ctx) \
                and not points and not wrapup:
            points.extend(_point(item, ctx, depth) for item in block.children)
        elif block.type == "ordered_list":
            if level is None:
                hint = f"the profile '{ctx.profile.name}' has no level below this one"
            else:
                hint = f"{'points' if depth == 1 else 'sub-points'} here are numbered {level.marker('1')} " \
                       f"({level.name}, {level.style})"
            _unexpected(block, ctx, hint)
        else:
            _unexpected(block, ctx, f"a {what} holds text, tables and points only")
    if not text and not points and not tables:
        ctx.diags.error(ctx.display, ctx.first_line + start, "M604", f"empty {what}")
    return text, tuple(tables), tuple(points), wrapup


def _point(item: SyntaxTreeNode, ctx: BodyContext, depth: int) -> Point:
    num = _item_number(item, ctx)
    quoted: list[QuotedStructure] = []
    text, tables, points, wrapup = _content(list(item.children), ctx, _line(item), depth + 1, "point", quoted)
    return Point(num, text, ctx.loc(_line(item)), points, tables, wrapup, tuple(quoted))


def _quoted(block: SyntaxTreeNode, ctx: BodyContext) -> QuotedStructure:
    """A ``quoted`` fence's content from the source lines as written (the parsed body has list markers
    replaced by placeholders): each line loses at most the opening fence's indentation."""
    first, end = block.map or (0, 1)
    opening = ctx.lines[first]
    indent = len(opening) - len(opening.lstrip(" "))
    fence = opening.strip()[:len(block.markup)]
    last = end - 1
    closed = last > first and last < len(ctx.lines) and ctx.lines[last].strip().startswith(fence) \
        and not ctx.lines[last].strip().strip(fence[0])
    lines = ctx.lines[first + 1:last if closed else end]
    text = "".join(line[min(indent, len(line) - len(line.lstrip(" "))):] + "\n" for line in lines)
    info = block.info.split(" ", 1)[1].strip() if " " in block.info else ""
    return QuotedStructure(text, info, ctx.loc(first))


def _table(block: SyntaxTreeNode, ctx: BodyContext) -> Table:
    rows: list[TableRow] = []
    for part in block.children:
        header = part.type == "thead"
        for row in part.children:
            cells = []
            for cell in row.children:
                style = str(cell.attrs.get("style", ""))
                align = style.removeprefix("text-align:") if style.startswith("text-align:") else None
                cells.append(TableCell(_inline(cell, ctx, _line(row)), cell.type == "th", align))
            rows.append(TableRow(tuple(cells), ctx.loc(_line(row)), header))
    return Table(tuple(rows), ctx.loc(_line(block)))


def _footnote_definitions(block: SyntaxTreeNode, ctx: BodyContext) -> None:
    for note in block.children:
        ident = int(note.meta.get("id", 0))
        label = str(note.meta.get("label", ident + 1))
        parts: list[Inline] = []
        line = 0
        for para in note.children:
            if para.type != "paragraph":
                _unexpected(para, ctx, "a footnote is one block of text")
                continue
            if not parts:
                line = _line(para)
            else:
                parts.append(Text(" "))
            parts.extend(_inline(para, ctx))
        ctx.notes[ident] = (label, _merge_text(parts), ctx.loc(line))


def _unused_notes(ctx: BodyContext) -> None:
    for ident, (label, _, loc) in sorted(ctx.notes.items()):
        if ident not in ctx.used_notes:
            ctx.diags.warning(loc.path, loc.line, "M605", f"footnote [^{label}] is defined but never referenced")


def _inline(block: SyntaxTreeNode, ctx: BodyContext, line: int | None = None) -> InlineSeq:
    inline = block.children[0] if block.children else None
    if inline is None or inline.type != "inline":
        return ()
    start = _line(block) if line is None else line
    end = block.map[1] if block.map else start + 1
    result = _convert(list(inline.children), ctx, start, end)
    merged = _merge_text(result)
    _check_todo(merged, ctx, start)
    return merged


def _convert(nodes: list[SyntaxTreeNode], ctx: BodyContext, start: int, end: int) -> list[Inline]:
    out: list[Inline] = []
    for node in nodes:
        kind = node.type
        if kind == "text":
            out.append(Text(node.content))
        elif kind in ("softbreak", "hardbreak"):
            out.append(Text(" "))
        elif kind == "code_inline":
            out.append(Text(node.content))
        elif kind == "em":
            out.append(Emphasis(tuple(_merge_text(_convert(list(node.children), ctx, start, end)))))
        elif kind == "strong":
            out.append(Strong(tuple(_merge_text(_convert(list(node.children), ctx, start, end)))))
        elif kind == "link":
            out.extend(_link(node, ctx, start, end))
        elif kind == "footnote_ref":
            out.append(_note(node, ctx, start, end))
        elif kind == "footnote_anchor":
            continue
        elif kind == "image":
            href = str(node.attrs.get("src", ""))
            line, col = _find(ctx, start, end, href)
            ctx.diags.error(ctx.display, line, "R503", f"images are not allowed in the text (refused: {href!r})", col)
        else:
            out.append(Text(node.content))
    return out


def _note(node: SyntaxTreeNode, ctx: BodyContext, start: int, end: int) -> Inline:
    ident = int(node.meta.get("id", 0))
    label = str(node.meta.get("label", ident + 1))
    line, col = _find(ctx, start, end, f"[^{label}]")
    if ident in ctx.used_notes:
        ctx.diags.error(ctx.display, line, "M605", f"footnote [^{label}] is referenced twice: one mark, one note", col)
    ctx.used_notes.add(ident)
    _, text, _ = ctx.notes.get(ident, (label, (), ctx.loc(start)))
    return Note(label, text, Loc(ctx.display, line, col))


def _link(node: SyntaxTreeNode, ctx: BodyContext, start: int, end: int) -> list[Inline]:
    href = str(node.attrs.get("href", ""))
    children = _merge_text(_convert(list(node.children), ctx, start, end))
    line, col = _find(ctx, start, end, href)
    loc = Loc(ctx.display, line, col)
    match = _REF_HREF.match(href)
    if match:
        points = tuple(match.group(4).split("/")[1:]) if match.group(4) else ()
        return [Ref(match.group(2), match.group(3), tuple(children), loc, "article", match.group(1), points)]
    annex = _ANNEX_HREF.match(href)
    if annex:
        return [Ref(annex.group(2), None, tuple(children), loc, "annex", annex.group(1))]
    container = _CONTAINER_HREF.match(href)
    if container:
        return [Ref(container.group(2), None, tuple(children), loc, "container", container.group(1))]
    term = _TERM_HREF.match(href)
    if term:
        if not children:
            ctx.diags.error(ctx.display, line, "R505", f"a defined term needs its words: [the term]({href})", col)
        return [Term(term.group(2), tuple(children), loc, term.group(1) == "def")]
    ctx.diags.error(ctx.display, line, "R503",
                    "links may only point at articles, as (art:ID) or (art:ID/PARAGRAPH), at annexes (annex:ID) "
                    f"or at defined terms (def:ID, term:ID); refused: {href!r}", col)
    return list(children)


def _find(ctx: BodyContext, start: int, end: int, needle: str) -> tuple[int, int]:
    for index in range(start, min(end, len(ctx.lines))):
        col = ctx.lines[index].find(needle) if needle else -1
        if col >= 0:
            return ctx.first_line + index, col + 1
    return ctx.first_line + start, 1


def _merge_text(nodes: list[Inline]) -> InlineSeq:
    merged: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].value + node.value)
        elif isinstance(node, Text) and not node.value:
            continue
        else:
            merged.append(node)
    return tuple(merged)


def _check_todo(seq: InlineSeq, ctx: BodyContext, start: int) -> None:
    if _TODO.search(plain_text(seq)):
        ctx.diags.warning(ctx.display, ctx.first_line + start, "M602", "unfinished text (TODO)")
