"""The consolidated AKN names the amending act: passiveModifications, a lifecycle event from a passiveRef, notes."""

from __future__ import annotations

import datetime as dt

from lxml import etree

from consolidation_trees import LANGS, base_files, work_of
from drafting.akn import NS
from drafting.akn.schema import validate
from drafting.consolidation.application import consolidate_files
from drafting.consolidation.record import AmendingAct, record_version
from drafting.consolidation.steps import Address, Step
from drafting.model import Loc
from drafting.writers.akn.document import document_bytes

A = {"a": NS}
ACT = AmendingAct("/akn/kz/act/2026-12-01/12", dt.date(2026, 12, 1),
                  {"kk": "Өзгерістер туралы заң", "ru": "Закон об изменениях", "en": "Amending Law"})


def consolidated() -> dict[str, bytes]:
    at = {lang: Loc(f"amendment/001.{lang}.md", 3) for lang in LANGS}
    steps = [
        Step("restate", Address("scope", ("1",)), at, new={lang: f"1. Restated {lang}.\n" for lang in LANGS}),
        Step("repeal", Address("scope", ("2", "2")), at),
        Step("insert", Address("terms", ("1-1",)), at, new={lang: f"1-1. New {lang}.\n" for lang in LANGS},
             after=Address("terms", ("1",))),
        Step("replace-words", Address("final", ("1",)), at, old={lang: "enters" for lang in LANGS},
             new={lang: "comes" for lang in LANGS}),
        Step("restate", Address("terms"), at,
             new={lang: f"---\nid: terms\nnumber: 2\nheading: Terms\n---\n1. T {lang}.\n1-1. New {lang}.\n"
                  for lang in LANGS}),
    ]
    files = base_files()
    result = consolidate_files(files, work_of(files), steps)
    assert not result.diagnostics.has_errors()
    result.files["work.yaml"] = record_version(result.files["work.yaml"], "amended", ACT, result.applied)
    work = work_of(result.files)
    return {lang: document_bytes(work, lang) for lang in LANGS}


def test_the_consolidated_akn_is_valid_and_records_every_change() -> None:
    documents = consolidated()
    for lang, data in documents.items():
        assert validate(data) == [], lang
        root = etree.fromstring(data)
        mods = root.findall(".//a:passiveModifications/a:textualMod", A)
        assert [(m.get("type"), m.find("a:destination", A).get("href")) for m in mods] == [
            ("substitution", "#art_1__para_1"), ("repeal", "#art_1__para_2__point_2"),
            ("insertion", "#art_2__para_1-1"), ("substitution", "#art_3__para_1"), ("substitution", "#art_2")]
        assert {m.find("a:source", A).get("href") for m in mods} == {"#amended-source"}
        ref = root.find(".//a:references/a:passiveRef[@eId='amended-source']", A)
        assert ref is not None and ref.get("href") == "/akn/kz/act/2026-12-01/12"
        event = root.find(".//a:lifecycle/a:eventRef", A)
        assert (event.get("type"), event.get("source"), event.get("date")) == ("amendment", "#amended-source",
                                                                                "2026-12-01")


def test_a_note_on_every_amended_unit_in_every_language() -> None:
    documents = consolidated()

    def notes(lang: str) -> list[tuple[str, str]]:
        root = etree.fromstring(documents[lang])
        found = []
        for note in root.iter(f"{{{NS}}}authorialNote"):
            unit = next(e for e in note.iterancestors() if e.get("eId") and not e.tag.endswith("}intro"))
            found.append((unit.get("eId"), "".join(note.itertext())))
        return found

    assert notes("ru") == [
        ("art_1__para_1", "Сноска. Пункт 1 – в редакции Закона РК от 01.12.2026 № 12."),
        ("art_1__para_2", "Сноска. Подпункт 2) исключен Законом РК от 01.12.2026 № 12."),
        ("art_2", "Сноска. Статья 2 – в редакции Закона РК от 01.12.2026 № 12."),
        ("art_2__para_1-1", "Сноска. Пункт 1-1 введен в соответствии с Законом РК от 01.12.2026 № 12."),
        ("art_3__para_1", "Сноска. В пункт 1 внесены изменения Законом РК от 01.12.2026 № 12."),
    ]
    assert [text for _, text in notes("kk")] == [
        "Ескерту. 1-тармақ жаңа редакцияда – ҚР 01.12.2026 № 12 Заңымен.",
        "Ескерту. 2) тармақша алып тасталды – ҚР 01.12.2026 № 12 Заңымен.",
        "Ескерту. 2-бап жаңа редакцияда – ҚР 01.12.2026 № 12 Заңымен.",
        "Ескерту. 1-1-тармақ енгізілді – ҚР 01.12.2026 № 12 Заңымен.",
        "Ескерту. 1-тармаққа өзгеріс енгізілді – ҚР 01.12.2026 № 12 Заңымен.",
    ]
    assert [text for _, text in notes("en")][0] == \
        "Note. Paragraph 1 as worded by the Law of the Republic of Kazakhstan of 01.12.2026 No. 12."


def test_the_work_file_keeps_its_text_and_names_the_new_version() -> None:
    files = base_files()
    text = record_version(files["work.yaml"] + "versions:\n  - name: enacted\n    date: 2026-01-10\n", "amended",
                          ACT, [])
    assert text == files["work.yaml"] + (
        "versions:\n  - name: enacted\n    date: 2026-01-10\n  - name: amended\n    date: '2026-12-01'\n"
        "    event: amendment\n    source:\n      uri: /akn/kz/act/2026-12-01/12\n      title:\n"
        "        kk: Өзгерістер туралы заң\n        ru: Закон об изменениях\n        en: Amending Law\n"
        "version: amended\n")


def test_the_new_version_goes_before_the_versions_dated_after_the_act() -> None:
    base = base_files()["work.yaml"] + ("version: enacted\nversions:\n  - name: enacted\n    date: 2026-01-10\n"
                                        "  - name: in-force\n    date: 2027-01-01\n")
    text = record_version(base, "amended", ACT, [])
    assert text.split("versions:\n")[1].split("\n    event")[0] == (
        "  - name: enacted\n    date: 2026-01-10\n  - name: amended\n    date: '2026-12-01'")
    assert "version: amended\n" in text and "  - name: in-force\n    date: 2027-01-01\n" in text
