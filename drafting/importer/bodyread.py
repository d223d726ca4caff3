"""AKN preface, preamble and body -> the model's title, preamble and sections.

Containers (parts, chapters, titles, books, sections holding articles...) become
sections; when they nest, the innermost ones holding articles become sections and
the outer ones are reported as flattened. A document without ``article`` elements
uses ``section`` as its article (Westminster style). Paragraph-level elements
(paragraph, subsection...) become paragraphs; their children, or a ``list``'s
points with its ``intro`` and ``wrapUp``, become points.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from drafting.akn import tag
from drafting.importer.inlineread import InlineReader, Target, join
from drafting.importer.metaread import slug
from drafting.importer.numread import Printed, article_number, section_number
from drafting.importer.paragraphread import ParagraphReader, article_layout, paragraph_numbers
from drafting.akn.xmlin import elements, is_akn, local
from drafting.diagnostics import Diagnostics
from drafting.model import Article, InlineSeq, Loc, Preamble, Section

_CONVENTIONAL = re.compile(r"^(art|sec)_[^\s_]+$")
CONTAINERS = {"part", "chapter", "title", "book", "tome", "division", "subpart", "subchapter", "subtitle",
              "subdivision", "section", "level", "hcontainer"}
DOCUMENT_PARTS = {"meta", "preface", "preamble", "body"}
_PREAMBLE_BLOCKS = {"formula", "citations", "citation", "recitals", "recital", "container", "blockContainer",
                    "tblock", "longTitle", "intro"}


@dataclass
class BodyResult:
    title: str | None = None
    preamble: Preamble | None = None
    sections: list[Section] = field(default_factory=list)
    article_labels: Counter[str] = field(default_factory=Counter)
    section_labels: Counter[str] = field(default_factory=Counter)
    label_lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, template) -> first line
    formula: str | None = None  # the preamble's enacting formula (its text becomes the profile's label)


@dataclass
class Group:
    container: etree._Element | None
    articles: list[etree._Element]


class BodyReader:
    def __init__(self, path: str, diags: Diagnostics, work_uri: str, stable: dict[str, str] | None = None) -> None:
        self.path = path
        self.stable = stable or {}  # eId -> stable key, as our writer records it in <proprietary>
        self.diags = diags
        self.text = InlineReader(path, diags, work_uri)
        self.paragraphs = ParagraphReader(self.text)
        self.result = BodyResult()

    def warn(self, element: etree._Element, code: str, message: str) -> None:
        self.diags.warning(self.path, element.sourceline or 1, code, message)

    def read(self, document: etree._Element) -> BodyResult:
        for part in elements(document):
            if not is_akn(part, *DOCUMENT_PARTS):
                self.warn(part, "I701", f"<{local(part)}> not imported (only preface, preamble and body are)")
        preface = document.find(tag("preface"))
        if preface is not None:
            self.preface(preface)
        body = document.find(tag("body"))
        if body is None:
            self.warn(document, "I701", "the document has no <body>")
            return self.result
        article_tag = "article" if next(body.iter(tag("article")), None) is not None else "section"
        groups = self.groups(body, article_tag)
        ids = self.assign_ids(groups)
        preamble = document.find(tag("preamble"))
        if preamble is not None:
            self.result.preamble = self.preamble(preamble)
        for index, group in enumerate(groups, start=1):
            self.result.sections.append(self.section(group, index, ids))
        return self.result

    # -- preface and preamble --------------------------------------------------------------

    def preface(self, preface: etree._Element) -> None:
        title = next(preface.iter(tag("docTitle")), None)
        if title is None:
            title = next(preface.iter(tag("longTitle")), None)
        if title is None:
            title = next(preface.iter(tag("shortTitle")), None)
        used = None
        if title is not None:
            self.result.title = self.text.plain(title)
            used = title
            while used.getparent() is not preface:
                used = used.getparent()
        for child in elements(preface):
            if child is not used and not _cover_line(child):
                shown = self.text.plain(child)[:60]
                self.warn(child, "I701", f"preface <{local(child)}> not imported" + (f": '{shown}'" if shown else ""))

    def preamble(self, element: etree._Element) -> Preamble:
        heading: str | None = None
        paragraphs: list[InlineSeq] = []
        stack = list(elements(element))
        while stack:
            child = stack.pop(0)
            name = local(child)
            if is_akn(child, "p"):
                paragraphs.append(self.text.block(child))
            elif is_akn(child, "heading") and heading is None and not paragraphs:
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
        return Preamble(tuple(p for p in paragraphs if p), Loc(self.path, element.sourceline or 1), heading)

    # -- containers ------------------------------------------------------------------------

    def groups(self, body: etree._Element, article_tag: str) -> list[Group]:
        found: list[Group] = []
        containers = CONTAINERS - {article_tag}

        def walk(parent: etree._Element, container: etree._Element | None) -> None:
            run: list[etree._Element] = []
            nested = False
            for child in elements(parent):
                if child.get("status") == "editorial":
                    shown = self.text.plain(child)[:60]
                    self.warn(child, "I713", f"<{local(child)}> marked editorial (a publisher's marker, not part of "
                              "the act): not imported" + (f": '{shown}'" if shown else ""))
                elif is_akn(child, article_tag):
                    run.append(child)
                elif is_akn(child, *containers):
                    if run:
                        found.append(Group(container, run))
                        run = []
                    nested = True
                    walk(child, child)
                elif is_akn(child, "num", "heading", "subheading") and container is not None:
                    continue
                else:
                    self.warn(child, "I701", f"<{local(child)}> not imported")
            if run or (container is not None and not nested and not any(g.container is container for g in found)):
                found.append(Group(container, run))  # an empty leaf container is a section without articles
            if nested and container is not None:
                self.warn(container, "I705", f"<{local(container)}> '{self.text.plain(container.find(tag('num')))}' "
                          "holds further containers: flattened, the innermost ones holding articles become sections")

        walk(body, None)
        for group in found:
            if group.container is None:
                self.warn(group.articles[0], "I705", "articles outside any part or chapter: placed in a section of their own")
        return found

    def assign_ids(self, groups: list[Group]) -> dict[int, tuple[str, Printed]]:
        """Stable id and number of every article element; fills the reference targets."""
        ids: dict[int, tuple[str, Printed]] = {}
        used: set[str] = set()
        odd: list[etree._Element] = []
        for group in groups:
            for position, element in enumerate(group.articles, start=1):
                if not _CONVENTIONAL.match(element.get("eId", "")):
                    odd.append(element)
                printed = self.article_printed(element, position)
                wid = self.stable.get(element.get("eId", "")) or element.get("wId", "")
                prefix = "art" if local(element) == "article" else "sec"
                stable = wid[4:] if wid.startswith("art_") and _valid_id(wid[4:]) else f"{prefix}-{printed.number}"
                if stable in used:
                    self.warn(element, "I706", f"article id '{stable}' used twice: the second becomes '{stable}-{position}'")
                    stable = f"{stable}-{position}"
                used.add(stable)
                ids[id(element)] = (stable, printed)
                self.targets(element, stable)
        if odd:
            shown = odd[0].get("eId") or "(none)"
            self.warn(odd[0], "I703", f"{len(odd)} article eId(s) do not follow the AKN naming convention "
                      f"(first: '{shown}'): tolerated; ids come from wId or the printed numbers")
        return ids

    def article_printed(self, element: etree._Element, position: int) -> Printed:
        num = element.find(tag("num"))
        text = self.text.plain(num)
        printed = article_number(text) if text else None
        if printed is None:
            self.warn(num if num is not None else element, "I706",
                      f"article without a number{f' ({text!r})' if text else ''}: numbered {position}")
            return Printed(str(position), "{n}" if not text else text + " {n}", True)
        return printed

    def targets(self, article: etree._Element, stable: str) -> None:
        if article.get("eId"):
            self.text.targets[article.get("eId", "")] = Target(stable, None)
        layout = article_layout(article)
        numbers = paragraph_numbers(self.paragraphs, layout) if layout.kind == "paragraphs" else []
        for child, number in zip(layout.children, numbers):
            for inner in child.iter():
                if isinstance(inner.tag, str) and inner.get("eId"):
                    self.text.targets[inner.get("eId", "")] = Target(stable, number, inner is child)
        for inner in article.iter():
            eid = inner.get("eId") if isinstance(inner.tag, str) else None
            if eid and eid not in self.text.targets:
                self.text.targets[eid] = Target(stable, None, False)

    # -- sections and articles --------------------------------------------------------------

    def section(self, group: Group, index: int, ids: dict[int, tuple[str, Printed]]) -> Section:
        container = group.container
        articles = tuple(self.article(element, *ids[id(element)]) for element in group.articles)
        if container is None:
            return Section(f"part-{index}", str(index), self.result.title or f"Part {index}", Loc(self.path, 1), articles)
        num = container.find(tag("num"))
        num_text = self.text.plain(num)
        printed = section_number(num_text) if num_text else None
        if printed is None:
            self.warn(container, "I706", f"<{local(container)}> without a number{f' ({num_text!r})' if num_text else ''}: numbered {index}")
            printed = Printed(str(index), "{n}")
        self.result.section_labels[printed.template] += 1
        self.result.label_lines.setdefault(("section", printed.template), container.sourceline or 1)
        heading = self.text.plain(container.find(tag("heading")))
        wid = self.stable.get(container.get("eId", "")) or container.get("wId", "")
        slug = wid[4:] if wid.startswith("sec_") and _valid_id(wid[4:]) else _slug(heading) or \
            f"{local(container)}-{printed.number.lower()}"
        return Section(slug, printed.number, heading or num_text or printed.number,
                       Loc(self.path, container.sourceline or 1), articles)

    def article(self, element: etree._Element, stable: str, printed: Printed) -> Article:
        num = element.find(tag("num"))
        if printed.changed and num is not None:
            self.warn(num, "I706", f"article number '{self.text.plain(num)}' becomes the inserted number {printed.number}")
        self.result.article_labels[printed.template] += 1
        self.result.label_lines.setdefault(("article", printed.template), element.sourceline or 1)
        heading = element.find(tag("heading"))
        paragraphs = self.paragraphs.article(element)
        return Article(stable, printed.number, paragraphs, Loc(self.path, element.sourceline or 1),
                       self.text.plain(heading) or None if heading is not None else None)


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
