"""References from one act of the repository to another (``constitution:art:ID``): the act and the unit exist,
and the text names the unit's current number; no two acts share an FRBR URI."""

from __future__ import annotations

from drafting.akn.uri import work_uri
from drafting.checks.references import number_in_text
from drafting.diagnostics import Diagnostics
from drafting.model import Ref, Work, iter_refs, plain_text


def check_cross_references(works: dict[str, Work], diags: dict[str, Diagnostics]) -> None:
    """Each work's findings go to its own ``diags[short]``."""
    uris: dict[str, str] = {}
    for short, work in works.items():
        uri = work_uri(work.meta)
        if uri in uris:
            diags[short].error(work.meta.loc.path, 1, "A411",
                               f"the FRBR URI {uri} is also the act '{uris[uri]}': country, type, date and number "
                               "make an act's identity")
        uris.setdefault(uri, short)
    for short, work in works.items():
        for expression in work.expressions.values():
            for seq in expression.inline_sequences():
                for ref in iter_refs(seq):
                    if ref.work is not None:
                        _check(ref, works, diags[short])


def check_unresolved(work: Work, diags: Diagnostics) -> None:
    """A work read without its repository: references to other acts cannot be checked (R507, a warning)."""
    for expression in work.expressions.values():
        for seq in expression.inline_sequences():
            for ref in iter_refs(seq):
                if ref.work is not None:
                    diags.warning(ref.loc.path, ref.loc.line, "R507",
                                  f"reference to the act '{ref.work}' not checked: no drafting.yaml names the "
                                  "repository's acts", ref.loc.column)


def _check(ref: Ref, works: dict[str, Work], diags: Diagnostics) -> None:
    loc = ref.loc
    other = works.get(ref.work or "")
    if other is None:
        known = ", ".join(sorted(works)) or "none"
        diags.error(loc.path, loc.line, "R501", f"reference to unknown act '{ref.work}' (the repository's acts: "
                                                f"{known})", loc.column)
        return
    expression = other.expression(other.meta.codes[0])
    text = plain_text(ref.children)
    if ref.kind == "annex":
        annex = expression.annex_by_id().get(ref.target)
        if annex is None:
            diags.error(loc.path, loc.line, "R501", f"reference to unknown annex id '{ref.target}' of '{ref.work}'",
                        loc.column)
        elif text and not number_in_text(annex.num, text):
            diags.error(loc.path, loc.line, "R504", f"reference text '{text}' does not name annex {annex.num} of "
                                                    f"'{ref.work}', the current number of '{annex.id}'", loc.column)
        return
    article = expression.article_by_id().get(ref.target)
    if article is None:
        diags.error(loc.path, loc.line, "R501", f"reference to unknown article id '{ref.target}' of '{ref.work}'",
                    loc.column)
        return
    if ref.paragraph is not None and ref.paragraph not in {p.num for p in article.paragraphs}:
        diags.error(loc.path, loc.line, "R502", f"reference to paragraph {ref.paragraph} of article {article.num} of "
                                                f"'{ref.work}', which has no such paragraph", loc.column)
    if text and not number_in_text(article.num, text):
        diags.error(loc.path, loc.line, "R504", f"reference text '{text}' does not name article {article.num} of "
                                                f"'{ref.work}', the current number of '{article.id}'", loc.column)
    if text and ref.paragraph is not None and not number_in_text(ref.paragraph, text):
        diags.error(loc.path, loc.line, "R504", f"reference text '{text}' does not name paragraph {ref.paragraph}",
                    loc.column)
