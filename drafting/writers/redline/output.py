"""Everything a redline writes, into DIR, all or nothing, listed in ``DIR/manifest.json``.

``redline.pdf``, ``redline.html``, ``comparative-table.pdf`` and ``summary.json``
are written into a staging folder first; only when all four exist are they moved
into DIR, so a failure leaves the previous redline intact.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from drafting.writers.manifest import Artifact, install, staging
from drafting.writers.redline.changes import Redline, Side
from drafting.writers.redline.rendering import redline_html
from drafting.writers.redline.labels import TEMPLATES, Labels
from drafting.writers.redline.summary import summary_json
from drafting.writers.redline.table import Row, table_rows

KINDS = ["redline-pdf", "redline-html", "comparative-table", "redline-summary"]
Say = Callable[[str], None]


def _side(side: Side) -> dict[str, object]:
    return {"revision": side.spec, "commit": side.commit, "date": side.date}


def write_redline(redline: Redline, labels: Labels, out: Path, changed_only: bool = False,
                  progress: Say | None = None, rows: list[Row] | None = None) -> list[dict[str, object]]:
    """Write the four files; ``rows``: the comparative table's rows with their justifications (default: none)."""
    from drafting.writers.redline.printing import redline_pdf, table_pdf

    say = progress or (lambda message: None)
    lang = redline.lang
    with staging(out) as staged:
        say("writing summary.json")
        rows = rows if rows is not None else table_rows(redline, labels)
        (staged / "summary.json").write_text(summary_json(redline, rows), encoding="utf-8")
        say("writing redline.html")
        css = "\n".join((TEMPLATES / name).read_text(encoding="utf-8") for name in ["redline.css"])
        (staged / "redline.html").write_text(redline_html(redline, labels, changed_only, stylesheet=css),
                                             encoding="utf-8")
        say("writing redline.pdf")
        (staged / "redline.pdf").write_bytes(redline_pdf(redline, labels, changed_only))
        say("writing comparative-table.pdf")
        (staged / "comparative-table.pdf").write_bytes(table_pdf(redline, labels, rows))
        artifacts = [Artifact("comparative-table.pdf", "comparative-table", lang),
                     Artifact("redline.html", "redline-html", lang),
                     Artifact("redline.pdf", "redline-pdf", lang),
                     Artifact("summary.json", "redline-summary", lang)]
        source: dict[str, object] = {"old": _side(redline.old), "new": _side(redline.new), "language": lang,
                                     "changed_only": changed_only}
        return install(staged, out, artifacts, KINDS, [lang], source)
