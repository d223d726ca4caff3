"""Inline nodes to HTML: one render method per node type, every text escaped.

Block structure (sections, articles, paragraphs, points) is in the jinja2
templates; inline content is recursive and lives here. A source's raw HTML is
plain text by the time it reaches the model, and ``escape`` keeps it so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup, escape

from drafting.writers.html.joins import join_numbers
from drafting.eids import article_eid, paragraph_eid
from drafting.model import Article, Emphasis, Inline, InlineSeq, Ref, Strong, Text, Work


@dataclass
class InlineRenderer:
    """Renders inline sequences of one language.

    ``links`` off renders cross-references as text (the print-shop PDF carries no
    link annotations); ``joins`` on (print) keeps numbers with their words; ``page`` is the file the anchors live in ("" = this page).
    """

    work: Work
    lang: str
    links: bool = True
    joins: bool = False  # print: numbers kept with their words (drafting/writers/html/joins.py)

    def __post_init__(self) -> None:
        self.articles: dict[str, Article] = self.work.expression(self.lang).article_by_id()
        self._by_type: dict[type, Callable[[Inline], Markup]] = {
            Text: self.render_text,  # type: ignore[dict-item]
            Emphasis: self.render_emphasis,  # type: ignore[dict-item]
            Strong: self.render_strong,  # type: ignore[dict-item]
            Ref: self.render_ref,  # type: ignore[dict-item]
        }

    def __call__(self, seq: InlineSeq) -> Markup:
        return Markup("").join(self._by_type[type(node)](node) for node in seq)

    def render_text(self, node: Text) -> Markup:
        return join_numbers(node.value, self.lang) if self.joins else escape(node.value)

    def render_emphasis(self, node: Emphasis) -> Markup:
        return Markup("<em>%s</em>") % self(node.children)

    def render_strong(self, node: Strong) -> Markup:
        return Markup("<strong>%s</strong>") % self(node.children)

    def render_ref(self, node: Ref) -> Markup:
        target = self.articles.get(node.target)
        text = self(node.children) if node.children else escape(self.ref_label(node))
        if target is None or not self.links:
            return Markup('<span class="ref">%s</span>') % text
        anchor = paragraph_eid(target, node.paragraph) if node.paragraph else article_eid(target)
        return Markup('<a class="ref" href="#%s">%s</a>') % (anchor, text)

    def ref_label(self, node: Ref) -> str:
        """The text of an empty reference: the target's label in this language."""
        target = self.articles.get(node.target)
        number = target.num if target else node.target
        if node.paragraph:
            return self.work.profile.label(self.lang, "paragraph_of_article", n=number, p=node.paragraph)
        return self.work.profile.label(self.lang, "article", n=number)
