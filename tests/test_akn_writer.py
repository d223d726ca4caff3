"""The AKN writer: golden files, strict schema, eIds, references, metadata, determinism."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from akn_common import AKN, GOLDEN, MINI, RICH, assert_valid, check_golden, export, root
from lxml import etree

from drafting.akn.schema import validate
from drafting.writers.akn.document import document_bytes, manifestation_date
from drafting.diagnostics import DraftingError
from drafting.source.load import load_valid
from drafting.model import Work


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(scope="module")
def mini() -> Work:
    return load_valid(MINI)


@pytest.fixture(scope="module")
def rich() -> Work:
    return load_valid(RICH)


def one(data: bytes, path: str) -> etree._Element:
    found = root(data).xpath(path, namespaces=AKN)
    assert len(found) == 1, f"{path}: {len(found)} matches"
    return found[0]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize("name", ["mini", "rich"])
def test_golden(name: str, lang: str, request: pytest.FixtureRequest) -> None:
    work: Work = request.getfixturevalue(name)
    check_golden(GOLDEN / name / f"{lang}.xml", export(work, lang))


def test_same_sources_same_bytes(rich: Work) -> None:
    again = load_valid(RICH)
    for lang in rich.meta.codes:
        assert export(rich, lang) == export(again, lang)


def test_manifestation_date_honours_source_date_epoch(rich: Work, monkeypatch: pytest.MonkeyPatch) -> None:
    assert manifestation_date(rich) == dt.date(2026, 2, 12)  # the expression date: never the wall clock
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1770854400")
    data = export(rich, "en")
    assert one(data, "//a:FRBRManifestation/a:FRBRdate").get("date") == "2026-02-12"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    assert one(export(rich, "en"), "//a:FRBRManifestation/a:FRBRdate").get("date") == "2026-05-28"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(DraftingError, match="SOURCE_DATE_EPOCH"):
        manifestation_date(rich)


def test_eids_follow_the_naming_convention(rich: Work) -> None:
    data = export(rich, "en")
    eids = root(data).xpath("//@eId")
    assert len(eids) == len(set(eids))
    for eid in ["art_1", "art_1__para_2", "art_1__para_2__point_1", "art_1__para_2-1", "art_1-1",
                "art_1-1__para_1__point_2", "sec_I", "sec_II", "preamble"]:
        assert eid in eids
    assert not [e for e in eids if e.startswith("sec_I__art")], "articles are numbered straight through: no prefix"


def test_stable_ids_in_proprietary_and_wid_is_the_first_eid(rich: Work) -> None:
    data = export(rich, "kk")
    # no earlier version known: a unit's wId is its eId (the naming convention's "original" id)
    assert one(data, "//a:article[@eId='art_1-1']").get("wId") == "art_1-1"
    assert one(data, "//a:section[@eId='sec_II']").get("wId") == "sec_II"
    own = {"d": "https://drafting.invalid/ns/akn-ids"}
    keys = {u.get("ref"): u.get("key") for u in root(data).xpath("//a:proprietary//d:unit", namespaces={**AKN, **own})}
    assert keys["#art_1-1"] == "art_inserted-article" and keys["#sec_II"] == "sec_closing"
    assert not root(data).xpath("//a:mappings", namespaces=AKN)


def test_num_and_heading_as_printed(rich: Work) -> None:
    assert one(export(rich, "kk"), "//a:article[@eId='art_1-1']/a:num").text == "1-1-бап"
    ru = export(rich, "ru")
    assert one(ru, "//a:article[@eId='art_2']/a:num").text == "Статья 2"
    assert one(ru, "//a:article[@eId='art_2']/a:heading").text == "Вступление в силу"
    assert one(ru, "//a:section[@eId='sec_II']/a:num").text == "Раздел II"
    assert one(ru, "//a:paragraph[@eId='art_1__para_2-1']/a:num").text == "2-1."
    assert one(ru, "//a:point[@eId='art_1__para_2__point_2']/a:num").text == "2)"


def test_unnumbered_paragraph_has_no_num(rich: Work) -> None:
    data = export(rich, "en")
    para = one(data, "//a:article[@eId='art_1-1']/a:paragraph")
    assert para.get("eId") == "art_1-1__para_1"
    assert para.find("a:num", AKN) is None
    assert [etree.QName(c).localname for c in para] == ["intro", "point", "point", "wrapUp"]


def test_references_point_at_eids_and_fill_in_labels(rich: Work) -> None:
    for lang, label in [("en", "paragraph 2-1 of Article 1"), ("ru", "пункт 2-1 статьи 1"), ("kk", "1-баптың 2-1-тармағы")]:
        data = export(rich, lang)
        eids = set(root(data).xpath("//@eId"))
        refs = root(data).xpath("//a:body//a:ref", namespaces=AKN)
        assert refs and all(r.get("href")[1:] in eids for r in refs)
        assert one(data, "//a:ref[@href='#art_1__para_2-1']").text == label
    assert one(export(rich, "en"), "//a:ref[@href='#art_2']").text == "Article 2"  # written text kept


def test_inline_markup_and_escapes(rich: Work) -> None:
    data = export(rich, "en")
    assert b"<i>united by a common fate</i>" in data
    assert b"the sample [state] &amp; its <i>organs</i>." in data
    assert b"5 * 3 is written literally" in data
    assert b"<p>2026. is the year of adoption" in data


def test_preamble_with_heading(rich: Work, mini: Work) -> None:
    data = export(rich, "ru")
    assert one(data, "//a:preamble/a:tblock/a:heading").text == "Преамбула"
    assert len(root(data).xpath("//a:preamble//a:p", namespaces=AKN)) == 2
    assert one(export(mini, "en"), "//a:preamble").get("eId") == "preamble"


def test_meta_identification(rich: Work) -> None:
    for lang, akn, authoritative in [("kk", "kaz", "true"), ("ru", "rus", "true"), ("en", "eng", "false")]:
        data = export(rich, lang)
        base = "/akn/kz/bill/constitution/2026-01-31/rich-sample"  # before adoption (2026-03-15): a bill
        assert one(data, "//a:FRBRWork/a:FRBRuri").get("value") == base
        assert one(data, "//a:FRBRWork/a:FRBRthis").get("value") == base + "/!main"
        assert one(data, "//a:FRBRWork/a:FRBRcountry").get("value") == "kz"
        assert one(data, "//a:FRBRWork/a:FRBRalias[@name='title']").get("value") == rich.meta.title[lang]
        assert one(data, "//a:FRBRWork/a:FRBRname").get("value") == "rich-sample"  # a name, not a number
        assert not root(data).xpath("//a:FRBRnumber", namespaces=AKN)
        assert one(data, "//a:FRBRExpression/a:FRBRuri").get("value") == f"{base}/{akn}@2026-02-12"
        assert one(data, "//a:FRBRExpression/a:FRBRlanguage").get("language") == akn
        assert one(data, "//a:FRBRExpression/a:FRBRauthoritative").get("value") == authoritative
        assert one(data, "//a:FRBRManifestation/a:FRBRthis").get("value") == f"{base}/{akn}@2026-02-12/!main.xml"
        # the expression URI, as Indigo writes it (cobalt would read "@2026-02-12.akn" as the date)
        assert one(data, "//a:FRBRManifestation/a:FRBRuri").get("value") == f"{base}/{akn}@2026-02-12"
        translations = root(data).xpath("//a:FRBRtranslation", namespaces=AKN)
        assert len(translations) == (1 if lang == "en" else 0)
        for date in root(data).xpath("//a:meta//@date", namespaces=AKN):
            dt.date.fromisoformat(date)  # full dates only
    translation = one(export(rich, "en"), "//a:FRBRtranslation")
    assert translation.get("fromLanguage") == "rus" and translation.get("by") == "#translator"
    assert translation.get("href").endswith("/rus@2026-02-12")


def test_every_reference_in_meta_resolves(rich: Work, mini: Work) -> None:
    for work in (rich, mini):
        for lang in work.meta.codes:
            data = export(work, lang)
            known = set(root(data).xpath("//a:references/*/@eId", namespaces=AKN))
            used = set()
            for attribute in ("source", "refersTo", "by"):
                for value in root(data).xpath(f"//@{attribute}"):
                    used.update(v[1:] for v in value.split())
            used.update(h[1:] for h in root(data).xpath("//a:FRBRauthor/@href", namespaces=AKN))
            assert used and used <= known, used - known
            assert known <= used, f"unused references: {known - used}"


def test_lifecycle_and_publication(rich: Work) -> None:
    data = export(rich, "kk")
    events = root(data).xpath("//a:lifecycle/a:eventRef", namespaces=AKN)
    assert [(e.get("date"), e.get("type")) for e in events] == [("2026-01-31", "generation"), ("2026-02-12", "amendment")]
    assert one(data, "//a:TLCEvent[@eId='first']").get("showAs") == "Бірінші жоба"
    assert one(data, "//a:TLCEvent[@eId='second']").get("showAs") == "second"  # no kk title: the name
    publication = one(data, "//a:publication")
    assert (publication.get("name"), publication.get("date"), publication.get("number")) == ("Egemen Qazaqstan", "2026-01-31", "21")
    assert not root(export(rich, "en")).xpath("//a:publication", namespaces=AKN)
    assert one(data, "//a:TLCOrganization[@eId='people']").get("showAs") == "Қазақстан халқы"


def test_the_schema_is_the_strict_one(rich: Work) -> None:
    data = document_bytes(rich, "en")
    assert_valid(data)
    year_only = data.replace(b'<FRBRdate date="2026-01-31"', b'<FRBRdate date="2026"', 1)
    assert year_only != data
    assert validate(year_only), "a year-only FRBRdate must fail the strict schema"
    duplicate = data.replace(b'eId="art_2"', b'eId="art_1"', 1)
    assert any("eId" in e.message or "unique" in e.message.lower() for e in validate(duplicate))


def test_golden_files_are_valid() -> None:
    files = sorted(Path(GOLDEN).glob("*/*.xml"))
    assert len(files) == 6
    for path in files:
        assert_valid(path.read_bytes(), str(path))
