"""An amending act's Akoma Ntoso read back into the instructions ``consolidate`` applies.

``drafting consolidate BASE ACT.xml`` takes the act's AKN instead of its sources: the
file given and the other languages' files beside it (same FRBR work), or a folder of
them. Article 1's points are read into the same model items the source reader gives
(``fromact.ActText``), so the formulas stay the one grammar of the instructions:

- a ``mod``'s ``ref`` to the amended work (``…/constitution#art_5__para_3``) is a link
  to the unit of BASE with that eId (by stable id and numbers, as the sources write it);
- each ``quotedText`` is its words in « »;
- a ``quotedStructure`` is rendered back into source text with the amended act's profile
  (``source.rewrite``, the importer's readers for the units inside): an article with
  its stable id and file from ``proprietary`` (``drafting:unit``, written by
  ``writers.akn.modifications``), a paragraph or point at the indentation it has in
  the article it goes into. References inside it name BASE's units by eId, or an
  article the act inserts, and become links by stable id again.

Every finding names the AKN file and line. The result is what the act's sources would
give wherever they are written as ``source.rewrite`` writes sources (the constitution's
are); elsewhere the consolidated model and AKN are the same, the Markdown may differ in
its spelling.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from drafting import eids
from drafting.akn import tag
from drafting.akn.xmlin import elements, is_akn, parse_file
from drafting.amending.instructions import UNNUMBERED
from drafting.consolidation.fromact import ActText
from drafting.diagnostics import Diagnostics, DraftingError
from drafting.importer.inlineread import InlineReader, Target
from drafting.importer.levels import LevelPlan, Plan, num_text, units
from drafting.importer.metaread import ExpressionMeta, MetaReader
from drafting.importer.numread import printed_number
from drafting.importer.paragraphread import ParagraphReader
from drafting.model import (Article, Emphasis, Inline, Loc, Paragraph, Point, Preamble, QuotedStructure, Ref, Strong,
                            Text, Work)
from drafting.profile import Profile
from drafting.source.rewrite import article_markdown, paragraph_markdown, preamble_markdown
from drafting.writers.akn.meta import PROPRIETARY_NS

_SCAFFOLD = (Text("x"),)


@dataclass(frozen=True)
class AknAct:
    """An amending act read from AKN: what ``consolidate`` needs of it."""

    uri: str  # the amending act's FRBR work URI
    amends: str  # the amended work's FRBR URI, as its mods' destinations name it
    date: dt.date
    number: str
    title: dict[str, str]
    text: ActText
    files: dict[str, str] = field(default_factory=dict)  # language -> the file it was read from


def akn_files(path: Path) -> list[Path]:
    """The AKN files an amending act may be in: the file and its siblings, or a folder's ``*.xml``."""
    folder = path if path.is_dir() else path.parent
    found = sorted(p for p in folder.glob("*.xml") if p.is_file())
    if path.is_file():
        found = [path, *[p for p in found if p != path]]
    return found


def is_akn_act(path: Path) -> bool:
    """Whether ``path`` names an amending act's AKN (a ``.xml`` file, or a folder of them without ``work.yaml``)."""
    if path.is_file():
        return path.suffix == ".xml"
    return path.is_dir() and not (path / "work.yaml").exists() and any(path.glob("*.xml"))


class _Expression:
    def __init__(self, path: Path, display: str, document: etree._Element, meta: ExpressionMeta) -> None:
        self.path, self.display, self.document, self.meta = path, display, document, meta


