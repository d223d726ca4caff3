"""Words: inline text into tokens, and a minimal word diff between two token lists.

A token is a word (letters and digits, with inner hyphens or apostrophes: ``3-1``,
``5-бапқа``, ``don't``) or one punctuation mark. Whitespace is kept on the token
before it, only for display. Tokens are compared by ``key``: the text itself,
except inside a cross-reference, where the target's number is replaced by the
target's identity, so that ``Article 5`` -> ``Article 6`` is no change when the
target was only renumbered.

The diff is rapidfuzz's ``Indel.opcodes`` over the keys: a minimal
insert/delete script (measured: minimal and fast, unlike difflib with autojunk).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple

from rapidfuzz.distance import Indel

from drafting.model import Emphasis, InlineSeq, Ref, Strong, Text
from drafting.profile import Profile

_TOKEN = re.compile(r"(\w+(?:[-\u2010\u2011'\u2019]\w+)*|[^\w\s])(\s*)")
_LEADING_SPACE = re.compile(r"^\s+")

Kind = Literal["equal", "delete", "insert"]


class Token(NamedTuple):  # a tuple: a long text makes tens of thousands of them
    text: str  # as shown
    key: str  # as compared
    space: str = ""  # whitespace after it, as written (display only)
    word: bool = True  # a word rather than a punctuation mark
    style: str = ""  # "", "em" or "strong"


@dataclass(frozen=True)
class Segment:
    """A run of tokens: equal runs hold the new tokens and, in ``old``, the same words as the old text had them."""

    kind: Kind
    tokens: tuple[Token, ...]
    old: tuple[Token, ...] = ()

    def as_old(self) -> Segment:
        return Segment(self.kind, self.old) if self.kind == "equal" else self


@dataclass(frozen=True)
class TextDiff:
    """Two token lists and the segments that turn the first into the second."""

    segments: tuple[Segment, ...]

    @property
    def changed(self) -> bool:
        return any(s.kind != "equal" for s in self.segments)

    def words(self, kind: Kind) -> int:
        return sum(1 for s in self.segments if s.kind == kind for t in s.tokens if t.word)

    @property
    def inserted_words(self) -> int:
        return self.words("insert")

    @property
    def deleted_words(self) -> int:
        return self.words("delete")

    def side(self, which: Literal["old", "new"]) -> tuple[Segment, ...]:
        """The segments one version shows: the old wording (equal + deleted) or the new (equal + inserted)."""
        if which == "old":
            return tuple(s.as_old() for s in self.segments if s.kind != "insert")
        return tuple(s for s in self.segments if s.kind != "delete")

    @property
    def empty(self) -> bool:
        return not any(s.tokens for s in self.segments)


@dataclass(frozen=True)
class RefContext:
    """What references mean in one version: target numbers, label language, and ids shared with the other version."""

    numbers: dict[str, str]  # article id -> printed number in this version
    profile: Profile
    lang: str
    same_as: dict[str, str]  # article id in this version -> the id it is compared as


def tokenize(inlines: InlineSeq, refs: RefContext) -> list[Token]:
    tokens: list[Token] = []
    _walk(inlines, refs, "", tokens)
    return tokens


def tokenize_plain(text: str) -> list[Token]:
    tokens: list[Token] = []
    _add_run(text, "", tokens)
    return tokens


def token_offsets(text: str) -> list[tuple[int, int]]:
    """Where each token of ``tokenize_plain(text)`` stands in ``text``: (start, end) without its trailing space."""
    return [match.span(1) for match in _TOKEN.finditer(text)]


def _walk(inlines: InlineSeq, refs: RefContext, style: str, tokens: list[Token]) -> None:
    for node in inlines:
        if isinstance(node, Text):
            _add_run(node.value, style, tokens)
        elif isinstance(node, Emphasis):
            _walk(node.children, refs, "em", tokens)
        elif isinstance(node, Strong):
            _walk(node.children, refs, "strong", tokens)
        elif isinstance(node, Ref):
            _add_ref(node, refs, style, tokens)


def _add_ref(ref: Ref, refs: RefContext, style: str, tokens: list[Token]) -> None:
    number = refs.numbers.get(ref.target)
    identity = refs.same_as.get(ref.target, ref.target)
    if ref.children:
        start = len(tokens)
        _walk(ref.children, refs, style, tokens)
        written = tokens[start:]
    else:  # an empty reference shows the label, filled in
        values = {"n": number or "?"}
        key = "article" if ref.paragraph is None else "paragraph_of_article"
        if ref.paragraph is not None:
            values["p"] = ref.paragraph
        start = len(tokens)
        _add_run(refs.profile.label(refs.lang, key, **values), style, tokens)
        written = tokens[start:]
    if number is None:
        return
    pattern = _number_pattern(number)
    tokens[start:] = [t._replace(key=pattern.sub(f"\u27e8{identity}\u27e9", t.key)) for t in written]


@lru_cache(maxsize=4096)
def _number_pattern(number: str) -> re.Pattern[str]:
    """The number as a whole number: 5 in "5", "5-бапқа", "(5)", but not in "15", "5-1" or "3-5"."""
    return re.compile(rf"(?<![\d-]){re.escape(number)}(?![\d]|-\d)")


def _add_run(text: str, style: str, tokens: list[Token]) -> None:
    leading = _LEADING_SPACE.match(text)
    if leading and tokens:
        tokens[-1] = tokens[-1]._replace(space=tokens[-1].space + leading.group(0))
    tokens.extend(_run(text, style))


@lru_cache(maxsize=65536)
def _run(text: str, style: str) -> tuple[Token, ...]:
    """A run of text as tokens; most runs are the same in both versions, so each is split once."""
    return tuple(Token(word, word, space, word[0].isalnum() or word[0] == "_", style)
                 for word, space in _TOKEN.findall(text))


def keys(tokens: list[Token]) -> list[str]:
    return [t.key for t in tokens]


def diff(old: list[Token], new: list[Token]) -> TextDiff:
    """Word diff: equal runs show the new tokens; in a changed run the deletions come first."""
    if keys(old) == keys(new):
        return TextDiff((Segment("equal", tuple(new), tuple(old)),) if new else ())
    segments: list[Segment] = []
    deleted: list[Token] = []
    inserted: list[Token] = []

    def flush() -> None:
        if deleted:
            segments.append(Segment("delete", tuple(deleted)))
        if inserted:
            segments.append(Segment("insert", tuple(inserted)))
        deleted.clear()
        inserted.clear()

    for op in Indel.opcodes(keys(old), keys(new)):
        if op.tag == "equal":
            flush()
            segments.append(Segment("equal", tuple(new[op.dest_start:op.dest_end]), tuple(old[op.src_start:op.src_end])))
        else:
            deleted.extend(old[op.src_start:op.src_end])
            inserted.extend(new[op.dest_start:op.dest_end])
    flush()
    return TextDiff(tuple(segments))


def only(tokens: list[Token], kind: Kind) -> TextDiff:
    """All tokens inserted, all deleted, or all equal (a block present on one side only, or untouched)."""
    return TextDiff((Segment(kind, tuple(tokens), tuple(tokens) if kind == "equal" else ()),) if tokens else ())
