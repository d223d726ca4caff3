"""One cell of the parallel view (a paragraph in one language) as HTML, written in Python for speed.

Every page of every version renders each paragraph once per language; as a
jinja2 macro that was most of the site's build time. The markup is the
template's: ids (the AKN eIds) only in the page language's cell, ``lang`` and
``data-pagefind-ignore`` on the others, every text escaped by the inline renderer.
"""

from __future__ import annotations

from typing import Callable

from markupsafe import Markup, escape

from drafting.eids import unit_eid
from drafting.model import Point, Table
from drafting.writers.html.parallel import Cell
from drafting.writers.html.render import InlineRenderer


def tables_html(tables: tuple[Table, ...], prefix: str | None, inline: InlineRenderer, indent: str) -> str:
    parts: list[str] = []
    for index, table in enumerate(tables, start=1):
        tid = f' id="{prefix}__table_{index}"' if prefix else ""
        parts.append(f'\n{indent}<table class="table"{tid}>')
        head = [row for row in table.rows if row.header]
        body = [row for row in table.rows if not row.header]
        for group, tag, cell_tag in ((head, "thead", "th"), (body, "tbody", "td")):
            if not group:
                continue
            parts.append(f"<{tag}>")
            for row in group:
                scope = ' scope="col"' if cell_tag == "th" else ""
                cells = "".join(
                    f"<{cell_tag}{scope}" + (f' class="align-{c.align}"' if c.align else "")
                    + f">{inline(c.text)}</{cell_tag}>"
                    for c in row.cells)
                parts.append(f"<tr>{cells}</tr>")
            parts.append(f"</{tag}>")
        parts.append("</table>")
    return "".join(parts)


def points_html(points: tuple[Point, ...], prefix: str | None, inline: InlineRenderer, depth: int,
                indent: str) -> str:
    level = inline.work.profile.point_level(depth)
    extra = f" subpoints depth-{depth}" if depth > 1 else ""
    parts = [f'\n{indent}<ol class="points{extra}">']
    for point in points:
        eid = unit_eid(prefix, level.element, point.num, 1) if prefix else None
        pid = f' id="{eid}"' if eid else ""
        parts.append(f'\n{indent}  <li{pid}><span class="num">{escape(level.marker(point.num))}</span> '
                     f"{inline(point.text)}")
        if point.tables:
            parts.append(tables_html(point.tables, f"{eid}__intro" if eid and point.points else eid, inline,
                                     indent + "    "))
        if point.points:
            parts.append(points_html(point.points, eid, inline, depth + 1, indent + "    "))
        if point.wrapup:
            wid = f' id="{eid}__wrapup"' if eid else ""
            parts.append(f'<p class="wrapup"{wid}>{inline(point.wrapup)}</p>')
        parts.append("</li>")
    parts.append(f"\n{indent}</ol>")
    return "".join(parts)


def cell_html(cell: Cell, page_lang: str, eid: str | None, row_eid: str | None, article_num: str,
              inline: InlineRenderer, cite: Callable[[str, str, str], str]) -> Markup:
    """``eid``: the paragraph's id when this cell carries the ids (the page's language), else None."""
    parts: list[str] = []
    foreign = cell.lang != page_lang
    parts.append(f'        <div class="cell" data-lang="{escape(cell.lang)}"'
                 + (f' lang="{escape(cell.lang)}" data-pagefind-ignore="all">' if foreign else ">"))
    para = cell.paragraph
    if para is not None:
        parts.append(f'\n          <div class="clean{" has-marked" if cell.marked else ""}">')
        intro_id = f' id="{eid}__intro"' if para.points and eid else ""
        number = ""
        if para.num:
            marker = inline.work.profile.paragraph_level.marker(para.num)
            number = (f'<a class="num" href="#{escape(row_eid or "")}" '
                      f'title="{escape(cite(cell.lang, article_num, para.num))}">{escape(marker)}</a> ')
        if para.text or number or not para.tables:
            parts.append(f"\n          <p{intro_id}>{number}{inline(para.text)}</p>")
        if para.tables:
            parts.append(tables_html(para.tables, (f"{eid}__intro" if para.points else eid) if eid else None,
                                     inline, "          "))
        if para.points:
            parts.append(points_html(para.points, eid, inline, 1, "          "))
        if para.wrapup:
            wid = f' id="{eid}__wrapup"' if eid else ""
            parts.append(f'\n          <p class="wrapup"{wid}>{inline(para.wrapup)}</p>')
        notes = inline.take_notes()
        if notes:
            items = "".join(f'<li value="{number}">{text}</li>' for number, text in notes)
            parts.append(f'\n          <ol class="notes">{items}</ol>')
        parts.append("\n          </div>")
    if cell.marked:
        parts.append(f'\n          <div class="marked" data-pagefind-ignore="all">{cell.marked}</div>')
    parts.append("\n        </div>")
    return Markup("".join(parts))


class CellCache:
    """``cell_html`` that renders each cell once as its page's own language and once as another's.

    A cell's markup does not depend on which other page shows it, so the three
    pages of a version (and versions sharing a text) reuse it. Keys are the
    cells' identities: keep the rows alive as long as the cache.
    """

    def __init__(self) -> None:
        self._done: dict[tuple[int, bool], tuple[Cell, Markup]] = {}

    def __call__(self, cell: Cell, page_lang: str, eid: str | None, row_eid: str | None, article_num: str,
                 inline: InlineRenderer, cite: Callable[[str, str, str], str]) -> Markup:
        key = (id(cell), cell.lang == page_lang)
        found = self._done.get(key)
        if found is None or found[0] is not cell:
            found = (cell, cell_html(cell, page_lang, eid, row_eid, article_num, inline, cite))
            self._done[key] = found
        return found[1]
