"""Cross-references: every target exists, and the text names the target's current number."""

from __future__ import annotations


from drafting.diagnostics import Diagnostics
from drafting.model import Article, Ref, Work, iter_refs, plain_text
from drafting.numbering import numbers_in_text


def number_in_text(number: str, text: str) -> bool:
    return number in numbers_in_text(text)


def check_references(work: Work, diags: Diagnostics) -> None:
    everywhere: dict[str, Article] = {}
    for expression in work.expressions.values():
        for article in expression.articles():
            everywhere.setdefault(article.id, article)
    for expression in work.expressions.values():
        own = expression.article_by_id()
        for article in expression.articles():
            for ref in article.refs():
                _check(ref, own.get(ref.target) or everywhere.get(ref.target), diags)
        if expression.preamble:
            for seq in expression.preamble.paragraphs:
                for ref in iter_refs(seq):
                    _check(ref, own.get(ref.target) or everywhere.get(ref.target), diags)


def _check(ref: Ref, target: Article | None, diags: Diagnostics) -> None:
    loc = ref.loc
    if target is None:
        diags.error(loc.path, loc.line, "R501", f"reference to unknown article id '{ref.target}'", loc.column)
        return
    if ref.paragraph is not None and ref.paragraph not in {p.num for p in target.paragraphs}:
        diags.error(loc.path, loc.line, "R502",
                    f"reference to paragraph {ref.paragraph} of article {target.num} ('{target.id}'), which has no such paragraph",
                    loc.column)
    text = plain_text(ref.children)
    if text and not number_in_text(target.num, text):
        diags.error(loc.path, loc.line, "R504",
                    f"reference text '{text}' does not name article {target.num}, the current number of '{target.id}'",
                    loc.column)
    if text and ref.paragraph is not None and not number_in_text(ref.paragraph, text):
        diags.error(loc.path, loc.line, "R504",
                    f"reference text '{text}' does not name paragraph {ref.paragraph}", loc.column)
