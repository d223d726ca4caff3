"""References from one act of the repository to another (``constitution:art:ID``): the act and the unit exist,
and the text names the unit's current number; no two acts share an FRBR URI."""

from __future__ import annotations

from drafting.checks.references import number_in_text
from drafting.diagnostics import Diagnostics
from drafting.model import Work, iter_refs
from drafting.source.actindex import ActIndex, OutRef, index_of, outgoing


def check_cross_references(works: dict[str, Work], diags: dict[str, Diagnostics]) -> None:
    """Each work's findings go to its own ``diags[short]``."""
    indexes = {short: index_of(work) for short, work in works.items()}
    check_identities(indexes, diags)
    for short, work in works.items():
        check_outgoing(tuple(ref for ref in outgoing(work) if not _amended(work, ref.work)), indexes, diags[short])


def check_identities(indexes: dict[str, ActIndex], diags: dict[str, Diagnostics]) -> None:
    """A411: no two acts with one FRBR URI (the first listed keeps it)."""
    uris: dict[str, str] = {}
    for short, index in indexes.items():
        if index.uri in uris:
            diags[short].error(index.path, 1, "A411",
                               f"the FRBR URI {index.uri} is also the act '{uris[index.uri]}': country, type, date "
                               "and number make an act's identity")
        uris.setdefault(index.uri, short)


def check_outgoing(refs: tuple[OutRef, ...], indexes: dict[str, ActIndex], diags: Diagnostics) -> None:
    """One act's references to others, against the other acts' indexes."""
    for ref in refs:
        _check(ref, indexes, diags)


def check_unresolved(work: Work, diags: Diagnostics) -> None:
    """A work read without its repository: references to other acts cannot be checked (R507, a warning)."""
    for expression in work.expressions.values():
        for seq in expression.inline_sequences():
            for ref in iter_refs(seq):
                if ref.work is not None and not _amended(work, ref.work):
                    diags.warning(ref.loc.path, ref.loc.line, "R507",
                                  f"reference to the act '{ref.work}' not checked: no drafting.yaml names the "
                                  "repository's acts", ref.loc.column)


def _amended(work: Work, other: str | None) -> bool:
    """A link of an amending act to the act it amends names a unit of the version amended (its numbers are
    OLD's), not of the act as it stands: ``consolidate`` checks it against that version (docs/amend.md)."""
    return work.meta.amends is not None and other == work.meta.amends.work


def _check(ref: OutRef, works: dict[str, ActIndex], diags: Diagnostics) -> None:
    loc = ref.loc
    other = works.get(ref.work)
    if other is None:
        known = ", ".join(sorted(works)) or "none"
        diags.error(loc.path, loc.line, "R501", f"reference to unknown act '{ref.work}' (the repository's acts: "
                                                f"{known})", loc.column)
        return
    text = ref.text
    if ref.kind == "container":
        diags.error(loc.path, loc.line, "R501", f"reference to the container '{ref.target}' of '{ref.work}': only "
                                                "an amending act names a container (to restate its heading)", loc.column)
        return
    if ref.kind == "annex":
        annex = other.annexes.get(ref.target)
        if annex is None:
            diags.error(loc.path, loc.line, "R501", f"reference to unknown annex id '{ref.target}' of '{ref.work}'",
                        loc.column)
        elif text and not number_in_text(annex, text):
            diags.error(loc.path, loc.line, "R504", f"reference text '{text}' does not name annex {annex} of "
                                                    f"'{ref.work}', the current number of '{ref.target}'", loc.column)
        return
    article = other.articles.get(ref.target)
    if article is None:
        diags.error(loc.path, loc.line, "R501", f"reference to unknown article id '{ref.target}' of '{ref.work}'",
                    loc.column)
        return
    number, paragraphs = article
    if ref.paragraph is not None and ref.paragraph not in paragraphs:
        diags.error(loc.path, loc.line, "R502", f"reference to paragraph {ref.paragraph} of article {number} of "
                                                f"'{ref.work}', which has no such paragraph", loc.column)
    if text and not number_in_text(number, text):
        diags.error(loc.path, loc.line, "R504", f"reference text '{text}' does not name article {number} of "
                                                f"'{ref.work}', the current number of '{ref.target}'", loc.column)
    if text and ref.paragraph is not None and not number_in_text(ref.paragraph, text):
        diags.error(loc.path, loc.line, "R504", f"reference text '{text}' does not name paragraph {ref.paragraph}",
                    loc.column)
