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


@dataclass(frozen=True)
class Side:
    """One of the two versions compared, as the reader is told about it."""

    spec: str  # as the user wrote it: a tag, a SHA, a named version, WORKTREE
    label: str  # e.g. "first-draft (3f2a9c1)" or "working tree"
    commit: str | None = None
    date: str | None = None  # ISO date: a named version's own date, else the commit's (never the clock)


@dataclass(frozen=True)
class PointChange:
    old_num: str | None
    new_num: str | None
    status: BlockStatus
    text: TextDiff


@dataclass(frozen=True)
class ParagraphChange:
    old_num: str | None
    new_num: str | None
    status: BlockStatus
    text: TextDiff  # the paragraph's text, or the introduction to its points
    points: tuple[PointChange, ...] = ()
    wrapup: TextDiff = TextDiff(())

    @property
    def num_changed(self) -> bool:
        return self.status in ("equal", "amended") and self.old_num != self.new_num

    def diffs(self) -> list[TextDiff]:
        return [self.text, *(p.text for p in self.points), self.wrapup]


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

    @property
    def changed(self) -> bool:
        return self.status != "unchanged"

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
        return [self.heading, *(d for p in self.paragraphs for d in p.diffs())]


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

    def articles(self) -> list[ArticleChange]:
        return [a for s in self.sections for a in s.articles]

    def changed_articles(self) -> list[ArticleChange]:
        return [a for a in self.articles() if a.changed]
