"""`drafting import`: round trips, real-world shapes, diagnostics, safe parsing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from akn_common import AKN, FOREIGN, MINI, RICH, export, export_all, root
from typer.testing import CliRunner

from drafting.importer.acts import import_files, import_to
from drafting.akn.xmlout import canonical
from drafting.cli import app
from drafting.diagnostics import DraftingError
from drafting.model import Container
from drafting.source.load import load, load_valid


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def codes(imported_diags: object) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in imported_diags.sorted()]  # type: ignore[attr-defined]


@pytest.mark.parametrize("source", [MINI, RICH], ids=["mini", "rich"])
def test_round_trip_all_languages(source: Path, tmp_path: Path) -> None:
    files = export_all(source, tmp_path / "first")
    imported = import_to(files, tmp_path / "tree")
    assert not imported.diagnostics.items, [d.format() for d in imported.diagnostics]
    loaded = load(tmp_path / "tree")
    assert loaded.ok and not loaded.diagnostics.items, [d.format() for d in loaded.diagnostics]
    work = load_valid(tmp_path / "tree")
    assert work.meta.codes == ["kk", "ru", "en"]
    for path in files:
        again = export(work, path.stem)
        assert canonical(again) == canonical(path.read_bytes()), f"{path.stem} differs after the round trip"


def test_round_trip_keeps_ids_folders_and_files(tmp_path: Path) -> None:
    imported = import_to(export_all(RICH, tmp_path / "akn"), tmp_path / "tree")
    tree = tmp_path / "tree"
    assert sorted(p.name for p in tree.iterdir()) == [
        "01-basics", "02-closing", "preamble.en.md", "preamble.kk.md", "preamble.ru.md", "profiles", "work.yaml"]
    assert (tree / "01-basics" / "001a-inserted-article.kk.md").is_file()
    original = (RICH / "01-basics" / "001-purpose.en.md").read_text(encoding="utf-8")
    assert (tree / "01-basics" / "001-purpose.en.md").read_text(encoding="utf-8") == original
    assert imported.work.meta.authors["translator"] == {"en": "The translation office"}
    assert imported.work.meta.versions == load_valid(RICH).meta.versions  # later ones too, titles in every language
    assert imported.work.meta.version == "second"


def test_one_expression_alone(tmp_path: Path) -> None:
    [_, _, en] = export_all(RICH, tmp_path / "akn")
    imported = import_to([en], tmp_path / "tree")
    assert [(d.code, d.message[:40]) for d in imported.diagnostics] == [
        ("I711", "a translation from 'ru', which is not am")]
    work = load_valid(tmp_path / "tree")
    assert work.meta.codes == ["en"]
    export(work, "en")


def test_eu_style(tmp_path: Path) -> None:
    imported = import_to([FOREIGN / "eu-regulation.xml"], tmp_path / "tree")
    assert codes(imported.diagnostics) == [
        (12, "I702"), (34, "I702"), (41, "I701"), (47, "I708"), (47, "I708"), (47, "I708"), (49, "I701"),
        (84, "I708"), (95, "I707"), (120, "I710"), (127, "I708"), (136, "I709")]  # conclusions kept
    work = load_valid(tmp_path / "tree")  # passes every check
    meta = work.meta
    assert (meta.country, meta.doctype, meta.subtype, meta.number, str(meta.date)) == ("eu", "act", "regulation", "1234", "2024-06-03")
    assert meta.uri == "/akn/eu/act/regulation/2024/1234"  # the year-only URI date kept verbatim
    expression = work.expression("en")
    assert [(c.id, c.num, c.title, c.level) for c in expression.body if isinstance(c, Container)] == [
        ("general-provisions", "I", "General provisions", "chapter"), ("the-register", "II", "The register", "chapter")]
    art2 = expression.article_by_id()["art-2"]
    para = art2.paragraphs[0]
    assert para.num == "1" and [p.num for p in para.points] == ["a", "b"]  # letters as printed
    assert (tmp_path / "tree" / "preamble.en.md").read_text(encoding="utf-8").startswith("REGULATION 2024/1234")
    art3 = (tmp_path / "tree" / "02-the-register" / "003-art-3.en.md").read_text(encoding="utf-8")
    assert "   (a) the location of the bridge, namely:\n       (i) the region;\n" in art3
    assert "\n   Entries shall be made without delay.\n" in art3
    assert "register set up under [Article 1](art:art-1)." in (tmp_path / "tree" / "01-general-provisions" / "002-art-2.en.md").read_text(encoding="utf-8")
    export(work, "en")


def test_westminster_style(tmp_path: Path) -> None:
    imported = import_to([FOREIGN / "westminster-act.xml"], tmp_path / "tree")
    assert codes(imported.diagnostics) == [(20, "I702"), (70, "I707"), (109, "I701"), (127, "I706")]
    work = imported.work
    expression = work.expression("en")
    parts = [c for c in expression.body if isinstance(c, Container)]
    assert [(p.level, p.num, p.title) for p in parts] == [("part", "1", "Preliminary"), ("part", "2", "Bridges")]
    assert [(c.level, c.num, c.title) for c in parts[1].children if isinstance(c, Container)] == [
        ("chapter", "1", "Listing"), ("chapter", "2", "Final provisions")]
    assert [a.num for a in expression.articles()] == ["1", "2", "3", "3A", "4"]  # 3A as printed
    section3 = expression.article_by_id()["sec-3"]
    assert len(section3.paragraphs) == 1 and section3.paragraphs[0].num is None
    assert [p.num for p in section3.paragraphs[0].points] == ["a", "b"]
    assert (tmp_path / "tree" / "02-bridges" / "01-listing" / "003a-sec-3a.en.md").is_file()
    assert not load(tmp_path / "tree").diagnostics.items  # `drafting check` passes as it comes out


def test_italian_bill(tmp_path: Path) -> None:
    imported = import_to([FOREIGN / "italian-bill.xml"], tmp_path / "tree")
    found = [code for _, code in codes(imported.diagnostics)]
    assert "I703" in found and "I706" not in found  # 2-bis is kept as printed, not renumbered
    work = imported.work
    assert work.profile.article_level.inserted == "latin"
    assert work.meta.doctype == "bill" and work.meta.codes == ["it"]
    expression = work.expression("it")
    articles = expression.article_by_id()
    assert [a.num for a in expression.articles()] == ["1", "2", "2-bis", "3"]
    assert work.profile.label("it", "article", n="5") == "Art. 5."
    refs = articles["art-1"].refs()
    assert [(r.target, r.paragraph) for r in refs] == [("art-2", None), ("art-2-bis", "1")]
    restauro = articles["art-2-bis"].paragraphs[0]
    assert [p.num for p in restauro.points] == ["a", "b"] and restauro.text
    assert "«entro un anno»" in (tmp_path / "tree" / "002-art-2.it.md").read_text(encoding="utf-8")


def test_cli_import_several_files(tmp_path: Path) -> None:
    files = export_all(MINI, tmp_path / "akn")
    result = CliRunner().invoke(app, ["import", *map(str, files), "--out", str(tmp_path / "tree")])
    assert result.exit_code == 0, result.output
    assert "imported 22 articles in kk, ru, en" in result.output
    again = CliRunner().invoke(app, ["import", str(files[0]), "--out", str(tmp_path / "tree")])
    assert again.exit_code == 2 and "not empty" in again.output
    forced = CliRunner().invoke(app, ["import", str(files[0]), "--out", str(tmp_path / "tree"), "--force"])
    assert forced.exit_code == 0 and not (tmp_path / "tree" / "01-foundations" / "001-foundations-1.ru.md").exists()


def test_cli_strict_and_findings(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["import", str(FOREIGN / "westminster-act.xml"), "--out", str(tmp_path / "t"), "--strict"])
    assert result.exit_code == 1
    assert "westminster-act.xml:109:1: warning I701 <crossHeading> not imported: 'Commencement'" in result.output
    assert "4 findings while importing" in result.output and "in the imported tree" not in result.output


def write(tmp_path: Path, text: str, name: str = "doc.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run_import(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafting", "import", *args], capture_output=True, text=True)


def test_akn_2_is_a_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, '<akomaNtoso xmlns="http://www.akomantoso.org/2.0">\n<act contains="originalVersion"/></akomaNtoso>')
    result = run_import(str(path), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "Akoma Ntoso 2.0" in result.stderr and "Traceback" not in result.stderr
    assert f"{path}:1:" in result.stderr and not (tmp_path / "out").exists()


@pytest.mark.parametrize("text, message", [
    ("<html/>", "not an Akoma Ntoso 3.0 document"),
    ('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0/WD17"><act/></akomaNtoso>', "unsupported Akoma Ntoso namespace"),
    ('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n<judgment name="x"/></akomaNtoso>', ":2: only act and bill"),
    ('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n<act>\n<body></act>', ":3:"),
])
def test_bad_input_is_a_message_not_a_traceback(tmp_path: Path, text: str, message: str) -> None:
    result = CliRunner().invoke(app, ["import", str(write(tmp_path, text)), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and message in result.output, result.output


def test_different_works_are_refused(tmp_path: Path) -> None:
    files = export_all(MINI, tmp_path / "akn")
    with pytest.raises(DraftingError, match="a different work"):
        import_files([files[0], FOREIGN / "eu-regulation.xml"])
    with pytest.raises(DraftingError, match="a second 'kk' expression"):
        import_files([files[0], files[0]])


AKN_HEAD = '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="x"><meta/><body>'
AKN_TAIL = "</body></act></akomaNtoso>"


def test_no_entity_expansion_no_external_files(tmp_path: Path) -> None:
    secret = write(tmp_path, "TOP SECRET", "secret.txt")
    text = (f'<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file://{secret}">'
            '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
            f'{AKN_HEAD}<article eId="art_1"><num>Article 1</num><content><p>Text &xxe; and &c;.</p></content></article>{AKN_TAIL}')
    imported = import_to([write(tmp_path, text)], tmp_path / "out")
    article = next((tmp_path / "out").rglob("001-art-1.en.md")).read_text(encoding="utf-8")
    assert "TOP SECRET" not in article and "aaaa" not in article
    assert "Text \\&xxe; and \\&c;." in article
    assert [d.code for d in imported.diagnostics].count("I701") >= 2


def test_unmapped_elements_are_reported_with_their_line(tmp_path: Path) -> None:
    text = (AKN_HEAD + '\n<chapter eId="chp_1"><num>Chapter 1</num><heading>One</heading>\n'
            '<article eId="art_1"><num>Article 1</num>\n<content><p>Text.</p>\n<p>More <img src="x.png"/>.</p></content></article>\n'
            '<vendor:thing xmlns:vendor="urn:x"/>\n</chapter>' + AKN_TAIL)
    imported = import_files([write(tmp_path, text)])
    shown = [(d.line, d.code, d.message.split(" ")[0]) for d in imported.diagnostics.sorted()]
    assert (5, "I701", "<img>") in shown and (6, "I701", "<thing>") in shown


def test_tree_from_foreign_shapes_builds_valid_akn(tmp_path: Path) -> None:
    for name in ("eu-regulation.xml", "italian-bill.xml", "westminster-act.xml"):
        work = import_files([FOREIGN / name]).work
        for lang in work.meta.codes:
            data = export(work, lang)
            assert root(data).xpath("//a:article | //a:section", namespaces=AKN)  # export() validates it


def test_an_empty_section_survives(tmp_path: Path) -> None:
    import dataclasses

    work = load_valid(RICH)
    expressions = {}
    for lang, expression in work.expressions.items():
        empty = dataclasses.replace(expression.sections[1], id="reserved", num="III", children=())
        expressions[lang] = dataclasses.replace(expression, body=(*expression.sections, empty))
    work = dataclasses.replace(work, expressions=expressions)
    paths = []
    for lang in work.meta.codes:
        paths.append(tmp_path / f"{lang}.xml")
        paths[-1].write_bytes(export(work, lang))
    imported = import_to(paths, tmp_path / "tree")
    assert not imported.diagnostics.items
    assert (tmp_path / "tree" / "03-reserved" / "section.yaml").is_file()
    for path in paths:
        assert export(imported.work, path.stem) == path.read_bytes()


def _westminster_variant(tmp_path: Path, old: str, new: str) -> Path:
    text = (FOREIGN / "westminster-act.xml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "variant.xml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_two_letter_language_code_is_mapped(tmp_path: Path) -> None:
    source = _westminster_variant(tmp_path, '<FRBRlanguage language="eng"/>', '<FRBRlanguage language="en"/>')
    imported = import_to([source], tmp_path / "tree")
    assert imported.work.meta.language("en").akn == "eng"
    [found] = [d for d in imported.diagnostics if d.code == "I712"]
    assert found.message == "two-letter language code 'en' (AKN uses ISO 639-2): read as 'eng'"
    assert found.line == 22  # the FRBRlanguage line of the fixture
    loaded = load(tmp_path / "tree")  # the work.yaml it writes passes the schema and every check
    assert not loaded.diagnostics.items


def test_editorial_element_is_not_an_article(tmp_path: Path) -> None:
    marker = '<section eId="sec_pagebreak" status="editorial"><num>*</num><content><p>[page 2]</p></content></section>\n'
    source = _westminster_variant(tmp_path, '<section eId="sec_2">', marker + '<section eId="sec_2">')
    imported = import_to([source], tmp_path / "tree")
    assert [a.num for a in imported.work.expression("en").articles()] == ["1", "2", "3", "3A", "4"]
    [found] = [d for d in imported.diagnostics if d.code == "I713"]
    assert found.message.startswith("<section> marked editorial (a publisher's marker, not part of the act): not imported")
    assert not load(tmp_path / "tree").diagnostics.items


def test_an_import_that_finds_no_article_is_an_error(tmp_path: Path) -> None:
    text = (FOREIGN / "westminster-act.xml").read_text(encoding="utf-8")
    start, end = text.index("<body>"), text.index("</body>")
    source = tmp_path / "empty.xml"
    source.write_text(text[:start] + "<body><hcontainer name=\"note\"><content><p>Repealed.</p></content></hcontainer>"
                      + text[end:], encoding="utf-8")
    with pytest.raises(DraftingError, match="empty.xml: no article found"):
        import_files([source])
    result = CliRunner().invoke(app, ["import", str(source), "--out", str(tmp_path / "tree")])
    assert result.exit_code != 0 and "no article found" in result.output
    assert not (tmp_path / "tree").exists()
