"""Matching and diffing two versions with known edits: exact statuses and counts.

The second version (tests/redline_edits.py::known_edits) inserts an article that
renumbers the rest, deletes one, moves one to another section, edits words in two,
renames an id, and renumbers the target of a written and of an empty reference.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafting.source.load import load_valid
from drafting.model import Work
from drafting.writers.redline import Redline, Side, compare
from drafting.writers.redline.rendering import render_diff
from drafting.writers.redline.matching import _longest_increasing, match_articles
from drafting.writers.redline.revisions import read_version
from drafting.writers.redline.summary import Counts, counts, summary
from redline_edits import LANGS, MINI, replace_text, two_versions

# id: (old number, new number, status, amended)
EXPECTED = {
    "foundations-1": ("1", "1", "unchanged", False),
    "foundations-2": ("2", "2", "amended", True),
    "rights-1": ("3", "3", "unchanged", False),
    "environment": (None, "4", "inserted", False),
    "rights-2": ("4", "5", "renumbered", False),
    "president-1": ("5", "6", "renumbered", True),
    "president-2": ("6", "7", "renumbered", False),
    "kurultai-1": ("7", "8", "renumbered", False),
    "kurultai-2": ("8", "9", "renumbered", False),
    "government-1": ("9", "10", "renumbered", False),
    "government-2": ("10", "11", "renumbered", False),
    "council-1": ("11", "12", "renumbered", False),
    "council-2": ("12", None, "deleted", False),
    "court-2": ("14", "13", "renumbered", False),
    "justice-1": ("15", "14", "renumbered", False),
    "judiciary-2": ("16", "15", "renumbered", False),
    "local-1": ("17", "16", "renumbered", False),
    "local-2": ("18", "17", "renumbered", False),
    "court-1": ("13", "18", "moved", False),
    "amendment-1": ("19", "19", "unchanged", False),
    "amendment-2": ("20", "20", "unchanged", False),
    "final-1": ("21", "21", "unchanged", False),
    "final-2": ("22", "22", "unchanged", False),
}


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Work, Work, Side, Side]:
    _, source, _, _ = two_versions(tmp_path_factory.mktemp("compare"))
    old, new = read_version(source, "v1"), read_version(source, "v2")
    return old.work, new.work, old.side, new.side


def assert_counts_add_up(found: Counts) -> None:
    """Each article of either version in exactly one class."""
    kept = found.unchanged + found.amended + found.renumbered + found.moved
    assert found.old_articles == kept + found.deleted
    assert found.new_articles == kept + found.inserted


def redline(versions: tuple[Work, Work, Side, Side], lang: str) -> Redline:
    old, new, old_side, new_side = versions
    return compare(old, new, lang, old_side, new_side)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_known_edits_give_the_expected_statuses_in_reading_order(versions, lang: str) -> None:  # type: ignore[no-untyped-def]
    result = redline(versions, lang)
    found = {a.id: (a.old_num, a.new_num, a.status, a.amended) for a in result.articles()}
    assert found == EXPECTED
    assert [a.id for a in result.articles()] == list(EXPECTED)  # deleted where it stood, moved where it went
    found_counts = counts(result)
    assert found_counts.as_dict() == {"old_articles": 22, "new_articles": 22, "amended": 2, "unchanged": 6,
                                      "inserted": 1, "deleted": 1, "moved": 1, "renumbered": 12,
                                      "percent_amended": 9.1, "also_renumbered": 2, "also_moved": 0}
    assert_counts_add_up(found_counts)


def test_summary_entries(versions) -> None:  # type: ignore[no-untyped-def]
    data = summary(redline(versions, "en"))
    entries = {e["id"]: e for e in data["articles"]}
    assert entries["president-1"] == {"id": "president-1", "old_id": "president-1", "old_number": "5",
                                      "new_number": "6", "class": "amended", "status": "renumbered",
                                      "amended": True, "renumbered": True, "moved": False,
                                      "words_inserted": 5, "words_deleted": 1, "words_moved": 0}
    assert entries["environment"]["words_inserted"] == 8 and entries["environment"]["old_number"] is None
    assert entries["council-2"]["words_deleted"] == 20 and entries["council-2"]["new_number"] is None
    assert entries["foundations-2"]["words_inserted"] == 4


def test_a_renamed_id_is_matched_by_text(versions) -> None:  # type: ignore[no-untyped-def]
    article = next(a for a in redline(versions, "ru").articles() if a.id == "judiciary-2")
    assert (article.old_id, article.matched_by, article.similarity) == ("justice-2", "text", 100.0)


def test_references_to_renumbered_articles_are_not_text_changes(versions) -> None:  # type: ignore[no-untyped-def]
    articles = {a.id: a for a in redline(versions, "en").articles()}
    written, empty = articles["local-1"], articles["amendment-1"]  # [Article 6](art:president-2), [](art:president-2)
    assert (written.amended, written.words_inserted, written.words_deleted) == (False, 0, 0)
    assert (empty.status, empty.words_inserted, empty.words_deleted) == ("unchanged", 0, 0)
    assert render_diff(written.paragraphs[2].text, "old") == "See Article 6."
    assert render_diff(written.paragraphs[2].text, "new") == "See Article 7."
    assert render_diff(empty.paragraphs[2].text, "new") == "Article 7."


def load_edited(tmp_path: Path, edit) -> tuple[Work, Work]:  # type: ignore[no-untyped-def]
    source = tmp_path / "src"
    shutil.copytree(MINI, source)
    edit(source)
    return load_valid(MINI), load_valid(source)


def sides() -> tuple[Side, Side]:
    return Side("a", "a"), Side("b", "b")


def test_an_inserted_paragraph_is_one_insertion_not_a_cascade(tmp_path: Path) -> None:
    def edit(source: Path) -> None:
        replace_text(source, "01-foundations", "001-foundations-1", {
            "en": ("2. The State", "2. Power belongs to the people.\n3. The State"),
            "ru": ("2. Государство", "2. Власть принадлежит народу.\n3. Государство"),
            "kk": ("2. Мемлекет", "2. Билік халыққа тиесілі.\n3. Мемлекет"),
        })

    old, new = load_edited(tmp_path, edit)
    article = compare(old, new, "en", *sides()).articles()[0]
    assert article.status == "amended"
    assert [(p.old_num, p.new_num, p.status) for p in article.paragraphs] == [
        ("1", "1", "equal"), (None, "2", "inserted"), ("2", "3", "equal")]
    assert (article.words_inserted, article.words_deleted) == (5, 0)


def test_preamble_and_section_titles_are_compared(tmp_path: Path) -> None:
    def edit(source: Path) -> None:
        path = source / "preamble.en.md"
        path.write_text(path.read_text(encoding="utf-8").replace("adopt", "solemnly adopt"), encoding="utf-8")
        path = source / "02-rights" / "section.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace('en: "Rights"', 'en: "Human Rights"'),
                        encoding="utf-8")

    old, new = load_edited(tmp_path, edit)
    result = compare(old, new, "en", *sides())
    assert result.preamble is not None and result.preamble.changed
    assert render_diff(result.preamble.paragraphs[0].text) == (
        "We, the people of Kazakhstan, <ins>solemnly</ins> adopt this Constitution.")
    assert [(s.id, s.status) for s in result.sections if s.status != "equal"] == [("rights", "amended")]
    assert all(a.status == "unchanged" for a in result.articles())
    assert compare(old, new, "ru", *sides()).preamble.changed is False  # type: ignore[union-attr]


def test_moving_to_another_section_in_the_same_order_is_a_move(tmp_path: Path) -> None:
    def edit(source: Path) -> None:  # the last article of section I becomes the first of section II
        for lang in ("kk", "ru", "en"):
            (source / "01-foundations" / f"002-foundations-2.{lang}.md").rename(
                source / "02-rights" / f"002-foundations-2.{lang}.md")

    old, new = load_edited(tmp_path, edit)
    statuses = {a.id: a.status for a in compare(old, new, "en", *sides()).articles() if a.changed}
    assert statuses == {"foundations-2": "moved"}


def test_similarity_threshold_decides_between_a_rewrite_and_a_new_article(tmp_path: Path) -> None:
    def edit(source: Path) -> None:
        replace_text(source, "11-final", "022-final-2", {lang: ("id: final-2", "id: closing") for lang in LANGS})

    old, new = load_edited(tmp_path, edit)
    article = compare(old, new, "en", *sides()).articles()[-1]
    assert (article.id, article.old_id, article.status, article.matched_by) == ("closing", "final-2", "unchanged", "text")

    def rewrite(source: Path) -> None:
        edit(source)
        path = source / "11-final" / "022-final-2.en.md"
        front = path.read_text(encoding="utf-8").split("---")[1]
        path.write_text(f"---{front}---\n1. Laws in force stay in force until replaced.\n2. Courts keep applying them:\n"
                        "   1) in every case;\n   2) without delay.\n", encoding="utf-8")

    old, new = load_edited(tmp_path / "rewrite", rewrite)
    result = compare(old, new, "en", *sides())
    assert {a.id: a.status for a in result.articles() if a.changed} == {"closing": "inserted", "final-2": "deleted"}
    result = compare(old, new, "en", *sides(), threshold=20)
    assert {a.id: a.status for a in result.articles() if a.changed} == {"closing": "amended"}


def test_longest_increasing_subsequence_keeps_the_most_in_place() -> None:
    assert _longest_increasing([0, 1, 5, 2, 3, 4, 6]) == {0, 1, 3, 4, 5, 6}  # 5 moved up
    assert _longest_increasing([0, 4, 1, 2, 3]) == {0, 2, 3, 4}
    assert _longest_increasing([]) == set()


def test_identical_versions_have_no_changes() -> None:
    work = load_valid(MINI)
    assert all(not m.moved and m.by == "id" for m in match_articles(work.expression("kk"), work.expression("kk")))
    result = compare(work, work, "kk", *sides())
    assert counts(result).as_dict()["unchanged"] == 22 and not result.changed_articles()


def test_renumbering_runs_in_the_summary(versions) -> None:  # type: ignore[no-untyped-def]
    data = summary(redline(versions, "en"))
    assert data["renumbering_runs"] == [
        {"old": ["6", "11"], "new": ["7", "12"],
         "articles": ["president-2", "kurultai-1", "kurultai-2", "government-1", "government-2", "council-1"]},
        {"old": ["14", "18"], "new": ["13", "17"], "articles": ["court-2", "justice-1", "judiciary-2", "local-1", "local-2"]},
    ]
    # the articles of a run are still each counted once, as renumbered
    assert data["renumbered"] == sum(1 for e in data["articles"] if e["class"] == "renumbered") == 12
