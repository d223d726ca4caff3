"""The redline and the comparative table as PDF: the same HTML, a print stylesheet, WeasyPrint.

The engine reads only the redline's own templates folder; the HTML carries no
date but the new version's commit date, so the same two versions give the same bytes.
"""

from __future__ import annotations

from drafting.diagnostics import DraftingError
from drafting.writers.redline.changes import Redline
from drafting.writers.redline.rendering import redline_html
from drafting.writers.redline.labels import TEMPLATES, Labels
from drafting.writers.redline.table import Row, table_html


def _render(html: str, stylesheets: list[str]) -> bytes:
    from drafting.writers.pdf.engine import render_pdf

    rendered = render_pdf(html, TEMPLATES, [TEMPLATES], stylesheets=[TEMPLATES / name for name in stylesheets])
    if rendered.refused:
        raise DraftingError(f"the PDF engine refused to fetch: {', '.join(rendered.refused)}")
    return rendered.pdf


def redline_pdf(redline: Redline, labels: Labels, changed_only: bool = False) -> bytes:
    """A4: the summary page, the list of changed articles, then the text marked up."""
    return _render(redline_html(redline, labels, changed_only), ["redline.css", "print.css"])


def table_pdf(redline: Redline, labels: Labels, rows: list[Row] | None = None) -> bytes:
    """A4 landscape: the comparative table."""
    return _render(table_html(redline, labels, justified=rows), ["table.css"])
