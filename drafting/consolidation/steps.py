"""What ``consolidate`` applies: one step per change an amending act makes, language by language.

A step names its target by the article's stable id and the number path of the
paragraph, point and sub-point inside it; the words it looks for and the words or
source text it puts in are given per language, exactly as they are in the sources
(restated and inserted units are the exact source text of the new version's unit:
a whole article file, or the span of a paragraph or point, ``amending.spans``).
``locs`` says where the instruction is written in the amending act, per language,
so that a step that cannot apply is reported there.

The amending act's instructions (``drafting.amending.instructions``) are turned into
steps by ``consolidation.fromact``; tests build steps directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting.amending.instructions import PREAMBLE as PREAMBLE, UNNUMBERED as UNNUMBERED
from drafting.model import Loc

KINDS = ("restate", "insert", "replace-words", "add-words", "delete-words", "repeal", "renumber", "retitle")
WORD_KINDS = ("replace-words", "add-words", "delete-words")



@dataclass(frozen=True)
class Address:
    """An article by stable id, and the numbers of the paragraph, point, sub-point inside it (UNNUMBERED, "0",
    for an article's single unnumbered paragraph)."""

    article: str
    path: tuple[str, ...] = ()

    @property
    def unit(self) -> str:
        """What the address names: article, paragraph, point (a sub-point is a point)."""
        return ("article", "paragraph")[len(self.path)] if len(self.path) < 2 else "point"

    def __str__(self) -> str:
        return "/".join((self.article, *self.path))


@dataclass(frozen=True)
class Step:
    kind: str  # one of KINDS
    target: Address  # insert: the new unit's address (its number last)
    locs: dict[str, Loc]  # language -> where the instruction stands in the amending act
    old: dict[str, str] = field(default_factory=dict)  # language -> words looked for (or after which words go)
    new: dict[str, str] = field(default_factory=dict)  # language -> new words, or the unit's exact source text
    after: Address | None = None  # insert: the sibling it follows (None: it comes first in its parent)
    container: str | None = None  # insert an article first in a container, or retitle: the container's folder slug
    number: str | None = None  # renumber: the article's new number
    file: str | None = None  # an article's file in the new version, without ``.LANG.md`` (restate, insert);
    # "preamble" with an empty target article: the preamble

    def loc(self, lang: str) -> Loc:
        return self.locs.get(lang) or next(iter(self.locs.values()))
