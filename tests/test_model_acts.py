"""Acts of other shapes than the constitution: a Kazakh code, a Westminster act, an EU regulation.

Each fixture in tests/fixtures/acts/ is read with its own profile, checked clean,
and written as Akoma Ntoso valid against the strict schema, with the profile's
element for every level, tables, notes, defined terms and annexes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from drafting.akn import NS
from drafting.akn.schema import validate
from drafting.checks import check_work
from drafting.diagnostics import Diagnostics
from drafting.model import Article, Container, Note, Term, iter_inline
from drafting.source.load import load
from drafting.writers.akn.document import document_bytes

ACTS = Path(__file__).parent / "fixtures" / "acts"
A = {"a": NS}


def loaded(name: str, root: Path = ACTS):  # type: ignore[no-untyped-def]
    result = load(root / name)
    assert result.work is not None
    return result


def akn(name: str, lang: str) -> etree._Element:
    work = loaded(name).work
    data = document_bytes(work, lang)
    assert validate(data) == []
    return etree.fromstring(data)


@pytest.mark.parametrize("name", ["kz-code", "westminster-act", "eu-regulation"])
def test_every_fixture_act_checks_clean(name: str) -> None:
    result = loaded(name)
    assert result.diagnostics.sorted() == []
    diags = Diagnostics()
    check_work(result.work, diags)
    assert diags.sorted() == []


def test_kazakh_code_levels_in_the_model() -> None:
    work = loaded("kz-code").work
    ru = work.expression("ru")
    [section] = ru.sections
    assert (section.level, section.num, [c.level for c in section.containers]) == ("section", "1", ["chapter", "chapter"])
    groups = section.containers[1].containers
    assert [(g.level, g.num, g.title) for g in groups] == [
        ("paragraph-group", "1", "Общее водопользование"), ("paragraph-group", "2", "Специальное водопользование")]
    assert [a.num for a in ru.articles()] == ["1", "2", "3", "4", "4-1"]
    principles = ru.article_by_id()["principles"]
    point = principles.paragraphs[0].points[1]
    assert [p.num for p in point.points] == ["а", "б"]
    permits = ru.article_by_id()["permits"]
    [table] = permits.paragraphs[2].tables
    assert table.shape == (2, 2, 2) and table.rows[0].header and table.rows[1].cells[1].align == "right"
    [annex] = ru.annexes
    assert (annex.id, annex.num, annex.title) == ("tariffs", "1", "Тарифы за водопользование")
    assert annex.paragraphs[0].tables[0].shape == (2, 2, 2)
    terms = [n for a in ru.articles() for p in a.paragraphs for seq in p.inlines() for n in iter_inline(seq)
             if isinstance(n, Term)]
    assert [(t.id, t.defining) for t in terms] == [("water-body", True), ("water-user", True), ("water-body", False),
                                                    ("water-user", False)]
    notes = [n for p in ru.article_by_id()["terms"].paragraphs for seq in p.inlines() for n in iter_inline(seq)
             if isinstance(n, Note)]
    assert [(n.marker, n.loc.line) for n in notes] == [("1", 9)]


def test_kazakh_code_akn() -> None:
    root = akn("kz-code", "kk")
    body = root.find(".//a:body", A)
    assert [el.get("eId") for el in body.iter(f"{{{NS}}}chapter")] == ["chp_1", "chp_2"]
    groups = body.findall(".//a:hcontainer[@name='paragraph-group']", A)
    assert [g.get("eId") for g in groups] == ["chp_2__hcontainer_1", "chp_2__hcontainer_2"]
    assert groups[0].findtext("a:num", namespaces=A) == "1-параграф"
    assert [a.get("eId") for a in body.iter(f"{{{NS}}}article")] == ["art_1", "art_2", "art_3", "art_4", "art_4-1"]
    sub = body.find(".//a:point[@eId='art_2__para_1__point_2__point_а']", A)
    assert sub is not None and sub.findtext("a:num", namespaces=A) == "а)"
    table = body.find(".//a:table[@eId='art_4__para_2__table_1']", A)
    assert [[c.findtext("a:p", namespaces=A) for c in tr] for tr in table] == [
        ["Өтініш", "Мерзім"], ["Жаңа", "15 күн"], ["Ұзарту", "5 күн"]]
    note = body.find(".//a:authorialNote", A)
    assert (note.get("marker"), note.findtext("a:p", namespaces=A)) == ("1", "Жеке және заңды тұлғалар.")
    assert [d.get("refersTo") for d in body.iter(f"{{{NS}}}def")] == ["#term-water-body", "#term-water-user"]
    tlc = root.findall(".//a:references/a:TLCTerm", A)
    assert [(t.get("eId"), t.get("showAs")) for t in tlc] == [("term-water-body", "су объектісі"),
                                                           ("term-water-user", "су пайдаланушы")]
    [attachment] = root.findall(".//a:attachments/a:attachment", A)
    doc = attachment.find("a:doc", A)
    assert doc.get("name") == "annex"
    assert doc.find(".//a:FRBRWork/a:FRBRthis", A).get("value").endswith("/!annex_1")
    assert doc.findtext(".//a:docNumber", namespaces=A) == "1-қосымша"
    assert len(doc.findall(".//a:mainBody//a:table/a:tr", A)) == 3
    assert body.find(".//a:ref[@href='#att_1']", A).text == "1-қосымшада"


def test_westminster_act_akn() -> None:
    root = akn("westminster-act", "en")
    body = root.find(".//a:body", A)
    assert [p.get("eId") for p in body.findall("a:part", A)] == ["part_1", "part_2"]
    chapter = body.find("a:part/a:chapter", A)
    assert chapter.get("eId") == "part_1__chp_1"  # chapters restart in each part: prefixed
    sections = [s.get("eId") for s in body.iter(f"{{{NS}}}section")]
    assert sections == ["sec_1", "sec_2", "sec_2A", "sec_3"]  # the article level is a section, numbered through
    sub = body.find(".//a:section[@eId='sec_1']/a:subsection[@eId='sec_1__subsec_2']", A)
    assert sub.findtext("a:num", namespaces=A) == "(2)"
    para = sub.find("a:paragraph[@eId='sec_1__subsec_2__para_b']", A)
    assert [s.get("eId") for s in para.findall("a:subparagraph", A)] == [
        "sec_1__subsec_2__para_b__subpara_i", "sec_1__subsec_2__para_b__subpara_ii"]
    assert body.find(".//a:ref[@href='#sec_1__subsec_2']", A).text == "section 1(2)"


def test_eu_regulation_akn() -> None:
    root = akn("eu-regulation", "ru")
    body = root.find(".//a:body", A)
    assert [c.findtext("a:num", namespaces=A) for c in body.findall("a:chapter", A)] == ["ГЛАВА I", "ГЛАВА II"]
    assert [s.get("eId") for s in body.findall("a:chapter/a:section", A)] == ["chp_II__sec_1", "chp_II__sec_2"]
    points = body.findall(".//a:article[@eId='art_1']//a:point", A)
    assert [p.get("eId") for p in points] == ["art_1__para_2__point_a", "art_1__para_2__point_b",
                                               "art_1__para_2__point_b__point_i", "art_1__para_2__point_b__point_ii"]
    assert [p.findtext("a:num", namespaces=A) for p in points] == ["(a)", "(b)", "(i)", "(ii)"]
    assert root.find(".//a:attachment/a:doc//a:docNumber", A).text == "ПРИЛОЖЕНИЕ I"


def copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copytree(ACTS / name, target)
    return target


def findings(root: Path) -> list[str]:
    """What ``load`` reports (the reader's findings and every check)."""
    return [f"{Path(d.path).relative_to(root)}:{d.line}:{d.column}: {d.code} {d.message}"
            for d in load(root).diagnostics.sorted()]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_container_at_the_wrong_level_is_named(tmp_path: Path) -> None:
    root = copy("kz-code", tmp_path)
    (root / "01-general/01-basics/chapter.yaml").rename(root / "01-general/01-basics/section.yaml")
    assert "01-general/01-basics/section.yaml:1:1: N312 a section cannot stand directly in a section: expected " \
           "chapter.yaml here (the profile's levels: section > chapter > paragraph-group)" in findings(root)


def test_an_unknown_level_file_is_outside_the_layout(tmp_path: Path) -> None:
    root = copy("kz-code", tmp_path)
    (root / "01-general/01-basics/chapter.yaml").rename(root / "01-general/01-basics/title.yaml")
    found = findings(root)
    assert any(line.startswith("01-general/01-basics/title.yaml:1:1: S107 file outside the source layout: 'title' "
                               "is not a level of the profile 'kz-code'") for line in found)
    assert any(line.startswith("01-general/01-basics/section.yaml:1:1: S109 the container folder has no ")
               or line.startswith("01-general/01-basics/chapter.yaml:1:1: S109") for line in found), found


def test_numbering_at_every_level_in_its_style(tmp_path: Path) -> None:
    root = copy("eu-regulation", tmp_path)
    edit(root / "02-registers/chapter.yaml", "number: II", "number: III")
    edit(root / "02-registers/02-access/section.yaml", "number: 2", "number: 3")
    edit(root / "01-general/001-subject.ru.md", "       (ii) ее номер.", "       (iii) ее номер.")
    edit(root / "01-general/001-subject.en.md", "   (b) 'entry'", "   (c) 'entry'")
    found = findings(root)
    assert "02-registers/chapter.yaml:1:1: N302 chapter number III out of sequence: expected II" in found
    assert "02-registers/02-access/section.yaml:1:1: N302 section number 3 out of sequence: expected 2" in found
    assert "01-general/001-subject.ru.md:11:1: N305 sub-point number iii out of sequence: expected ii" in found
    assert "01-general/001-subject.en.md:9:1: N305 point number c out of sequence: expected b" in found


def test_a_list_in_the_wrong_style_is_refused(tmp_path: Path) -> None:
    root = copy("eu-regulation", tmp_path)
    edit(root / "01-general/001-subject.en.md", "       (i) its date;\n       (ii) its number.",
         "       1) its date;\n       2) its number.")
    found = findings(root)
    assert any(line.startswith("01-general/001-subject.en.md:10:1: M601 unexpected a list numbered '1)': sub-points "
                               "here are numbered (1) (subpoint, roman-lower)") for line in found), found


def test_terms_and_annex_references_are_checked(tmp_path: Path) -> None:
    root = copy("kz-code", tmp_path)
    edit(root / "01-general/01-basics/002-principles.ru.md", "(term:water-body)", "(term:water-bodies)")
    edit(root / "01-general/01-basics/002-principles.kk.md", "(annex:tariffs)", "(annex:rates)")
    edit(root / "01-general/02-use/02-special/004a-fees.ru.md", "[приложению 1]", "[приложению 2]")
    edit(root / "01-general/01-basics/001-terms.kk.md", "(def:water-user)", "(def:water-body)")
    found = findings(root)
    assert "01-general/01-basics/002-principles.ru.md:6:29: R505 term 'water-bodies' is used but not defined: " \
           "write [the term](def:water-bodies) where it is defined" in found
    assert "01-general/01-basics/002-principles.kk.md:11:27: R501 reference to unknown annex id 'rates'" in found
    assert "01-general/02-use/02-special/004a-fees.ru.md:6:51: R504 reference text 'приложению 2' does not name " \
           "annex 1, the current number of 'tariffs'" in found
    assert any(line.startswith("01-general/01-basics/001-terms.kk.md:9:21: R506 term 'water-body' is defined twice")
               for line in found), found


def test_an_annex_missing_in_a_language(tmp_path: Path) -> None:
    root = copy("kz-code", tmp_path)
    (root / "annexes/01-tariffs.ru.md").unlink()
    assert "annexes/01-tariffs.kk.md:1:1: A401 no 'ru' version of this annex: expected annexes/01-tariffs.ru.md" \
        in findings(root)


def test_a_profile_without_an_article_level_is_refused(tmp_path: Path) -> None:
    root = copy("westminster-act", tmp_path)
    (root / "profiles").mkdir()
    (root / "profiles" / "mine.yaml").write_text("name: mine\nlevels:\n  - name: part\n  - name: chapter\n",
                                                 encoding="utf-8")
    edit(root / "work.yaml", "profile: westminster-act", "profile: mine")
    found = findings(root)
    assert any(": F203 the profile needs exactly one article level" in line for line in found), found


def test_containers_and_articles_nest_in_file_order() -> None:
    work = loaded("westminster-act").work
    part = work.expression("en").sections[0]
    kinds = [type(child).__name__ for child in part.children]
    assert kinds == ["Article", "Container"]
    assert isinstance(part.children[1], Container) and [a.num for a in part.children[1].articles] == ["2", "2A"]
    assert all(isinstance(a, Article) for a in part.articles)


def test_languages_align_on_sub_points_and_table_shapes(tmp_path: Path) -> None:
    root = copy("kz-code", tmp_path)
    edit(root / "01-general/01-basics/002-principles.ru.md", "      б) для орошения.", "      в) для орошения.")
    edit(root / "01-general/02-use/02-special/004-permits.ru.md", "   | Продление | 5 дней |\n",
         "   | Продление | 5 дней |\n   | Отзыв | 1 день |\n")
    edit(root / "annexes/01-tariffs.ru.md", "| Орошение | 12 |\n", "")
    found = findings(root)
    assert "01-general/01-basics/002-principles.ru.md:10:1: A402 point 2 has sub-points а, в here but а, б in the " \
           "'kk' version" in found
    assert "01-general/02-use/02-special/004-permits.ru.md:10:1: A410 the table has 4 rows of 2 cells here but 3 rows " \
           "of 2 in the 'kk' version" in found
    assert "annexes/01-tariffs.ru.md:8:1: A410 the table has 2 rows of 2 cells here but 3 rows of 2 in the 'kk' version" \
        in found
