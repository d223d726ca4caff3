"""What amending acts changed in a consolidated text: ``passiveModifications`` and a note on every amended unit.

``drafting consolidate`` records, in the work file's version that an amending act
made, one ``modifications`` entry per change (``model.Modification``). Every
expression up to that version gets, for each entry:

- a ``textualMod`` in ``meta/analysis/passiveModifications`` (type substitution,
  insertion, repeal or renumbering), its ``source`` the ``passiveRef`` of the
  version's lifecycle event (the amending act's URI), its ``destination`` the
  unit's eId (for a repeal, the eId it had);
- an ``authorialNote`` on the unit, in the expression's language, from the
  formulas in ``templates/consolidate/{lang}.yaml`` ("Сноска. Пункт 1 – в редакции
  Закона РК от 01.12.2026 № 12."), put in the article's heading (or its number),
  or at the end of a paragraph's or point's first line of text. A repealed
  paragraph or point is noted on the unit that held it; a repealed article has no
  unit left to carry its note (its textualMod stays).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml
from lxml import etree

from drafting import eids
from drafting.akn import tag
from drafting.model import Modification, Version, Work, WorkMeta
from drafting.resources import TEMPLATES_DIR

FORMULAS_DIR = TEMPLATES_DIR / "consolidate"
FALLBACK_LANGUAGE = "en"


HEADING = "heading"  # Modification.change of a container's restated heading (unit: the container's id)


@lru_cache(maxsize=8)
def formulas(lang: str) -> dict[str, Any]:
    """The note formulas of a language (English when the language has none)."""
    path = FORMULAS_DIR / f"{lang}.yaml"
    if not path.is_file():
        path = FORMULAS_DIR / f"{FALLBACK_LANGUAGE}.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def act_facts(version: Version) -> dict[str, str]:
    """The amending act's date (dd.mm.yyyy) and number, from its work URI (``/akn/kz/act/2026-12-01/12``)."""
    parts = [p for p in (version.source.uri if version.source else "").split("/") if p]
    number = parts[-1] if parts else version.name
    date = version.date
    for part in parts:
        if len(part) == 10 and part[4] == "-" and part[7] == "-":
            date = date.fromisoformat(part)
    return {"date": f"{date.day:02d}.{date.month:02d}.{date.year}", "number": number}


def unit_kind(modification: Modification) -> str:
    if modification.change == HEADING:
        return HEADING
    return ("article", "paragraph")[len(modification.path)] if len(modification.path) < 2 else "point"


def note_text(modification: Modification, version: Version, lang: str) -> str:
    data = formulas(lang)
    facts = act_facts(version)
    acts = {key: str(value).format(**facts) for key, value in data.items() if key.startswith("act")}
    path = modification.path
    number = path[-1] if path else modification.number
    change = modification.change or {"insertion": "insert", "repeal": "repeal", "renumbering": "renumber"}.get(
        modification.type, "restate")
    formula = str(data["notes"][unit_kind(modification)][change])
    return formula.format(n=number, previous=modification.previous or "", **acts)


def amended_versions(meta: WorkMeta) -> list[tuple[int, Version]]:
    """The versions up to the expression's date that record modifications, with their lifecycle index."""
    date = meta.expression_date
    past = [v for v in meta.versions if v.date <= date]
    return [(index, v) for index, v in enumerate(past) if v.modifications]


class Destinations:
    """The eId of a recorded unit in one expression (a repealed unit: the eId it had)."""

    def __init__(self, work: Work, lang: str) -> None:
        self.profile = work.profile
        self.ids = eids.Identifiers(work.expression(lang), work.profile)
        self.containers = {c.id: self.ids.container(c) for c in work.expression(lang).containers()}

    def container(self, modification: Modification) -> str:
        found = self.containers.get(modification.unit)
        return found or eids.unit_eid("", "section", modification.number, 1)

    def article(self, modification: Modification) -> str:
        if modification.type != "repeal" or modification.path:
            found = self.ids.articles.get(modification.article)
            if found:
                return found
        return eids.article_eid(modification.number)

    def eid(self, modification: Modification, path: tuple[str, ...] | None = None) -> str:
        if modification.change == HEADING:
            return self.container(modification)
        chosen = modification.path if path is None else path
        eid = self.article(modification)
        for depth, num in enumerate(chosen):
            level = self.profile.paragraph_level if depth == 0 else self.profile.point_level(depth)
            eid = eids.unit_eid(eid, level.element, num, 1)
        return eid


def modifications_element(work: Work, lang: str, source_of: dict[str, str]) -> etree._Element | None:
    """``passiveModifications``: a textualMod per recorded change; ``source_of`` maps version name -> passiveRef href."""
    found = amended_versions(work.meta)
    if not found:
        return None
    where = Destinations(work, lang)
    element = etree.Element(tag("passiveModifications"))
    count = 0
    for _, version in found:
        for modification in version.modifications:
            count += 1
            mod = etree.SubElement(element, tag("textualMod"), type=modification.type, eId=f"pmod_{count}")
            etree.SubElement(mod, tag("source"), href=source_of[version.name])
            etree.SubElement(mod, tag("destination"), href=f"#{where.eid(modification)}")
    return element


def add_notes(act: etree._Element, work: Work, lang: str, first: int) -> int:
    """An authorialNote on every recorded unit of the body; returns how many notes the document has now."""
    found = amended_versions(work.meta)
    if not found:
        return first
    where = Destinations(work, lang)
    by_eid = {str(e.get("eId")): e for e in act.iter(tag("article"), tag("paragraph"), tag("point"), tag("hcontainer"),
                                                    tag("subparagraph"), tag("section"), tag("part"), tag("chapter"),
                                                    tag("subchapter"), tag("title"), tag("list"), tag("item"),
                                                    tag("indent"), tag("alinea"))
              if e.get("eId")}
    count = first
    made: set[tuple[str, str]] = set()  # (unit eId, note): several changes of one kind to a unit make one note
    for _, version in found:
        for modification in version.modifications:
            path: tuple[str, ...] | None = modification.path[:-1] if modification.type == "repeal" \
                else modification.path
            path = None if modification.change == HEADING else path
            if modification.type == "repeal" and not modification.path:
                continue  # a repealed article: no unit is left to carry the note
            eid = where.eid(modification, path)
            holder = by_eid.get(eid)
            text = note_text(modification, version, lang)
            if holder is None or (eid, text) in made:
                continue
            made.add((eid, text))
            count += 1
            note = etree.SubElement(_anchor(holder), tag("authorialNote"), marker=str(count), placement="bottom",
                                    eId=f"authorialNote_{count}")
            etree.SubElement(note, tag("p")).text = text
    return count


def _anchor(unit: etree._Element) -> etree._Element:
    """Where a unit's note goes: an article's heading or number; a paragraph's or point's first line of text."""
    heading = unit.find(tag("heading"))
    if heading is not None:
        return heading
    for holder in ("content", "intro"):
        block = unit.find(tag(holder))
        if block is not None:
            p = block.find(tag("p"))
            if p is not None:
                return p
    number = unit.find(tag("num"))
    return number if number is not None else unit
