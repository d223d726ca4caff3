"""Steps applied to a version's source text: exact results for every kind, and one diagnostic per step that cannot apply."""

from __future__ import annotations

import pytest

from consolidation_trees import LANGS, base_files, work_of
from drafting.consolidation.application import consolidate_files
from drafting.consolidation.steps import Address, Step
from drafting.model import Loc


def at(line: int) -> dict[str, Loc]:
    return {lang: Loc(f"amendment/001-changes.{lang}.md", line, 4) for lang in LANGS}


def run(steps: list[Step]) -> tuple[dict[str, str], dict[str, str], list[str]]:
    files = base_files()
    result = consolidate_files(files, work_of(files), steps)
    return files, result.files, [d.format() for d in result.diagnostics.sorted()]


def test_restate_an_article_replaces_every_file_exactly() -> None:
    new = {lang: f"---\nid: terms\nnumber: 2\nheading: Terms {lang}\n---\n1. New text {lang}.\n" for lang in LANGS}
    before, after, problems = run([Step("restate", Address("terms"), at(3), new=new)])
    assert problems == []
    for lang in LANGS:
        assert after[f"01-first/002-terms.{lang}.md"] == new[lang]
    assert {k: v for k, v in after.items() if "terms" not in k} == {k: v for k, v in before.items() if "terms" not in k}


def test_restate_insert_and_repeal_paragraphs_and_points() -> None:
    steps = [
        Step("restate", Address("scope", ("1",)), at(3), new={lang: f"1. Restated {lang}.\n" for lang in LANGS}),
        Step("insert", Address("scope", ("1-1",)), at(4), new={lang: f"1-1. Inserted {lang}.\n" for lang in LANGS},
             after=Address("scope", ("1",))),
        Step("insert", Address("scope", ("2", "1-1")), at(5), new={lang: f"   1-1) point {lang};\n" for lang in LANGS},
             after=Address("scope", ("2", "1"))),
        Step("repeal", Address("scope", ("2", "2")), at(6)),
    ]
    _, after, problems = run(steps)
    assert problems == []
    assert after["01-first/001-scope.ru.md"] == (
        "---\nid: scope\nnumber: 1\n---\n1. Restated ru.\n1-1. Inserted ru.\n"
        "2. Гражданин has a право:\n   1) first право;\n   1-1) point ru;\n")
    work_of(after)  # the result reads back without errors


def test_words_replaced_added_and_deleted_in_their_unit() -> None:
    steps = [Step("replace-words", Address("terms", ("1",)), at(3), old={"kk": "мемлекет", "ru": "государство",
                                                                          "en": "state"},
                  new={"kk": "ел", "ru": "страна", "en": "country"}),
             Step("add-words", Address("terms", ("2",)), at(4), old={lang: "Every" for lang in LANGS},
                  new={lang: "single" for lang in LANGS}),
             Step("add-words", Address("terms", ("2",)), at(4), old={lang: "obeys" for lang in LANGS},
                  new={lang: ", always," for lang in LANGS}),
             Step("delete-words", Address("final"), at(5), old={lang: "enters" for lang in LANGS})]
    _, after, problems = run(steps)
    assert problems == []
    assert after["01-first/002-terms.en.md"].endswith("1. The country protects every citizen.\n"
                                                      "2. Every single citizen obeys, always, the law.\n")
    assert after["02-second/003-final.ru.md"].endswith("1. The закон into force.\n")


def test_an_inserted_article_is_named_as_renumber_names_it() -> None:
    new = {lang: f"---\nid: rights\nnumber: 2-1\n---\n1. Rights {lang}.\n" for lang in LANGS}
    _, after, problems = run([Step("insert", Address("rights"), at(3), new=new, after=Address("terms"))])
    assert problems == []
    assert after["01-first/002a-rights.kk.md"] == new["kk"]
    assert [a.id for a in work_of(after).expression("en").articles()] == ["scope", "terms", "rights", "final"]


def test_a_repealed_article_leaves_no_file_and_a_renumbered_one_moves() -> None:
    _, after, problems = run([Step("repeal", Address("terms"), at(3)),
                              Step("renumber", Address("final"), at(4), number="2")])
    assert problems == []
    assert not any("terms" in path for path in after)
    assert after["02-second/002-final.en.md"].startswith("---\nid: final\nnumber: 2\n---\n")
    assert "02-second/003-final.en.md" not in after


