"""Inside an article or an annex: AKN units, their text, lists and tables -> the model's paragraphs and points.

The plan's ladder says which unit is a paragraph and which a point at each depth
(``subsection > paragraph > subparagraph``, ``paragraph > point > point``). An
article's units sit where they fit in the ladder: paragraphs, or points under one
unnumbered paragraph (the article's intro is its text). A unit's ``content`` is its
text and tables; ``intro``, its sub-units and ``wrapUp`` are text, points and
closing text. What the source format cannot hold is kept as text and reported:
a unit without a number among points (joined to the text before it), a number
that is not in its level's style, units deeper than the ladder.
"""

from __future__ import annotations

from lxml import etree

from drafting.akn import tag
from drafting.akn.xmlin import elements, is_akn, local
from drafting.importer.inlineread import InlineReader, join
from drafting.importer.levels import LevelPlan, Plan, num_text, unit_key, units
from drafting.importer.numread import printed_number
from drafting.model import InlineSeq, Loc, Paragraph, Point, Table, TableCell, TableRow, Text
from drafting.numbering import parse_number

TEXT_BLOCKS = ("blockContainer", "container", "tblock", "block", "foreign")


class ParagraphReader:
    def __init__(self, text: InlineReader, plan: Plan) -> None:
        self.text = text
        self.plan = plan
        self.by_depth = False  # in an annex: any unit below a paragraph is a point of its depth, whatever its element

    def warn(self, element: etree._Element, code: str, message: str) -> None:
        self.text.report(element, code, message)

    def loc(self, element: etree._Element) -> Loc:
        return Loc(self.text.path, element.sourceline or 1)

    # -- numbers ------------------------------------------------------------------------------

    def number(self, unit: etree._Element, level: LevelPlan) -> str | None:
        """The unit's number in its level's style, None when it has none (or one the level cannot write)."""
        printed = printed_number(num_text(unit))
        if printed is None:
            return None
        if parse_number(printed.number, level.style, level.inserted or "dash") is None:
            self.warn(unit, "I704", f"'{num_text(unit)}' is not numbered like the other {level.name}s "
                      f"({level.style}): kept as text")
            return None
        return printed.number

    # -- an article ------------------------------------------------------------------------------

    def article(self, article: etree._Element) -> tuple[Paragraph, ...]:
        children = list(units(article))
        intro = self.blocks(article.find(tag("intro")))
        wrapup = self.blocks(article.find(tag("wrapUp")))
        content = article.find(tag("content"))
        if not children:
            text, tables = self.content(content)
            return (Paragraph(None, join(intro, text), self.loc(article), (), wrapup, tables),)
        offset = self.plan.place((unit_key(children[0]),))
        if offset == 0:
            paragraphs = self.paragraphs(children)
            if intro or wrapup:
                self.warn(article, "I709", f"the text around the {self.plan.inside[0].name}s of this "
                          f"<{local(article)}> is joined to the first and the last of them")
                first, last = paragraphs[0], paragraphs[-1]
                paragraphs[0] = Paragraph(first.num, join(intro, first.text), first.loc, first.points, first.wrapup,
                                          first.tables)
                last = paragraphs[-1]
                paragraphs[-1] = Paragraph(last.num, last.text, last.loc, last.points, join(last.wrapup, wrapup),
                                           last.tables)
            return tuple(paragraphs)
        if offset == 1:
            points, leading = self.points(children, 1)
            return (Paragraph(None, join(intro, leading), self.loc(article), points, wrapup),)
        self.warn(children[0], "I704", f"<{local(children[0])}> does not fit the levels of this act "
                  f"({' > '.join(level.name for level in self.plan.inside)}): its text is kept in one paragraph")
        return (Paragraph(None, join(intro, join(self.flat(article), wrapup)), self.loc(article)),)

    def paragraphs(self, children: list[etree._Element]) -> list[Paragraph]:
        level = self.plan.inside[0]
        result: list[Paragraph] = []
        for child in children:
            if unit_key(child) != level.key:
                self.warn(child, "I704", f"<{local(child)}> among {level.name}s: its text is joined to the one before")
                text = join(self.inline_block(child.find(tag("num"))), self.flat(child))
                if result:
                    result[-1] = _append(result[-1], text)
                else:
                    result.append(Paragraph(None, text, self.loc(child)))
                continue
            number = self.number(child, level)
            paragraph = self.unit(child, number, 1)
            if number is None and result:
                self.warn(child, "I709", f"unnumbered <{local(child)}> after {level.name} {result[-1].num or ''}: "
                          "joined to it")
                result[-1] = _merge(result[-1], paragraph)
            elif number is None and num_text(child):
                result.append(Paragraph(None, join(self.inline_block(child.find(tag("num"))), paragraph.text),
                                        paragraph.loc, paragraph.points, paragraph.wrapup, paragraph.tables))
            else:
                result.append(paragraph)
        unnumbered = [p for p in result if p.num is None]
        if len(result) > 1 and unnumbered:
            self.warn(children[0], "I709", f"{len(unnumbered)} unnumbered {level.name}(s) beside numbered ones: "
                      "joined to the one before")
            merged: list[Paragraph] = []
            for paragraph in result:
                if paragraph.num is None and merged:
                    merged[-1] = _merge(merged[-1], paragraph)
                else:
                    merged.append(paragraph)
            if merged[0].num is None and len(merged) > 1:
                merged[1] = Paragraph(merged[1].num, join(merged[0].text, merged[1].text), merged[1].loc,
                                      merged[1].points, merged[1].wrapup, (*merged[0].tables, *merged[1].tables))
                merged = merged[1:]
            result = merged
        return result

    def unit(self, element: etree._Element, number: str | None, depth: int) -> Paragraph:
        """A paragraph-level unit (depth 1) or, through ``point``, a point: its text, tables, points, wrap-up."""
        heading = element.find(tag("heading"))
        lead: InlineSeq = ()
        if heading is not None:
            lead = self.text.block(heading)
            self.warn(heading, "I709", f"the heading of a <{local(element)}> is kept as the start of its text")
        content = element.find(tag("content"))
        children = list(units(element))
        if content is not None and not children:
            block_list = next(iter(content.iter(tag("blockList"))), None)
            if block_list is not None:
                return self.block_list(element, number, content, block_list, lead, depth)
            text, tables = self.content(content)
            return Paragraph(number, join(lead, text), self.loc(element), (), (), tables)
        intro = join(lead, self.intro_blocks(element))
        points, leading = self.points(children, depth)
        return Paragraph(number, join(intro, leading), self.loc(element), points,
                         self.wrapup_blocks(element), ())

    def intro_blocks(self, element: etree._Element) -> InlineSeq:
        text = self.blocks(element.find(tag("intro")))
        for wrapper in elements(element):
            if is_akn(wrapper, "list", "sublist"):
                text = join(text, self.blocks(wrapper.find(tag("intro"))))
        return text

    def wrapup_blocks(self, element: etree._Element) -> InlineSeq:
        text: InlineSeq = ()
        for wrapper in elements(element):
            if is_akn(wrapper, "list", "sublist"):
                text = join(text, self.blocks(wrapper.find(tag("wrapUp"))))
        return join(text, self.blocks(element.find(tag("wrapUp"))))

    def points(self, children: list[etree._Element], depth: int) -> tuple[tuple[Point, ...], InlineSeq]:
        """The points at ``depth`` (1: a paragraph's), and text of unnumbered units before the first one."""
        if depth > len(self.plan.inside) - 1:
            if children:
                self.warn(children[0], "I704", f"<{local(children[0])}> is deeper than the levels of this act: "
                          "its text is kept")
            text: InlineSeq = ()
            for child in children:
                text = join(text, join(self.inline_block(child.find(tag("num"))), self.flat(child)))
            return (), text
        level = self.plan.inside[depth]
        points: list[Point] = []
        leading: InlineSeq = ()
        for child in children:
            fits = unit_key(child) == level.key or self.by_depth
            number = self.number(child, level) if fits else None
            if not fits:
                self.warn(child, "I704", f"<{local(child)}> where a {level.name} was expected: its text is kept")
            if number is None:
                text = join(self.inline_block(child.find(tag("num"))), self.flat(child))
                if points:
                    last = points[-1]
                    points[-1] = Point(last.num, last.text, last.loc, last.points, last.tables, join(last.wrapup, text))
                else:
                    leading = join(leading, text)
                if fits and not num_text(child):
                    self.warn(child, "I709", f"unnumbered <{local(child)}> among {level.name}s: its text is joined "
                              "to the text before it")
                continue
            inner = self.unit(child, number, depth + 1)
            points.append(Point(number, inner.text, inner.loc, inner.points, inner.tables, inner.wrapup))
        return tuple(points), leading

    def block_list(self, element: etree._Element, number: str | None, content: etree._Element,
                   block_list: etree._Element, lead: InlineSeq, depth: int) -> Paragraph:
        for other in elements(content):
            if other is not block_list and not is_akn(other, "p"):
                self.warn(other, "I701", f"<{local(other)}> beside a list not imported")
        before = join(lead, self.blocks_until(content, block_list))
        intro = join(before, self.inline_block(block_list.find(tag("listIntroduction"))))
        wrapup = self.inline_block(block_list.find(tag("listWrapUp")))
        level = self.plan.inside[depth] if depth < len(self.plan.inside) else None
        points: list[Point] = []
        for item in elements(block_list):
            if not is_akn(item, "item"):
                continue
            printed = printed_number(num_text(item))
            fits = level is not None and printed is not None and \
                parse_number(printed.number, level.style, level.inserted or "dash") is not None
            text = self.blocks(item, skip_num=True)
            if fits and printed is not None:
                points.append(Point(printed.number, text, self.loc(item)))
            elif points:
                last = points[-1]
                points[-1] = Point(last.num, join(last.text, join(self.inline_block(item.find(tag("num"))), text)),
                                   last.loc)
            else:
                intro = join(intro, join(self.inline_block(item.find(tag("num"))), text))
        return Paragraph(number, intro, self.loc(element), tuple(points), wrapup)

    def blocks_until(self, content: etree._Element, stop: etree._Element) -> InlineSeq:
        text: InlineSeq = ()
        for child in elements(content):
            if child is stop:
                break
            if is_akn(child, "p"):
                text = join(text, self.text.block(child))
        return text

    # -- text -------------------------------------------------------------------------------------

    def content(self, content: etree._Element | None) -> tuple[InlineSeq, tuple[Table, ...]]:
        """A ``content``: its text blocks (joined) and its tables."""
        if content is None:
            return (), ()
        text: InlineSeq = ()
        tables: list[Table] = []
        count = 0
        for child in elements(content):
            if is_akn(child, "table"):
                tables.append(self.table(child))
            elif is_akn(child, "p", *TEXT_BLOCKS):
                if tables:
                    self.warn(child, "I709", "text after a table is moved before it (the source format writes "
                              "a unit's text, then its tables)")
                text = join(text, self.text.block(child) if is_akn(child, "p") else self.blocks(child))
                count += 1
            elif is_akn(child, "blockList"):
                text = join(text, self.flat(child))
                count += 1
            else:
                self.warn(child, "I701", f"<{local(child)}> not imported (text and tables only)")
        if count > 1:
            self.warn(content, "I709", f"{count} blocks of text in one <{local(content)}>: joined into one")
        return text, tuple(tables)

    def table(self, element: etree._Element) -> Table:
        rows: list[TableRow] = []
        for row in element.iter(tag("tr")):
            cells = []
            for cell in elements(row):
                if not is_akn(cell, "th", "td"):
                    continue
                if cell.get("colspan") not in (None, "1") or cell.get("rowspan") not in (None, "1"):
                    self.warn(cell, "I709", "a cell spanning several columns or rows is written as one cell")
                text = self.blocks(cell, quiet=True)
                cells.append(TableCell(text, is_akn(cell, "th")))
            header = bool(cells) and all(c.header for c in cells) and len(rows) == len([r for r in rows if r.header])
            rows.append(TableRow(tuple(cells), self.loc(row), header))
        if rows and not rows[0].header:
            self.warn(element, "I709", "a table without a header row: its first row is written as the header "
                      "(a pipe table has one)")
            first = rows[0]
            rows[0] = TableRow(tuple(TableCell(c.text, True, c.align) for c in first.cells), first.loc, True)
        width = max((len(r.cells) for r in rows), default=0)
        if any(len(r.cells) != width for r in rows):
            self.warn(element, "I709", "table rows of different lengths: short rows are padded with empty cells")
            rows = [TableRow((*r.cells, *(TableCell((), r.header) for _ in range(width - len(r.cells)))), r.loc,
                             r.header) for r in rows]
        return Table(tuple(rows), self.loc(element))

    def inline_block(self, element: etree._Element | None) -> InlineSeq:
        return self.text.block(element) if element is not None else ()

    def blocks(self, element: etree._Element | None, quiet: bool = False, skip_num: bool = False) -> InlineSeq:
        """The text of an intro/wrapUp/item/cell: its ``p`` blocks, joined when there are several."""
        if element is None:
            return ()
        text: InlineSeq = ()
        count = 0
        for child in elements(element):
            if is_akn(child, "p"):
                text = join(text, self.text.block(child))
                count += 1
            elif is_akn(child, *TEXT_BLOCKS):
                text = join(text, self.blocks(child, quiet))
                count += 1
            elif is_akn(child, "num") and skip_num:
                continue
            elif is_akn(child, "table", "blockList"):
                self.warn(child, "I709", f"a <{local(child)}> inside a <{local(element)}>: kept as text")
                text = join(text, self.flat(child))
            else:
                self.warn(child, "I701", f"<{local(child)}> not imported (text blocks only)")
        if not count and element.text and element.text.strip():
            text = self.text.block(element)
        if count > 1 and not quiet:
            self.warn(element, "I709", f"{count} blocks of text in one <{local(element)}>: joined into one")
        return text

    def flat(self, element: etree._Element) -> InlineSeq:
        """All the text below ``element`` (numbers included), in order, as one run."""
        text: InlineSeq = ()
        for child in elements(element):
            if is_akn(child, "p", "num", "heading", "listIntroduction", "listWrapUp"):
                text = join(text, self.text.block(child))
            elif is_akn(child, "td", "th"):
                text = join(text, self.blocks(child, quiet=True))
            else:
                text = join(text, self.flat(child))
        return text


def _append(paragraph: Paragraph, text: InlineSeq) -> Paragraph:
    if paragraph.points:
        return Paragraph(paragraph.num, paragraph.text, paragraph.loc, paragraph.points,
                         join(paragraph.wrapup, text), paragraph.tables)
    return Paragraph(paragraph.num, join(paragraph.text, text), paragraph.loc, (), paragraph.wrapup, paragraph.tables)


def _merge(first: Paragraph, second: Paragraph) -> Paragraph:
    """An unnumbered unit after a numbered one: its wrap-up when it closes a list, else more text."""
    if first.points:
        rest = join(second.text, second.wrapup)
        if second.points:
            return Paragraph(first.num, first.text, first.loc, (*first.points, *second.points),
                             join(first.wrapup, rest), (*first.tables, *second.tables))
        return Paragraph(first.num, first.text, first.loc, first.points, join(first.wrapup, rest),
                         (*first.tables, *second.tables))
    return Paragraph(first.num, join(first.text, second.text), first.loc, second.points, second.wrapup,
                     (*first.tables, *second.tables))


__all__ = ["ParagraphReader", "Text"]
