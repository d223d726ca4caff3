"""An amending act in Akoma Ntoso: its instructions as ``mod`` elements and its ``activeModifications``.

An instruction of Article 1 (a point with a link to the amended act, quoted words or a
quoted fence) becomes ``<mod eId="mod_N">`` holding its words, ``ref`` to the target
(the amended work's FRBR URI + ``#`` + the target's eId in the amended version), every «…»
as ``quotedText`` and the quoted fence as ``quotedStructure`` (the amended act's unit,
read with the amended act's profile, its eIds prefixed by the mod's). Each mod gives a
``textualMod`` in ``meta/analysis/activeModifications``: its kind from the language's
formulas (restate -> substitution, insert -> insertion, repeal, the words kinds with
``old``/``new`` pointing at their quotedText, renumber -> renumbering).

What AKN has no place for but ``drafting consolidate`` needs to rebuild the sources from
this file (``consolidation.fromakn``) goes into ``proprietary``'s ``drafting:units``: each
quoted article's stable id and file (``<drafting:unit ref="#mod_5__qstr_1__art_5"
key="state-language" file="01-foundations/005-state-language"/>``), and the quoted
preamble (``key="preamble"``). References inside quoted units keep their targets
(``quotedwriter.QuotedWriter``).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import yaml
from lxml import etree

from drafting import eids
from drafting.akn import tag
from drafting.amending.fences import quoted_of
from drafting.amending.formulas import FORMULAS_DIR, formulas
from drafting.amending.instructions import KINDS, UNNUMBERED
from drafting.diagnostics import Diagnostics
from drafting.model import AmendedWork, Article, Point, QuotedStructure, Ref, Text, Work, plain_text
from drafting.profile import PROFILES_DIR, Profile
from drafting.source.markup import parse_article_body
from drafting.source.yamldoc import split_front_matter

if TYPE_CHECKING:
    from drafting.writers.akn.document import ActWriter

_QUOTED_WORDS = re.compile(r"«([^«»]*)»")
_AKN_TYPES = {"restate": "substitution", "insert": "insertion", "repeal": "repeal", "replace-words": "substitution",
              "add-words": "insertion", "delete-words": "repeal", "renumber": "renumbering",
              "retitle": "substitution"}


@dataclass
class Mod:
    eid: str
    kind: str
    destination: str
    quoted_texts: list[str] = field(default_factory=list)  # eIds, in order
    more: list[str] = field(default_factory=list)  # a range of renumberings: the destinations after the first


@lru_cache(maxsize=16)
def amended_profile(name: str) -> Profile:
    path = PROFILES_DIR / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {"name": name}
    return Profile.from_data(data)


@lru_cache(maxsize=8)
def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """Each kind's formulas as patterns over an instruction's plain text (placeholders match anything)."""
    if not (FORMULAS_DIR / f"{lang}.yaml").is_file():
        return []
    f = formulas(lang)
    found = []
    for kind in ("insert", "restate", "renumber", "retitle", "add-words", "replace-words", "delete-words", "repeal"):
        for bare in (False, True):
            try:
                template = f.formula(kind, bare)
            except (ValueError, KeyError):  # no such form, or a kind the language's formulas do not have
                continue
            found.append((kind, _pattern(template)))
        if kind == "renumber" and isinstance(f.data["instructions"]["renumber"], dict) \
                and "range" in f.data["instructions"]["renumber"]:
            found.append((kind, _pattern(str(f.data["instructions"]["renumber"]["range"]))))
    return found


def _pattern(template: str) -> re.Pattern[str]:
    pieces = re.split(r"\{[a-z_:]+\}", template)
    pattern = ".*?".join(re.escape(piece) for piece in pieces)
    return re.compile(rf"^\s*{pattern}\s*[;.:]?\s*$", re.S)


def instruction_kind(lang: str, point: Point) -> str | None:
    text = plain_text(point.text)
    for kind, pattern in _patterns(lang):
        if pattern.match(text):
            return kind
    return None


class Modifications:
    """The mods of one expression of an amending act, collected while its body is written."""

    def __init__(self, writer: ActWriter, amends: AmendedWork) -> None:
        self.writer = writer
        self.amends = amends
        self.mods: list[Mod] = []
        self.profile = amended_profile(amends.profile)
        self.quoted_units: list[tuple[str, str, str]] = []  # (eId, stable id or "preamble", file)
        self.quoted_articles: dict[str, str] = {}  # stable id -> the quoted article's eId
        self.pending: list[tuple[etree._Element, str, str | None]] = []  # refs to articles this act inserts

    def is_instruction(self, point: Point) -> bool:
        if point.points:
            return False  # an item naming the article its sub-items change
        return bool(point.quoted) or any(isinstance(n, Ref) and n.work == self.amends.work for n in point.text) \
            or bool(_QUOTED_WORDS.search(plain_text(point.text)))

    # -- targets -----------------------------------------------------------------------------
    def target_eid(self, ref: Ref) -> str | None:
        if ref.kind == "container":
            return self.amends.containers.get(ref.target)
        article = self.amends.articles.get(ref.target)
        if article is None:
            return None
        path = [p for p in ((ref.paragraph,) if ref.paragraph else ()) + ref.points]
        eid = article
        depth = 0
        if path and path[0] == UNNUMBERED:
            path = path[1:]
            depth = 1
        for k, number in enumerate(path):
            level = self.profile.paragraph_level if depth + k == 0 else self.profile.point_level(depth + k)
            eid = eids.unit_eid(eid, level.element, number, 1)
        return eid

    def href(self, ref: Ref) -> str:
        eid = self.target_eid(ref)
        return f"{self.amends.uri}#{eid}" if eid else self.amends.uri

    # -- the mod ---------------------------------------------------------------------------------
    def write(self, paragraph: etree._Element, point: Point) -> None:
        """``point``'s text as a mod inside ``paragraph`` (a ``p``)."""
        number = len(self.mods) + 1
        mod = etree.SubElement(paragraph, tag("mod"), eId=f"mod_{number}")
        kind = instruction_kind(self.writer.lang, point) or ("restate" if point.quoted else "repeal")
        record = Mod(mod.get("eId") or "", kind, self.amends.uri)
        for node in point.text:
            if isinstance(node, Text):
                self._text(mod, node.value, record)
            elif isinstance(node, Ref) and node.work == self.amends.work:
                record.destination = self.href(node)
                element = etree.SubElement(mod, tag("ref"), href=record.destination)
                self.writer.inlines(element, node.children)
            else:
                self.writer.inlines(mod, (node,))
        for index, quoted in enumerate(point.quoted, start=1):
            self._structure(mod, quoted, f"{record.eid}__qstr_{index}")
        refs = [node for node in point.text if isinstance(node, Ref) and node.work == self.amends.work]
        if kind == "renumber" and len(refs) == 2:  # a range: every article from the first to the last
            record.destination, record.more = self._range(refs[0], refs[1])
        self.mods.append(record)

    def _range(self, first: Ref, last: Ref) -> tuple[str, list[str]]:
        """The destinations of a range of renumbered articles (numbers run through the act: art_30 ... art_37)."""
        low, high = self.amends.articles.get(first.target, ""), self.amends.articles.get(last.target, "")
        numbers = [eid.removeprefix("art_") for eid in (low, high)]
        if not all(n.isdigit() for n in numbers) or int(numbers[0]) > int(numbers[1]):
            return self.href(first), [self.href(last)]
        found = [f"{self.amends.uri}#art_{n}" for n in range(int(numbers[0]), int(numbers[1]) + 1)]
        return found[0], found[1:]

    def _text(self, mod: etree._Element, text: str, record: Mod) -> None:
        position = 0
        for match in _QUOTED_WORDS.finditer(text):
            self.writer.inline_text(mod, Text(text[position:match.start()]))
            eid = f"{record.eid}__qtext_{len(record.quoted_texts) + 1}"
            element = etree.SubElement(mod, tag("quotedText"), eId=eid, startQuote="«", endQuote="»")
            element.text = match.group(1)
            record.quoted_texts.append(eid)
            position = match.end()
        self.writer.inline_text(mod, Text(text[position:]))

    def _structure(self, mod: etree._Element, node: QuotedStructure, eid: str) -> None:
        structure = etree.SubElement(mod, tag("quotedStructure"), eId=eid, startQuote="«", endQuote="»")
        quoted = quoted_of(node)
        sub = self._sub_writer()
        diags = Diagnostics()
        written = False
        recorded = len(self.quoted_units)
        if quoted.file == "preamble":
            _, body, _ = split_front_matter(quoted.text)
            for block in [b for b in body.split("\n\n") if b.strip()]:
                etree.SubElement(structure, tag("p")).text = " ".join(block.split())
            self.quoted_units.append((eid, "preamble", "preamble"))
            written = True
        elif quoted.file is not None:
            front, body, start = split_front_matter(quoted.text)
            data = yaml.safe_load(front) if front else None
            if isinstance(data, dict) and "id" in data and "number" in data:
                paragraphs = parse_article_body(body, "quoted", start, diags, self.profile)
                heading = data.get("heading")
                sub.article(structure, Article(str(data["id"]), str(data["number"]), paragraphs,
                                               node.loc, str(heading) if heading else None))
                article_eid = f"{eid}__{structure[-1].get('eId')}"
                self.quoted_units.append((article_eid, str(data["id"]), quoted.file))
                self.quoted_articles.setdefault(str(data["id"]), article_eid)
                written = True
        else:
            text = textwrap.dedent(quoted.text)
            paragraphs = parse_article_body(text, "quoted", 1, diags, self.profile)
            if paragraphs and paragraphs[0].num is not None:
                for index, paragraph in enumerate(paragraphs, start=1):
                    sub.paragraph(structure, "", paragraph, index)
                written = True
            elif paragraphs and paragraphs[0].points:
                for point in paragraphs[0].points:
                    sub.point(structure, "", point, self.profile.point_level(1), 1)
                written = True
        if not written or diags.has_errors():
            del self.quoted_units[recorded:]
            for element in list(structure):
                structure.remove(element)
            for line in [line for line in quoted.text.split("\n") if line.strip()]:
                etree.SubElement(structure, tag("p")).text = line.strip()
        for element in structure.iter():
            if element is structure:
                continue
            if element.get("eId"):
                element.set("eId", f"{eid}__{element.get('eId')}")
            if "wId" in element.attrib:
                del element.attrib["wId"]

    def _sub_writer(self) -> ActWriter:
        from drafting.writers.akn.quotedwriter import QuotedWriter

        work = self.writer.work
        writer = QuotedWriter(Work(work.meta, self.profile, work.expressions), self.writer.lang, self.writer.date)
        writer.quoting = self
        return writer

    def _resolve_pending(self) -> None:
        """References to articles this act inserts: to the quoted article, else kept as their text."""
        para = self.profile.paragraph_level
        for element, target, paragraph in self.pending:
            eid = self.quoted_articles.get(target)
            if eid is not None:
                element.set("href", "#" + (eids.unit_eid(eid, para.element, paragraph, 1) if paragraph else eid))
                continue
            parent = element.getparent()
            if parent is None:
                continue
            text = "".join(element.itertext()) + (element.tail or "")
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + text
            else:
                parent.text = (parent.text or "") + text
            parent.remove(element)
        self.pending.clear()

    def proprietary(self, meta: etree._Element) -> None:
        """The quoted articles' stable ids and files, beside the act's own units in ``drafting:units``."""
        from drafting.writers.akn.meta import PROPRIETARY_NS

        if not self.quoted_units:
            return
        holder = meta.find(tag("proprietary"))
        if holder is None:
            return
        units = holder.find(f"{{{PROPRIETARY_NS}}}units")
        if units is None:
            units = etree.SubElement(holder, f"{{{PROPRIETARY_NS}}}units", nsmap={"drafting": PROPRIETARY_NS})
        for eid, key, file in self.quoted_units:
            etree.SubElement(units, f"{{{PROPRIETARY_NS}}}unit", {"ref": f"#{eid}", "key": key, "file": file})

    # -- meta ----------------------------------------------------------------------------------
    def analysis(self, meta: etree._Element, source: str) -> None:
        """``activeModifications`` first in ``meta/analysis`` (created after workflow when there is none)."""
        if not self.mods:
            return
        self._resolve_pending()
        self.proprietary(meta)
        analysis = meta.find(tag("analysis"))
        if analysis is None:
            analysis = etree.Element(tag("analysis"), source=source)
            after = [meta.find(tag(name)) for name in ("workflow", "lifecycle", "publication", "identification")]
            anchor = next(e for e in after if e is not None)
            anchor.addnext(analysis)
        active = etree.Element(tag("activeModifications"))
        analysis.insert(0, active)
        number = 0
        for mod in self.mods:
            for destination in [mod.destination, *mod.more]:
                number += 1
                self._textual_mod(active, mod, destination, number)

    def _textual_mod(self, active: etree._Element, mod: Mod, destination: str, number: int) -> None:
        element = etree.SubElement(active, tag("textualMod"), type=_AKN_TYPES.get(mod.kind, "substitution"),
                                   eId=f"amod_{number}")
        etree.SubElement(element, tag("source"), href=f"#{mod.eid}")
        etree.SubElement(element, tag("destination"), href=destination)
        texts = mod.quoted_texts
        if mod.kind == "replace-words" and len(texts) >= 2:
            etree.SubElement(element, tag("old"), href=f"#{texts[0]}")
            etree.SubElement(element, tag("new"), href=f"#{texts[1]}")
        elif mod.kind == "retitle" and texts:
            etree.SubElement(element, tag("new"), href=f"#{texts[-1]}")
        elif mod.kind == "add-words" and texts:
            etree.SubElement(element, tag("new"), href=f"#{texts[-1]}")
        elif mod.kind == "delete-words" and texts:
            etree.SubElement(element, tag("old"), href=f"#{texts[0]}")


__all__ = ["KINDS", "Modifications", "amended_profile", "instruction_kind"]
