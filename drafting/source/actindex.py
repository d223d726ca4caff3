"""What the other acts of a repository need to know of one act, and what it asks of them.

Checking a reference to another act (``constitution:art:ID/5``) needs only the target
act's identity (its FRBR work URI) and, for each article and annex, its stable id,
current number and paragraph numbers: an ``ActIndex``. What an act refers to is its
list of ``OutRef``. Both are small and plain, so that a check of a whole repository
keeps them (in memory and in the project's cache) instead of every act's model.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafting.akn.uri import work_uri
from drafting.model import Loc, Work, iter_refs, plain_text


@dataclass(frozen=True)
class ActIndex:
    uri: str  # the FRBR work URI: two acts with one URI are one act twice (A411)
    path: str  # its work.yaml as shown in diagnostics
    articles: dict[str, tuple[str, frozenset[str]]]  # stable id -> (number, its paragraphs' numbers)
    annexes: dict[str, str]  # stable id -> number


@dataclass(frozen=True)
class OutRef:
    """A reference to another act (``ref.work`` set), as the check of it needs it."""

    work: str
    kind: str  # "article" or "annex"
    target: str
    paragraph: str | None
    text: str  # the reference's text, plain
    loc: Loc


def index_of(work: Work) -> ActIndex:
    """The act's index from its first language (ids and numbers are the same in every language, A406)."""
    expression = work.expression(work.meta.codes[0])
    articles = {article.id: (article.num, frozenset(p.num for p in article.paragraphs if p.num is not None))
                for article in expression.articles()}  # of two with one id, the last, as article_by_id (A404 says so)
    annexes = {annex.id: annex.num for annex in expression.annexes}
    return ActIndex(work_uri(work.meta), work.meta.loc.path, articles, annexes)


def outgoing(work: Work) -> tuple[OutRef, ...]:
    """Every reference of the act to another act, in every language, in document order."""
    found = []
    for expression in work.expressions.values():
        for seq in expression.inline_sequences():
            for ref in iter_refs(seq):
                if ref.work is not None:
                    found.append(OutRef(ref.work, ref.kind, ref.target, ref.paragraph, plain_text(ref.children),
                                        ref.loc))
    return tuple(found)
