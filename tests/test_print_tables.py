"""Tables in newspaper columns: a narrow table fills one column, a wide one runs across the columns.

A copy of the mini fixture gets, in article 3, a narrow two-column table and a
wide five-column one (every language); the test reads the HTML the PDF is made
from and the word boxes of the A3 page (three columns) with pdftotext.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from drafting.source.load import load_valid
from drafting.writers.artifacts import BuildContext
from drafting.writers.html.edition import EditionOptions, render_edition
from drafting.writers.pdf.documents import column_chars, plan
from drafting.writers.pdf.job import run
from drafting.writers.pdf.settings import load_settings
from print_support import mini_copy

NARROW = """
| Шара | Мерзім |
|---|--:|
| Бірінші | 2026 |
| Екінші | 2027 |
"""
WIDE = """
| Өңір | Сайлау учаскелерінің саны | Сайлаушылар саны | Бюллетеньдер басылды | Ескертпе |
|---|--:|--:|--:|---|
| Ақмола облысы | 512 | 480 300 | 495 000 | қосымша учаскелер ашылды |
| Алматы қаласы | 634 | 1 310 000 | 1 350 000 | шетелдегі учаскелерсіз |
| Маңғыстау облысы | 247 | 450 700 | 460 000 | вахталық учаскелер бар |
"""


def _indent(table: str) -> str:
    """The table under the paragraph before it (indented like its text)."""
    return "".join(f"   {line}\n" if line else "\n" for line in table.split("\n")[:-1])


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = mini_copy(tmp_path_factory.mktemp("tables"))
    for lang in ("kk", "ru", "en"):
        path = root / "02-rights" / f"003-rights-1.{lang}.md"
        text = path.read_text(encoding="utf-8")
        first, second = text.split("\n2. ", 1)
        intro, points = second.split("\n", 1)
        path.write_text(first + "\n" + _indent(NARROW) + "\n2. " + intro + "\n" + _indent(WIDE) + "\n" + points,
                        encoding="utf-8")
    return root


def _html(source: Path, chars: int) -> etree._Element:
    options = EditionOptions(mode="print", toc=False, language_pages=False, column_chars=chars)
    return etree.fromstring(render_edition(load_valid(source), "kk", options).encode("utf-8"), etree.HTMLParser())


def test_a_wide_table_follows_its_article_as_a_block_of_the_columns(source: Path) -> None:
    html = _html(source, column_chars(load_settings().profiles["a3"]))
    tables = html.xpath("//table")
    assert len(tables) == 2
    narrow, wide = sorted(tables, key=lambda t: len(t.xpath(".//tr[1]/*")))
    # the narrow table stays where it is written, inside its paragraph
    assert narrow.getparent().get("class") == "paragraph" and "wide" not in narrow.get("class")
    # the wide one: a direct child of the section's column block, right after its article, ids unchanged
    span = wide.getparent()
    assert span.get("class") == "table-span" and span.getparent().get("class") == "section-body"
    assert span.getprevious().get("id") == "art_3" and wide.get("class") == "table wide"
    assert wide.get("id").startswith("art_3__para_2")


def test_without_columns_every_table_stays_in_its_paragraph(source: Path) -> None:
    html = _html(source, 0)
    assert not html.xpath("//*[@class='table-span']")
    assert all(t.getparent().get("class") in ("paragraph", None) for t in html.xpath("//table"))


def _words(pdf: Path) -> list[tuple[float, float, str]]:
    out = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(pdf), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    return [(float(a), float(b), html) for a, b, html in
            re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', out)]


def test_on_the_page_the_narrow_table_fits_a_column_and_the_wide_one_spans(source: Path, tmp_path: Path) -> None:
    settings = load_settings()
    ctx = BuildContext(source, tmp_path, tmp_path, ["kk"], tmp_path / "cache", {"pages": ["a3"]})
    [job] = plan(load_valid(source), ctx, settings)
    pdf = tmp_path / "kk-a3.pdf"
    pdf.write_bytes(run(job).screen)
    words = _words(pdf)
    profile = settings.profiles["a3"]
    mm = 72 / 25.4
    column = (289 - 29 - 2 * 4.5) / 3 * mm
    left_edge = 14.5 * mm

    def spread(*names: str) -> float:
        xs = [(x0, x1) for x0, x1, text in words if text in names]
        assert xs, names
        return max(x1 for _, x1 in xs) - min(x0 for x0, _ in xs)

    # the narrow table's cells lie within one column
    assert spread("Бірінші", "2026", "Екінші", "2027") < column
    # the wide table's first and last columns are further apart than a column is wide
    assert spread("Ақмола", "қосымша", "Маңғыстау", "вахталық") > 1.5 * column
    assert min(x0 for x0, _, text in words if text == "Өңір") == pytest.approx(left_edge, abs=3 * mm)
    assert profile.columns == 3
