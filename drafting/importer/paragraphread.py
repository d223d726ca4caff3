"""Inside an article: AKN paragraphs, lists and points -> the model's paragraphs and points.

An article is one of three shapes (``article_layout``):

- ``content``: its text directly -> one unnumbered paragraph;
- ``points``: an intro, points (or a ``list``) and a wrap-up -> one unnumbered
  paragraph with points;
- ``paragraphs``: paragraph-level children (paragraph, subsection, ...) -> paragraphs.

The source format numbers paragraphs ``1.`` and points ``1)``: lettered points
(``a)``, ``(b)``) are numbered by position, with a warning; several unnumbered
paragraphs are numbered 1..n; an unnumbered paragraph after a numbered one joins it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from drafting.akn import tag
from drafting.importer.inlineread import InlineReader, join
from drafting.importer.numread import sub_number
from drafting.akn.xmlin import elements, is_akn, local
from drafting.model import InlineSeq, Loc, Paragraph, Point

HIER = {"paragraph", "subsection", "subparagraph", "clause", "subclause", "alinea", "point", "indent", "item",
        "list", "sublist", "level", "rule", "subrule", "proviso", "article", "section", "division"}
POINTISH = {"list", "point", "indent", "item", "sublist"}
_OWN = {"num", "heading", "subheading", "intro", "wrapUp", "content"}


@dataclass
class Layout:
    kind: str  # "content" | "points" | "paragraphs"
    intro: etree._Element | None = None
    children: list[etree._Element] = field(default_factory=list)
    wrapup: etree._Element | None = None
    content: etree._Element | None = None
    other: list[etree._Element] = field(default_factory=list)


def article_layout(article: etree._Element) -> Layout:
    layout = Layout("paragraphs", article.find(tag("intro")), [], article.find(tag("wrapUp")), article.find(tag("content")))
    for child in elements(article):
        if is_akn(child, *HIER):
            layout.children.append(child)
        elif not is_akn(child, *_OWN):
            layout.other.append(child)
    if layout.content is not None and not layout.children:
        layout.kind = "content"
    elif any(is_akn(c, *POINTISH) for c in layout.children) or (
            layout.children and all(_lettered(c) for c in layout.children)):
        layout.kind = "points"
    elif not layout.children:
        layout.kind = "content"
    return layout


def _num_text(element: etree._Element) -> str:
    num = element.find(tag("num"))
    return "".join(num.itertext()).strip() if num is not None else ""


def _lettered(element: etree._Element) -> bool:
    text = _num_text(element)
    return bool(text) and sub_number(text) is None


def paragraph_numbers(reader: ParagraphReader, layout: Layout) -> list[str | None]:
    """The number each paragraph-level child gets (the one it joins, for an unnumbered follower)."""
    raw = [sub_number(_num_text(c)) for c in layout.children]
    if all(n is None for n in raw):
        return [None] if len(raw) == 1 else [str(i) for i in range(1, len(raw) + 1)]
    numbers: list[str | None] = []
    current = next(n for n in raw if n is not None)
    for number in raw:
        current = number or current
        numbers.append(current)
    return numbers


class ParagraphReader:
    def __init__(self, text: InlineReader) -> None:
        self.text = text

    def warn(self, element: etree._Element, code: str, message: str) -> None:
        self.text.report(element, code, message)

    def loc(self, element: etree._Element) -> Loc:
        return Loc(self.text.path, element.sourceline or 1)

    # -- articles -------------------------------------------------------------------------

    def article(self, article: etree._Element) -> tuple[Paragraph, ...]:
        layout = article_layout(article)
        for other in layout.other:
            self.warn(other, "I701", f"<{local(other)}> in an article not imported")
        if layout.kind == "content":
            text = self.blocks(layout.content) if layout.content is not None else self.blocks(layout.intro)
            return (Paragraph(None, text, self.loc(article)),)
        if layout.kind == "points":
            intro = self.blocks(layout.intro)
            return (self.with_points(article, None, intro, layout.children, self.blocks(layout.wrapup)),)
        for extra in (layout.intro, layout.wrapup):
            if extra is not None:
                self.warn(extra, "I701", f"<{local(extra)}> of an article with paragraphs not imported "
                          "(the source format has no text outside the paragraphs)")
        numbers = paragraph_numbers(self, layout)
        if len(numbers) > 1 and all(sub_number(_num_text(c)) is None for c in layout.children):
            self.warn(article, "I706", f"{len(numbers)} unnumbered paragraphs: numbered 1..{len(numbers)}")
        result: list[Paragraph] = []
        for child, number in zip(layout.children, numbers):
            paragraph = self.paragraph(child, number)
            if result and number is not None and result[-1].num == number:
                self.warn(child, "I709", f"unnumbered <{local(child)}> beside paragraph {number}: joined to it")
                result[-1] = _merge(result[-1], paragraph)
            else:
                result.append(paragraph)
        return tuple(result)

    def paragraph(self, element: etree._Element, number: str | None) -> Paragraph:
        heading = element.find(tag("heading"))
        if heading is not None:
            self.warn(heading, "I701", f"heading of a <{local(element)}> not imported: '{self.text.plain(heading)}'")
        content = element.find(tag("content"))
        children = [c for c in elements(element) if is_akn(c, *HIER)]
        if content is not None and not children:
            block_list = content.find(tag("blockList"))
            if block_list is not None:
                return self.block_list(element, number, content, block_list)
            return Paragraph(number, self.blocks(content), self.loc(element))
        return self.with_points(element, number, self.blocks(element.find(tag("intro"))), children,
                                self.blocks(element.find(tag("wrapUp"))))

    def with_points(self, element: etree._Element, number: str | None, intro: InlineSeq,
                    children: list[etree._Element], wrapup: InlineSeq) -> Paragraph:
        items: list[etree._Element] = []
        for child in children:
            if is_akn(child, "list", "sublist"):
                intro = join(intro, self.blocks(child.find(tag("intro"))))
                items.extend(c for c in elements(child) if is_akn(c, *HIER))
                wrapup = join(self.blocks(child.find(tag("wrapUp"))), wrapup)
            else:
                items.append(child)
        return Paragraph(number, intro, self.loc(element), self.points(element, items), wrapup)

    def block_list(self, element: etree._Element, number: str | None, content: etree._Element,
                   block_list: etree._Element) -> Paragraph:
        for other in elements(content):
            if other is not block_list:
                self.warn(other, "I701", f"<{local(other)}> beside a list not imported")
        intro = self.inline_block(block_list.find(tag("listIntroduction")))
        wrapup = self.inline_block(block_list.find(tag("listWrapUp")))
        items = [c for c in elements(block_list) if is_akn(c, "item")]
        return Paragraph(number, intro, self.loc(element), self.points(block_list, items), wrapup)

    # -- points ---------------------------------------------------------------------------------

    def points(self, parent: etree._Element, items: list[etree._Element]) -> tuple[Point, ...]:
        numbers = [sub_number(_num_text(item)) for item in items]
        if items and any(n is None for n in numbers):
            shown = ", ".join(_num_text(i) or "(none)" for i in items[:3])
            self.warn(items[0], "I704", f"points numbered {shown}...: the source format numbers points 1), 2), ...; "
                      "numbered by position")
            numbers = [str(i) for i in range(1, len(items) + 1)]
        return tuple(Point(str(n), self.point_text(item), self.loc(item)) for item, n in zip(items, numbers))

    def point_text(self, item: etree._Element) -> InlineSeq:
        if is_akn(item, "item"):
            return self.blocks(item)
        content = item.find(tag("content"))
        if content is not None:
            return self.blocks(content)
        text = self.blocks(item.find(tag("intro")))
        for child in elements(item):
            if is_akn(child, *HIER):
                self.warn(child, "I704", f"<{local(child)}> inside a point: sub-points are not supported; "
                          "its text is added to the point")
                text = join(text, join(self.inline_block(child.find(tag("num"))), self.flat(child)))
        return join(text, self.blocks(item.find(tag("wrapUp"))))

    def flat(self, element: etree._Element) -> InlineSeq:
        text: InlineSeq = ()
        for child in elements(element):
            if is_akn(child, "p"):
                text = join(text, self.text.block(child))
            elif not is_akn(child, "num", "heading"):
                text = join(text, self.flat(child))
        return text

    # -- blocks of text ---------------------------------------------------------------------------

    def inline_block(self, element: etree._Element | None) -> InlineSeq:
        return self.text.block(element) if element is not None else ()

    def blocks(self, element: etree._Element | None) -> InlineSeq:
        """The text of a content/intro/wrapUp/item: its ``p`` blocks, joined when there are several."""
        if element is None:
            return ()
        text: InlineSeq = ()
        count = 0
        for child in elements(element):
            if is_akn(child, "p"):
                text = join(text, self.text.block(child))
                count += 1
            elif is_akn(child, "blockContainer", "container", "tblock", "block"):
                text = join(text, self.blocks(child))
                count += 1
            elif not (is_akn(child, "num") and is_akn(element, "item")):
                self.warn(child, "I701", f"<{local(child)}> not imported (text blocks only)")
        if count > 1:
            self.warn(element, "I709", f"{count} blocks of text in one <{local(element)}>: joined into one")
        return text


def _merge(first: Paragraph, second: Paragraph) -> Paragraph:
    """An unnumbered paragraph after a numbered one: its wrap-up when it closes a list, else more text."""
    if first.points and not first.wrapup and not second.points:
        return Paragraph(first.num, first.text, first.loc, first.points, second.text)
    if not first.points:
        return Paragraph(first.num, join(first.text, second.text), first.loc, second.points, second.wrapup)
    return Paragraph(first.num, first.text, first.loc, first.points, join(first.wrapup, second.text))
