"""Renumbering one act of a repository rewrites the references to it in every other act, in every language.

The other acts (``drafting.yaml`` above the renumbered act) are read; in each of their
article, annex and preamble files, every link to the renumbered act
(``SHORT:art:ID``, ``SHORT:art:ID/PARA``) is found through the reader's own
markdown-it parse (``linkspans``) and its text's numbers rewritten as a reference
inside the act is (``reftext``): only the digits change, and a text that does not
name the old number once is left as it is and reported. The edits join the plan,
so the whole change, every act's files included, is applied all or nothing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from drafting.model import Annex, Article, Work, iter_refs
from drafting.source.library import find_root, read_library
from drafting.source.linkspans import find_links
from drafting.source.markup import body_tokens
from drafting.source.reader import read_tree
from drafting.source.reftext import ArticleGroup, ParaMaps, Plan, article_first, rewrite_link
from drafting.source.sourcetext import Link, SourceText
from drafting.source.tree import FileTree
from drafting.source.yamldoc import split_front_matter


def rewrite_other_acts(plan: Plan, work: Work, para_maps: ParaMaps) -> int:
    """Rewrite the references of the repository's other acts to the act at ``plan.root``; how many changed."""
    root = find_root(plan.root)
    if root is None:
        return 0
    library = read_library(root)
    me = plan.root.resolve()
    mine = next((short for short, folder in library.works.items() if folder.resolve() == me), None)
    if mine is None:
        return 0
    by_id = {group.id: group for group in plan.groups}
    href = re.compile(rf"{re.escape(mine)}:art:([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?:/([0-9A-Za-z-]+))?")
    rewritten = 0
    for short, folder in library.works.items():
        if short == mine:
            continue
        other = read_tree(FileTree(folder)).work
        if other is None:
            plan.notes.append(f"{folder}: not read (see 'drafting check'); its references to '{mine}' are left "
                              "as they are")
            continue
        for lang, path in _files_referring(other, mine):
            rel = os.path.relpath(path, plan.root)
            text = plan.texts.get(rel) or SourceText.read(plan.root, rel)
            changed = _rewrite_file(plan, text, href, by_id, lang, para_maps, article_first(other.profile, lang),
                                    other)
            if changed:
                rewritten += changed
                plan.texts[rel] = text
    return rewritten


def _files_referring(work: Work, short: str) -> list[tuple[str, Path]]:
    """(language, file) of every file of ``work`` with a reference to the act ``short``, in order."""
    found: dict[str, str] = {}
    for lang, expression in work.expressions.items():
        units: list[Article | Annex] = [*expression.articles(), *expression.annexes]
        for unit in units:
            if any(ref.work == short for para in unit.paragraphs for seq in para.inlines() for ref in iter_refs(seq)):
                found.setdefault(unit.loc.path, lang)
        preamble = expression.preamble
        if preamble is not None and any(ref.work == short for seq in preamble.paragraphs for ref in iter_refs(seq)):
            found.setdefault(preamble.loc.path, lang)
    return [(lang, Path(path)) for path, lang in found.items()]


def _rewrite_file(plan: Plan, text: SourceText, href: re.Pattern[str], by_id: dict[str, ArticleGroup], lang: str,
                  para_maps: ParaMaps, art_first: bool, work: Work) -> int:
    decoded = text.raw.removeprefix("\ufeff").replace("\r\n", "\n")
    _, body, body_line = split_front_matter(decoded)
    changed = 0

    def line_text(number: int) -> tuple[int, str]:
        start, end = text.line_span(number)
        return start, text.raw[start:end]

    for span in find_links(body_tokens(body, work.profile), body_line, line_text):
        if span is None:
            continue
        match = href.fullmatch(span.href)
        target = by_id.get(match.group(1)) if match else None
        if match is None or target is None:
            continue
        paragraph = match.group(2)
        link = Link(text.raw[span.text_start:span.text_end], span.text_start, span.href_start, span.href_end,
                    match.group(1), paragraph, span.href_end - len(paragraph) if paragraph else span.href_end)
        changed += rewrite_link(plan, text, link, target, lang, para_maps, art_first)
    return changed