def test_every_step_that_cannot_apply_is_reported_at_its_line() -> None:
    steps = [
        Step("restate", Address("nowhere", ("1",)), at(3), new={lang: "1. x\n" for lang in LANGS}),
        Step("replace-words", Address("terms", ("1",)), at(4), old={lang: "absent words" for lang in LANGS},
             new={lang: "y" for lang in LANGS}),
        Step("delete-words", Address("scope", ("2",)), at(5), old={"kk": "құқық", "ru": "право", "en": "right"}),
        Step("insert", Address("scope", ("2",)), at(6), new={lang: "2. again\n" for lang in LANGS},
             after=Address("scope", ("1",))),
        Step("insert", Address("other"), at(7), new={lang: "---\nid: other\nnumber: 3\n---\n1. x\n" for lang in LANGS},
             after=Address("terms")),
        Step("repeal", Address("terms", ("7",)), at(8)),
    ]
    _, _, problems = run(steps)
    assert problems == [
        "amendment/001-changes.en.md:4:4: error C802 the words «absent words» are not in paragraph 1 of article 'terms' (en)",
        "amendment/001-changes.en.md:5:4: error C803 the words «right» are in paragraph 2 of article 'scope' 3 times (en): the instruction must name one place",
        "amendment/001-changes.en.md:6:4: error C804 article 1 ('scope') already has paragraph 2 (en)",
        "amendment/001-changes.en.md:8:4: error C801 article 2 ('terms') has no paragraph 7 in the amended version (en)",
        "amendment/001-changes.kk.md:3:4: error C801 no article with the id 'nowhere' in the amended version",
        "amendment/001-changes.kk.md:4:4: error C802 the words «absent words» are not in paragraph 1 of article 'terms' (kk)",
        "amendment/001-changes.kk.md:5:4: error C803 the words «құқық» are in paragraph 2 of article 'scope' 3 times (kk): the instruction must name one place",
        "amendment/001-changes.kk.md:6:4: error C804 article 1 ('scope') already has paragraph 2 (kk)",
        "amendment/001-changes.kk.md:7:4: error C804 article number 3 is already taken (by 'final')",
        "amendment/001-changes.kk.md:8:4: error C801 article 2 ('terms') has no paragraph 7 in the amended version (kk)",
        "amendment/001-changes.ru.md:4:4: error C802 the words «absent words» are not in paragraph 1 of article 'terms' (ru)",
        "amendment/001-changes.ru.md:5:4: error C803 the words «право» are in paragraph 2 of article 'scope' 3 times (ru): the instruction must name one place",
        "amendment/001-changes.ru.md:6:4: error C804 article 1 ('scope') already has paragraph 2 (ru)",
        "amendment/001-changes.ru.md:8:4: error C801 article 2 ('terms') has no paragraph 7 in the amended version (ru)",
    ]


def test_a_step_without_the_text_of_a_language() -> None:
    _, _, problems = run([Step("restate", Address("terms", ("1",)), at(3), new={"kk": "1. x\n", "ru": "1. y\n"})])
    assert problems == ["amendment/001-changes.en.md:3:4: error C805 the instruction gives no 'en' text"]


@pytest.mark.parametrize("path", [("2", "1"), ("2",), ()])
def test_point_paragraph_and_article_words_are_found_in_their_own_span(path: tuple[str, ...]) -> None:
    _, after, problems = run([Step("replace-words", Address("scope", path), at(3), old={lang: "first" for lang in LANGS},
                                   new={lang: "1st" for lang in LANGS})])
    assert problems == []
    assert "   1) 1st право;\n" in after["01-first/001-scope.ru.md"]


