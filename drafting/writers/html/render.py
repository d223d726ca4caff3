"""Inline nodes to HTML: one render method per node type, every text escaped.

Block structure (sections, articles, paragraphs, points) is in the jinja2
templates; inline content is recursive and lives here. A source's raw HTML is
plain text by the time it reaches the model, and ``escape`` keeps it so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from markupsafe import Markup, escape

from drafting.writers.html.joins import join_numbers
from drafting.eids import Identifiers, unit_eid
from drafting.source.library import resolve_other
from drafting.model import Annex, Article, Emphasis, Inline, InlineSeq, Note, Ref, Strong, Term, Text, Work


@dataclass
class InlineRenderer:
    """Renders inline sequences of one language.

    ``links`` off renders cross-references as text (the print-shop PDF carries no
    link annotations); ``page`` is the file the anchors live in ("" = this page).
    """

    work: Work
    lang: str
    links: bool = True
    joins: bool = False  # print: numbers kept with their words (drafting/writers/html/joins.py)
    others: dict[str, Work] = field(default_factory=dict)  # the repository's other acts, by short name
    other_page: str = "../../{work}/html/{lang}.html"

    def __post_init__(self) -> None:
        expression = self.work.expression(self.lang)
        self.articles: dict[str, Article] = expression.article_by_id()
        self.annexes: dict[str, tuple[int, Annex]] = {a.id: (i, a) for i, a in enumerate(expression.annexes, start=1)}
        self.ids = Identifiers(expression, self.work.profile)
        self.notes = 0
        self.pending: list[tuple[int, Markup]] = []
        self._by_type: dict[type, Callable[[Inline], Markup]] = {
            Text: self.render_text,  # type: ignore[dict-item]
            Emphasis: self.render_emphasis,  # type: ignore[dict-item]
            Strong: self.render_strong,  # type: ignore[dict-item]
            Ref: self.render_ref,  # type: ignore[dict-item]
            Note: self.render_note,  # type: ignore[dict-item]
            Term: self.render_term,  # type: ignore[dict-item]
        }

    def __call__(self, seq: InlineSeq) -> Markup:
        return Markup("").join(self._by_type[type(node)](node) for node in seq)

    @property
    def tie(self) -> str:
        """What follows a paragraph's or point's number: a no-break space in print."""
        return "\u00a0" if self.joins else " "

    def render_text(self, node: Text) -> Markup:
        return join_numbers(node.value, self.lang) if self.joins else escape(node.value)

    def render_emphasis(self, node: Emphasis) -> Markup:
        return Markup("<em>%s</em>") % self(node.children)

    def render_strong(self, node: Strong) -> Markup:
        return Markup("<strong>%s</strong>") % self(node.children)

    def render_note(self, node: Note) -> Markup:
        """A footnote mark; the note's text waits in ``pending`` for the end of its article (``take_notes``)."""
        self.notes += 1
        self.pending.append((self.notes, self(node.children)))
        if not self.links:
            return Markup('<sup class="note-mark">%d</sup>') % self.notes
        return Markup('<sup class="note-mark" id="note-mark-%d"><a href="#note-%d">%d</a></sup>') % (
            self.notes, self.notes, self.notes)

    def take_notes(self) -> list[tuple[int, Markup]]:
        taken, self.pending = self.pending, []
        return taken

    def render_term(self, node: Term) -> Markup:
        text = self(node.children)
        if node.defining:
            return Markup('<dfn class="term" id="term-%s">%s</dfn>') % (node.id, text)
        if not self.links:
            return Markup('<span class="term">%s</span>') % text
        return Markup('<a class="term" href="#term-%s">%s</a>') % (node.id, text)

    def render_ref(self, node: Ref) -> Markup:
        if node.work is not None:
            other = resolve_other(self.others, node)
            text = self(node.children) if node.children else escape(other[2](self.lang) if other else node.target)
            if other is None or not self.links:
                return Markup('<span class="ref">%s</span>') % text
            page = self.other_page.format(work=node.work, lang=self.lang)
            return Markup('<a class="ref other-act" href="%s#%s">%s</a>') % (page, other[1], text)
        if node.kind == "annex":
            found = self.annexes.get(node.target)
            text = self(node.children) if node.children else escape(self.ref_label(node))
            if found is None or not self.links:
                return Markup('<span class="ref">%s</span>') % text
            return Markup('<a class="ref" href="#att_%d">%s</a>') % (found[0], text)
        target = self.articles.get(node.target)
        text = self(node.children) if node.children else escape(self.ref_label(node))
        if target is None or not self.links:
            return Markup('<span class="ref">%s</span>') % text
        anchor = self.ids.article(target)
        if node.paragraph:
            anchor = unit_eid(anchor, self.work.profile.paragraph_level.element, node.paragraph, 1)
        return Markup('<a class="ref" href="#%s">%s</a>') % (anchor, text)

    def ref_label(self, node: Ref) -> str:
        """The text of an empty reference: the target's label in this language."""
        if node.kind == "annex":
            found = self.annexes.get(node.target)
            return self.work.profile.level_label(self.lang, "annex", found[1].num if found else node.target)
        target = self.articles.get(node.target)
        number = target.num if target else node.target
        if node.paragraph:
            return self.work.profile.label(self.lang, "paragraph_of_article", n=number, p=node.paragraph)
        return self.work.profile.label(self.lang, "article", n=number)
