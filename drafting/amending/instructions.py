"""The instructions of an amending act, as plain language-neutral data.

This is the one interface between ``drafting amend`` (which plans these from OLD and
NEW and writes them as an act of its own) and ``drafting consolidate`` (which reads
them back from that act's sources and applies them to OLD). Everything a language
needs is per language (``Words``, ``Quoted`` keyed by language code); everything
else (kinds, targets, numbers, order) is the same in every language, so the texts
align instruction by instruction.

Conventions (docs/amend.md has the source syntax and the rules in full):
- Numbers are as printed in the amended act (``"5"``, ``"3-1"``, ``"9"`` for point 9)),
  and a target's numbers are those of OLD, the version the act amends.
- ``UNNUMBERED`` stands for an article's single unnumbered paragraph in a path.
- Quoted words are exact source text of the target unit, on one source line, without
  Markdown syntax or « », and unique in the target unit's source text; quoted
  structure is the exact source text of the unit in NEW.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# What an instruction does:
# - restate: the target unit "shall read as follows" (quoted structure);
# - insert: a new unit (quoted structure) is added into the target, numbered ``Insertion.number``;
# - replace-words / add-words / delete-words: words of the target unit change (``Words``);
# - repeal: the target unit is deleted ("исключить" / "алып тасталсын");
# - renumber: the target unit takes the number ``Instruction.number`` ("статью 45 считать статьей 46"),
#   where NEW renumbered what OLD had (profiles whose amending acts renumber: ``amendments: {renumber: true}``);
# - retitle: a container's heading (a section's title) reads as ``Words.new`` ("заголовок раздела II изложить
#   в следующей редакции: «…»"); the target is the container (``Target.container``).
Kind = Literal["restate", "insert", "replace-words", "add-words", "delete-words", "repeal", "renumber", "retitle"]
KINDS: tuple[Kind, ...] = ("restate", "insert", "replace-words", "add-words", "delete-words", "repeal", "renumber",
                           "retitle")

# The path element for an article's single unnumbered paragraph (no printed number is ever "0").
UNNUMBERED = "0"

# Target levels besides the amended profile's own level names ("article", "paragraph", "point", "subpoint", ...).
WORK = "work"  # the act as a whole: where a new article is inserted
PREAMBLE = "preamble"


@dataclass(frozen=True)
class Target:
    """A unit of OLD: the amended work, an article by stable id, a path of paragraph/point numbers below it.

    ``level`` is the unit's level name in the amended act's profile ("article", "paragraph",
    "point", "subpoint"), or ``WORK`` / ``PREAMBLE``. ``article_num`` is the article's number in
    OLD (for the formulas: "статью 5"); None with ``article`` None.
    """

    work: str  # the amended act's short name, as in a cross-act link (``constitution:art:ID``)
    article: str | None = None  # stable id of the article in OLD
    article_num: str | None = None
    path: tuple[str, ...] = ()  # paragraph number (or UNNUMBERED), then point, sub-point, ... numbers in OLD
    level: str = "article"
    container: str | None = None  # a container's id (its folder's slug: ``foundations``); ``level`` its level
    container_num: str | None = None  # its number in OLD (for the formulas: "раздела I")

    @property
    def href(self) -> str:
        """The link destination naming this target in the amending act's sources (docs/amend.md)."""
        if self.container is not None:
            return f"{self.work}:container:{self.container}"
        if self.article is None:
            raise ValueError(f"a {self.level} target has no link")
        return f"{self.work}:art:{'/'.join((self.article, *self.path))}"


@dataclass(frozen=True)
class Words:
    """The words of one language: exact source text, on one line, unique in the target unit.

    replace-words: ``old`` -> ``new``; delete-words: ``old``; add-words: ``new`` after ``after``.
    A drafter makes words unique by quoting a few words around the change; ``old`` and ``new``
    may therefore share a prefix or suffix.
    """

    old: str = ""
    new: str = ""
    after: str = ""


@dataclass(frozen=True)
class Quoted:
    """Quoted structure in one language: the exact source text of the unit in NEW.

    An article: its whole file, front matter included; ``file`` is the file's path inside
    the source folder without ``.LANG.md`` (``01-foundations/028a-new-article``). A paragraph or
    point: its lines as they stand in NEW's file, indentation included, from its marker line to
    its last non-blank line. The preamble: its whole file. ``eol`` is False when the text does
    not end with a newline (a file without a final newline).
    """

    text: str
    file: str | None = None
    eol: bool = True


@dataclass(frozen=True)
class Insertion:
    """Where an inserted unit goes: into the instruction's target, as ``level`` numbered ``number``.

    ``after`` is the OLD unit it follows (None: it comes first); it is implied by the number
    (3-1 follows 3) and by ``Quoted.file`` for an article, so the sources do not spell it out.
    """

    level: str  # the new unit's level name ("article", "paragraph", "point", ...)
    number: str  # as printed: "28-1", "3-1", "9-1"
    after: Target | None = None


@dataclass(frozen=True)
class Instruction:
    kind: Kind
    target: Target  # restate, words, repeal: the unit changed; insert: the unit it goes into
    insertion: Insertion | None = None  # insert only
    words: dict[str, Words] = field(default_factory=dict)  # language -> words (the *-words kinds)
    quoted: dict[str, Quoted] = field(default_factory=dict)  # language -> quoted structure (restate, insert)
    number: str | None = None  # renumber only: the unit's new number, as printed
    file: str | None = None  # renumber of an article only: its file in NEW (no .LANG.md) when NEW renamed it

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown instruction kind {self.kind!r}")
        if (self.kind == "insert") != (self.insertion is not None):
            raise ValueError("an insertion, and only an insertion, says where the new unit goes")
        if (self.kind.endswith("-words") or self.kind == "retitle") != bool(self.words):
            raise ValueError(f"{self.kind}: words are given for the *-words kinds and retitle, and only for them")
        if (self.kind == "retitle") != (self.target.container is not None):
            raise ValueError("a retitle, and only a retitle, names a container")
        if (self.kind in ("restate", "insert")) != bool(self.quoted):
            raise ValueError(f"{self.kind}: quoted structure is given for restate and insert and only for them")
        if (self.kind == "renumber") != (self.number is not None):
            raise ValueError("a renumbering, and only a renumbering, gives the new number")


@dataclass(frozen=True)
class Group:
    """One numbered item of Article 1 ("1)", "2)", ...): every change to one article, in document order.

    With one instruction the item is the instruction ("1) статью 5 изложить ..."); with several,
    the item names the article ("1) в статье 5:") and the instructions are its sub-items; a ``range``
    is one item for its renumberings ("1) статьи 30–37 считать соответственно статьями 31–38").
    ``article`` is the OLD article's stable id, None for an inserted article or the preamble.
    """

    number: int
    article: str | None
    article_num: str | None
    instructions: tuple[Instruction, ...]
    range: bool = False  # renumberings of consecutive articles by one shift, as one item ("статьи 30–37 считать ...")


@dataclass(frozen=True)
class Amendment:
    """The whole amending act's instructions: which work it amends and the numbered groups."""

    work: str  # the amended act's short name
    uri: str  # its FRBR work URI (``/akn/kz/act/2026-03-15/constitution``)
    languages: tuple[str, ...]  # every language of the amended work, in its order
    groups: tuple[Group, ...]

    def instructions(self) -> list[Instruction]:
        """Every instruction, in order."""
        return [instruction for group in self.groups for instruction in group.instructions]