def test_an_inserted_unit_goes_after_the_last_sibling_numbered_before_it() -> None:
    steps = [Step("insert", Address("scope", ("2", "1-1")), at(3), new={lang: f"   1-1) p {lang};\n" for lang in LANGS}),
             Step("insert", Address("terms", ("1-1",)), at(4), new={lang: f"1-1. mid {lang}.\n" for lang in LANGS}),
             Step("insert", Address("terms", ("3",)), at(5), new={lang: f"3. last {lang}.\n" for lang in LANGS})]
    _, after, problems = run(steps)
    assert problems == []
    assert after["01-first/001-scope.en.md"].split("---\n")[2] == (
        "1. This law is about the state.\n2. Citizen has a right:\n   1) first right;\n"
        "   1-1) p en;\n   2) second right.\n")
    assert after["01-first/002-terms.en.md"].split("---\n")[2] == (
        "1. The state protects every citizen.\n1-1. mid en.\n2. Every citizen obeys the law.\n3. last en.\n")


def test_an_article_restated_or_inserted_with_its_file_goes_there() -> None:
    restated = {lang: f"---\nid: final\nnumber: 4\n---\n1. Moved {lang}.\n" for lang in LANGS}
    inserted = {lang: f"---\nid: middle\nnumber: 3\n---\n1. Middle {lang}.\n" for lang in LANGS}
    _, after, problems = run([
        Step("restate", Address("final"), at(3), new=restated, file="02-second/004-final"),
        Step("insert", Address("middle"), at(4), new=inserted, file="02-second/003-middle")])
    assert problems == []
    assert after["02-second/004-final.kk.md"] == restated["kk"]
    assert after["02-second/003-middle.ru.md"] == inserted["ru"]
    assert "02-second/003-final.kk.md" not in after
    work_of(after)


def test_words_in_a_point_of_a_paragraph_are_named_so() -> None:
    _, _, problems = run([Step("delete-words", Address("scope", ("2", "1")), at(3), old={lang: "zzz" for lang in LANGS})])
    assert problems[0] == ("amendment/001-changes.en.md:3:4: error C802 the words «zzz» are not in point 1 of "
                           "paragraph 2 of article 'scope' (en)")


def test_renumberings_are_made_together_after_everything_else() -> None:
    steps = [Step("renumber", Address("scope", ("1",)), at(3), number="2"),
             Step("renumber", Address("scope", ("2",)), at(4), number="3"),
             Step("renumber", Address("scope", ("2", "2")), at(5), number="3"),
             Step("renumber", Address("final"), at(6), number="4"),
             Step("renumber", Address("terms"), at(7), number="3"),
             Step("insert", Address("scope", ("1-1",)), at(8), new={lang: f"1-1. ins {lang}.\n" for lang in LANGS})]
    _, after, problems = run(steps)
    assert problems == []
    assert after["01-first/001-scope.en.md"].split("---\n")[2] == (
        "2. This law is about the state.\n1-1. ins en.\n3. Citizen has a right:\n   1) first right;\n"
        "   3) second right.\n")
    assert sorted(p for p in after if p.endswith(".en.md")) == [
        "01-first/001-scope.en.md", "01-first/003-terms.en.md", "02-second/004-final.en.md"]


def test_a_renumbering_that_leaves_two_units_with_one_number() -> None:
    _, _, problems = run([Step("renumber", Address("scope", ("1",)), at(3), number="2"),
                          Step("renumber", Address("terms"), at(4), number="3")])
    assert problems == [
        "amendment/001-changes.en.md:3:4: error C804 after renumbering, article 1 ('scope') has two units numbered 2 (en)",
        "amendment/001-changes.kk.md:3:4: error C804 after renumbering, article 1 ('scope') has two units numbered 2 (kk)",
        "amendment/001-changes.kk.md:4:4: error C804 after renumbering, two articles are numbered 3 ('terms' and 'final')",
        "amendment/001-changes.ru.md:3:4: error C804 after renumbering, article 1 ('scope') has two units numbered 2 (ru)",
    ]


def test_an_article_moved_and_the_numbers_it_frees() -> None:
    moved = {lang: f"---\nid: final\nnumber: 2\n---\n1. Final {lang}.\n" for lang in LANGS}
    _, after, problems = run([Step("insert", Address("final"), at(3), new=moved, file="01-first/002-final"),
                              Step("renumber", Address("terms"), at(4), number="3"),
                              Step("repeal", Address("final"), at(5))])
    assert problems == []
    assert after["01-first/002-final.en.md"] == moved["en"]
    assert after["01-first/003-terms.en.md"].startswith("---\nid: terms\nnumber: 3\n---\n")
    assert not any(path.startswith("02-second/0") for path in after)
