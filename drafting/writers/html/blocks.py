"""Paragraphs, points to any depth and tables of the HTML edition, written in Python for speed.

The edition renders every paragraph of every language for the web page and for each
PDF; as nested jinja2 macros that was most of its time. The markup is the template's:
ids are the AKN eIds (``drafting.eids``), markers are the profile's formats, every text
is escaped by the inline renderer.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from drafting.eids import unit_eid
from drafting.model import Paragraph, Point, Table, plain_text
from drafting.profile import Profile
from drafting.source.yamldoc import split_front_matter
from drafting.writers.html.render import InlineRenderer


_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
_EMPHASIS = re.compile(r"\*{1,2}([^*]+)\*{1,2}")


def quoted_html(text: str, info: str) -> str:
    """An amending act's quoted structure as the amended act's text: its lines, each in its place, between « and ».

    An article's front matter becomes its number and heading; links show their words; all text is escaped.
    """
    front, body, _ = split_front_matter(text)
    rows: list[tuple[str, str]] = []
    if front is not None and "file=preamble" not in info:
        data = {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in front.split("\n"))}
        rows.append(("quoted-heading", " ".join(x for x in (data.get("number", ""), data.get("heading", "")) if x)))
    for row in body.split("\n"):
        if row.strip():
            depth = (len(row) - len(row.lstrip(" "))) // 3
            rows.append((f"quoted-line depth-{depth}", _EMPHASIS.sub(r"\1", _LINK.sub(r"\1", row.strip()))))
    if not rows:
        return ""
    last = len(rows) - 1
    return '<blockquote class="quoted">' + "".join(
        f'<p class="{cls}">{"«" if k == 0 else ""}{escape(shown)}{"»" if k == last else ""}</p>'
        for k, (cls, shown) in enumerate(rows)) + "</blockquote>"

CELL_CAP = 24  # characters: a longer cell wraps within its column of the table
CELL_PADDING = 2  # characters a cell's padding and rules take


def table_chars(table: Table) -> int:
    """About how many characters wide ``table`` wants to be: its columns' longest cells, capped, plus padding."""
    widths: dict[int, int] = {}
    for row in table.rows:
        for index, cell in enumerate(row.cells):
            widths[index] = max(widths.get(index, 0), min(len(plain_text(cell.text, notes=False)), CELL_CAP))
    return sum(width + CELL_PADDING for width in widths.values())


class BlockRenderer:
    """Paragraphs, points and tables as HTML.

    ``column_chars`` (print, newspaper columns) is about how many characters a
    column's line holds; a table wider than that is a *wide* table: it is not
    written where it stands but kept, and :meth:`take_wide_tables` gives it to
    the template, which places it right after its article (or annex paragraph)
    as a direct child of the column block, where ``column-span: all`` lets it
    run across the columns (WeasyPrint honours ``column-span`` on the column
    block's children only). Narrow tables stay in the text, one column wide.
    """

    def __init__(self, profile: Profile, inline: InlineRenderer, column_chars: int = 0) -> None:
        self.profile = profile
        self.inline = inline
        self.paragraph_level = profile.paragraph_level
        self.column_chars = column_chars
        self._wide: list[str] = []

    def take_wide_tables(self) -> Markup:
        """The wide tables held back since the last call, each in a ``table-span`` block."""
        held, self._wide = self._wide, []
        return Markup("".join(f'\n      <div class="table-span">{table}\n      </div>' for table in held))

    def paragraph(self, prefix: str, para: Paragraph, index: int) -> Markup:
        inline = self.inline
        pid = unit_eid(prefix, self.paragraph_level.element, para.num or "", index)
        out = [f'\n      <div class="paragraph" id="{pid}">']
        if para.text or not para.tables:
            intro = f' id="{pid}__intro"' if para.points else ""
            number = (f'<span class="num">{escape(self.paragraph_level.marker(para.num))}</span>{inline.tie}'
                      if para.num else "")
            out.append(f"\n        <p{intro}>{number}{inline(para.text)}</p>")
        if para.tables:
            out.append(self.tables(f"{pid}__intro" if para.points else pid, para.tables))
        if para.points:
            out.append(self.points(pid, para.points, 1))
        if para.wrapup:
            out.append(f'\n        <p class="wrapup" id="{pid}__wrapup">{inline(para.wrapup)}</p>')
        out.append("\n      </div>")
        return Markup("".join(out))

    def points(self, prefix: str, points: tuple[Point, ...], depth: int) -> str:
        level = self.profile.point_level(depth)
        inline = self.inline
        extra = f" subpoints depth-{depth}" if depth > 1 else ""
        out = [f'\n        <ol class="points{extra}">']
        for point in points:
            eid = unit_eid(prefix, level.element, point.num, 1)
            out.append(f'\n          <li id="{eid}"><span class="num">{escape(level.marker(point.num))}</span>{inline.tie}'
                       f"{inline(point.text)}")
            if point.tables:
                out.append(self.tables(f"{eid}__intro" if point.points else eid, point.tables))
            for quoted in point.quoted:
                out.append(quoted_html(quoted.text, quoted.info))
            if point.points:
                out.append(self.points(eid, point.points, depth + 1))
            if point.wrapup:
                out.append(f'<p class="wrapup" id="{eid}__wrapup">{inline(point.wrapup)}</p>')
            out.append("</li>")
        out.append("\n        </ol>")
        return "".join(out)

    def tables(self, prefix: str, tables: tuple[Table, ...]) -> str:
        inline = self.inline
        out: list[str] = []
        for index, table in enumerate(tables, start=1):
            wide = self.column_chars > 0 and table_chars(table) > self.column_chars
            target = out
            if wide:
                target = []
            start = len(target)
            target.append(f'\n        <table class="table{" wide" if wide else ""}" id="{prefix}__table_{index}">')
            head = [row for row in table.rows if row.header]
            body = [row for row in table.rows if not row.header]
            for rows, group, cell_tag in ((head, "thead", "th"), (body, "tbody", "td")):
                if not rows:
                    continue
                target.append(f"\n          <{group}>")
                for row in rows:
                    scope = ' scope="col"' if cell_tag == "th" else ""
                    cells = "".join(f"<{cell_tag}{scope}" + (f' class="align-{c.align}"' if c.align else "")
                                    + f">{inline(c.text)}</{cell_tag}>" for c in row.cells)
                    target.append(f"\n            <tr>{cells}</tr>")
                target.append(f"\n          </{group}>")
            target.append("\n        </table>")
            if wide:
                self._wide.append("".join(target[start:]))
        return "".join(out)
