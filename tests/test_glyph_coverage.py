"""Glyph coverage in `drafting check` (G801): every character of the sources against the print fonts' cmaps,
at its line and column; the build's P705 reads the same character maps (drafting.checks.coverage)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.checks.coverage import check_sources, cmap, covered, fonts_by_language, printable
from drafting.diagnostics import Diagnostics
from drafting.writers.pdf.settings import load_settings
from drafting_repo import cli, make_repo

ARTICLE = "01-foundations/002-foundations-2"
PT = "PTF55F.ttf, PTF56F.ttf, PTF75F.ttf, PTF76F.ttf, PTS55F.ttf, PTS56F.ttf, PTS75F.ttf, PTS76F.ttf"


def _lacks(char: str, name: str) -> str:
    return (f"character {char!r} ({name}) has no glyph in the print fonts ({PT}): the PDFs cannot print it "
            "('drafting build' stops with P705)")


def test_characters_the_fonts_lack_are_named_at_line_and_column(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    article = source / f"{ARTICLE}.ru.md"
    article.write_text(article.read_text(encoding="utf-8").replace("number: 2\n", "number: 2\nheading: Основы ☃\n")
                       .replace("2. Государство", "2. Государство 漢字 🙂 漢"), encoding="utf-8")
    work = source / "work.yaml"
    work.write_text(work.read_text(encoding="utf-8") + "# a comment prints nothing: ☂\n", encoding="utf-8")
    result = cli("check", source, "--no-cache")
    assert result.exit_code == 1
    shown = f"{source}/{ARTICLE}.ru.md"
    assert [line for line in result.stdout.splitlines() if " G801 " in line] == [
        f"{shown}:4:17: error G801 " + _lacks("☃", "U+2603 SNOWMAN"),
        f"{shown}:7:16: error G801 " + _lacks("漢", "U+6F22 CJK UNIFIED IDEOGRAPH-6F22"),
        f"{shown}:7:17: error G801 " + _lacks("字", "U+5B57 CJK UNIFIED IDEOGRAPH-5B57"),
        f"{shown}:7:19: error G801 " + _lacks("🙂", "U+1F642 SLIGHTLY SMILING FACE"),
    ]
    assert "Traceback" not in result.output
    assert f"{shown}:4:17: error G801 character '☃' (U+2603 SNOWMAN) has no glyph in the print fonts (PTF55F.ttf, PTF56F.ttf, PTF75F.ttf, PTF76F.ttf, PTS55F.ttf, PTS56F.ttf, PTS75F.ttf, PTS76F.ttf): the PDFs cannot print it ('drafting build' stops with P705)" in result.stdout  # noqa: E501


def test_yaml_titles_are_checked_and_a_clean_tree_passes(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    assert cli("check", source).exit_code == 0
    section = source / "01-foundations/section.yaml"
    lines = section.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("en:"))
    lines[index] = lines[index] + " ✈"
    section.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("check", source)
    found = [line for line in result.stdout.splitlines() if " G801 " in line]
    assert len(found) == 1 and found[0].startswith(f"{source}/01-foundations/section.yaml:{index + 1}:{len(lines[index])}:")


def test_a_language_no_profile_prints_is_not_held_to_the_fonts() -> None:
    settings_ = load_settings()
    table = fonts_by_language(settings_, ["kk", "ru", "en", "xx"])
    assert set(table) == {None, "kk", "ru", "en", "xx"}  # a4 prints every language
    diags = Diagnostics()
    check_sources({"a/001-x.zz.md": "漢"}, {"a/001-x.zz.md": "a/001-x.zz.md"}, table, diags)
    assert not diags.items


CODES = covered(fonts_by_language(load_settings(), ["ru"])["ru"])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_reported_exactly_the_printable_characters_the_fonts_lack(body: str) -> None:
    text = f"---\nid: x\nnumber: 1\n---\n1. {body}\n"
    diags = Diagnostics()
    check_sources({"001-x.ru.md": text}, {"001-x.ru.md": "x.ru.md"}, fonts_by_language(load_settings(), ["ru"]),
                  diags)
    expected = {char for char in body if ord(char) not in CODES and printable(char)}
    reported = {chr(int(re.search(r"\(U\+([0-9A-F]{4,6}) ", item.message).group(1), 16)): item  # type: ignore[union-attr]
                for item in diags}
    assert set(reported) == expected
    for char, item in reported.items():
        index = text.index(char)
        assert (item.line, item.column) == (text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index))


def test_cmaps_are_read_once_per_font_file() -> None:
    path = load_settings().font_files()[0]
    assert cmap(path) is cmap(path)
    assert 0x0416 in cmap(path)  # Ж: the fonts cover Cyrillic


def test_cmaps_are_kept_across_runs_and_a_spoilt_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from drafting.checks import coverage

    path = load_settings().font_files()[0]
    coverage._MEMORY.clear()
    first = cmap(path, tmp_path)
    [stored] = list(tmp_path.iterdir())
    coverage._MEMORY.clear()
    monkeypatch.setitem(sys.modules, "fontTools.ttLib", None)  # a second run reads the cache, not the font
    assert cmap(path, tmp_path) == first
    monkeypatch.delitem(sys.modules, "fontTools.ttLib")
    stored.write_text('{"not": "a list"}', encoding="utf-8")
    coverage._MEMORY.clear()
    assert cmap(path, tmp_path) == first


def test_check_keeps_the_maps_with_the_project(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    from drafting_repo import run

    assert run("check", source, env={"XDG_CACHE_HOME": str(tmp_path / "user-cache")}).returncode == 0
    assert list((source.parent / ".drafting-cache" / "cmaps").glob("*.json"))
    assert not list((tmp_path / "user-cache").rglob("cmaps"))  # (the parse cache's signing key lives there)
