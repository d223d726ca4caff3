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
    """A cross-reference to an article (by stable id), optionally one of its paragraphs.

    ``children`` is the text as the drafter wrote it; empty means "fill in the label".
    """

    target: str
    paragraph: str | None
    children: tuple[Inline, ...]
    loc: Loc


Inline = Union[Text, Emphasis, Strong, Ref]
InlineSeq = tuple[Inline, ...]


def plain_text(inlines: InlineSeq) -> str:
    """The inline content as plain text (references as written)."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            parts.append(node.value)
        else:
            parts.append(plain_text(node.children))
    return "".join(parts)


def iter_refs(inlines: InlineSeq) -> list[Ref]:
    found: list[Ref] = []
    for node in inlines:
        if isinstance(node, Ref):
            found.append(node)
        elif isinstance(node, (Emphasis, Strong)):
            found.extend(iter_refs(node.children))
    return found


# --- blocks -----------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    num: str
    text: InlineSeq
    loc: Loc


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph (``num`` None for an article's single unnumbered paragraph).

    ``text`` is the paragraph's content or, when it has points, their introduction;
    ``wrapup`` is text after the points.
    """

    num: str | None
    text: InlineSeq
    loc: Loc
    points: tuple[Point, ...] = ()
    wrapup: InlineSeq = ()

    def inlines(self) -> list[InlineSeq]:
        return [self.text, *(p.text for p in self.points), self.wrapup]


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
class Section:
    id: str
    num: str
    title: str
    loc: Loc
    articles: tuple[Article, ...] = ()


@dataclass(frozen=True)
class Preamble:
    paragraphs: tuple[InlineSeq, ...]
    loc: Loc
    heading: str | None = None


@dataclass(frozen=True)
class Expression:
    """The whole text in one language."""

    lang: str
    title: str
    preamble: Preamble | None
    sections: tuple[Section, ...]

    def articles(self) -> list[Article]:
        return [a for s in self.sections for a in s.articles]

    def article_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles()}


# --- work metadata --------------------------------------------------------------


@dataclass(frozen=True)
class Language:
    code: str
    akn: str
    authoritative: bool
    translation_of: str | None = None


@dataclass(frozen=True)
class Version:
    name: str
    date: dt.date
    event: str = "generation"
    commit: str | None = None
    title: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Publication:
    language: str
    name: str
    date: dt.date
    number: str | None = None


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
