"""The one typed document model every writer reads.

A Work holds its metadata, its profile and one Expression per language. Every
structural node carries a Loc (file and line) so that any later check can point
a drafter at ``path:line``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Loc:
    path: str
    line: int = 1
    column: int = 1


# --- inline -----------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    value: str


@dataclass(frozen=True)
class Emphasis:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Ref:
    """A cross-reference to an article (by stable id), optionally one of its paragraphs; or to an annex.

    ``children`` is the text as the drafter wrote it; empty means "fill in the label".
    ``kind`` is "article" (``art:ID`` or ``art:ID/PARAGRAPH``) or "annex" (``annex:ID``).
    ``work`` names another act of the repository (``constitution:art:ID``): its short name; None for this act.
    ``points`` continues the path below the paragraph (``art:ID/2/9``: point 9) of paragraph 2), as an
    amending act names its targets (docs/amend.md).
    """

    target: str
    paragraph: str | None
    children: tuple[Inline, ...]
    loc: Loc
    kind: str = "article"
    work: str | None = None
    points: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note:
    """A footnote (``[^1]`` in the text, ``[^1]: ...`` below it), kept where its mark stands.

    ``marker`` is the drafter's label; writers number notes in order. AKN: ``authorialNote``.
    """

    marker: str
    children: tuple[Inline, ...]
    loc: Loc


@dataclass(frozen=True)
class Term:
    """A defined term: ``[term](def:ID)`` where it is defined, ``[term](term:ID)`` where it is used.

    AKN: ``def`` (defining) or ``term`` (a use), both ``refersTo="#ID"``.
    """

    id: str
    children: tuple[Inline, ...]
    loc: Loc
    defining: bool


Inline = Union[Text, Emphasis, Strong, Ref, Note, Term]
InlineSeq = tuple[Inline, ...]


def plain_text(inlines: InlineSeq, notes: bool = True) -> str:
    """The inline content as plain text (references and terms as written; notes' text unless ``notes`` is False)."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            parts.append(node.value)
        elif isinstance(node, Note):
            if notes:
                parts.append(plain_text(node.children, notes))
        else:
            parts.append(plain_text(node.children, notes))
    return "".join(parts)


def iter_refs(inlines: InlineSeq) -> list[Ref]:
    found: list[Ref] = []
    for node in inlines:
        if isinstance(node, Ref):
            found.append(node)
        elif isinstance(node, (Emphasis, Strong, Note, Term)):
            found.extend(iter_refs(node.children))
    return found


def iter_inline(inlines: InlineSeq) -> list[Inline]:
    """Every inline node, depth-first (a node before its children)."""
    found: list[Inline] = []
    for node in inlines:
        found.append(node)
        if not isinstance(node, Text):
            found.extend(iter_inline(node.children))
    return found


# --- blocks -----------------------------------------------------------------


@dataclass(frozen=True)
class TableCell:
    text: InlineSeq
    header: bool = False
    align: str | None = None  # "left", "center", "right" as the pipe table's delimiter row says


@dataclass(frozen=True)
class TableRow:
    cells: tuple[TableCell, ...]
    loc: Loc
    header: bool = False


@dataclass(frozen=True)
class Table:
    """A pipe table: header rows first, then the body rows."""

    rows: tuple[TableRow, ...]
    loc: Loc

    @property
    def shape(self) -> tuple[int, ...]:
        """Cells per row: what must agree between languages."""
        return tuple(len(row.cells) for row in self.rows)

    def inlines(self) -> list[InlineSeq]:
        return [cell.text for row in self.rows for cell in row.cells]


def _block_inlines(text: InlineSeq, tables: tuple[Table, ...], points: tuple[Point, ...],
                   wrapup: InlineSeq) -> list[InlineSeq]:
    """A paragraph's or point's inline sequences in reading order: text, table cells, points (recursively), wrap-up."""
    found = [text, *(seq for table in tables for seq in table.inlines())]
    for point in points:
        found.extend(point.inlines())
    found.append(wrapup)
    return found


@dataclass(frozen=True)
class QuotedStructure:
    """An amending act's quoted structure: a ``quoted`` fence kept verbatim (docs/amend.md).

    ``text`` is the fence's content with its indentation under the item removed: the exact
    source text of the amended act's unit; ``info`` the rest of the info string (``file=...``).
    """

    text: str
    info: str
    loc: Loc


@dataclass(frozen=True)
class Point:
    """A point of a paragraph, or a sub-point of a point (``points``, to the depth the profile allows).

    ``quoted`` holds the quoted structure of an amending act's instruction (profiles with ``quoted: true``).
    """

    num: str
    text: InlineSeq
    loc: Loc
    points: tuple[Point, ...] = ()
    tables: tuple[Table, ...] = ()
    wrapup: InlineSeq = ()
    quoted: tuple[QuotedStructure, ...] = ()

    def inlines(self) -> list[InlineSeq]:
        return _block_inlines(self.text, self.tables, self.points, self.wrapup)

    def walk(self) -> list[Point]:
        """This point and every sub-point below it, in order."""
        return [self, *(p for sub in self.points for p in sub.walk())]


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph (``num`` None for an article's single unnumbered paragraph).

    ``text`` is the paragraph's content or, when it has points, their introduction;
    ``tables`` follow the text; ``wrapup`` is text after the points.
    """

    num: str | None
    text: InlineSeq
    loc: Loc
    points: tuple[Point, ...] = ()
    wrapup: InlineSeq = ()
    tables: tuple[Table, ...] = ()

    def inlines(self) -> list[InlineSeq]:
        return _block_inlines(self.text, self.tables, self.points, self.wrapup)

    def all_points(self) -> list[Point]:
        """Every point and sub-point, in order."""
        return [p for point in self.points for p in point.walk()]

    def all_tables(self) -> list[Table]:
        return [*self.tables, *(t for p in self.all_points() for t in p.tables)]


@dataclass(frozen=True)
class Article:
    id: str
    num: str
    paragraphs: tuple[Paragraph, ...]
    loc: Loc
    heading: str | None = None
    stem: str = ""

    def refs(self) -> list[Ref]:
        return [ref for para in self.paragraphs for seq in para.inlines() for ref in iter_refs(seq)]


@dataclass(frozen=True)
class Container:
    """A unit above the article: part, section, chapter, paragraph group, ... (``level`` names the profile level).

    ``children`` holds containers and articles in document order. ``intro`` and
    ``wrapup`` are the container's own text before and after them (paragraphs of
    inline text, from the folder's ``intro.LANG.md`` and ``wrap-up.LANG.md``: a Part's
    opening words, a Chapter's closing provision), AKN ``intro`` and ``wrapUp``.
    """

    id: str
    num: str
    title: str
    loc: Loc
    children: tuple[Container | Article, ...] = ()
    level: str = "section"
    intro: tuple[InlineSeq, ...] = ()
    wrapup: tuple[InlineSeq, ...] = ()

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article below, in order."""
        found: list[Article] = []
        for child in self.children:
            if isinstance(child, Article):
                found.append(child)
            else:
                found.extend(child.articles)
        return tuple(found)

    @property
    def containers(self) -> tuple[Container, ...]:
        return tuple(c for c in self.children if isinstance(c, Container))

    def walk(self) -> list[Container]:
        """This container and every container below it, depth-first."""
        return [self, *(c for child in self.containers for c in child.walk())]


Section = Container  # the constitution's only container level


@dataclass(frozen=True)
class Annex:
    """An annex (schedule, appendix): a document of its own, attached to the act."""

    id: str
    num: str
    title: str
    loc: Loc
    paragraphs: tuple[Paragraph, ...] = ()
    stem: str = ""

    def refs(self) -> list[Ref]:
        return [ref for para in self.paragraphs for seq in para.inlines() for ref in iter_refs(seq)]


@dataclass(frozen=True)
class Preamble:
    paragraphs: tuple[InlineSeq, ...]
    loc: Loc
    heading: str | None = None


@dataclass(frozen=True)
class Expression:
    """The whole text in one language. ``conclusions``: the closing text after the body (where and when it was
    signed, by whom: AKN ``conclusions``), paragraphs of text from ``conclusions.LANG.md``."""

    lang: str
    title: str
    preamble: Preamble | None
    body: tuple[Container | Article, ...]
    annexes: tuple[Annex, ...] = ()
    conclusions: tuple[InlineSeq, ...] = ()

    @property
    def sections(self) -> tuple[Container, ...]:
        """The top-level containers."""
        return tuple(c for c in self.body if isinstance(c, Container))

    def articles(self) -> list[Article]:
        found: list[Article] = []
        for child in self.body:
            if isinstance(child, Article):
                found.append(child)
            else:
                found.extend(child.articles)
        return found

    def containers(self) -> list[Container]:
        """Every container, depth-first (a container before those inside it)."""
        return [c for top in self.sections for c in top.walk()]

    def article_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles()}

    def annex_by_id(self) -> dict[str, Annex]:
        return {a.id: a for a in self.annexes}

    def inline_sequences(self) -> list[InlineSeq]:
        """Every inline sequence of the text: articles, annexes, then the preamble."""
        found: list[InlineSeq] = []
        for article in self.articles():
            for para in article.paragraphs:
                found.extend(para.inlines())
        for annex in self.annexes:
            for para in annex.paragraphs:
                found.extend(para.inlines())
        if self.preamble:
            found.extend(self.preamble.paragraphs)
        for container in self.containers():
            found.extend(container.intro)
            found.extend(container.wrapup)
        found.extend(self.conclusions)
        return found


# --- work metadata --------------------------------------------------------------


@dataclass(frozen=True)
class Language:
    code: str
    akn: str
    authoritative: bool
    translation_of: str | None = None


@dataclass(frozen=True)
class SourceDocument:
    """The document that made a version (the amending act, the referendum decision): AKN's passiveRef."""

    uri: str  # its FRBR work URI
    title: dict[str, str]  # per language


@dataclass(frozen=True)
class Modification:
    """One change the version's source document made (``drafting consolidate`` records it in work.yaml).

    ``unit`` is the article's stable id and the paragraph and point numbers (``people-power/3/1``);
    ``number`` the article's number (before a repeal, after anything else); ``type`` the AKN textualMod
    type; ``change`` which note the unit gets (restate, words, insert, repeal, renumber).
    """

    type: str
    unit: str
    number: str
    change: str = ""
    previous: str | None = None

    @property
    def article(self) -> str:
        return self.unit.split("/")[0]

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.unit.split("/")[1:])


