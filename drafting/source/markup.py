"""Article and preamble bodies: Markdown (markdown-it-py, CommonMark, raw HTML off)
into paragraphs, points and inline nodes, each with its file line.

Inserted numbers such as ``3-1.`` are not CommonMark list markers; before parsing,
their dashes become zeros (same width, so indentation is unchanged) and the real
number is remembered by line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from drafting.diagnostics import Diagnostics
from drafting.model import Emphasis, Inline, InlineSeq, Loc, Paragraph, Point, Ref, Strong, Text, plain_text

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_MD.disable(["html_block", "html_inline"])
# Parse every link and image, whatever its scheme, so that each one is refused
# with a diagnostic below instead of silently staying literal text.
_MD.validateLink = lambda url: True  # type: ignore[method-assign]
_INSERTED_MARKER = re.compile(r"^(\s*)([1-9][0-9]*(?:-[1-9][0-9]*)+)([.)])(?=\s|$)")
_REF_HREF = re.compile(r"^art:([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?:/([1-9][0-9]*(?:-[1-9][0-9]*)*))?$")
_TODO = re.compile(r"\bTODO\b")


@dataclass
class BodyContext:
    display: str  # path shown in diagnostics
    first_line: int  # file line (1-based) of the body's first line
    lines: list[str]  # the body's source lines, for exact reference positions
    diags: Diagnostics
    markers: dict[int, str] = field(default_factory=dict)  # body line index -> real number

    def loc(self, index: int, column: int = 1) -> Loc:
        return Loc(self.display, self.first_line + index, column)


def _prepare(body: str) -> tuple[str, dict[int, str]]:
    markers: dict[int, str] = {}
    out = []
    for index, line in enumerate(body.split("\n")):
        match = _INSERTED_MARKER.match(line)
        if match:
            markers[index] = match.group(2)
            line = match.group(1) + match.group(2).replace("-", "0") + line[match.end(2):]
        out.append(line)
    return "\n".join(out), markers


def parse_article_body(body: str, display: str, first_line: int, diags: Diagnostics) -> tuple[Paragraph, ...]:
    prepared, markers = _prepare(body)
    ctx = BodyContext(display, first_line, body.split("\n"), diags, markers)
    root = SyntaxTreeNode(_MD.parse(prepared))
    blocks = list(root.children)
    if not blocks:
        diags.error(display, first_line, "M604", "the article has no text")
        return ()
    numbered = [b for b in blocks if b.type == "ordered_list" and b.markup == "."]
    if numbered:
        paragraphs: list[Paragraph] = []
        for block in blocks:
            if block.type == "ordered_list" and block.markup == ".":
                paragraphs.extend(_numbered_paragraph(item, ctx) for item in block.children)
            else:
                _unexpected(block, ctx, "text outside the numbered paragraphs: number it, or indent it under its paragraph")
        return tuple(paragraphs)
    return (_unnumbered_paragraph(blocks, ctx),)


def parse_preamble_body(body: str, display: str, first_line: int, diags: Diagnostics) -> tuple[InlineSeq, ...]:
    ctx = BodyContext(display, first_line, body.split("\n"), diags)
    root = SyntaxTreeNode(_MD.parse(body))
    paragraphs: list[InlineSeq] = []
    for block in root.children:
        if block.type == "paragraph":
            paragraphs.append(_inline(block, ctx))
        else:
            _unexpected(block, ctx, "the preamble is plain paragraphs of text")
    if not paragraphs:
        diags.error(display, first_line, "M604", "the preamble has no text")
    return tuple(paragraphs)


def _line(node: SyntaxTreeNode) -> int:
    return node.map[0] if node.map else 0


def _describe(node: SyntaxTreeNode) -> str:
    names = {"heading": "a heading", "bullet_list": "a bulleted list", "code_block": "an indented code block",
             "fence": "a code block", "blockquote": "a quotation block", "hr": "a horizontal rule",
             "ordered_list": f"a list numbered '1{node.markup}'", "paragraph": "a block of text"}
    return names.get(node.type, node.type)


def _unexpected(node: SyntaxTreeNode, ctx: BodyContext, hint: str) -> None:
    ctx.diags.error(ctx.display, ctx.first_line + _line(node), "M601", f"unexpected {_describe(node)}: {hint}")


def _item_number(item: SyntaxTreeNode, ctx: BodyContext) -> str:
    index = _line(item)
    return ctx.markers.get(index, item.info or "")


def _numbered_paragraph(item: SyntaxTreeNode, ctx: BodyContext) -> Paragraph:
    num = _item_number(item, ctx)
    text, points, wrapup = _paragraph_content(list(item.children), ctx, _line(item))
    return Paragraph(num, text, ctx.loc(_line(item)), points, wrapup)


def _unnumbered_paragraph(blocks: list[SyntaxTreeNode], ctx: BodyContext) -> Paragraph:
    text, points, wrapup = _paragraph_content(blocks, ctx, _line(blocks[0]))
    return Paragraph(None, text, ctx.loc(_line(blocks[0])), points, wrapup)


def _paragraph_content(
    blocks: list[SyntaxTreeNode], ctx: BodyContext, start: int
) -> tuple[InlineSeq, tuple[Point, ...], InlineSeq]:
    text: InlineSeq = ()
    points: list[Point] = []
    wrapup: InlineSeq = ()
    for block in blocks:
        if block.type == "paragraph":
            if not points and not text:
                text = _inline(block, ctx)
            elif points and not wrapup:
                wrapup = _inline(block, ctx)
            else:
                _unexpected(block, ctx, "a paragraph holds one block of text, then its points, then at most one closing block")
        elif block.type == "ordered_list" and block.markup == ")" and not points and not wrapup:
            points.extend(_point(item, ctx) for item in block.children)
        elif block.type == "ordered_list" and block.markup == ".":
            _unexpected(block, ctx, "points inside a paragraph are numbered 1), 2), ...")
        else:
            _unexpected(block, ctx, "paragraphs hold text and points only")
    if not text and not points:
        ctx.diags.error(ctx.display, ctx.first_line + start, "M604", "empty paragraph")
    return text, tuple(points), wrapup


def _point(item: SyntaxTreeNode, ctx: BodyContext) -> Point:
    num = _item_number(item, ctx)
    text: InlineSeq = ()
    for block in item.children:
        if block.type == "paragraph" and not text:
            text = _inline(block, ctx)
        else:
            _unexpected(block, ctx, "a point holds one block of text (sub-points are not supported)")
    if not text:
        ctx.diags.error(ctx.display, ctx.first_line + _line(item), "M604", f"empty point {num})")
    return Point(num, text, ctx.loc(_line(item)))


def _inline(block: SyntaxTreeNode, ctx: BodyContext) -> InlineSeq:
    inline = block.children[0] if block.children else None
    if inline is None or inline.type != "inline":
        return ()
    start = _line(block)
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
        elif kind == "image":
            href = str(node.attrs.get("src", ""))
            line, col = _find(ctx, start, end, href)
            ctx.diags.error(ctx.display, line, "R503", f"images are not allowed in the text (refused: {href!r})", col)
        else:
            out.append(Text(node.content))
    return out


def _link(node: SyntaxTreeNode, ctx: BodyContext, start: int, end: int) -> list[Inline]:
    href = str(node.attrs.get("href", ""))
    children = _merge_text(_convert(list(node.children), ctx, start, end))
    line, col = _find(ctx, start, end, href)
    match = _REF_HREF.match(href)
    if match:
        return [Ref(match.group(1), match.group(2), tuple(children), Loc(ctx.display, line, col))]
    ctx.diags.error(ctx.display, line, "R503",
                    f"links may only point at articles, as (art:ID) or (art:ID/PARAGRAPH); refused: {href!r}", col)
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
