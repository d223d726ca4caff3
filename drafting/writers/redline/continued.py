"""Rows of the comparative table that go on to the next page: the unit repeated with "(continued)".

A row is cut into parts at its blocks (the previous and proposed wordings'
paragraphs and points, side by side by position), each part a table row of its
own drawn as one with the others (no rule between them), so that a page break
falls between two paragraphs. Every part after the first carries its number and
its unit with "(continued)" («(продолжение)», «(жалғасы)») in an absolutely
positioned label, which takes no room. After layout the label is kept only
where its part is the first row on a page, under the header row WeasyPrint
repeats, and removed everywhere else: one layout, no second pass.

Parts are made large enough to hold the label (an estimate from the columns'
widths), so that a label never runs past its part into the next row.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterator

from markupsafe import Markup
from weasyprint.formatting_structure import boxes

from drafting.writers.redline.table import Row

UNIT_CHARS = 18  # characters to a line in the structural unit's column (14% of A4 landscape, 10 pt)
TEXT_CHARS = 42  # and in a wording's column (30%)
LABEL = "cont"  # the class of the continuation labels in table.html.j2


def _lines(text: str, per_line: int) -> int:
    plain = Markup(text).striptags()
    return max(1, -(-len(plain) // per_line))


def split_rows(rows: list[Row], continued: str) -> list[Row]:
    """Every row as one or more parts (``part`` 0, 1, ...; ``last`` on the final one)."""
    out: list[Row] = []
    for row in rows:
        out += _parts(row, continued)
    return out


def _parts(row: Row, continued: str) -> list[Row]:
    count = max(len(row.old), len(row.new))
    if count <= 1:
        return [row]
    label = _lines(f"{row.element} {continued}", UNIT_CHARS) + 1
    groups: list[tuple[list[Markup], list[Markup]]] = []  # each part's old and new blocks
    for k in range(count):
        old, new = list(row.old[k:k + 1]), list(row.new[k:k + 1])
        height = max(sum(_lines(b, TEXT_CHARS) for b in old), sum(_lines(b, TEXT_CHARS) for b in new))
        if groups and height < label:  # too short to carry a label: joins the part before
            groups[-1][0].extend(old)
            groups[-1][1].extend(new)
        else:
            groups.append((old, new))
    if len(groups) == 1:
        return [row]
    parts = [replace(row, old=tuple(old), new=tuple(new), part=k, last=k == len(groups) - 1)
             for k, (old, new) in enumerate(groups)]
    return parts


def _descendants(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", ()):
        yield from _descendants(child)


def _classes(box: Any) -> set[str]:
    element = getattr(box, "element", None)
    return set((element.get("class") or "").split()) if element is not None else set()


def _first_body_row(page: Any) -> Any | None:
    for box in _descendants(page._page_box):
        if isinstance(box, boxes.TableRowGroupBox) and not box.is_header and not box.is_footer:
            rows = [child for child in box.children if isinstance(child, boxes.TableRowBox)]
            return rows[0] if rows else None
    return None


def _remove_labels(box: Any, keep: Any | None) -> None:
    if box is keep:
        return
    children = getattr(box, "children", None)
    if not children:
        return
    kept = [child for child in children if LABEL not in _classes(child)]
    if len(kept) != len(children):
        box.children = kept
    for child in kept:
        _remove_labels(child, keep)


def keep_continuations(document: Any) -> list[tuple[int, str]]:
    """Remove every continuation label but those of a page's first row; (page, row number) of those kept."""
    kept: list[tuple[int, str]] = []
    for index, page in enumerate(document.pages, start=1):
        first = _first_body_row(page)
        keep = None
        if first is not None and first.element is not None and first.element.get("data-part", "0") != "0":
            keep = first
            kept.append((index, first.element.get("data-row", "")))
        _remove_labels(page._page_box, keep)
    return kept
