"""The redline and the comparative table as PDF: the same HTML, a print stylesheet, WeasyPrint.

The engine reads only the redline's own templates folder; the HTML carries no
date but the new version's commit date, so the same two versions give the same bytes.
Each document is laid out once; what the layout alone knows is added to its
pages before they are written: the redline's line numbers
(``drafting.writers.redline.linenumbers``) and the table's "(continued)" labels
(``drafting.writers.redline.continued``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting.diagnostics import DraftingError
from drafting.writers.redline.changes import Redline
from drafting.writers.redline.rendering import redline_html
from drafting.writers.redline.labels import TEMPLATES, Labels
from drafting.writers.redline.table import Row, table_html

if TYPE_CHECKING:
    from drafting.writers.pdf.engine import Layout


def _lay_out(html: str, stylesheets: list[str]) -> Layout:
    from drafting.writers.pdf.engine import lay_out

    layout = lay_out(html, TEMPLATES, [TEMPLATES], stylesheets=[TEMPLATES / name for name in stylesheets])
    if layout.fetcher.refused:
        raise DraftingError(f"the PDF engine refused to fetch: {', '.join(layout.fetcher.refused)}")
    return layout


def redline_pdf(redline: Redline, labels: Labels, changed_only: bool = False) -> bytes:
    """A4: the summary page, the list of changed articles, then the text marked up; lines numbered on every page."""
    from drafting.writers.pdf.engine import write
    from drafting.writers.redline.linenumbers import number_lines

    layout = _lay_out(redline_html(redline, labels, changed_only), ["redline.css", "print.css"])
    number_lines(layout.document, TEMPLATES)
    return write(layout)


def table_pdf(redline: Redline, labels: Labels, rows: list[Row] | None = None) -> bytes:
    """A4 landscape: the comparative table; a row that goes on to the next page shows its unit "(continued)"."""
    from drafting.writers.pdf.engine import write
    from drafting.writers.redline.continued import keep_continuations

    layout = _lay_out(table_html(redline, labels, justified=rows), ["table.css"])
    keep_continuations(layout.document)
    return write(layout)
