"""Every rule broken at least once, with the exact diagnostic it must produce."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import pytest

from conftest import check_tree, lines_of

A1 = "01-foundations/001-foundations-1"
A2 = "01-foundations/002-foundations-2"


def edit(path: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        file = root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def write(path: str, data: bytes | str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        file = root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return apply


def remove(path: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        target = root / path
        if target.is_dir():
            import shutil

            shutil.rmtree(target)
        else:
            target.unlink()
    return apply


def symlink_out(path: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        outside = root.parent / "secret.md"
        outside.write_text("---\nid: secret\nnumber: 1\n---\nsecret\n", encoding="utf-8")
        os.symlink(outside, root / path)
    return apply


CASES: list[tuple[str, Callable[[Path], None], str]] = [
    # files
    ("S102 not UTF-8", write(f"{A1}.en.md", b"---\nid: foundations-1\nnumber: 1\n---\n1. Caf\xe9\n"),
     f"src/{A1}.en.md:5:7: error S102 not UTF-8 text (byte 0xe9)"),
    ("S102 binary", write(f"{A1}.en.md", b"---\nid: x\n\x00\x01\x02"),
     f"src/{A1}.en.md:3:1: error S102 binary file (contains NUL bytes): sources are UTF-8 text"),
    ("S103 empty", write(f"{A1}.en.md", ""), f"src/{A1}.en.md:1:1: error S103 empty file"),
    ("S104 10 MB", write(f"{A1}.en.md", "---\nid: foundations-1\nnumber: 1\n---\n" + "word " * 2_000_000),
     f"src/{A1}.en.md:1:1: error S104 file too large (10,000,036 bytes; the limit is 1,000,000)"),
    ("S105 symlink out", symlink_out("01-foundations/009-secret.en.md"),
     "src/01-foundations/009-secret.en.md:1:1: error S105 symbolic link leading outside the source tree: refused"),
    ("S106 unknown language", write(f"{A1}.de.md", "---\nid: foundations-1\nnumber: 1\n---\nText.\n"),
     f"src/{A1}.de.md:1:1: error S106 unknown language suffix '.de.md': the work's languages are kk, ru, en"),
    ("S107 outside layout", write("notes.txt", "hello"),
     "src/notes.txt:1:1: error S107 file outside the source layout: expected work.yaml, translations.yaml, justifications.yaml, preamble.LANG.md, conclusions.LANG.md or section folders NN-slug/"),
    ("S107 in a section", write("01-foundations/draft.md", "hello"),
     "src/01-foundations/draft.md:1:1: error S107 file outside the source layout: a section folder holds section.yaml, NNN-slug.LANG.md files and its own text in intro.LANG.md and wrap-up.LANG.md"),
    ("S108 no work file", remove("work.yaml"), "src/work.yaml:1:1: error S108 no work.yaml: every source tree starts with one"),
    ("S109 no section.yaml", remove("03-president/section.yaml"),
     "src/03-president/section.yaml:1:1: error S109 the section folder has no section.yaml (number and title in every language)"),
    # YAML and schemas
    ("F201 bad YAML", edit(f"{A1}.ru.md", "number: 1", "number: [1"),
     f"src/{A1}.ru.md:3:11: error F201 invalid YAML: expected ',' or ']', but got '<stream end>'"),
    ("F201 bad work.yaml", edit("work.yaml", "country: kz", "country: kz: x"),
     "src/work.yaml:1:12: error F201 invalid YAML: mapping values are not allowed here"),
    ("F202 duplicate key", edit(f"{A1}.en.md", "number: 1", "number: 1\nnumber: 2"),
     f"src/{A1}.en.md:4:1: error F202 duplicate key 'number'"),
    ("F203 bad id", edit(f"{A1}.kk.md", "id: foundations-1", "id: Foundations 1"),
     f"src/{A1}.kk.md:2:1: error F203 id: 'Foundations 1' does not have the expected form (lower-case letters, digits and single dashes, starting with a letter)"),
    ("F203 unknown key", edit(f"{A1}.kk.md", "number: 1", "number: 1\ntitle: x"),
     f"src/{A1}.kk.md:2:1: error F203 Additional properties are not allowed ('title' was unexpected)"),
    ("F203 missing key", edit(f"{A1}.kk.md", "number: 1\n", ""),
     f"src/{A1}.kk.md:2:1: error F203 'number' is a required property"),
    ("F203 bad date", edit("work.yaml", "date: 2026-03-15", "date: 2026-02-30"),
     "src/work.yaml:5:1: error F203 date: '2026-02-30' is not a 'date'"),
    ("F204 no front matter", write(f"{A1}.en.md", "1. Text.\n"),
     f"src/{A1}.en.md:1:1: error F204 no front matter: the file starts with '---', the YAML, then '---'"),
    ("F204 unclosed front matter", write(f"{A1}.en.md", "---\nid: foundations-1\nnumber: 1\n1. Text.\n"),
     f"src/{A1}.en.md:1:1: error F204 front matter is not closed: add a line '---' after it"),
    ("F204 unknown profile", edit("work.yaml", "profile: kz-2026", "profile: kz-2099"),
     "src/work.yaml:1:1: error F204 unknown profile 'kz-2099': not in profiles/ beside work.yaml nor bundled"),
    ("F206 unknown version", edit("work.yaml", "version: final-draft", "version: second-draft"),
     "src/work.yaml:16:1: error F206 version 'second-draft' is not one of the named versions (first-draft, final-draft)"),
    # the profile
    ("N301 section count", remove("11-final"), "src/work.yaml:1:1: error N301 the profile 'kz-2026' requires 11 sections, found 10"),
    ("N302 section number", edit("02-rights/section.yaml", "number: II", "number: IIII"),
     "src/02-rights/section.yaml:1:1: error N302 section number IIII out of sequence: expected II (IIII is not a Roman numeral)"),
    ("N303 duplicate article", edit(f"{A2}.kk.md", "number: 2", "number: 1"),
     f"src/{A2}.kk.md:3:1: error N303 article duplicate number 1"),
    ("N303 gap", edit("02-rights/003-rights-1.kk.md", "number: 3", "number: 4"),
     "src/02-rights/003-rights-1.kk.md:3:1: error N303 article number 4 out of sequence: expected 3"),
    ("N303 inserted not allowed", edit("02-rights/004-rights-2.kk.md", "number: 4", "number: 3-1"),
     "src/02-rights/004-rights-2.kk.md:3:1: error N303 article inserted number 3-1 is not allowed by the profile"),
    ("N304 paragraph gap", edit(f"{A1}.kk.md", "\n2. Мемлекет", "\n3. Мемлекет"),
     f"src/{A1}.kk.md:6:1: error N304 paragraph number 3 out of sequence: expected 2"),
    ("N305 point numbering", edit(f"{A1}.kk.md", "   2) екінші", "   3) екінші"),
     f"src/{A1}.kk.md:8:1: error N305 point number 3 out of sequence: expected 2"),
    ("N307 empty heading", edit(f"{A1}.en.md", "number: 1", "number: 1\nheading: ' '"),
     f"src/{A1}.en.md:1:1: error N307 empty article heading"),
    ("N308 no preamble", lambda root: [remove(f"preamble.{l}.md")(root) for l in ("kk", "ru", "en")] and None,
     "src/work.yaml:1:1: error N308 the profile 'kz-2026' requires a preamble: add preamble.LANG.md"),
    ("A402 unnumbered text swallows the list", edit(f"{A1}.en.md", "1. This is", "This is"),
     f"src/{A1}.en.md:5:1: error A402 paragraphs (unnumbered) differ from 1, 2 in the 'kk' version"),
    ("M601 loose text", edit(f"{A1}.en.md", "\n2. The State", "\n\nLoose text.\n\n2. The State"),
     f"src/{A1}.en.md:7:1: error M601 unexpected a block of text: text outside the numbered paragraphs: number it, or indent it under its paragraph"),
    ("N310 file prefix", edit(f"{A2}.en.md", "2. The State", "2. The State"),
     ""),
    # languages
    ("A401 missing language", remove(f"{A1}.ru.md"),
     f"src/{A1}.kk.md:1:1: error A401 no 'ru' version of this article: expected {A1}.ru.md"),
    ("A402 paragraphs differ", edit(f"{A1}.en.md", "2. The State ensures the following measures:\n   1) the first measure;\n   2) the second measure.\n", ""),
     f"src/{A1}.en.md:5:1: error A402 paragraphs 1 differ from 1, 2 in the 'kk' version"),
    ("A402 points differ", edit(f"{A1}.ru.md", "   2) вторая мера.\n", ""),
     f"src/{A1}.ru.md:6:1: error A402 paragraph 2 has points 1 here but 1, 2 in the 'kk' version"),
    ("A403 section title", edit("02-rights/section.yaml", "  ru: Права\n", ""),
     "src/02-rights/section.yaml:2:1: error A403 the section title is missing in 'ru'"),
    ("A404 duplicate id", edit(f"{A2}.kk.md", "id: foundations-2", "id: foundations-1"),
     f"src/{A2}.kk.md:2:1: error A404 stable id 'foundations-1' is already used by 01-foundations/001-foundations-1"),
    ("A405 preamble language", remove("preamble.ru.md"), "src/preamble.ru.md:1:1: error A405 the preamble is missing in 'ru'"),
    ("A406 number differs", edit(f"{A2}.en.md", "number: 2", "number: 3"),
     f"src/{A2}.en.md:3:1: error A406 number 3 differs from 2 in the 'kk' version"),
    ("A406 id differs", edit(f"{A2}.en.md", "id: foundations-2", "id: foundations-two"),
     f"src/{A2}.en.md:2:1: error A406 id 'foundations-two' differs from 'foundations-2' in the 'kk' version"),
    ("A408 closing text in one language", edit(f"{A1}.ru.md", "   2) вторая мера.\n", "   2) вторая мера.\n\n   Заключительный текст.\n"),
     f"src/{A1}.ru.md:6:1: warning A408 closing text after the points in one language only ('ru' vs 'kk')"),
    ("A407 preamble paragraphs", edit("preamble.en.md", "Constitution.", "Constitution.\n\nA second paragraph."),
     "src/preamble.en.md:1:1: warning A407 the preamble has 2 paragraphs in 'en' but 1 in 'kk'"),
    # references and markup
    ("R501 unknown target", edit("11-final/021-final-1.en.md", "art:foundations-1)", "art:nowhere)"),
     "src/11-final/021-final-1.en.md:5:31: error R501 reference to unknown article id 'nowhere'"),
    ("R502 unknown paragraph", edit("11-final/021-final-1.en.md", "foundations-2/2", "foundations-2/7"),
     "src/11-final/021-final-1.en.md:5:57: error R502 reference to paragraph 7 of article 2 ('foundations-2'), which has no such paragraph"),
    ("R503 image", edit(f"{A1}.en.md", "first measure", "first ![x](file:///etc/passwd) measure"),
     f"src/{A1}.en.md:7:22: error R503 images are not allowed in the text (refused: 'file:///etc/passwd')"),
    ("R503 external link", edit(f"{A1}.en.md", "first measure", "first [x](https://example.invalid/) measure"),
     f"src/{A1}.en.md:7:21: error R503 links may only point at articles, as (art:ID) or (art:ID/PARAGRAPH), at annexes (annex:ID) or at defined terms (def:ID, term:ID); refused: 'https://example.invalid/'"),
    ("R504 stale number", edit("11-final/021-final-1.ru.md", "[статьи 1]", "[статьи 7]"),
     "src/11-final/021-final-1.ru.md:5:22: error R504 reference text 'статьи 7' does not name article 1, the current number of 'foundations-1'"),
    ("R504 stale paragraph number", edit("11-final/021-final-1.ru.md", "[статьи 1](art:foundations-1)", "[пункта 5 статьи 1](art:foundations-1/2)"),
     "src/11-final/021-final-1.ru.md:5:31: error R504 reference text 'пункта 5 статьи 1' does not name paragraph 2"),
    ("M601 heading", edit(f"{A1}.en.md", "1. This is", "# Title\n1. This is"),
     f"src/{A1}.en.md:5:1: error M601 unexpected a heading: text outside the numbered paragraphs: number it, or indent it under its paragraph"),
    ("M602 TODO", edit(f"{A1}.en.md", "the first measure", "TODO the first measure"),
     f"src/{A1}.en.md:7:1: warning M602 unfinished text (TODO)"),
    ("M604 no text", write(f"{A1}.en.md", "---\nid: foundations-1\nnumber: 1\n---\n\n"),
     f"src/{A1}.en.md:5:1: error M604 the article has no text"),
]


@pytest.mark.parametrize("name,mutate,expected", CASES, ids=[c[0] for c in CASES])
def test_rule(mini: Path, name: str, mutate: Callable[[Path], None], expected: str) -> None:
    mutate(mini)
    found = lines_of(check_tree(mini))
    if expected:
        assert expected in found, "\n".join(found)
    code = name.split()[0]
    assert any(f" {code} " in line for line in found) or code.startswith("N309") or code == "N310", found


def test_n309_unnumbered_paragraph_among_numbered(mini: Path) -> None:
    from drafting.checks.structure import _paragraphs
    from drafting.diagnostics import Diagnostics
    from drafting.model import Article, Loc, Paragraph, Text

    loaded = check_tree(mini)
    assert loaded.work is not None
    article = Article("x", "1", (Paragraph(None, (Text("a"),), Loc("f.md", 5)), Paragraph("2", (Text("b"),), Loc("f.md", 6))),
                      Loc("f.md", 3))
    diags = Diagnostics()
    _paragraphs(loaded.work, article, diags)
    assert [d.format() for d in diags] == [
        "f.md:5:1: error N309 only an article of a single paragraph may leave it unnumbered",
        "f.md:6:1: error N304 paragraph number 2 out of sequence: expected 1",
    ]


def test_n310_file_name_prefix_out_of_line(mini: Path) -> None:
    os.rename(mini / f"{A2}.en.md", mini / "01-foundations/002-foundations-2.en.md")
    for lang in ("kk", "ru", "en"):
        (mini / f"01-foundations/002-foundations-2.{lang}.md").rename(mini / f"01-foundations/005-foundations-2.{lang}.md")
    found = lines_of(check_tree(mini))
    assert "src/01-foundations/005-foundations-2.kk.md:3:1: warning N310 file name starts with 005 but the article is number 2: " \
           "run 'drafting renumber' to bring names in line" in found


def test_unreadable_file_is_a_diagnostic(mini: Path) -> None:
    from drafting.source.load import load_tree
    from drafting.source.tree import FileTree

    class Flaky(FileTree):
        def read(self, path: str) -> bytes:
            if path.endswith("001-foundations-1.en.md"):
                raise PermissionError(13, "Permission denied")
            return super().read(path)

    found = [d.format() for d in load_tree(Flaky(mini, label="src")).diagnostics.sorted()]
    assert f"src/{A1}.en.md:1:1: error S101 cannot read the file: Permission denied" in found


def test_every_mistake_in_one_run(mini: Path) -> None:
    for mutate in (edit(f"{A1}.kk.md", "number: 1", "number: [1"), remove(f"{A2}.ru.md"),
                   edit("11-final/021-final-1.en.md", "art:foundations-1)", "art:nowhere)"),
                   write("notes.txt", "x")):
        mutate(mini)
    codes = sorted({line.split()[2] for line in lines_of(check_tree(mini))})
    assert {"F201", "A401", "R501", "S107"} <= set(codes)


def test_clean_fixture_has_no_findings(mini: Path) -> None:
    assert lines_of(check_tree(mini)) == []


POINT_TWO = {"kk": "   2) екінші", "ru": "   2) вторая", "en": "   2) the second"}


def test_point_numbering_is_checked_in_every_language(mini: Path) -> None:
    for lang, line in POINT_TWO.items():
        edit(f"{A1}.{lang}.md", line, line.replace("2)", "3)"))(mini)
    assert lines_of(check_tree(mini)) == [
        f"src/{A1}.{lang}.md:8:1: error N305 point number 3 out of sequence: expected 2" for lang in ("en", "kk", "ru")]


def test_point_numbering_in_one_language_only_points_at_the_point(mini: Path) -> None:
    edit(f"{A1}.ru.md", POINT_TWO["ru"], POINT_TWO["ru"].replace("2)", "3)"))(mini)
    assert lines_of(check_tree(mini)) == [
        f"src/{A1}.ru.md:8:1: error A402 paragraph 2 has points 1, 3 here but 1, 2 in the 'kk' version",
        f"src/{A1}.ru.md:8:1: error N305 point number 3 out of sequence: expected 2"]


def test_article_numbering_is_checked_in_every_language(mini: Path) -> None:
    edit(f"{A2}.en.md", "number: 2", "number: 3")(mini)
    assert lines_of(check_tree(mini)) == [
        f"src/{A2}.en.md:3:1: error A406 number 3 differs from 2 in the 'kk' version",
        f"src/{A2}.en.md:3:1: error N303 article number 3 out of sequence: expected 2",
        f"src/{A2}.en.md:3:1: warning N310 file name starts with 002 but the article is number 3: "
        "run 'drafting renumber' to bring names in line",
        "src/02-rights/003-rights-1.en.md:3:1: error N303 article duplicate number 3"]


def test_an_article_missing_in_one_language_is_not_also_a_numbering_gap(mini: Path) -> None:
    remove(f"{A2}.ru.md")(mini)
    assert lines_of(check_tree(mini)) == [
        f"src/{A2}.kk.md:1:1: error A401 no 'ru' version of this article: expected {A2}.ru.md"]


def test_a_stand_in_for_a_missing_article_is_not_reported_twice(mini: Path) -> None:
    remove(f"{A2}.ru.md")(mini)
    edit(f"{A2}.kk.md", "number: 2", "number: 90")(mini)
    found = [line for line in lines_of(check_tree(mini)) if " N303 " in line]
    assert found == [f"src/{A2}.kk.md:3:1: error N303 article number 90 out of sequence: expected 2",
                     "src/02-rights/003-rights-1.kk.md:3:1: error N303 article number 3 out of sequence: expected 91"]
    # en has its own article 2 and nothing to report; ru lacks it (A401) and judges neither the
    # borrowed 90 nor the 3 after it