def read_akn_act(path: Path, amended: Work, short: str) -> AknAct:
    """The act in ``path`` (every language of BASE), or a DraftingError naming the file and line."""
    diags = Diagnostics()
    expressions = _expressions(path, diags)
    first = expressions[0]
    by_akn = {language.akn: language.code for language in amended.meta.languages}
    chosen: dict[str, _Expression] = {}
    for expression in expressions:
        if expression.meta.work_uri != first.meta.work_uri:
            continue
        code = by_akn.get(expression.meta.language.akn)
        if code is not None:
            chosen.setdefault(code, expression)
    missing = [lang for lang in amended.meta.codes if lang not in chosen]
    if missing:
        raise DraftingError(f"{first.display}: the amending act {first.meta.work_uri} has no expression in "
                            f"{', '.join(missing)} beside it (the amended act is in {', '.join(amended.meta.codes)}): "
                            "put every language's file in the same folder")
    base = _BaseUnits(amended)
    amends = {_destination_work(expression) for expression in chosen.values()} - {""}
    if len(amends) != 1:
        raise DraftingError(f"{first.display}: the act's modifications name "
                            f"{', '.join(sorted(amends)) or 'no amended work'}: one amended work is expected")
    target_uri = amends.pop()
    texts: dict[str, Article | None] = {}
    for lang, expression in chosen.items():
        reader = _ModReader(expression, amended, base, short, target_uri, diags)
        texts[lang] = reader.article()
    if diags.has_errors():
        raise DraftingError("the amending act's AKN cannot be read: nothing was written", diags.sorted())
    title = {lang: chosen[lang].meta.alias or chosen[lang].meta.work_alias or "" for lang in amended.meta.codes}
    return AknAct(first.meta.work_uri, target_uri, first.meta.date, first.meta.number, title,
                  ActText(texts, short, Loc(first.display, first.document.sourceline or 1)),
                  {lang: expression.display for lang, expression in chosen.items()})


def _expressions(path: Path, diags: Diagnostics) -> list[_Expression]:
    found: list[_Expression] = []
    for file in akn_files(path):
        display = str(file)
        parsed = parse_file(file, display)
        for document in parsed.documents:
            meta = MetaReader(display, diags).read(document.element)
            found.append(_Expression(file, display, document.element, meta))
    if not found:
        raise DraftingError(f"{path}: no Akoma Ntoso file of an amending act")
    return found


def _destination_work(expression: _Expression) -> str:
    works = {element.get("href", "").partition("#")[0]
             for element in expression.document.iter(tag("destination"))}
    return works.pop() if len(works) == 1 else ("" if not works else " and ".join(sorted(works)))


class _BaseUnits:
    """BASE's units by eId: (stable id of the article, path of paragraph and point numbers)."""

    def __init__(self, work: Work) -> None:
        self.profile: Profile = work.profile
        expression = work.expression(work.meta.codes[0])
        ids = eids.Identifiers(expression, work.profile)
        self.units: dict[str, tuple[str, tuple[str, ...]]] = {}
        self.article_eids: dict[str, str] = {}
        self.containers = {ids.container(container): container.id for container in expression.containers()}
        for article in expression.articles():
            eid = ids.article(article)
            self.units[eid] = (article.id, ())
            self.article_eids[article.id] = eid
            for paragraph in article.paragraphs:
                if paragraph.num is None:
                    self._points(article.id, eid, (UNNUMBERED,), paragraph.points, 1)
                    continue
                para = eids.unit_eid(eid, self.profile.paragraph_level.element, paragraph.num, 1)
                self.units[para] = (article.id, (paragraph.num,))
                self._points(article.id, para, (paragraph.num,), paragraph.points, 1)

    def _points(self, article: str, prefix: str, path: tuple[str, ...], points: tuple[Point, ...], depth: int) -> None:
        if depth > len(self.profile.point_levels):
            return
        level = self.profile.point_level(depth)
        for point in points:
            eid = eids.unit_eid(prefix, level.element, point.num, 1)
            self.units[eid] = (article, (*path, point.num))
            self._points(article, eid, (*path, point.num), point.points, depth + 1)

    def targets(self) -> dict[str, Target]:
        """For the importer's inline reader: references inside quoted units, to articles and paragraphs."""
        found: dict[str, Target] = {}
        for eid, (article, path) in self.units.items():
            if not path:
                found[eid] = Target(article, None)
            elif len(path) == 1 and path[0] != UNNUMBERED:
                found[eid] = Target(article, path[0])
        return found


def _plan(profile: Profile) -> Plan:
    def level_plan(level_name: str) -> LevelPlan:
        level = profile.level(level_name)
        key = level.name if level.element == "hcontainer" else level.element
        return LevelPlan(level.name, key, level.kind, level.element, {}, level.style, level.numbering,
                         level.inserted, level.optional, level.start)

    article = level_plan(profile.article_level.name)
    inside = [level_plan(profile.paragraph_level.name), *(level_plan(level.name) for level in profile.point_levels)]
    containers = [level_plan(level.name) for level in profile.container_levels]
    return Plan(article.key, containers, article, inside)


