"""The amending formulas (templates/amend/LANG.yaml): valid against their schema, and filled in they give the
formulas of published Kazakh amending acts (the guide's examples) with the units in the right case."""

from __future__ import annotations

import pytest
import yaml

from drafting.amending.formulas import FORMULAS_DIR, Unit, available, formulas
from drafting.amending.instructions import KINDS
from drafting.diagnostics import Diagnostics
from drafting.source.yamldoc import parse_yaml, validate

ART5, ART7, ART12, ART18 = (Unit("article", n, n) for n in ("5", "7", "12", "18"))
P2, P3 = Unit("paragraph", "2", "2"), Unit("paragraph", "3", "3")
PT9 = Unit("point", "9", "9)")


def test_every_language_of_the_constitution_has_valid_formulas() -> None:
    assert available() == ["en", "kk", "ru"]
    for lang in available():
        text = (FORMULAS_DIR / f"{lang}.yaml").read_text(encoding="utf-8")
        diags = Diagnostics()
        doc = parse_yaml(text, lang, 1, diags)
        assert doc is not None and validate(doc, "amend-formulas", lang, diags), list(diags)
        f = formulas(lang)
        for kind in KINDS:
            assert f.formula(kind, bare=False)


def test_a_formula_file_missing_a_kind_is_refused() -> None:
    data = yaml.safe_load((FORMULAS_DIR / "ru.yaml").read_text(encoding="utf-8"))
    del data["instructions"]["repeal"]
    diags = Diagnostics()
    doc = parse_yaml(yaml.safe_dump(data, allow_unicode=True), "x.yaml", 1, diags)
    assert doc is not None and not validate(doc, "amend-formulas", "x.yaml", diags)
    assert [d.code for d in diags] == ["F203"] and "repeal" in list(diags)[0].message


@pytest.mark.parametrize("lang,path,case,expected", [
    ("ru", [ART5], "acc", "статью 5"), ("ru", [ART5], "loc", "статье 5"),
    ("ru", [ART18, P2], "acc", "пункт 2 статьи 18"), ("ru", [ART7, P3], "loc", "пункте 3 статьи 7"),
    ("ru", [ART18, P2, PT9], "acc", "подпункт 9) пункта 2 статьи 18"),
    ("kk", [ART5], "nom", "5-бап"), ("kk", [ART5], "loc", "5-бапта"), ("kk", [ART5], "ins", "5-баппен"),
    ("kk", [ART18, P2], "nom", "18-баптың 2-тармағы"), ("kk", [ART18, P2], "loc", "18-баптың 2-тармағында"),
    ("kk", [ART7, P3], "attr", "7-баптың 3-тармағындағы"),
    ("kk", [ART18, P2, PT9], "nom", "18-баптың 2-тармағының 9) тармақшасы"),
    ("en", [ART18, P2], "nom", "Article 18(2)"), ("en", [ART18], "nom", "Article 18"),
    ("en", [ART18, P2, PT9], "nom", "point 9) of Article 18(2)"),
])
def test_units_are_named_in_the_case_the_formula_needs(lang: str, path: list[Unit], case: str, expected: str) -> None:
    assert formulas(lang).name(path, case) == expected


def _fill(lang: str, kind: str, path: list[Unit] | None, unit: Unit | None = None, **words: str) -> str:
    f = formulas(lang)
    return f.fill(f.formula(kind, bare=path is None), target=(lambda c: f.name(path, c)) if path else None,
                  unit=(lambda c: f.unit(unit, c)) if unit else None, **words)


def test_the_published_formulas_come_out_word_for_word() -> None:
    assert _fill("ru", "restate", [ART5]) == "статью 5 изложить в следующей редакции:"
    assert _fill("kk", "restate", [ART5]) == "5-бап мынадай редакцияда жазылсын:"
    assert _fill("ru", "restate", [ART18, P2]) == "пункт 2 статьи 18 изложить в следующей редакции:"
    assert _fill("kk", "restate", [ART18, P2]) == "18-баптың 2-тармағы мынадай редакцияда жазылсын:"
    assert _fill("ru", "insert", None, Unit("paragraph", "3-1", "3-1")) == "дополнить пунктом 3-1 следующего содержания:"
    assert _fill("kk", "insert", None, Unit("paragraph", "3-1", "3-1")) == \
        "мынадай мазмұндағы 3-1-тармақпен толықтырылсын:"
    assert _fill("ru", "insert", [ART18, P2], Unit("point", "9-1", "9-1)")) == \
        "пункт 2 статьи 18 дополнить подпунктом 9-1) следующего содержания:"
    assert _fill("kk", "insert", [ART18, P2], Unit("point", "9-1", "9-1)")) == \
        "18-баптың 2-тармағы мынадай мазмұндағы 9-1) тармақшамен толықтырылсын:"
    assert _fill("ru", "insert", None, Unit("article", "28-1", "28-1")) == "дополнить статьей 28-1 следующего содержания:"
    assert _fill("kk", "insert", None, Unit("article", "28-1", "28-1")) == "мынадай мазмұндағы 28-1-баппен толықтырылсын:"
    assert _fill("ru", "replace-words", [ART7, P3], old="а б", new="в г") == \
        "в пункте 3 статьи 7 слова «а б» заменить словами «в г»"
    assert _fill("kk", "replace-words", [ART7, P3], old="а б", new="в г") == \
        "7-баптың 3-тармағындағы «а б» деген сөздер «в г» деген сөздермен ауыстырылсын"
    assert _fill("ru", "replace-words", None, old="а", new="в") == "слово «а» заменить словом «в»"
    assert _fill("kk", "replace-words", None, old="а", new="в") == "«а» деген сөз «в» деген сөзбен ауыстырылсын"
    assert _fill("ru", "add-words", None, after="а б", new="в г") == "после слов «а б» дополнить словами «в г»"
    assert _fill("kk", "add-words", None, after="а б", new="в г") == \
        "«а б» деген сөздерден кейін «в г» деген сөздермен толықтырылсын"
    assert _fill("ru", "delete-words", None, old="а б") == "слова «а б» исключить"
    assert _fill("kk", "delete-words", None, old="а б") == "«а б» деген сөздер алып тасталсын"
    assert _fill("ru", "repeal", [ART12]) == "статью 12 исключить"
    assert _fill("kk", "repeal", [ART12]) == "12-бап алып тасталсын"
    assert _fill("en", "restate", [ART5]) == "Article 5 shall read as follows:"
    assert _fill("en", "repeal", [ART12]) == "Article 12 shall be deleted"


def test_title_and_lead_in() -> None:
    ru, kk = formulas("ru"), formulas("kk")
    assert ru.title(ru.work("constitution", "act", "")) == \
        "Закон Республики Казахстан о внесении изменений и дополнений в Конституцию Республики Казахстан"
    assert kk.title(kk.work("constitution", "act", "")) == \
        "Қазақстан Республикасының Конституциясына өзгерістер мен толықтырулар енгізу туралы Қазақстан Республикасының Заңы"
    assert ru.lead_in(ru.work("constitution", "act", "")) == \
        "Внести в Конституцию Республики Казахстан следующие изменения и дополнения:"
    assert kk.lead_in(kk.work("constitution", "act", "")).endswith("мынадай өзгерістер мен толықтырулар енгізілсін:")


def test_renumbering() -> None:
    assert _fill("ru", "renumber", [Unit("article", "45", "45")], Unit("article", "46", "46")) == \
        "статью 45 считать статьей 46"
    assert _fill("kk", "renumber", [Unit("article", "45", "45")], Unit("article", "46", "46")) == \
        "45-бап 46-бап деп есептелсін"
