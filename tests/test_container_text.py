"""A container's own text (intro.LANG.md and wrap-up.LANG.md in its folder): read, checked in every language,
written as AKN intro/wrapUp (valid against the strict schema), shown in the HTML edition, the site and the PDF,
and imported back from AKN."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from akn_common import AKN, RICH, export, root

from drafting.importer.acts import import_to
from drafting.model import Container
from drafting.source.load import load, load_valid
from drafting.writers.html.edition import EditionOptions, render_edition

INTRO = {"en": "This Section sets out the basics.", "kk": "Бұл бөлім негіздерді белгілейді.",
         "ru": "Этот раздел устанавливает основы."}
WRAPUP = {"en": "The basics apply to [](art:closing) as well.", "kk": "Негіздер [](art:closing) қолданылады.",
          "ru": "Основы применяются к [](art:closing)."}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    target = tmp_path / "rich"
    shutil.copytree(RICH, target)
    for lang in ("en", "kk", "ru"):
        (target / "01-basics" / f"intro.{lang}.md").write_text(INTRO[lang] + "\n\nA second paragraph.\n",
                                                               encoding="utf-8")
        (target / "01-basics" / f"wrap-up.{lang}.md").write_text(WRAPUP[lang] + "\n", encoding="utf-8")
    return target


def _basics(work_path: Path, lang: str) -> Container:
    work = load_valid(work_path)
    [basics] = [c for c in work.expression(lang).containers() if c.id == "basics"]
    return basics


def test_the_reader_reads_intro_and_wrap_up_in_every_language(tree: Path) -> None:
    basics = _basics(tree, "en")
    assert len(basics.intro) == 2 and len(basics.wrapup) == 1
    loaded = load(tree)
    assert loaded.ok and not loaded.diagnostics.items, [d.format() for d in loaded.diagnostics]


def test_a_reference_in_a_wrap_up_is_checked(tree: Path) -> None:
    (tree / "01-basics" / "wrap-up.ru.md").write_text("Основы применяются к [статье](art:nowhere).\n", encoding="utf-8")
    found = [d.format() for d in load(tree).diagnostics.sorted()]
    assert any("wrap-up.ru.md:1:" in line and "nowhere" in line for line in found), found


def test_an_intro_missing_in_one_language_is_an_error(tree: Path) -> None:
    (tree / "01-basics" / "intro.kk.md").unlink()
    found = [(d.path.rsplit("/", 2)[-2:], d.code, d.message) for d in load(tree).diagnostics.sorted()]
    assert (["01-basics", "intro.kk.md"], "A405", "the intro of section I is missing in 'kk'") in found


def test_an_intro_holds_plain_paragraphs(tree: Path) -> None:
    (tree / "01-basics" / "intro.en.md").write_text("1. not a list here\n", encoding="utf-8")
    messages = [d.message for d in load(tree).diagnostics if d.code == "M601"]
    assert messages == ["unexpected a list numbered '1.': the intro is plain paragraphs of text"]


def test_akn_has_intro_and_wrap_up_valid_and_imports_back(tree: Path, tmp_path: Path) -> None:
    work = load_valid(tree)
    paths = []
    for lang in work.meta.codes:
        data = export(work, lang)  # validated against the strict schema
        document = root(data)
        [section] = document.xpath("//a:body/a:section[a:heading]", namespaces=AKN)[:1]
        intro = section.find("a:intro", namespaces=AKN)
        wrap = section.find("a:wrapUp", namespaces=AKN)
        assert intro is not None and wrap is not None
        assert intro.get("eId") == f"{section.get('eId')}__intro"
        assert "".join(intro.find("a:p", namespaces=AKN).itertext()) == INTRO[lang]
        assert list(section).index(intro) < list(section).index(wrap)
        assert wrap.find("a:p/a:ref", namespaces=AKN) is not None  # the reference stays a reference
        paths.append(tmp_path / f"{lang}.xml")
        paths[-1].write_bytes(data)
    imported = import_to(paths, tmp_path / "again")
    assert not imported.diagnostics.items, [d.format() for d in imported.diagnostics]
    for lang in work.meta.codes:
        again = (tmp_path / "again" / "01-basics" / f"intro.{lang}.md").read_text(encoding="utf-8")
        assert again == (tree / "01-basics" / f"intro.{lang}.md").read_text(encoding="utf-8")
        wrap = (tmp_path / "again" / "01-basics" / f"wrap-up.{lang}.md").read_text(encoding="utf-8")
        assert "](art:closing)" in wrap  # an empty reference comes back with the label the AKN printed
    for lang in work.meta.codes:
        assert export(load_valid(tmp_path / "again"), lang) == (tmp_path / f"{lang}.xml").read_bytes()


def test_html_edition_and_print_show_it_before_and_after_the_units(tree: Path) -> None:
    work = load_valid(tree)
    for mode in ("web", "print"):
        html = render_edition(work, "en", EditionOptions(mode=mode))
        intro, article, wrap = (html.index(INTRO["en"]), html.index('id="art_1"'),
                                html.index("The basics apply to"))
        assert intro < article < wrap, mode
        assert 'id="sec_I__intro"' in html and 'id="sec_I__wrapup"' in html


def test_pdf_prints_it(tree: Path, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "drafting", "build", str(tree), "--out", str(tmp_path / "out"),
                             "--only", "pdf", "--lang", "en", "--page", "a4"], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    [pdf] = sorted((tmp_path / "out" / "pdf").glob("*.pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "This Section sets out the basics." in " ".join(text.split())
    assert "The basics apply to Article 2 as well." in " ".join(text.split())
