"""What an import kept: words and structural units counted in the AKN before and in the imported tree after.

``xml_census`` reads one AKN document (an act, a bill, a portion); ``tree_census``
reads one expression of the imported work, through the same profile labels a
reader sees. Both give a :class:`Census`:

- ``words``: every word of the text as a multiset of lower-case tokens (letters and
  digits), from the preface, preamble, body, conclusions and attachments; the
  ``meta`` block and elements marked ``status="editorial"`` are not text of the act.
  Printed numbers count as words on both sides (``Article 5`` in the XML, the
  profile's label ``Article {n}`` in the tree), so a dropped or renumbered unit shows.
- ``levels``: numbered units per structural level, keyed by the AKN element (an
  ``hcontainer`` by its ``name``): ``part``, ``chapter``, ``section``, ``article``,
  ``regulation``, ``paragraph``, ``point``, ... Units without a number are counted by
  their words only (an unnumbered paragraph and an article's plain text are the same
  thing in the tree). Beside them: ``annex`` (attachments), ``annex paragraph`` and
  ``annex point`` (numbered units inside them), ``table``, ``note``
  (``authorialNote``), ``def`` and ``term``.

``kept(before, after)`` is the share of the words before that are found after
(multiset intersection: a word counts once for each time it is kept).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from lxml import etree

from drafting.akn.xmlin import elements, is_akn, local
from drafting.model import (Annex, Article, Container, Expression, Inline, InlineSeq, Note, Paragraph, Point,
                            Preamble, Table, Term, Work, iter_inline, plain_text)
from drafting.profile import Profile

_WORD = re.compile(r"[^\W_]+")
# Units of the hierarchy (the ANhier group and hcontainer); a list is a wrapper, not a level.
HIERARCHY = frozenset({
    "clause", "section", "part", "paragraph", "chapter", "title", "article", "book", "tome", "division", "point",
    "indent", "alinea", "rule", "subrule", "proviso", "subsection", "subpart", "subparagraph", "subchapter",
    "subtitle", "subdivision", "subclause", "level", "transitional", "hcontainer", "item"})
TEXT_PARTS = ("coverPage", "preface", "preamble", "body", "portionBody", "mainBody", "conclusions", "attachments")


def words(text: str) -> Counter[str]:
    return Counter(token.lower() for token in _WORD.findall(text))


@dataclass
class Census:
    words: Counter[str] = field(default_factory=Counter)
    levels: Counter[str] = field(default_factory=Counter)

    @property
    def word_count(self) -> int:
        return sum(self.words.values())

    def add_text(self, text: str) -> None:
        self.words.update(words(text))

    def summary(self) -> str:
        shown = ", ".join(f"{name} {count}" for name, count in sorted(self.levels.items()))
        return f"{self.word_count} words; {shown or 'no numbered unit'}"


def kept(before: Census, after: Census) -> float:
    """The share of the words before that the tree still has (1.0 for an empty document)."""
    total = before.word_count
    if not total:
        return 1.0
    return sum((before.words & after.words).values()) / total


def level_differences(before: Census, after: Census) -> list[str]:
    """``"section: 12 in the XML, 11 in the tree"`` for every level whose counts differ."""
    return [f"{name}: {before.levels[name]} in the XML, {after.levels[name]} in the tree"
            for name in sorted(set(before.levels) | set(after.levels)) if before.levels[name] != after.levels[name]]


# -- the XML before --------------------------------------------------------------------------


def unit_name(element: etree._Element) -> str:
    return element.get("name", "hcontainer") if local(element) == "hcontainer" else local(element)


def _has_number(element: etree._Element) -> bool:
    num = next((child for child in elements(element) if is_akn(child, "num")), None)
    return num is not None and bool("".join(num.itertext()).strip())


def xml_census(document: etree._Element) -> Census:
    """The census of one AKN document element (``act``, ``bill``, ``portion``, ``doc``)."""
    census = Census()
    for part in elements(document):
        if is_akn(part, *TEXT_PARTS):
            _xml_walk(part, census, "annex" if is_akn(part, "attachments") else "", 0)
    return census


def _xml_walk(element: etree._Element, census: Census, scope: str, depth: int) -> None:
    if element.get("status") == "editorial":
        return
    if element.text:
        census.add_text(element.text)
    for child in element:
        if isinstance(child.tag, str):
            name = local(child)
            inner_depth = depth
            if not is_akn(child):
                pass
            elif name == "table":
                census.levels["table"] += 1
            elif name == "authorialNote":
                census.levels["note"] += 1
            elif name in ("def", "term"):
                census.levels[name] += 1
            elif scope and name == "doc":
                census.levels["annex"] += 1
            elif name in HIERARCHY and child.get("status") != "editorial":
                inner_depth = depth + 1
                if _has_number(child):
                    census.levels[_annex_unit(inner_depth) if scope else unit_name(child)] += 1
            if not (scope and name == "meta"):
                _xml_walk(child, census, scope, inner_depth)
        if child.tail:
            census.add_text(child.tail)


def _annex_unit(depth: int) -> str:
    return "annex paragraph" if depth == 1 else "annex point"


# -- the tree after ---------------------------------------------------------------------------


def tree_census(work: Work, lang: str) -> Census:
    """The census of one expression of a work read back from its source tree."""
    census = Census()
    expression = work.expression(lang)
    profile = work.profile
    census.add_text(work.meta.title.get(lang, ""))
    TreeCounter(census, profile, lang).expression(expression)
    return census


@dataclass
class TreeCounter:
    census: Census
    profile: Profile
    lang: str

    def key(self, level_name: str) -> str:
        """The AKN element a profile level is written as (an hcontainer by its name)."""
        try:
            level = self.profile.level(level_name)
        except KeyError:
            return level_name
        return level.akn_name or level.element

    def expression(self, expression: Expression) -> None:
        if expression.preamble is not None:
            self.preamble(expression.preamble)
        for child in expression.body:
            self.unit(child)
        for seq in expression.conclusions:
            self.inlines(seq)
        for annex in expression.annexes:
            self.annex(annex)

    def preamble(self, preamble: Preamble) -> None:
        self.census.add_text(preamble.heading or "")
        for paragraph in preamble.paragraphs:
            self.inlines(paragraph)

    def unit(self, unit: Container | Article) -> None:
        if isinstance(unit, Article):
            self.article(unit)
            return
        self.numbered(unit.level, unit.num)
        self.census.add_text(unit.title)
        for seq in unit.intro:
            self.inlines(seq)
        for child in unit.children:
            self.unit(child)
        for seq in unit.wrapup:
            self.inlines(seq)

    def numbered(self, level_name: str, num: str | None) -> None:
        if num:
            self.census.levels[self.key(level_name)] += 1
            self.census.add_text(self.profile.level_label(self.lang, level_name, num))

    def article(self, article: Article) -> None:
        self.numbered(self.profile.article_level.name, article.num)
        self.census.add_text(article.heading or "")
        for paragraph in article.paragraphs:
            self.paragraph(paragraph, self.key(self.profile.paragraph_level.name), self.point_key)

    def point_key(self, depth: int) -> str:
        return self.key(self.profile.point_level(depth).name)

    def paragraph(self, paragraph: Paragraph, key: str, point_key: Callable[[int], str]) -> None:
        level = self.profile.paragraph_level
        if paragraph.num:
            self.census.levels[key] += 1
            self.census.add_text(level.marker(paragraph.num))
        self.inlines(paragraph.text)
        self.tables(paragraph.tables)
        for point in paragraph.points:
            self.point(point, 1, point_key)
        self.inlines(paragraph.wrapup)

    def point(self, point: Point, depth: int, point_key: Callable[[int], str]) -> None:
        if point.num:
            self.census.levels[point_key(depth)] += 1
            self.census.add_text(self.profile.point_level(depth).marker(point.num))
        self.inlines(point.text)
        self.tables(point.tables)
        for sub in point.points:
            self.point(sub, depth + 1, point_key)
        self.inlines(point.wrapup)

    def annex(self, annex: Annex) -> None:
        self.census.levels["annex"] += 1
        self.census.add_text(self.profile.level_label(self.lang, "annex", annex.num) if annex.num else "")
        self.census.add_text(annex.title)
        for paragraph in annex.paragraphs:
            self.paragraph(paragraph, "annex paragraph", lambda depth: "annex point")

    def tables(self, tables: tuple[Table, ...]) -> None:
        for table in tables:
            self.census.levels["table"] += 1
            for row in table.rows:
                for cell in row.cells:
                    self.inlines(cell.text)

    def inlines(self, seq: InlineSeq) -> None:
        self.census.add_text(plain_text(seq))
        for node in iter_inline(seq):
            self.inline(node)

    def inline(self, node: Inline) -> None:
        if isinstance(node, Note):
            self.census.levels["note"] += 1
        elif isinstance(node, Term):
            self.census.levels["def" if node.defining else "term"] += 1