@dataclass(frozen=True)
class Version:
    name: str
    date: dt.date
    event: str = "generation"
    commit: str | None = None
    title: dict[str, str] = field(default_factory=dict)
    source: SourceDocument | None = None
    status: dict[str, str] = field(default_factory=dict)  # AKN docStatus per language ("draft", "adopted")
    modifications: tuple[Modification, ...] = ()  # what the source document changed (AKN passiveModifications)


@dataclass(frozen=True)
class Publication:
    language: str
    name: str
    date: dt.date
    number: str | None = None


@dataclass(frozen=True)
class AmendedWork:
    """What an amending act amends (work.yaml ``amends:``, docs/amend.md)."""

    work: str  # the amended act's short name, the prefix of the instructions' links
    uri: str  # its FRBR work URI
    profile: str  # its profile, for reading the quoted structure
    version: str  # the version (name or commit) the instructions apply to
    articles: dict[str, str] = field(default_factory=dict)  # stable id -> its eId in that version (AKN targets)
    files: dict[str, str] = field(default_factory=dict)  # stable id -> a renumbered article's file in NEW
    containers: dict[str, str] = field(default_factory=dict)  # container id -> its eId in that version (retitles)


@dataclass(frozen=True)
class WorkMeta:
    country: str
    doctype: str
    subtype: str | None
    number: str
    date: dt.date
    author: str
    title: dict[str, str]
    languages: tuple[Language, ...]
    profile: str
    version: str | None
    versions: tuple[Version, ...]
    publications: tuple[Publication, ...]
    authors: dict[str, dict[str, str]]
    loc: Loc
    uri: str | None = None  # the work's FRBR URI as published, kept verbatim (an imported year-only date)
    build_versions: bool = False  # `build: {versions: true}`: build every named version's AKN
    short: str | None = None  # the act's short name in a repository of acts (drafting.yaml)
    amends: AmendedWork | None = None  # an amending act: the act it amends

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    def language(self, code: str) -> Language:
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise KeyError(code)

    def version_named(self, name: str) -> Version | None:
        for version in self.versions:
            if version.name == name:
                return version
        return None

    @property
    def current_version(self) -> Version | None:
        return self.version_named(self.version) if self.version else None

    @property
    def previous_version(self) -> Version | None:
        """The named version before the current one (the last one when none is current): what a redline compares with."""
        names = [v.name for v in self.versions]
        index = names.index(self.version) if self.version in names else len(names)
        return self.versions[index - 1] if index > 0 else None

    @property
    def expression_date(self) -> dt.date:
        current = self.current_version
        return current.date if current else self.date


@dataclass(frozen=True)
class Work:
    meta: WorkMeta
    profile: Profile
    expressions: dict[str, Expression]

    def expression(self, lang: str) -> Expression:
        return self.expressions[lang]


from drafting.profile import Profile  # noqa: E402  (profile has no model imports)
