"""One cell of the parallel view (a paragraph in one language) as HTML, written in Python for speed.

Every page of every version renders each paragraph once per language; as a
jinja2 macro that was most of the site's build time. The markup is the
template's: ids (the AKN eIds) only in the page language's cell, ``lang`` and
``data-pagefind-ignore`` on the others, every text escaped by the inline renderer.
"""

from __future__ import annotations

from typing import Callable

from markupsafe import Markup, escape

from drafting.eids import point_eid
from drafting.writers.html.parallel import Cell
from drafting.writers.html.render import InlineRenderer


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
            number = (f'<a class="num" href="#{escape(row_eid or "")}" '
                      f'title="{escape(cite(cell.lang, article_num, para.num))}">{escape(para.num)}.</a> ')
        parts.append(f"\n          <p{intro_id}>{number}{inline(para.text)}</p>")
        if para.points:
            parts.append('\n          <ol class="points">')
            for point in para.points:
                pid = f' id="{point_eid(eid, point)}"' if eid else ""
                parts.append(f'\n            <li{pid}><span class="num">{escape(point.num)})</span> {inline(point.text)}</li>')
            parts.append("\n          </ol>")
        if para.wrapup:
            wid = f' id="{eid}__wrapup"' if eid else ""
            parts.append(f'\n          <p class="wrapup"{wid}>{inline(para.wrapup)}</p>')
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
