"""Tables and annexes in the redline (issue #10's redline items): a changed cell is a word-level change, a moved
row is a move, a changed, added or removed annex is in the redline, the comparative table and summary.json.

A temporary repository holding the Kazakh code fixture (tests/fixtures/acts/kz-code: an article and an annex
with a pipe table), compared through the Python API in Russian and Kazakh (no PDF: the HTML is asserted, and
the PDF is the same HTML laid out).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from drafting.writers.redline.compare import compare
from drafting.writers.redline.labels import Labels
from drafting.writers.redline.rendering import redline_html
from drafting.writers.redline.revisions import read_version
from drafting.writers.redline.summary import counts, summary_json
from drafting.writers.redline.table import Row, table_html, table_rows
from redline_edits import commit, git

CODE = Path(__file__).parent / "fixtures" / "acts" / "kz-code"
EXTRA_ROW = {"ru": "   | Переоформление | 3 дня |\n", "kk": "   | Қайта ресімдеу | 3 күн |\n"}
NEW_ANNEX = {"ru": "---\nid: limits\nnumber: 2\ntitle: Лимиты водопользования\n---\nЛимиты устанавливаются ежегодно.\n",
             "kk": "---\nid: limits\nnumber: 2\ntitle: Су пайдалану лимиттері\n---\nЛимиттер жыл сайын белгіленеді.\n"}


class Pair:
    def __init__(self, source: Path) -> None:
        old, new = read_version(source, "v1"), read_version(source, "v2")
        self.profile = new.work.profile
        self.redlines = {lang: compare(old.work, new.work, lang, old.side, new.side) for lang in ("ru", "kk")}

    def rows(self, lang: str = "ru") -> list[Row]:
        return table_rows(self.redlines[lang], Labels(lang, self.profile))


def permits(source: Path, lang: str) -> Path:
    return source / "01-general" / "02-use" / "02-special" / f"004-permits.{lang}.md"


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Pair:
    repo = tmp_path_factory.mktemp("tables") / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    source = repo / "code"
    shutil.copytree(CODE, source)
    for lang, row in EXTRA_ROW.items():  # Article 4(2)'s table gets a third row
        path = permits(source, lang)
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + row, encoding="utf-8")
    commit(repo, "First draft", "2026-01-31T12:00:00+05:00", tag="v1")
    for lang in ("ru", "kk"):
        path = permits(source, lang)  # one cell changed, the last row moved to the top of the body
        text = path.read_text(encoding="utf-8").replace("15 дней", "10 дней").replace("15 күн", "10 күн")
        lines = text.split("\n")
        last = lines.pop(-2)
        lines.insert(lines.index(next(line for line in lines if line.startswith("   |---"))) + 1, last)
        path.write_text("\n".join(lines), encoding="utf-8")
        annex = source / "annexes" / f"01-tariffs.{lang}.md"  # a cell of the annex's table changed
        annex.write_text(annex.read_text(encoding="utf-8").replace("| 40 |", "| 45 |"), encoding="utf-8")
        (source / "annexes" / f"02-limits.{lang}.md").write_text(NEW_ANNEX[lang], encoding="utf-8")
    commit(repo, "Final draft", "2026-02-12T12:00:00+05:00", tag="v2")
    return Pair(source)


def test_a_changed_cell_is_a_word_change_and_a_moved_row_a_move(pair: Pair) -> None:
    redline = pair.redlines["ru"]
    article = next(a for a in redline.articles() if a.id == "permits")
    assert article.status == "amended" and (article.words_inserted, article.words_deleted) == (1, 1)
    (table,) = next(p for p in article.paragraphs if p.tables).tables
    told = [(r.status, r.old_index, r.new_index, r.moved_from, r.moved_to,
             [(s.kind, " ".join(t.text for t in s.tokens)) for c in r.cells for s in c.segments]) for r in table.rows]
    assert told == [
        ("equal", 1, 1, None, None, [("equal", "Заявление"), ("equal", "Срок")]),
        ("inserted", None, 2, 4, None, [("equal", "Переоформление"), ("equal", "3 дня")]),
        ("amended", 2, 3, None, None, [("equal", "Новое"), ("delete", "15"), ("insert", "10"), ("equal", "дней")]),
        ("equal", 3, 4, None, None, [("equal", "Продление"), ("equal", "5 дней")]),
        ("deleted", 4, None, None, 2, [("delete", "Переоформление"), ("delete", "3 дня")]),
    ]
    assert article.words_moved == 3  # the moved row's words, once, as moved
    html = redline_html(redline, Labels("ru", pair.profile))
    assert '<tr class="row amended changed"><td>Новое</td><td><del>15</del> <ins>10</ins> дней</td></tr>' in html
    assert ('<tr class="row inserted moved changed"><td>Переоформление <span class="provenance">(перенесена из '
            'строки 4)</span></td><td>3 дня</td></tr>') in html
    assert '<td><del>Переоформление</del> <span class="provenance">(перенесена в строку 2)</span></td>' in html


def test_annexes_changed_and_added_in_the_summary_and_the_table(pair: Pair) -> None:
    redline = pair.redlines["ru"]
    assert [(a.id, a.status, a.old_num, a.new_num, a.words_inserted, a.words_deleted) for a in redline.annexes] == [
        ("tariffs", "amended", "1", "1", 1, 1), ("limits", "inserted", None, "2", 5, 0)]
    data = json.loads(summary_json(redline, pair.rows()))
    assert [(a["id"], a["status"]) for a in data["annexes"]] == [("tariffs", "amended"), ("limits", "inserted")]
    assert data["row_moves"] == [{"unit": "article", "id": "permits", "number": "4", "paragraph": "2", "table": 1,
                                  "from_row": 4, "to_row": 2, "reworded": False}]
    assert counts(redline).amended == 1  # annexes are not articles
    assert [(r["key"], r["unit"], r["change"]) for r in data["table"]] == [
        ("permits/2", "Статья 4, пункт 2", "Изменено."),
        ("annex/tariffs/1", "Приложение 1, пункт 1", "Изменено."),
        ("annex/limits", "Приложение 2", "Дополнено."),
    ]
    rows = pair.rows()
    assert "<del>40</del>" in " ".join(rows[1].old) and "<ins>45</ins>" in " ".join(rows[1].new)
    assert rows[2].old == () and "Лимиты водопользования" in " ".join(rows[2].new)
    html = redline_html(redline, Labels("ru", pair.profile))
    assert 'id="att_2"' in html and "Приложения" in html and "Лимиты устанавливаются ежегодно" in html
    table = table_html(redline, Labels("ru", pair.profile), justified=rows)
    assert "Приложение 2" in table and '<table class="cells">' in table


def test_the_same_changes_in_kazakh(pair: Pair) -> None:
    assert [(a.id, a.status) for a in pair.redlines["kk"].annexes] == [("tariffs", "amended"),
                                                                       ("limits", "inserted")]
    assert [r.key for r in pair.rows("kk")] == [r.key for r in pair.rows("ru")]
