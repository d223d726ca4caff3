"""Each kind of edit a reviewer meets, in its own temporary repository: the exact summary and table rows.

Split, merge, a paragraph moved across sections, two articles swapped, heavy
rewording, punctuation and a number changed, a point deleted, a section title
changed, the preamble changed, ten articles inserted (tests/redline_kinds.py).
Counts, moves and row keys are the same in every language; the rows' wording is
asserted in English, and for a move in all three.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import redline_kinds as kinds
from drafting.writers.redline import compare
from drafting.writers.redline.labels import Labels
from drafting.writers.redline.revisions import read_version
from drafting.writers.redline.summary import counts, summary
from drafting.writers.redline.table import Row, table_rows
from redline_edits import LANGS, versions_with

CASES: dict[str, tuple[kinds.Edit, kinds.Edit | None]] = {
    "split": (kinds.split, kinds.prepare_split),
    "merge": (kinds.merge, None),
    "moved": (kinds.paragraph_moved, kinds.prepare_move),
    "swapped": (kinds.swapped, None),
    "reworded": (kinds.reworded, None),
    "punctuation": (kinds.punctuation_and_number, None),
    "point": (kinds.point_deleted, None),
    "section": (kinds.section_title, None),
    "preamble": (kinds.preamble, None),
    "ten": (kinds.ten_inserted, None),
}
COUNTS = ("old_articles", "new_articles", "amended", "unchanged", "inserted", "deleted", "moved", "renumbered",
          "also_renumbered", "also_moved")


class Result:
    def __init__(self, source: Path) -> None:
        old, new = read_version(source, "v1"), read_version(source, "v2")
        self.profile = new.work.profile
        self.redlines = {lang: compare(old.work, new.work, lang, old.side, new.side) for lang in LANGS}

    def summary(self, lang: str = "en") -> dict[str, Any]:
        return summary(self.redlines[lang])

    def rows(self, lang: str = "en") -> list[Row]:
        return table_rows(self.redlines[lang], Labels(lang, self.profile))

    def told(self, lang: str = "en") -> list[tuple[str, str, str]]:
        return [(r.key, r.element, r.note) for r in self.rows(lang)]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Result]:
    found = {}
    for name, (edit, prepare) in CASES.items():
        _, source = versions_with(tmp_path_factory.mktemp(name), edit, prepare)
        found[name] = Result(source)
    return found


def numbers(result: Result) -> tuple[int, ...]:
    data = result.summary()
    return tuple(data[key] for key in COUNTS)


@pytest.mark.parametrize("name, expected", [
    #              old new amd unch ins del mov ren +ren +mov
    ("split",       (22, 23, 1, 8, 1, 0, 0, 13, 0, 0)),
    ("merge",       (22, 21, 1, 10, 0, 1, 0, 10, 0, 0)),
    ("moved",       (22, 22, 2, 20, 0, 0, 0, 0, 0, 0)),
    ("swapped",     (22, 22, 0, 20, 0, 0, 1, 1, 1, 0)),
    ("reworded",    (22, 22, 1, 21, 0, 0, 0, 0, 0, 0)),
    ("punctuation", (22, 22, 1, 21, 0, 0, 0, 0, 0, 0)),
    ("point",       (22, 22, 1, 21, 0, 0, 0, 0, 0, 0)),
    ("section",     (22, 22, 0, 22, 0, 0, 0, 0, 0, 0)),
    ("preamble",    (22, 22, 0, 22, 0, 0, 0, 0, 0, 0)),
    ("ten",         (22, 32, 0, 16, 10, 0, 0, 6, 0, 0)),
])
def test_counts_add_up_and_are_the_same_in_every_language(results, name: str, expected) -> None:  # type: ignore[no-untyped-def]
    result = results[name]
    assert numbers(result) == expected
    for lang in LANGS:
        data = result.summary(lang)
        assert tuple(data[key] for key in COUNTS) == expected, lang
        found = counts(result.redlines[lang])
        kept = found.unchanged + found.amended + found.renumbered + found.moved
        assert (found.old_articles, found.new_articles) == (kept + found.deleted, kept + found.inserted)
        classes = [a["class"] for a in data["articles"]]
        assert all(classes.count(c) == data[c] for c in ("unchanged", "amended", "renumbered", "moved", "inserted",
                                                         "deleted"))
        assert [r.key for r in result.rows(lang)] == [r.key for r in result.rows("en")]
        def places(data: dict[str, Any]) -> list[tuple[Any, Any, Any]]:
            return [(m["from"], m["to"], m["reworded"]) for m in data["moves"]]

        assert places(data) == places(result.summary("en")) and data["formed"] == result.summary("en")["formed"]


def test_split(results) -> None:  # type: ignore[no-untyped-def]
    result = results["split"]
    data = result.summary()
    assert data["formed"] == [{"article": "declarations", "number": "10", "from": [
        {"article": "government-1", "number": "9", "paragraphs": ["3", "4"], "whole": False}]}]
    assert [(m["from"]["article_number"], m["from"]["paragraph"], m["to"]["article_number"], m["to"]["paragraph"],
             m["reworded"]) for m in data["moves"]] == [("9", "3", "10", "1", False), ("9", "4", "10", "2", False)]
    assert data["words"] == {"inserted": 0, "deleted": 0, "moved": 19}  # moved words counted once, as moved
    assert result.told() == [
        ("government-1/was-3", "Article 9, paragraph 3", "Moved to Article 10(1)."),
        ("government-1/was-4", "Article 9, paragraph 4", "Moved to Article 10(2)."),
        ("declarations", "Article 10", "Article 10 formed from Article 9(3)–(4)."),
        ("run/government-2", "Articles 11–23 (formerly 10–22)", "Renumbered (13 articles); the text is unchanged."),
    ]
    rows = result.rows()
    assert [str(b) for b in rows[2].old] == ["3. Public officials declare their income and property every year.",
                                              "4. The declarations are published in the manner the law provides."]
    assert str(rows[2].new[0]) == "<ins>1.</ins> Public officials declare their income and property every year."
    assert result.told("ru")[2][2] == "Статья 10 образована из положений: пункты 3–4 статьи 9."
    assert result.told("kk")[2][2] == "10-бап мына ережелерден құрылды: 9-баптың 3–4-тармақтары."


def test_merge(results) -> None:  # type: ignore[no-untyped-def]
    result = results["merge"]
    data = result.summary()
    assert data["formed"] == [{"article": "council-1", "number": "11", "from": [
        {"article": "council-1", "number": "11", "paragraphs": [], "whole": True},
        {"article": "council-2", "number": "12", "paragraphs": ["1", "2"], "whole": True}]}]
    entry = next(a for a in data["articles"] if a["id"] == "council-2")
    assert (entry["class"], entry["went_to"], entry["words_deleted"]) == ("deleted", ["11"], 0)
    assert data["words"] == {"inserted": 0, "deleted": 0, "moved": 20}
    assert result.told() == [
        ("council-1/3", "Article 11, paragraph 3",
         "Article 11 formed from Article 11 and Article 12. Moved from Article 12(1)."),
        ("council-1/4", "Article 11, paragraph 4", "Moved from Article 12(2)."),
        ("council-2", "Article 12", "Deleted. Its text went to Article 11."),
        ("run/court-1", "Articles 12–21 (formerly 13–22)", "Renumbered (10 articles); the text is unchanged."),
    ]


def test_paragraph_moved_across_sections_reworded(results) -> None:  # type: ignore[no-untyped-def]
    result = results["moved"]
    assert result.summary()["moves"] == [{
        "unit": "paragraph", "from": {"article": "rights-2", "article_number": "4", "paragraph": "3", "point": None},
        "to": {"article": "local-2", "article_number": "18", "paragraph": "3", "point": None},
        "reworded": True, "words": 11}]
    assert result.summary()["words"] == {"inserted": 1, "deleted": 1, "moved": 11}
    assert result.told() == [
        ("rights-2/was-3", "Article 4, paragraph 3", "Moved to Article 18(3)."),
        ("local-2/3", "Article 18, paragraph 3", "Moved from Article 4(3) and amended."),
    ]
    assert [n for _, _, n in result.told("ru")] == ["Перенесено; теперь — пункт 3 статьи 18.",
                                                    "Перенесено и изменено; прежде — пункт 3 статьи 4."]
    assert [n for _, _, n in result.told("kk")] == ["Орны ауыстырылды; енді — 18-бап 3-тармақ.",
                                                    "Орны ауыстырылып, өзгертілді; бұрын — 4-бап 3-тармақ."]
    moved = result.rows()[1]
    assert str(moved.old[0]) == "3. Nobody may be <del>compelled</del> to testify against themselves or their close relatives."
    assert str(moved.new[0]) == ("<ins>3.</ins> Nobody may be <ins>forced</ins> to testify against themselves or "
                                 "their close relatives.")


def test_two_articles_swapped(results) -> None:  # type: ignore[no-untyped-def]
    assert results["swapped"].told() == [
        ("kurultai-2", "Article 7 (formerly 8)", "Moved within the section; formerly Article 8. The text is unchanged."),
        ("kurultai-1", "Article 8 (formerly 7)", "Renumbered; formerly Article 7. The text is unchanged."),
    ]


def test_heavy_rewording(results) -> None:  # type: ignore[no-untyped-def]
    result = results["reworded"]
    assert result.summary()["words"] == {"inserted": 17, "deleted": 19, "moved": 0}
    assert result.told() == [
        ("final-2/was-1", "Article 22, paragraph 1 (previous text)", "Deleted."),
        ("final-2/was-2", "Article 22, paragraph 2", "Deleted."),
        ("final-2/1", "Article 22, paragraph 1", "Inserted."),
    ]


def test_punctuation_and_a_number(results) -> None:  # type: ignore[no-untyped-def]
    result = results["punctuation"]
    assert result.told() == [("rights-1/1", "Article 3, paragraph 1", "Amended."),
                             ("rights-1/2", "Article 3, paragraph 2", "Amended.")]
    first, second = result.rows()
    assert str(first.old[0]) == '1. This is Article <del class="mark">3</del>, on rights<del class="mark">.</del>'
    assert str(first.new[0]) == "1. This is Article <ins>30</ins>, on rights"
    assert str(second.new[0]) == '2. The State<ins class="mark">,</ins> ensures the following measures:'  # no space before ","


def test_a_point_deleted(results) -> None:  # type: ignore[no-untyped-def]
    result = results["point"]
    assert result.told() == [
        ("president-2/2/was-1", "Article 6, paragraph 2, point 1) (previous text)", "Deleted."),
        ("president-2/2/1", "Article 6, paragraph 2, point 1)", "Renumbered; formerly point 2)."),
    ]
    renumbered = result.rows()[1]
    assert (str(renumbered.old[0]), str(renumbered.new[0])) == ("<del>2)</del> the second measure.",
                                                                 "<ins>1)</ins> the second measure.")


def test_a_section_title_changed(results) -> None:  # type: ignore[no-untyped-def]
    result = results["section"]
    assert result.summary()["sections"] == [{"id": "rights", "old_number": "II", "new_number": "II",
                                            "status": "amended", "title_changed": True, "renumbered": False}]
    assert result.told() == [("section/rights", "Section II, title", "Amended.")]
    assert str(result.rows()[0].new[0]) == "Section II. Rights <ins>and Freedoms</ins>"
    assert [r.key for r in result.rows("kk")] == ["section/rights"]


def test_the_preamble_changed(results) -> None:  # type: ignore[no-untyped-def]
    result = results["preamble"]
    assert result.summary()["preamble"] == {"changed": True, "heading_changed": False,
                                           "paragraphs": [{"position": 1, "status": "amended"}]}
    assert result.told() == [("preamble/1", "Preamble, paragraph 1", "Amended.")]
    assert result.told("kk") == [("preamble/1", "Преамбула, 1-абзац", "Өзгертілді.")]
    assert str(result.rows("kk")[0].new[0]) == "Біз, Қазақстан халқы, осы Конституцияны <ins>салтанатты түрде</ins> қабылдаймыз."


def test_ten_articles_inserted(results) -> None:  # type: ignore[no-untyped-def]
    result = results["ten"]
    told = result.told()
    assert told[:10] == [(f"new-{k}", f"Article {17 + k}", "Inserted.") for k in range(10)]
    assert told[10:] == [("run/local-1", "Articles 27–32 (formerly 17–22)",
                          "Renumbered (6 articles); the text is unchanged.")]
    assert result.summary()["renumbering_runs"][0]["old"] == ["17", "22"]
