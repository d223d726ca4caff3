"""AKN inline content and text blocks -> the model's inline nodes.

``i``/``b`` become emphasis and strong; a ``ref`` to an article (or a paragraph) or
to an annex of the same act becomes a cross-reference by stable id; ``authorialNote``
becomes a footnote where its mark stands; ``def`` and ``term`` become defined terms
(by the id their ``refersTo`` names); everything else keeps its text and is reported
(semantic markup such as ``date``, external references, vendor elements), so nothing
is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from drafting.akn import NS
from drafting.akn.xmlin import local, namespace
from drafting.diagnostics import Diagnostics
from drafting.model import Emphasis, Inline, InlineSeq, Loc, Note, Ref, Strong, Term, Text

_BREAK = re.compile(r"[ \t]*[\r\n][ \t\r\n]*|\t")
_SENTINEL = re.compile(r" *\x00[ \x00]*")
_EMPHASIS = {"i", "em"}
_STRONG = {"b", "strong"}
_SPACE = {"eol", "eop", "br"}
_DROPPED = {"noteRef", "img", "marker", "componentRef"}
_TERM_ID = re.compile(r"[^a-z0-9]+")
_LINKS = {"a", "rref", "dref"}


@dataclass(frozen=True)
class Target:
    article: str  # stable id (of an article, or of an annex when kind is "annex")
    paragraph: str | None  # paragraph number, None for the article itself
    exact: bool = True  # False: the reference named a point or a smaller part, narrowed to its paragraph
    kind: str = "article"


@dataclass
class InlineReader:
    path: str
    diags: Diagnostics
    work_uri: str = ""
    targets: dict[str, Target] = field(default_factory=dict)  # eId -> target
    notes: int = 0  # footnotes read so far, for labels when a marker is not one
    defined: set[str] | None = None  # the ids of the terms the document defines (None: not known, keep every term)

    def define_from(self, document: etree._Element) -> None:
        """Learn which terms the document defines, so a term used without a definition stays plain text."""
        self.defined = {term_id(element) for element in document.iter(f"{{{NS}}}def")}

    def report(self, element: etree._Element, code: str, message: str) -> None:
        self.diags.warning(self.path, element.sourceline or 1, code, message)

    # -- blocks -------------------------------------------------------------------------

    def block(self, element: etree._Element) -> InlineSeq:
        """One block of text (``p``, ``num``, ``heading``...), whitespace normalised."""
        return normalise(self.inlines(element), strip=True)

    def plain(self, element: etree._Element | None) -> str:
        if element is None:
            return ""
        return _BREAK.sub(" ", "".join(element.itertext())).strip()

    # -- inline ---------------------------------------------------------------------------

    def inlines(self, element: etree._Element) -> list[Inline]:
        out: list[Inline] = []
        if element.text:
            out.append(Text(element.text))
        for child in element:
            if isinstance(child.tag, str):
                out.extend(self.inline(child))
            elif child.tag is etree.Entity:
                self.report(element, "I701", f"entity reference {child.text} not expanded; kept as text")
                out.append(Text(str(child.text)))
            if child.tail:
                out.append(Text(child.tail))
        return out

    def inline(self, element: etree._Element) -> list[Inline]:
        name = local(element)
        if namespace(element) != NS:
            self.report(element, "I710", f"vendor element <{name}> ({namespace(element) or 'no namespace'}): kept as plain text")
            return self.inlines(element)
        if name in _EMPHASIS:
            return [Emphasis(normalise(self.inlines(element)))]
        if name in _STRONG:
            return [Strong(normalise(self.inlines(element)))]
        if name in _SPACE:
            return [Text(" ")]
        if name == "ref":
            return self.ref(element)
        if name == "mref":
            return self.inlines(element)
        if name == "authorialNote":
            return [self.note(element)]
        if name in ("def", "term"):
            return [self.term(element, name == "def")]
        if name in _DROPPED:
            self.report(element, "I701", f"<{name}> not imported (images and markers have no place in the source format)")
            return []
        if name in _LINKS:
            self.report(element, "I707", f"<{name}> to '{element.get('href') or element.get('from', '')}' kept as plain text")
            return self.inlines(element)
        self.report(element, "I708", f"inline <{name}> kept as plain text")
        return self.inlines(element)

    def note(self, element: etree._Element) -> Note:
        self.notes += 1
        marker = element.get("marker", "")
        label = marker if re.fullmatch(r"[A-Za-z0-9]{1,8}", marker) else str(self.notes)
        text: list[Inline] = []
        for child in element.iterchildren(etree.Element):
            block = self.block(child)
            if block:
                text.extend([Text(" "), *block] if text else block)
        if element.text and element.text.strip():
            text[:0] = [Text(element.text)]
        return Note(label, normalise(text, strip=True), Loc(self.path, element.sourceline or 1))

    def term(self, element: etree._Element, defining: bool) -> Term | Text:
        ident = term_id(element)
        if not defining and self.defined is not None and ident not in self.defined:
            self.report(element, "I708", f"<term> '{self.plain(element)[:40]}' kept as plain text: the document "
                        "defines no such term (no <def> for it)")
            return Text(self.plain(element))
        children = normalise(self.inlines(element))
        return Term(ident, children, Loc(self.path, element.sourceline or 1), defining)

    def ref(self, element: etree._Element) -> list[Inline]:
        href = element.get("href", "")
        children = normalise(self.inlines(element))
        target = self.resolve(href)
        if target is None:
            self.report(element, "I707", f"reference to '{href}' (outside this act's articles) kept as plain text")
            return list(children)
        if not target.exact:
            self.report(element, "I707", f"reference to '{href}' narrowed to its "
                        f"{'paragraph' if target.paragraph else 'article'} (the source format refers to articles and paragraphs)")
        return [Ref(target.article, target.paragraph, children, Loc(self.path, element.sourceline or 1), target.kind)]

    def resolve(self, href: str) -> Target | None:
        if href.startswith("#"):
            return self.targets.get(href[1:])
        base, _, portion = href.partition("~")
        if portion and self.work_uri and base.startswith(self.work_uri):
            return self.targets.get(portion.split(".")[0])
        return None


def term_id(element: etree._Element) -> str:
    """The id a ``def`` or ``term`` element's term gets: its ``refersTo``, else its text, as a slug."""
    target = element.get("refersTo", "").lstrip("#") or "".join(element.itertext())
    ident = _TERM_ID.sub("-", target.lower()).strip("-")
    if not ident or not ident[0].isalpha():
        ident = f"term-{ident}" if ident else f"term-{element.sourceline or 0}"
    return ident


def normalise(nodes: list[Inline] | InlineSeq, strip: bool = False) -> InlineSeq:
    """Merge adjacent text, turn line breaks (from pretty-printed XML) into one space, trim the block's ends."""
    merged: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text):
            value = _BREAK.sub("\x00", node.value)
            if merged and isinstance(merged[-1], Text):
                value = merged.pop().value + value  # type: ignore[union-attr]
            merged.append(Text(value))
        else:
            merged.append(node)
    merged = [Text(_SENTINEL.sub(" ", n.value)) if isinstance(n, Text) else n for n in merged]
    if strip and merged:
        if isinstance(merged[0], Text):
            merged[0] = Text(merged[0].value.lstrip())
        if isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].value.rstrip())
    return tuple(node for node in merged if not (isinstance(node, Text) and not node.value))


def join(first: InlineSeq, second: InlineSeq) -> InlineSeq:
    """Two blocks of text as one, separated by a space."""
    if not first:
        return second
    if not second:
        return first
    return normalise([*first, Text(" "), *second], strip=True)
