"""The redline and comparative-table HTML, pinned by golden files (UPDATE_GOLDEN=1 rewrites them)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from drafting.eids import article_eid, paragraph_eid, point_eid
from drafting.model import Work
from drafting.writers.redline import Redline, compare
from drafting.writers.redline.rendering import redline_html
from drafting.writers.redline.labels import Labels
from drafting.writers.redline.revisions import read_version
from drafting.writers.redline.table import table_html, table_rows
from redline_edits import two_versions

GOLDEN = Path(__file__).parent / "golden" / "redline"


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Work, Redline, dict[str, Redline]]:
    _, source, _, _ = two_versions(tmp_path_factory.mktemp("html"))
    old, new = read_version(source, "v1"), read_version(source, "v2")
    redlines = {lang: compare(old.work, new.work, lang, old.side, new.side) for lang in ("kk", "ru", "en")}
    return new.work, redlines["en"], redlines


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no golden file {path}: run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def test_redline_html_golden(versions) -> None:  # type: ignore[no-untyped-def]
    work, _, redlines = versions
    golden("redline.en.html", redline_html(redlines["en"], Labels("en", work.profile)))
    golden("redline.ru.changed-only.html", redline_html(redlines["ru"], Labels("ru", work.profile), changed_only=True))


def test_comparative_table_golden(versions) -> None:  # type: ignore[no-untyped-def]
    work, _, redlines = versions
    golden("table.kk.html", table_html(redlines["kk"], Labels("kk", work.profile)))


def test_anchors_of_the_new_text_are_its_akn_eids(versions) -> None:  # type: ignore[no-untyped-def]
    work, redline, _ = versions
    html = redline_html(redline, Labels("en", work.profile))
    anchors = re.findall(r' id="([^"]+)"', html)
    expected = set()
    for article in work.expression("en").articles():
        expected.add(article_eid(article))
        for index, paragraph in enumerate(article.paragraphs, start=1):
            para = paragraph_eid(article, paragraph, index)
            expected.add(para)
            expected.update(point_eid(para, point) for point in paragraph.points)
    assert expected <= set(anchors)
    assert len(anchors) == len(set(anchors))
    assert "deleted__art_12" in anchors


def test_changed_only_leaves_unchanged_articles_out(versions) -> None:  # type: ignore[no-untyped-def]
    work, redline, _ = versions
    html = redline_html(redline, Labels("en", work.profile), changed_only=True)
    assert 'id="art_1"' not in html and 'id="art_2"' in html and "Unchanged articles are left out." in html
    assert "Section X" not in html  # no changed article there


def test_table_rows_one_per_changed_element(versions) -> None:  # type: ignore[no-untyped-def]
    work, redline, _ = versions
    rows = table_rows(redline, Labels("en", work.profile))
    assert [(r.element, r.note) for r in rows] == [
        ("Article 2, paragraph 1", "Amended."),
        ("Article 4", "Inserted."),
        ("Article 5 (formerly 4)", "Renumbered; formerly Article 4. The text is unchanged."),
        ("Article 6 (formerly 5), paragraph 2, point 1)", "Renumbered; formerly Article 5. Amended."),
        ("Articles 7–12 (formerly 6–11)", "Renumbered (6 articles); the text is unchanged."),
        ("Article 12", "Deleted."),
        ("Articles 13–17 (formerly 14–18)", "Renumbered (5 articles); the text is unchanged."),
        ("Article 18 (formerly 13)", "Moved; formerly Article 13, Section VII. The text is unchanged."),
    ]
    assert str(rows[3].old[0]) == "1) the <del>first</del> measure;"
    assert str(rows[3].new[0]) == "1) the <ins>primary</ins> measure<ins>, as the law provides</ins>;"
    # a renumbering run is one row: the old range struck, the new one inserted
    assert (str(rows[4].old[0]), str(rows[4].new[0])) == ("<del>Articles 6–11</del>", "<ins>Articles 7–12</ins>")
