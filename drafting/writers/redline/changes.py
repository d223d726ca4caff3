"""What a redline found: the changes between two versions, in reading order.

These are plain data: ``compare`` builds them from two models; the summary,
the HTML, the comparative table and the PDFs only read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from drafting.writers.redline.words import TextDiff

# an article's status; a renumbered or moved article may also be amended (``ArticleChange.amended``)
Status = Literal["unchanged", "amended", "renumbered", "moved", "inserted", "deleted"]
STATUSES: tuple[Status, ...] = ("unchanged", "amended", "renumbered", "moved", "inserted", "deleted")
# a paragraph's, point's or preamble paragraph's status
BlockStatus = Literal["equal", "amended", "inserted", "deleted"]


# the class an article is counted in: each article of either version in exactly one
Category = Literal["unchanged", "amended", "renumbered", "moved", "inserted", "deleted"]


@dataclass(frozen=True)
class Source:
    """Part of an article made from another: the old article and which of its paragraphs (all: ``whole``)."""

    article_id: str
    article_num: str
    paragraphs: tuple[str, ...]
    whole: bool


@dataclass(frozen=True)
class Side:
    """One of the two versions compared, as the reader is told about it."""

    spec: str  # as the user wrote it: a tag, a SHA, a named version, WORKTREE
    label: str  # e.g. "first-draft (3f2a9c1)" or "working tree"
    commit: str | None = None
    date: str | None = None  # ISO date: a named version's own date, else the commit's (never the clock)
    version: str | None = None  # the work file's named version this revision is
    titles: tuple[tuple[str, str], ...] = ()  # (language, title) of the named version in work.yaml
    findings: tuple[str, ...] = ()  # numbering and reference errors the version was compared with

    def title(self, lang: str) -> str | None:
        return dict(self.titles).get(lang)


@dataclass(frozen=True)
class Place:
    """Where a block stands in one version: an article (id and number), a paragraph, a point."""

    article_id: str
    article_num: str
    paragraph: str | None = None
    point: str | None = None
    index: int = 0  # the paragraph's position in its article (1-based), for an unnumbered paragraph


@dataclass(frozen=True)
class PointChange:
    old_num: str | None
    new_num: str | None
    status: BlockStatus
    text: TextDiff
    # text moved: an "inserted" block taken from elsewhere (its text then diffs the old wording
    # there against the new wording here), or a "deleted" one that went elsewhere
    moved_from: Place | None = None
    moved_to: Place | None = None

    @property
    def moved(self) -> bool:
        return self.moved_from is not None or self.moved_to is not None

    def counted(self) -> list[TextDiff]:
        """The diffs whose words count: a block moved away counts at its new place only."""
        return [] if self.moved_to is not None else [self.text]

    def moved_words(self) -> int:
        return self.text.words("equal") if self.moved_from is not None else 0


@dataclass(frozen=True)
class RowChange:
    """A row of a table, its cells diffed word by word (cells paired by position)."""

    status: BlockStatus
    cells: tuple[TextDiff, ...]
    header: bool = False
    old_index: int | None = None  # the row's position (1-based) in the old table, None for an inserted row
    new_index: int | None = None
    moved_from: int | None = None  # an inserted row taken from this old row (its cells diff the two)
    moved_to: int | None = None  # a deleted row that went to this new row

    @property
    def moved(self) -> bool:
        return self.moved_from is not None or self.moved_to is not None

    def counted(self) -> list[TextDiff]:
        return [] if self.moved_to is not None else list(self.cells)

    def moved_words(self) -> int:
        return sum(c.words("equal") for c in self.cells) if self.moved_from is not None else 0


@dataclass(frozen=True)
class TableChange:
    rows: tuple[RowChange, ...]

    @property
    def changed(self) -> bool:
        return any(r.status != "equal" or r.moved for r in self.rows)


@dataclass(frozen=True)
class ParagraphChange:
    old_num: str | None
    new_num: str | None
    status: BlockStatus
    text: TextDiff  # the paragraph's text, or the introduction to its points
    points: tuple[PointChange, ...] = ()
    wrapup: TextDiff = TextDiff(())
    moved_from: Place | None = None  # as for PointChange
    moved_to: Place | None = None
    tables: tuple[TableChange, ...] = ()  # after the text, as in the model

    @property
    def moved(self) -> bool:
        return self.moved_from is not None or self.moved_to is not None

    @property
    def num_changed(self) -> bool:
        return self.status in ("equal", "amended") and self.old_num != self.new_num

    def cells(self) -> list[TextDiff]:
        return [c for t in self.tables for r in t.rows for c in r.cells]

    def diffs(self) -> list[TextDiff]:
        return [self.text, *self.cells(), *(p.text for p in self.points), self.wrapup]

    def counted(self) -> list[TextDiff]:
        """The diffs whose words count: a block moved away counts at its new place only (a row likewise)."""
        if self.moved_to is not None:
            return []
        cells = [c for t in self.tables for r in t.rows for c in r.counted()]
        return [self.text, *cells, *(d for p in self.points for d in p.counted()), self.wrapup]

    def moved_words(self) -> int:
        if self.moved_from is not None:
            return sum(d.words("equal") for d in self.diffs())
        return sum(p.moved_words() for p in self.points) + sum(r.moved_words() for t in self.tables for r in t.rows)


@dataclass(frozen=True)
class ArticleChange:
    id: str  # the id in the new version (the old one for a deleted article)
    old_id: str | None
    old_num: str | None
    new_num: str | None
    old_section: str | None  # section ids
    new_section: str | None
    old_section_num: str | None
    status: Status
    amended: bool  # the text changed (whatever the status)
    heading: TextDiff
    paragraphs: tuple[ParagraphChange, ...]
    matched_by: Literal["id", "text"] | None = None
    similarity: float | None = None  # for a match by text: rapidfuzz ratio, 0..100
    # an article made of text moved from other articles (a split or a merge): where each part came from
    formed_from: tuple[Source, ...] = ()
    # a deleted article whose text all went elsewhere: the articles it went to (new numbers)
    went_to: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.status != "unchanged"

    @property
    def category(self) -> Category:
        """The one class an article is counted in (the summary's counts add up over these)."""
        if self.status in ("inserted", "deleted"):
            return self.status
        if self.amended:
            return "amended"
        return self.status

    @property
    def also_renumbered(self) -> bool:
        return self.num_changed and self.category in ("amended", "moved")

    @property
    def also_moved(self) -> bool:
        return self.status == "moved" and self.category == "amended"

    @property
    def words_moved(self) -> int:
        return sum(p.moved_words() for p in self.paragraphs)

    @property
    def num_changed(self) -> bool:
        return self.old_num is not None and self.new_num is not None and self.old_num != self.new_num

    @property
    def words_inserted(self) -> int:
        return sum(d.inserted_words for d in self._diffs())

    @property
    def words_deleted(self) -> int:
        return sum(d.deleted_words for d in self._diffs())

    def _diffs(self) -> list[TextDiff]:
        return [self.heading, *(d for p in self.paragraphs for d in p.counted())]


@dataclass(frozen=True)
class SectionChange:
    id: str
    old_num: str | None
    new_num: str | None
    status: BlockStatus  # of the section's number and title
    title: TextDiff
    articles: tuple[ArticleChange, ...]

    @property
    def num_changed(self) -> bool:
        return self.old_num is not None and self.new_num is not None and self.old_num != self.new_num


@dataclass(frozen=True)
class PreambleChange:
    heading: TextDiff
    paragraphs: tuple[PointChange, ...]  # numbers unused: preamble paragraphs have none

    @property
    def changed(self) -> bool:
        return self.heading.changed or any(p.status != "equal" for p in self.paragraphs)


@dataclass(frozen=True)
class Redline:
    lang: str
    old: Side
    new: Side
    title: str
    preamble: PreambleChange | None
    sections: tuple[SectionChange, ...]
    old_articles: int
    new_articles: int
    # annexes, matched by id, in the new text's order (a deleted one after the one before it); each an
    # ArticleChange whose heading is the annex's title; not counted among the articles
    annexes: tuple[ArticleChange, ...] = ()

    def changed_annexes(self) -> list[ArticleChange]:
        return [a for a in self.annexes if a.changed]

    def articles(self) -> list[ArticleChange]:
        return [a for s in self.sections for a in s.articles]

    def changed_articles(self) -> list[ArticleChange]:
        return [a for a in self.articles() if a.changed]
