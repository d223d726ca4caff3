"""Each diagnostic code raised with its exact message (tests/emitted_codes.py checks that every registered code
is): the codes that no other test stated in full, each case at its file, line and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, check_tree, copy_fixture, lines_of
from drafting.diagnostics import DraftingError
from drafting.source.load import load, load_tree
from drafting.source.tree import FileTree
from drafting.tools.renumbering import plan_renumber
from drafting.writers.pdf.settings import SETTINGS_FILE, load_settings

KZ_CODE = FIXTURES / "acts" / "kz-code"
LIBRARY = FIXTURES / "library"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def findings(root: Path) -> list[str]:
    return lines_of(load_tree(FileTree(root, label="src")))


def test_n310_a_file_name_out_of_line_with_the_number(tmp_path: Path) -> None:
    mini = copy_fixture(tmp_path)
    for lang in ("kk", "ru", "en"):
        (mini / f"01-foundations/002-foundations-2.{lang}.md").rename(mini / f"01-foundations/005-foundations-2.{lang}.md")
    assert "src/01-foundations/005-foundations-2.en.md:3:1: warning N310 file name starts with 005 but the article is number 2: run 'drafting renumber' to bring names in line" in lines_of(check_tree(mini))  # noqa: E501


def test_n311_renumbering_cannot_find_the_number_line(tmp_path: Path) -> None:
    mini = copy_fixture(tmp_path)
    edit(mini / "01-foundations/002-foundations-2.ru.md", "number: 2", "number: &n 9")  # an anchor: not 'key: value'
    with pytest.raises(DraftingError) as caught:
        plan_renumber(mini)
    assert [d.format() for d in caught.value.diagnostics] == [
        "01-foundations/002-foundations-2.ru.md:3:1: error N311 cannot find the article's 'number:' line to rewrite: write it as 'number: VALUE' on a line of its own"]  # noqa: E501


def test_n312_a_container_at_the_wrong_level(tmp_path: Path) -> None:
    root = tmp_path / "kz-code"
    shutil.copytree(KZ_CODE, root)
    (root / "01-general/01-basics/chapter.yaml").rename(root / "01-general/01-basics/section.yaml")
    assert "src/01-general/01-basics/section.yaml:1:1: error N312 a section cannot stand directly in a section: expected chapter.yaml here (the profile's levels: section > chapter > paragraph-group)" in findings(root)  # noqa: E501


def test_r505_r506_m605_terms_and_footnotes(tmp_path: Path) -> None:
    root = tmp_path / "kz-code"
    shutil.copytree(KZ_CODE, root)
    basics = root / "01-general/01-basics"
    edit(basics / "002-principles.ru.md", "(term:water-body)", "(term:water-bodies)")
    edit(basics / "001-terms.kk.md", "(def:water-user)", "(def:water-body)")
    edit(basics / "001-terms.ru.md", "воду[^1].", "воду[^1][^1].")
    edit(basics / "001-terms.kk.md", "тұлға[^1].", "тұлға.")
    found = findings(root)
    assert "src/01-general/01-basics/002-principles.ru.md:6:29: error R505 term 'water-bodies' is used but not defined: write [the term](def:water-bodies) where it is defined" in found  # noqa: E501
    assert "src/01-general/01-basics/001-terms.kk.md:9:21: error R506 term 'water-body' is defined twice (first at src/01-general/01-basics/001-terms.kk.md:8)" in found  # noqa: E501
    assert "src/01-general/01-basics/001-terms.ru.md:9:64: error M605 footnote [^1] is referenced twice: one mark, one note" in found  # noqa: E501
    # a note never marked used to vanish without a word (the footnote plugin drops it): now it is named
    assert "src/01-general/01-basics/001-terms.kk.md:11:1: warning M605 footnote [^1] is defined but never referenced" in found  # noqa: E501


def test_a411_r507_f205_acts_of_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "library"
    shutil.copytree(LIBRARY, root)
    law = tmp_path / "elections"
    shutil.copytree(root / "laws/elections", law)
    alone = load(law)
    assert {d.message for d in alone.diagnostics} == {
        "reference to the act 'constitution' not checked: no drafting.yaml names the repository's acts"}
    (root / "drafting.yaml").write_text("find: [.]\n", encoding="utf-8")
    edit(root / "laws/elections/work.yaml", "number: elections", "number: constitution")
    edit(root / "laws/elections/work.yaml", "subtype: constitutional-law", "subtype: constitution")
    edit(root / "laws/elections/work.yaml", "date: 2026-06-15", "date: 2026-03-15")
    from drafting.source.load import load_library

    found = load_library(root)
    messages = {d.message for loaded in found.works.values() for d in loaded.diagnostics}
    assert "the FRBR URI /akn/kz/act/constitution/2026-03-15/constitution is also the act 'constitution': country, type, date and number make an act's identity" in messages  # noqa: E501
    twice = tmp_path / "twice"
    (twice / "a").mkdir(parents=True)
    shutil.copytree(LIBRARY / "constitution", twice / "a" / "constitution")
    shutil.copytree(LIBRARY / "constitution", twice / "constitution")
    (twice / "drafting.yaml").write_text("works:\n  - constitution\n  - a/constitution\n", encoding="utf-8")
    from drafting.source.library import read_library

    monkeypatch.chdir(twice)
    library = read_library(Path("."))
    assert [d.format() for d in library.diagnostics.sorted()] == [
        "drafting.yaml:3:1: error F205 two works are named 'constitution' (constitution and a/constitution): give one a 'short:' name in its work.yaml"]  # noqa: E501


def test_p701_p702_p703_print_settings(tmp_path: Path) -> None:
    path = tmp_path / "print.yaml"
    shutil.copy(SETTINGS_FILE, path)
    edit(path, "    bold: /usr/share/fonts/truetype/paratype/PTS75F.ttf", "    bold: /nowhere/PTS75F.ttf")
    edit(path, "fonts: {text: PT Serif, headings: PT Sans}\n    font-size: 8.5pt",
         "fonts: {text: Comic, headings: PT Sans}\n    font-size: 8.5pt")
    edit(path, "icc: /usr/share/color/icc/ghostscript/default_cmyk.icc", "icc: /nowhere/shop.icc")
    with pytest.raises(DraftingError) as caught:
        load_settings(path)
    lines = [d.format().removeprefix(f"{path}:") for d in caught.value.diagnostics]
    assert lines[:3] == [
        "16:1: error P701 font file /nowhere/PTS75F.ttf of PT Sans (bold) is not installed: run scripts/setup.sh",
        "30:1: error P702 ICC profile /nowhere/shop.icc is not installed: run scripts/setup.sh, or name the print shop's own CMYK profile",  # noqa: E501
        "47:1: error P703 profile a2 names font 'Comic', which is not under 'fonts'"]


def test_p706_an_rgb_profile_as_the_output_intent(tmp_path: Path) -> None:
    path = tmp_path / "print.yaml"
    shutil.copy(SETTINGS_FILE, path)
    edit(path, "icc: /usr/share/color/icc/ghostscript/default_cmyk.icc", "icc: /usr/share/color/icc/ghostscript/srgb.icc")
    with pytest.raises(DraftingError) as caught:
        load_settings(path)
    assert [d.message for d in caught.value.diagnostics] == [
        "ICC profile /usr/share/color/icc/ghostscript/srgb.icc cannot be the output intent: its colour space is RGB, not CMYK (a newspaper press prints CMYK)"]  # noqa: E501
