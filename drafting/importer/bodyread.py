"""AKN preface, preamble, body and attachments -> the model's title, preamble, containers, articles and annexes.

The plan (``levels.py``) says which units are containers (any depth), which one is the
article and which are inside it. Containers keep their printed numbers and headings;
articles get a stable id (from ``wId``, else from their level and number) and their
paragraphs from ``paragraphread``. The preface gives the title; a long title that is
not the title opens the preamble, so its words are kept. Everything else in the body
that is not a unit of the plan is reported with its line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from drafting.akn import tag
from drafting.akn.xmlin import elements, is_akn, local
from drafting.eids import element_ref
from drafting.importer.annexread import AnnexReader
from drafting.importer.inlineread import InlineReader, Target, join
from drafting.importer.levels import Plan, is_unit, num_text, unit_key, units
from drafting.importer.metaread import slug
from drafting.importer.numread import printed_number
from drafting.importer.paragraphread import TEXT_BLOCKS, ParagraphReader
from drafting.model import Annex, Article, Container, InlineSeq, Loc, Paragraph, Preamble

_CONVENTIONAL = re.compile(r"^(art|sec)_[^\s_]+$")
DOCUMENT_PARTS = {"meta", "coverPage", "preface", "preamble", "body", "portionBody", "conclusions", "attachments"}
_PREAMBLE_BLOCKS = {"formula", "citations", "citation", "recitals", "recital", "container", "blockContainer",
                    "tblock", "longTitle", "intro"}
_TITLES = ("docTitle", "shortTitle")
_ID_PREFIX = {"article": "art", "section": "sec", "regulation": "reg", "rule": "rule", "clause": "cl"}
_OWN = ("num", "heading", "subheading")


@dataclass
class BodyResult:
    title: str | None = None
    preamble: Preamble | None = None
    body: list[Container | Article] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    annex_labels: Counter[str] = field(default_factory=Counter)
    formula: str | None = None  # the preamble's enacting formula (its text becomes the profile's label)
    conclusions: tuple[InlineSeq, ...] = ()  # the closing text after the body

    def articles(self) -> list[Article]:
        found: list[Article] = []
        for unit in self.body:
            found.extend([unit] if isinstance(unit, Article) else unit.articles)
        return found


class BodyReader:
    def __init__(self, plan: Plan, text: InlineReader, stable: dict[str, str] | None = None) -> None:
        self.path = text.path
        self.stable = stable or {}  # eId -> stable key, as our writer records it in <proprietary>
        self.plan = plan
        self.text = text
        self.paragraphs = ParagraphReader(text, plan)
        self.result = BodyResult()
        self.ids: dict[etree._Element, tuple[str, str]] = {}  # article element -> (stable id, number)
        self.container_ids: set[str] = set()

    def warn(self, element: etree._Element, code: str, message: str) -> None:
        self.text.report(element, code, message)

    def read(self, document: etree._Element, alias: str | None) -> BodyResult:
        for part in elements(document):
            if not is_akn(part, *DOCUMENT_PARTS):
                shown = self.text.plain(part)[:60]
                self.warn(part, "I701", f"<{local(part)}> not imported (the source format has no place for it)"
                          + (f": '{shown}'" if shown else ""))
        body = body_of(document)
        if body is None:
            self.warn(document, "I701", "the document has no <body>")
            return self.result
        attachments = document.find(tag("attachments"))
        annexes = AnnexReader(self.text, self.paragraphs)
        if attachments is not None:
            annexes.targets(attachments)
        self.assign_ids(body)
        long_title = self.preface(document.find(tag("preface")), alias)
        preamble = document.find(tag("preamble"))
        if preamble is not None or long_title:
            self.result.preamble = self.preamble(preamble, long_title, document)
        self.result.body = self.children(body, None)
        self.result.conclusions = self.container_text(document.find(tag("conclusions")))
        if attachments is not None:
            self.result.annexes = annexes.read(attachments)
            self.result.annex_labels = annexes.labels
        return self.result

    # -- preface and preamble --------------------------------------------------------------

    def preface(self, preface: etree._Element | None, alias: str | None) -> list[InlineSeq]:
        """Sets the title; returns the long title's blocks when it is not the title (they open the preamble)."""
        if preface is None:
            self.result.title = alias
            return []
        found = {name: next(preface.iter(tag(name)), None) for name in (*_TITLES, "longTitle")}
        printed = next((found[name] for name in _TITLES if found[name] is not None), None)
        long_title = found["longTitle"]
        if alias:
            self.result.title = alias
        elif printed is not None:
            self.result.title = self.text.plain(printed)
        elif long_title is not None:
            self.result.title = self.text.plain(long_title)
        kept: list[InlineSeq] = []
        for child in elements(preface):
            shown = self.text.plain(child)
            if long_title is not None and (child is long_title or long_title in child.iterdescendants()):
                if shown != self.result.title:
                    kept.append(self.paragraphs.blocks(long_title, quiet=True) or self.text.block(long_title))
                continue
            if shown and shown == self.result.title or _cover_line(child):
                continue
            self.warn(child, "I701", f"preface <{local(child)}> not imported" + (f": '{shown[:60]}'" if shown else ""))
        return kept

    def preamble(self, element: etree._Element | None, lead: list[InlineSeq], document: etree._Element) -> Preamble:
        heading: str | None = None
        paragraphs: list[InlineSeq] = list(lead)
        stack = list(elements(element)) if element is not None else []
        while stack:
            child = stack.pop(0)
            name = local(child)
            if is_akn(child, "p"):
                paragraphs.append(self.text.block(child))
            elif is_akn(child, "heading") and heading is None and len(paragraphs) == len(lead):
                heading = self.text.plain(child)
            elif is_akn(child, "num"):
                following = child.getnext()
                if following is not None and is_akn(following, "p") and following in stack:
                    stack.remove(following)
                    paragraphs.append(join(self.text.block(child), self.text.block(following)))
                else:
                    paragraphs.append(self.text.block(child))
            elif is_akn(child, *_PREAMBLE_BLOCKS):
                if is_akn(child, "formula") and child.get("name") == "enactingFormula":
                    self.result.formula = " ".join(self.text.plain(p) for p in child.iter(tag("p")))
                stack[:0] = list(elements(child))
            else:
                self.warn(child, "I701", f"<{name}> in the preamble not imported")
        where = element if element is not None else document
        return Preamble(tuple(p for p in paragraphs if p), Loc(self.path, where.sourceline or 1), heading)

    # -- ids -------------------------------------------------------------------------------

    def assign_ids(self, body: etree._Element) -> None:
        """Stable id and number of every article; fills the reference targets."""
        used: set[str] = set()
        odd: list[etree._Element] = []
        articles = [e for e in body.iter() if isinstance(e.tag, str) and is_unit(e) and unit_key(e) == self.plan.article]
        level = self.plan.article_level
        for position, element in enumerate(articles, start=1):
            if not _CONVENTIONAL.match(element.get("eId", "")):
                odd.append(element)
            printed = printed_number(num_text(element))
            number = printed.number if printed is not None else str(position)
            if printed is None:
                self.warn(element, "I706", f"<{local(element)}> without a number"
                          + (f" ({num_text(element)!r})" if num_text(element) else "") + f": numbered {position}")
            elif printed.changed:
                self.warn(element, "I706", f"number '{num_text(element)}' becomes the inserted number {number}")
            wid = self.stable.get(element.get("eId", "")) or element.get("wId", "")
            prefix = _ID_PREFIX.get(level.key, level.key)
            stable = wid[4:] if wid.startswith("art_") and _valid_id(wid[4:]) else slug(f"{prefix}-{number}", prefix)
            if stable in used:
                self.warn(element, "I706", f"article id '{stable}' used twice: the second becomes '{stable}-{position}'")
                stable = f"{stable}-{position}"
            used.add(stable)
            self.ids[element] = (stable, number)
            self.targets(element, stable)
        if odd:
            shown = odd[0].get("eId") or "(none)"
            self.warn(odd[0], "I703", f"{len(odd)} article eId(s) do not follow the AKN naming convention "
                      f"(first: '{shown}'): tolerated; ids come from wId or the printed numbers")

    def targets(self, article: etree._Element, stable: str) -> None:
        if article.get("eId"):
            self.text.targets[article.get("eId", "")] = Target(stable, None)
        children = list(units(article))
        if children and self.plan.place((unit_key(children[0]),)) == 0:
            level = self.plan.inside[0]
            for child in children:
                printed = printed_number(num_text(child))
                number = printed.number if printed is not None else None
                for inner in child.iter():
                    if isinstance(inner.tag, str) and inner.get("eId"):
                        self.text.targets[inner.get("eId", "")] = Target(stable, number, inner is child and
                                                                         unit_key(child) == level.key)
        for inner in article.iter():
            eid = inner.get("eId") if isinstance(inner.tag, str) else None
            if eid and eid not in self.text.targets:
                self.text.targets[eid] = Target(stable, None, False)

    # -- containers and articles -----------------------------------------------------------

    def children(self, parent: etree._Element, container: etree._Element | None) -> list[Container | Article]:
        found: list[Container | Article] = []
        for child in elements(parent):
            if child.get("status") == "editorial":
                shown = self.text.plain(child)[:60]
                self.warn(child, "I713", f"<{local(child)}> marked editorial (a publisher's marker, not part of "
                          "the act): not imported" + (f": '{shown}'" if shown else ""))
            elif is_akn(child, "list", "sublist") and is_unit(child):
                found.extend(self.children(child, container))
            elif is_unit(child) and unit_key(child) == self.plan.article:
                found.append(self.article(child))
            elif is_unit(child) and self.plan.container(unit_key(child)) is not None:
                found.append(self.container(child))
            elif container is not None and is_akn(child, *_OWN):
                continue
            elif container is not None and is_akn(child, "intro", "wrapUp") and child.getparent() is container:
                continue  # the container's own text: read by container()
            else:
                shown = self.text.plain(child)[:60]
                self.warn(child, "I701", f"<{local(child)}> not imported" + (f": '{shown}'" if shown else ""))
        return found

    def container(self, element: etree._Element) -> Container:
        level = self.plan.container(unit_key(element))
        assert level is not None
        printed = printed_number(num_text(element))
        if printed is None:
            number = str(len(self.container_ids) + 1)
            self.warn(element, "I706", f"<{local(element)}> without a number"
                      + (f" ({num_text(element)!r})" if num_text(element) else "") + f": numbered {number}")
        else:
            number = printed.number
        heading = self.text.plain(element.find(tag("heading")))
        subheading = self.text.plain(element.find(tag("subheading")))
        title = heading or subheading or num_text(element) or f"{level.name} {number}"
        if heading and subheading:
            self.warn(element.find(tag("subheading")), "I701", f"subheading not imported: '{subheading[:60]}'")
        wid = self.stable.get(element.get("eId", "")) or element.get("wId", "")
        own = f"{element_ref(local(element))}_"
        kept = wid[len(own):] if wid.startswith(own) else ""
        ident = kept if _valid_id(kept) else _slug(heading) or slug(f"{level.name}-{number.lower()}", level.name)
        if ident in self.container_ids:
            base, index = ident, 2
            while f"{base}-{index}" in self.container_ids:
                index += 1
            ident = f"{base}-{index}"
        self.container_ids.add(ident)
        children = tuple(self.children(element, element))
        return Container(ident, number, title, Loc(self.path, element.sourceline or 1), children, level.name,
                         self.container_text(element.find(tag("intro"))),
                         self.container_text(element.find(tag("wrapUp"))))

    def container_text(self, element: etree._Element | None) -> tuple[InlineSeq, ...]:
        """A container's intro or wrapUp: one paragraph of text per block."""
        if element is None:
            return ()
        found: list[InlineSeq] = []
        for child in elements(element):
            if is_akn(child, "p"):
                found.append(self.text.block(child))
            elif is_akn(child, "table", "blockList"):
                self.warn(child, "I709", f"a <{local(child)}> inside a <{local(element)}>: kept as text")
                found.append(self.paragraphs.flat(child))
            elif is_akn(child, *TEXT_BLOCKS):
                found.append(self.paragraphs.blocks(child, quiet=True))
            else:
                self.warn(child, "I701", f"<{local(child)}> not imported (text blocks only)")
        return tuple(seq for seq in found if seq)

    def article(self, element: etree._Element) -> Article:
        stable, number = self.ids[element]
        heading = element.find(tag("heading"))
        subheading = element.find(tag("subheading"))
        if subheading is not None:
            self.warn(subheading, "I701", f"subheading not imported: '{self.text.plain(subheading)[:60]}'")
        for child in elements(element):
            if not is_unit(child) and not is_akn(child, "num", "heading", "subheading", "content", "intro", "wrapUp"):
                shown = self.text.plain(child)[:60]
                self.warn(child, "I701", f"<{local(child)}> in an article not imported" + (f": '{shown}'" if shown else ""))
        paragraphs: tuple[Paragraph, ...] = self.paragraphs.article(element)
        return Article(stable, number, paragraphs, Loc(self.path, element.sourceline or 1),
                       (self.text.plain(heading) or None) if heading is not None else None)


def body_of(document: etree._Element) -> etree._Element | None:
    body = document.find(tag("body"))
    return body if body is not None else document.find(tag("portionBody"))


COVER = ("docNumber", "docDate", "docStage", "docStatus")  # what work.yaml already says (number, versions)


def _cover_line(element: etree._Element) -> bool:
    """A preface line holding only the document's number, date, stage or status (no other text)."""
    inner = list(elements(element))
    if not is_akn(element, "p") or not inner or not all(is_akn(child, *COVER) for child in inner):
        return False
    rest = (element.text or "") + "".join(child.tail or "" for child in inner)
    return not rest.strip(" ,:;.\n\t")


def _valid_id(value: str) -> bool:
    return bool(value) and slug(value, "x") == value


def _slug(heading: str, words: int = 5) -> str:
    ascii_only = heading.encode("ascii", "ignore").decode()
    if not heading or len(ascii_only) < len(heading) * 0.8:
        return ""
    value = "-".join(slug(ascii_only, "s").split("-")[:words])
    return value if len(value) > 2 else ""
