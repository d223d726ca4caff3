"""Line numbers in the margin of the redline PDF, restarting on every page ("page 12, line 30").

WeasyPrint has no line numbering, and a number must sit beside a line only the
layout knows. So the redline is laid out once; then every page's printed lines
are found in its box tree (a line box holding text; lines side by side, such
as a table's cells, share one number), the numbers 1..N are laid out once in a
small document of their own with the same engine and fonts, and a copy of
number k is moved onto line k of each page, right-aligned in the left margin at
the line's baseline. No second layout of the redline: the walk and the copies
cost a few milliseconds a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from weasyprint.formatting_structure import boxes

MM = 96 / 25.4  # WeasyPrint's unit is the CSS pixel
GAP = 4 * MM  # between a number and the text
BOX = 10 * MM  # the width each number is right-aligned in
SAME_LINE = 1.5  # baselines this close (px) are one line


@dataclass(frozen=True)
class PageLines:
    baselines: tuple[float, ...]  # from the top of the page, in reading order
    left: float  # the x of the text area's left edge


def _lines(box: Any) -> Iterator[Any]:
    if isinstance(box, boxes.LineBox):
        yield box
        return
    for child in getattr(box, "children", ()):
        yield from _lines(child)


def _has_text(box: Any) -> bool:
    if isinstance(box, boxes.TextBox):
        return bool(box.text.strip()) and box.style["visibility"] == "visible"
    return any(_has_text(child) for child in getattr(box, "children", ()))


def page_lines(page: Any) -> PageLines:
    """The baselines of a laid-out page's lines of text (margin boxes, the running head and folio, excluded)."""
    page_box = page._page_box
    root = page_box.children[0]
    found = sorted(line.position_y + line.baseline for line in _lines(root) if _has_text(line))
    merged: list[float] = []
    for baseline in found:
        if not merged or baseline - merged[-1] > SAME_LINE:
            merged.append(baseline)
    return PageLines(tuple(merged), page_box.margin_left)


def _numbers_html(count: int) -> str:
    items = "".join(f'<div class="n">{k}</div>' for k in range(1, count + 1))
    return f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body>{items}</body></html>'


NUMBERS_CSS = """
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; }
.n { width: 10mm; text-align: right; font-family: "PT Serif", "DejaVu Serif", serif; font-size: 7pt;
     line-height: 9pt; color: #000; }
"""


def number_lines(document: Any, templates: Path) -> list[int]:
    """Put the line numbers onto every page of a laid-out ``document``; the number of lines of each page."""
    from drafting.writers.pdf.engine import lay_out

    pages = [page_lines(page) for page in document.pages]
    most = max((len(p.baselines) for p in pages), default=0)
    if not most:
        return [0 for _ in pages]
    numbers = lay_out(_numbers_html(most), templates, [templates], css=[NUMBERS_CSS]).document
    root = numbers.pages[0]._page_box.children[0]
    body = root.children[0]
    blocks = [child for child in body.children if isinstance(child, boxes.BlockBox)]
    if len(numbers.pages) > 1 or len(blocks) != most:  # more lines than fit one A4 page of numbers: not a page
        raise RuntimeError(f"line numbers: {most} lines on a page")
    for page, lines in zip(document.pages, pages):
        placed = []
        for block, baseline in zip(blocks, lines.baselines):
            line = next(_lines(block))
            copy = block.deepcopy()
            copy.translate(lines.left - GAP - BOX - block.position_x, baseline - (line.position_y + line.baseline))
            placed.append(copy)
        page._page_box.children = [*page._page_box.children,
                                   root.copy_with_children([body.copy_with_children(placed)])]
        # a reference keeps the numbers document (and its fonts) alive until the PDF is written
        page.line_numbers = numbers
    return [len(p.baselines) for p in pages]
