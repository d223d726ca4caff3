"""Cross-references and defined terms: every target exists, and the text names the target's current number;
every term used is defined once, in every language."""

from __future__ import annotations

import re

from drafting.diagnostics import Diagnostics
from drafting.model import Annex, Article, InlineSeq, Ref, Term, Work, iter_inline, iter_refs, plain_text
from drafting.numbering import NUMBER_RE, numbers_in_text


def number_in_text(number: str, text: str) -> bool:
    if NUMBER_RE.match(number):
        return number in numbers_in_text(text)
    return re.search(rf"(?<![\w-]){re.escape(number)}(?![\w]|-\d)", text) is not None  # 9A, IV, b


def check_references(work: Work, diags: Diagnostics) -> None:
    everywhere: dict[str, Article] = {}
    annexes: dict[str, Annex] = {}
    for expression in work.expressions.values():
        for article in expression.articles():
            everywhere.setdefault(article.id, article)
        for annex in expression.annexes:
            annexes.setdefault(annex.id, annex)
    for expression in work.expressions.values():
        own = expression.article_by_id()
        own_annexes = expression.annex_by_id()
        sequences = expression.inline_sequences()
        for seq in sequences:
            for ref in iter_refs(seq):
                if ref.work is not None:
                    continue  # another act's: drafting.checks.crossrefs, with the repository's works
                if ref.kind == "annex":
                    _check_annex(ref, own_annexes.get(ref.target) or annexes.get(ref.target), diags)
                else:
                    _check(ref, own.get(ref.target) or everywhere.get(ref.target), diags)
        _check_terms(sequences, diags)


def _check_terms(sequences: list[InlineSeq], diags: Diagnostics) -> None:
    """R505: a term used but not defined in this language; R506: a term defined twice."""
    terms = [node for seq in sequences for node in iter_inline(seq) if isinstance(node, Term)]
    defined: dict[str, Term] = {}
    for term in terms:
        if term.defining:
            if term.id in defined:
                first = defined[term.id].loc
                diags.error(term.loc.path, term.loc.line, "R506",
                            f"term '{term.id}' is defined twice (first at {first.path}:{first.line})", term.loc.column)
            defined.setdefault(term.id, term)
    for term in terms:
        if not term.defining and term.id not in defined:
            diags.error(term.loc.path, term.loc.line, "R505",
                        f"term '{term.id}' is used but not defined: write [the term](def:{term.id}) where it is "
                        "defined", term.loc.column)


def _check_annex(ref: Ref, target: Annex | None, diags: Diagnostics) -> None:
    loc = ref.loc
    if target is None:
        diags.error(loc.path, loc.line, "R501", f"reference to unknown annex id '{ref.target}'", loc.column)
        return
    text = plain_text(ref.children)
    if text and not number_in_text(target.num, text):
        diags.error(loc.path, loc.line, "R504",
                    f"reference text '{text}' does not name annex {target.num}, the current number of '{target.id}'",
                    loc.column)


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
