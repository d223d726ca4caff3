"""The numbers inside cross-reference texts, rewritten when their targets are renumbered.

A reference names its target by stable id, and its text names the target's
number in the drafter's own grammar (``[статьей 5](art:x)``, ``[5-бапқа](art:x)``).
When article ``x`` becomes 6, only the digits change: ``[статьей 6](art:x)``.
A paragraph reference (``art:x/2``) names the paragraph too; when the paragraph
and the article have the same number, the language's label tells which comes
first. A text that names the old number not once, or ambiguously, is left as it
is and reported, never guessed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Protocol, Sequence

from drafting.model import Article, Work, iter_refs
from drafting.numbering import NUMBER_TOKEN
from drafting.profile import DEFAULT_LABELS, Profile
from drafting.source.sourcetext import Link, SourceText
from drafting.source.yamldoc import split_front_matter


class ArticleGroup(Protocol):
    """One article in every language, with its new number (what renumbering plans; no import of it here)."""

    @property
    def id(self) -> str: ...
    @property
    def new_num(self) -> str: ...
    @property
    def versions(self) -> Mapping[str, Article]: ...
    @property
    def paths(self) -> Mapping[str, str]: ...


class Plan(Protocol):
    """The parts of a renumbering plan the rewrite reads and fills."""

    root: Path
    texts: dict[str, SourceText]
    notes: list[str]

    @property
    def groups(self) -> Sequence[ArticleGroup]: ...


def article_first(profile: Profile, lang: str) -> bool:
    """Whether the language's label names the article before the paragraph ('paragraph 2 of Article 5': no)."""
    template = profile.labels.get(lang, {}).get("paragraph_of_article") or DEFAULT_LABELS["paragraph_of_article"]
    return template.find("{n}") < template.find("{p}")

ParaMaps = dict[str, dict[str, dict[str, "str | None"]]]


def number_edits(text: str, article: tuple[str, str], paragraph: tuple[str, str] | None,
                 art_first: bool) -> tuple[list[tuple[int, int, str]], str | None]:
    """Edits (start, end, digits) inside a link text, or a problem that stops them.

    ``article`` and ``paragraph`` are (old, new) numbers.
    """
    art_old, art_new = article
    para_old, para_new = paragraph if paragraph else (None, None)
    if not text.strip() or (art_old == art_new and para_old == para_new):
        return [], None
    tokens = [(m.start(), m.end(), m.group()) for m in NUMBER_TOKEN.finditer(text)]
    art_hits = [t for t in tokens if t[2] == art_old]
    if para_old is None or para_new is None:
        if len(art_hits) == 1:
            return [(art_hits[0][0], art_hits[0][1], art_new)], None
        return [], _unclear(art_hits, f"article {art_old}")
    if art_old == para_old:
        if len(art_hits) == 2:
            first, second = art_hits if art_first else art_hits[::-1]
            return [(first[0], first[1], art_new), (second[0], second[1], para_new)], None
        if len(art_hits) == 1 and art_new == para_new:
            return [(art_hits[0][0], art_hits[0][1], art_new)], None
        return [], f"cannot tell article {art_old} from paragraph {para_old}"
    edits = []
    for (old, new), hits, what in (((art_old, art_new), art_hits, "article"),
                                   ((para_old, para_new), [t for t in tokens if t[2] == para_old], "paragraph")):
        if old == new:
            continue
        if len(hits) != 1:
            return [], _unclear(hits, f"{what} {old}")
        edits.append((hits[0][0], hits[0][1], new))
    return edits, None


def _unclear(hits: list[tuple[int, int, str]], what: str) -> str:
    return f"does not name {what}" if not hits else f"names {what} {len(hits)} times"


def rewrite_references(plan: Plan, work: Work, rel_of: dict[str, str], decoded: dict[str, str],
                       para_maps: ParaMaps) -> int:
    """Rewrite every reference in every article and preamble file; return how many changed."""
    by_id = {group.id: group for group in plan.groups}
    files: list[tuple[str, str, int]] = []  # (relative path, language, model reference count)
    for group in plan.groups:
        for lang, article in group.versions.items():
            files.append((group.paths[lang], lang, len([r for r in article.refs() if r.kind == "article" and r.work is None])))
    for lang, expression in work.expressions.items():
        if expression.preamble is not None:
            count = sum(1 for seq in expression.preamble.paragraphs for r in iter_refs(seq) if r.kind == "article" and r.work is None)
            files.append((rel_of[expression.preamble.loc.path], lang, count))
    rewritten = 0
    for rel, lang, expected in files:
        text = plan.texts.get(rel) or SourceText.read(plan.root, rel)
        _, _, body_line = split_front_matter(decoded[rel])
        links = list(text.links(body_line, work.profile))
        if len(links) != expected:
            plan.notes.append(f"{plan.root / rel}: found {len(links)} references in the text but the reader "
                              f"found {expected}; check the references of this file by hand")
        before = len(text.edits)
        for link in links:
            target = by_id.get(link.target)
            if target is not None:
                rewritten += _rewrite(plan, text, link, target, lang, para_maps, article_first(work.profile, lang))
        if len(text.edits) > before:
            plan.texts[rel] = text
    return rewritten


def _rewrite(plan: Plan, text: SourceText, link: Link, target: ArticleGroup, lang: str,
             para_maps: ParaMaps, art_first: bool) -> int:
    version = target.versions.get(lang) or next(iter(target.versions.values()))
    paragraph: tuple[str, str] | None = None
    where = f"{plan.root / text.rel}:{text.raw.count(chr(10), 0, link.text_start) + 1}"
    if link.paragraph is not None:
        new_para = link.paragraph
        mapping = para_maps.get(target.id, {}).get(lang)
        if mapping is not None:
            mapped = mapping.get(link.paragraph, link.paragraph)
            if mapped is None:
                plan.notes.append(f"{where}: article '{target.id}' has two paragraphs {link.paragraph}: "
                                  "the reference is left as it is")
            else:
                new_para = mapped
        paragraph = (link.paragraph, new_para)
    edits, problem = number_edits(link.text, (version.num, target.new_num), paragraph, art_first)
    if problem:
        plan.notes.append(f"{where}: reference text '{link.text}' {problem}: left as it is, rewrite it by hand")
        return 0
    for start, end, digits in edits:
        text.replace(link.text_start + start, link.text_start + end, digits)
    if paragraph and paragraph[0] != paragraph[1]:
        text.replace(link.para_start, link.href_end, paragraph[1])
    return 1 if edits or (paragraph and paragraph[0] != paragraph[1]) else 0


rewrite_link = _rewrite  # one link's text and paragraph, for the references of other acts (tools/crossrenumber.py)