class _ModReader:
    """Article 1 of one expression, as the model items ``fromact`` reads."""

    def __init__(self, expression: _Expression, amended: Work, base: _BaseUnits, short: str, target_uri: str,
                 diags: Diagnostics) -> None:
        self.expression, self.amended, self.base, self.short = expression, amended, base, short
        self.target_uri = target_uri
        self.diags = diags
        self.display = expression.display
        self.profile = amended.profile
        self.quoted_units: dict[str, tuple[str, str]] = {}  # eId -> (stable id, file)
        for unit in expression.document.iter(f"{{{PROPRIETARY_NS}}}unit"):
            ref = unit.get("ref", "")
            if ref.startswith("#") and unit.get("file"):
                self.quoted_units[ref[1:]] = (unit.get("key", ""), unit.get("file", ""))
        targets = base.targets()
        for eid, (key, file) in self.quoted_units.items():
            if file != "preamble" and key:
                targets[eid] = Target(key, None)
        self.inline = InlineReader(self.display, Diagnostics(), target_uri, targets)
        self.paragraphs = ParagraphReader(self.inline, _plan(self.profile))

    def loc(self, element: etree._Element) -> Loc:
        return Loc(self.display, element.sourceline or 1)

    def error(self, element: etree._Element, code: str, message: str) -> None:
        self.diags.error(self.display, element.sourceline or 1, code, message)

    # -- the article of instructions ------------------------------------------------------------
    def article(self) -> Article | None:
        body = self.expression.document.find(tag("body"))
        first = next(iter(body.iter(tag("article"))), None) if body is not None else None
        if first is None:
            self.error(self.expression.document, "C806", "the amending act has no article holding its instructions")
            return None
        paragraphs: list[Paragraph] = []
        for paragraph in units(first):
            intro = paragraph.find(tag("intro"))
            text = self.text(intro) if intro is not None else ()
            points = tuple(self.point(point) for point in units(paragraph) if is_akn(point, "point"))
            paragraphs.append(Paragraph(None, text, self.loc(paragraph), points))
        return Article("amendments", "1", tuple(paragraphs), self.loc(first))

    def point(self, element: etree._Element) -> Point:
        holder = element.find(tag("intro"))
        if holder is None:
            holder = element.find(tag("content"))
        text: tuple[Inline, ...] = ()
        quoted: list[QuotedStructure] = []
        if holder is not None:
            text = self.text(holder, quoted)
        inner = tuple(self.point(child) for child in units(element) if is_akn(child, "point"))
        number = printed_number(num_text(element))
        return Point(number.number if number else num_text(element), text, self.loc(element), inner,
                     quoted=tuple(quoted))

    def text(self, holder: etree._Element, quoted: list[QuotedStructure] | None = None) -> tuple[Inline, ...]:
        found: list[Inline] = []
        for block in elements(holder):
            if is_akn(block, "p"):
                if found:
                    found.append(Text(" "))
                found.extend(self.inlines(block, quoted if quoted is not None else [], None))
        return tuple(found)

    def inlines(self, element: etree._Element, quoted: list[QuotedStructure], mod: etree._Element | None) \
            -> list[Inline]:
        out: list[Inline] = [Text(element.text)] if element.text else []
        for child in elements(element):
            if is_akn(child, "mod"):
                out.extend(self.inlines(child, quoted, child))
            elif is_akn(child, "ref"):
                out.append(self.ref(child))
            elif is_akn(child, "quotedText"):
                out.append(Text(f"«{''.join(child.itertext())}»"))
            elif is_akn(child, "quotedStructure"):
                found = self.structure(child, mod)
                if found is not None:
                    quoted.append(found)
            elif is_akn(child, "i"):
                out.append(Emphasis(tuple(self.inlines(child, quoted, mod))))
            elif is_akn(child, "b"):
                out.append(Strong(tuple(self.inlines(child, quoted, mod))))
            else:
                out.append(Text("".join(child.itertext())))
            if child.tail:
                out.append(Text(child.tail))
        return out

    def ref(self, element: etree._Element) -> Inline:
        href = element.get("href", "")
        shown = "".join(element.itertext())
        work, _, eid = href.partition("#")
        if work != self.target_uri:
            return Text(shown)
        if eid in self.base.containers:  # a container whose heading the act restates
            return Ref(self.base.containers[eid], None, (Text(shown),), self.loc(element), "container", self.short)
        found = self.base.units.get(eid) if eid else None
        if found is None:
            self.error(element, "C801", f"the reference '{href}' names no unit of the amended version "
                                        f"(no eId '{eid}' there)")
            return Text(shown)
        article, path = found
        return Ref(article, path[0] if path else None, (Text(shown),), self.loc(element), "article", self.short,
                   tuple(path[1:]))

    # -- quoted structure ---------------------------------------------------------------------
    def structure(self, element: etree._Element, mod: etree._Element | None) -> QuotedStructure | None:
        """The quoted unit as the source text it stands for, with the fence's info (``file=``)."""
        children = list(elements(element))
        own = self.quoted_units.get(element.get("eId", ""))
        loc = self.loc(element)
        if own is not None and own[1] == "preamble":
            blocks = tuple(self.inline.block(child) for child in children if is_akn(child, "p"))
            return QuotedStructure(preamble_markdown(Preamble(blocks, loc)), "file=preamble", loc)
        if children and all(is_akn(child, "article") for child in children) and len(children) == 1:
            return self.article_text(children[0], loc)
        if children and all(is_akn(child, "paragraph") for child in children):
            paragraphs = self.paragraphs.paragraphs(children)
            return QuotedStructure("".join(paragraph_markdown(p, self.profile) for p in paragraphs), "", loc)
        if children and all(is_akn(child, "point") for child in children):
            parent = self.parent_path(mod)
            if parent is None:
                self.error(element, "C806", "quoted points whose place in the amended act the mod does not say")
                return None
            points, _ = self.paragraphs.points(children, len(parent))
            return QuotedStructure(_points_text(parent, points, self.profile), "", loc)
        self.error(element, "C806", "a quoted structure that is not an article, paragraphs or points of the "
                                    "amended act")
        return None

    def article_text(self, element: etree._Element, loc: Loc) -> QuotedStructure | None:
        key, file = self.quoted_units.get(element.get("eId", ""), ("", ""))
        if not key or not file:
            self.error(element, "C806", f"the quoted article {element.get('eId', '')} has no stable id and file "
                                        "(drafting:unit in proprietary)")
            return None
        printed = printed_number(num_text(element))
        heading = element.find(tag("heading"))
        shown = "".join(heading.itertext()).strip() if heading is not None else None
        article = Article(key, printed.number if printed else num_text(element), self.paragraphs.article(element),
                          loc, shown or None)
        return QuotedStructure(article_markdown(article, self.profile), f"file={file}", loc)

    def parent_path(self, mod: etree._Element | None) -> tuple[str, ...] | None:
        """Where quoted points go: below the mod's destination (an insertion), else beside it."""
        if mod is None:
            return None
        ref = next(iter(mod.iter(tag("ref"))), None)
        if ref is None:
            return None
        found = self.base.units.get(ref.get("href", "").partition("#")[2])
        if found is None:
            return None
        path = found[1]
        inserted = any(element.get("type") == "insertion" for element in self._textual_mods(mod))
        return path if inserted else path[:-1]

    def _textual_mods(self, mod: etree._Element) -> list[etree._Element]:
        source = f"#{mod.get('eId', '')}"
        return [element.getparent() for element in self.expression.document.iter(tag("source"))
                if element.get("href") == source and element.getparent() is not None]


def _points_text(parent: tuple[str, ...], points: tuple[Point, ...], profile: Profile) -> str:
    """Points at the indentation they take below ``parent`` (paragraph number, point numbers; or unnumbered)."""
    inner: tuple[Point, ...] = points
    for number in reversed(parent[1:]):
        inner = (Point(number, _SCAFFOLD, Loc("", 1), inner),)
    paragraph_num = None if parent[0] == UNNUMBERED else parent[0]
    lines = paragraph_markdown(Paragraph(paragraph_num, _SCAFFOLD, Loc("", 1), inner), profile).split("\n")
    skip, index = len(parent), 0
    while skip and index < len(lines):
        if lines[index].strip():
            skip -= 1
        index += 1
    while index < len(lines) and not lines[index].strip():
        index += 1
    return "\n".join(lines[index:])
