"""AKN ``attachments`` (schedules, annexes, appendices) -> the model's annexes.

Each attachment's document becomes one annex: its number and title from the
preface (``docNumber`` ``SCHEDULE 1`` gives number 1 and the label ``SCHEDULE {n}``;
``docTitle`` the title), its ``mainBody`` read like an article's units: numbered
units are paragraphs with their points, text blocks and tables unnumbered
paragraphs. References to an attachment (its eId, or any eId inside it) become
references to the annex.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from drafting.akn import tag
from drafting.akn.xmlin import elements, is_akn, local
from drafting.importer.inlineread import InlineReader, Target, join
from drafting.importer.levels import is_unit, num_text
from drafting.importer.metaread import slug
from drafting.importer.numread import printed_number
from drafting.importer.paragraphread import ParagraphReader
from drafting.model import Annex, Loc, Paragraph
from drafting.numbering import parse_number

DOCUMENTS = ("doc", "act", "bill", "portion", "documentCollection")


class AnnexReader:
    def __init__(self, text: InlineReader, paragraphs: ParagraphReader) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.labels: Counter[str] = Counter()  # printed templates of the annex numbers
        self.ids: dict[etree._Element, tuple[str, str]] = {}  # attachment -> (annex id, number)

    def warn(self, element: etree._Element, code: str, message: str) -> None:
        self.text.report(element, code, message)

    def documents(self, attachments: etree._Element) -> list[tuple[etree._Element, etree._Element]]:
        found = []
        for attachment in elements(attachments):
            document = next((c for c in elements(attachment) if is_akn(c, *DOCUMENTS)), None)
            if document is None:
                shown = self.text.plain(attachment)[:60]
                self.warn(attachment, "I701", f"<{local(attachment)}> holds no document: not imported"
                          + (f": '{shown}'" if shown else ""))
                continue
            found.append((attachment, document))
        return found

    def targets(self, attachments: etree._Element) -> None:
        used: set[str] = set()
        for position, (attachment, document) in enumerate(self.documents(attachments), start=1):
            printed = printed_number(self.number_text(document))
            number = printed.number if printed is not None else str(position)
            ident = slug(f"{document.get('name') or 'annex'}-{number}", "annex")
            while ident in used:
                ident = f"{ident}-{position}"
            used.add(ident)
            self.ids[attachment] = (ident, number)
            for inner in attachment.iter():
                if isinstance(inner.tag, str) and inner.get("eId"):
                    exact = inner is attachment or inner is document
                    self.text.targets[inner.get("eId", "")] = Target(ident, None, exact, "annex")

    def number_text(self, document: etree._Element) -> str:
        preface = document.find(tag("preface"))
        number = next(preface.iter(tag("docNumber")), None) if preface is not None else None
        return self.text.plain(number)

    def read(self, attachments: etree._Element) -> list[Annex]:
        return [self.annex(attachment, document) for attachment, document in self.documents(attachments)]

    def annex(self, attachment: etree._Element, document: etree._Element) -> Annex:
        ident, number = self.ids[attachment]
        printed = printed_number(self.number_text(document))
        if printed is not None:
            self.labels[printed.template] += 1
        else:
            self.warn(document, "I706", f"an attachment without a printed number: numbered {number}")
        preface = document.find(tag("preface"))
        title_element = next(preface.iter(tag("docTitle")), None) if preface is not None else None
        title = self.text.plain(title_element)
        if preface is not None:
            for child in elements(preface):
                shown = self.text.plain(child)
                if shown and shown not in (title, self.number_text(document)):
                    self.warn(child, "I701", f"annex preface <{local(child)}> not imported: '{shown[:60]}'")
        body = document.find(tag("mainBody"))
        if body is None:
            body = document.find(tag("body"))
        paragraphs = self.body(body) if body is not None else ()
        if not title:
            heading = body.find(tag("heading")) if body is not None else None
            title = self.text.plain(heading) or self.number_text(document) or f"{document.get('name', 'Annex')} {number}"
        for part in elements(document):
            if not is_akn(part, "meta", "preface", "mainBody", "body"):
                self.warn(part, "I701", f"<{local(part)}> of an annex not imported")
        return Annex(ident, number, title, Loc(self.text.path, document.sourceline or 1), paragraphs)

    def body(self, body: etree._Element) -> tuple[Paragraph, ...]:
        self.paragraphs.by_depth = True  # an annex's lists need not use the act's elements
        try:
            return self._body(body)
        finally:
            self.paragraphs.by_depth = False

    def _body(self, body: etree._Element) -> tuple[Paragraph, ...]:
        result: list[Paragraph] = []
        level = self.paragraphs.plan.inside[0]
        for child in elements(body):
            if child.get("status") == "editorial":
                self.warn(child, "I713", f"<{local(child)}> marked editorial: not imported")
            elif is_akn(child, "heading") and child is body.find(tag("heading")):
                continue
            elif is_akn(child, "p"):
                result.append(Paragraph(None, self.text.block(child), self.loc(child)))
            elif is_akn(child, "table"):
                table = self.paragraphs.table(child)
                last = result[-1] if result else None
                if last is not None and last.num is None and not last.points:
                    result[-1] = Paragraph(None, last.text, last.loc, (), last.wrapup, (*last.tables, table))
                else:
                    result.append(Paragraph(None, (), self.loc(child), (), (), (table,)))
            elif is_unit(child):
                printed = printed_number(num_text(child))
                number = printed.number if printed is not None and \
                    parse_number(printed.number, level.style, level.inserted or "dash") is not None else None
                if printed is not None and number is None:
                    self.warn(child, "I704", f"annex unit '{num_text(child)}' is not numbered like the act's "
                              f"{level.name}s ({level.style}): kept as text")
                paragraph = self.paragraphs.unit(child, number, 1)
                if number is None and num_text(child):
                    paragraph = Paragraph(None, join(self.text.block(child.find(tag("num"))), paragraph.text),
                                          paragraph.loc, paragraph.points, paragraph.wrapup, paragraph.tables)
                result.append(paragraph)
            else:
                self.warn(child, "I709", f"<{local(child)}> in an annex: its text is kept as a paragraph")
                result.append(Paragraph(None, self.paragraphs.flat(child), self.loc(child)))
        return tuple(p for p in result if p.text or p.points or p.tables)

    def loc(self, element: etree._Element) -> Loc:
        return Loc(self.text.path, element.sourceline or 1)
