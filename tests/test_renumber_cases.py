"""Renumbering cases: inserted numbers (the 1995 layout), languages that disagree, the preamble,
and random insertions, deletions and moves (hypothesis): the result always passes `check`."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.source.load import load
from drafting.tools.renumbering import plan_renumber, renumber
from drafting_repo import MINI, append_lines, cli, write_article

KZ1995 = Path(__file__).parent / "fixtures" / "kz1995"


def test_inserted_numbers_stay_inserted_where_the_profile_allows_them(tmp_path: Path) -> None:
    source = tmp_path / "kz1995"
    shutil.copytree(KZ1995, source)
    assert plan_renumber(source).empty
    write_article(source / "01-general", "002a-new", "new", "3", {"ru": "Новая статья.", "en": "A new article."})
    result = cli("renumber", source)
    assert result.exit_code == 0, result.output
    assert "article 4-1 -> 5-1  'inserted'  (02-person/004a-inserted.* -> 005a-inserted.*)" in result.stdout
    assert load(source).ok, load(source).diagnostics.sorted()
    text = (source / "02-person" / "005a-inserted.ru.md").read_text(encoding="utf-8")
    assert "number: 5-1\n" in text
    assert "[статью 5-1](art:inserted) и [пункт 3-1 статьи 4](art:person-1/3-1)" in text
    assert "[paragraph 3-1 of Article 4](art:person-1/3-1)" in (
        source / "02-person" / "005a-inserted.en.md").read_text(encoding="utf-8")
    assert plan_renumber(source, paragraphs=True).empty  # inserted paragraphs (3-1) are kept too


def test_each_language_rewrites_the_number_it_had(tmp_path: Path) -> None:
    source = tmp_path / "mini"
    shutil.copytree(MINI, source)
    ru = source / "03-president" / "006-president-2.ru.md"
    ru.write_text(ru.read_text(encoding="utf-8").replace("number: 6", "number: 9"), encoding="utf-8")
    append_lines(source / "02-rights", "003-rights-1", {"ru": "3. См. [статью 9](art:president-2).",
                                                        "kk": "3. [6-бапты](art:president-2) қараңыз.",
                                                        "en": "3. See [Article 6](art:president-2)."})
    renumber(source)
    loaded = load(source)
    assert loaded.ok, loaded.diagnostics.sorted()
    assert "number: 6\n" in ru.read_text(encoding="utf-8")
    assert "[статью 6](art:president-2)" in (source / "02-rights" / "003-rights-1.ru.md").read_text(encoding="utf-8")


def test_references_in_the_preamble(tmp_path: Path) -> None:
    source = tmp_path / "mini"
    shutil.copytree(MINI, source)
    preamble = source / "preamble.en.md"
    preamble.write_text(preamble.read_text(encoding="utf-8").rstrip("\n") + " See [Article 22](art:final-2).\n",
                        encoding="utf-8")
    write_article(source / "01-foundations", "000a-first", "first", "1",
                  {"kk": "Мәтін.", "ru": "Текст.", "en": "Text."})
    renumber(source)
    assert load(source).ok
    assert preamble.read_text(encoding="utf-8").endswith(" See [Article 23](art:final-2).\n")


# -- random edits ------------------------------------------------------------------------------------

ARTICLES = [(p.parent.name, p.name.split(".")[0]) for p in sorted(MINI.glob("*/*.kk.md"))]
Edit = tuple[str, int, int]  # (kind, article index, section index)
edits = st.lists(st.tuples(st.sampled_from(["delete", "move", "insert"]), st.integers(0, len(ARTICLES) - 1),
                           st.integers(0, 10)), min_size=1, max_size=4)


def apply_edits(source: Path, chosen: list[Edit]) -> None:
    sections = sorted(p for p in source.iterdir() if p.is_dir())
    removed: set[str] = set()
    for step, (kind, index, target) in enumerate(chosen):
        folder, stem = ARTICLES[index]
        if stem in removed:
            continue
        files = [source / folder / f"{stem}.{lang}.md" for lang in ("kk", "ru", "en")]
        if kind == "delete" and stem not in ("foundations-1", "001-foundations-1", "002-foundations-2"):
            removed.add(stem)
            for path in files:
                path.unlink()
        elif kind == "move" and stem not in removed:
            removed.add(stem)  # moved once only: its old path is gone
            for path in files:
                path.rename(sections[target] / f"{step:03d}z-moved{step}{path.name[path.name.index('.'):]}")
        elif kind == "insert":
            write_article(sections[target], f"{step:03d}a-added{step}", f"added{step}", "1",
                          {"kk": f"Мәтін, [](art:rights-1) {step}.", "ru": f"Текст {step}.", "en": f"Text {step}."})


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits)
def test_random_edits_renumber_to_a_clean_tree(chosen: list[Edit]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "mini"
        shutil.copytree(MINI, source)
        apply_edits(source, chosen)
        renumber(source)
        loaded = load(source)
        # references to a deleted article stay unknown (R501): renumbering does not invent targets
        assert [d for d in loaded.diagnostics.sorted() if d.code != "R501"] == []
        assert plan_renumber(source).empty


def test_references_are_the_readers_links_a_title_kept_and_code_spans_left_alone(tmp_path: Path) -> None:
    """Renumbering finds references through the reader's markdown-it parse (drafting.source.linkspans): a link
    with a title is a reference and is rewritten; a link written inside a code span is text and stays."""
    source = tmp_path / "mini"
    shutil.copytree(MINI, source)
    ru = source / "03-president" / "006-president-2.ru.md"
    ru.write_text(ru.read_text(encoding="utf-8").replace("number: 6", "number: 9"), encoding="utf-8")
    append_lines(source / "02-rights", "003-rights-1", {
        "ru": '3. См. [статью 9](art:president-2 "о Президенте") и пример `[статью 9](art:president-2)`.',
        "kk": "3. [6-бапты](art:president-2 'Президент') қараңыз.",
        "en": "3. See [Article 6](<art:president-2> (the President)), not ``[Article 6](art:president-2)``."})
    plan = plan_renumber(source)
    assert plan.references == 1 and not plan.notes, plan.notes
    renumber(source)
    loaded = load(source)
    assert loaded.ok, loaded.diagnostics.sorted()
    text = (source / "02-rights" / "003-rights-1.ru.md").read_text(encoding="utf-8")
    assert text.endswith('3. См. [статью 6](art:president-2 "о Президенте") и пример `[статью 9](art:president-2)`.\n')
    assert "[6-бапты](art:president-2 'Президент')" in (source / "02-rights" / "003-rights-1.kk.md").read_text(
        encoding="utf-8")
