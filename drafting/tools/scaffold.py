"""New articles and sections: files in every language with a fresh stable id and TODO text.

The new files are placed by their order key (an article after 57 in its
section becomes ``057a-slug``; a section after IV shifts the folders after it),
then the tree is renumbered, so the new article takes its number and every
article after it, with every reference to them, moves up by one. The TODO text
is flagged by ``drafting check`` (warning M602; ``--strict`` makes it fatal)
until it is written.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from drafting.diagnostics import DraftingError
from drafting.numbering import to_roman
from drafting.source.reader import ARTICLE_RE, SECTION_DIR_RE, SECTION_FILE
from drafting.tools.renumbering import ArticleGroup, Plan, SectionEntry, apply_plan, plan_renumber
from drafting.source.transaction import Change, apply

ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
TODO = "TODO"


@dataclass
class Created:
    id: str
    number: str
    paths: list[Path]  # the new files, where they are after renumbering
    renumbered: list[str] = field(default_factory=list)  # the renumbering plan's lines


def article_source(stable_id: str, number: str, heading: bool, body: str = f"{TODO}\n") -> str:
    """A new article file: front matter (with a TODO heading when the profile requires headings) and ``body``."""
    heading_line = f"heading: {TODO}\n" if heading else ""
    return f"---\nid: {stable_id}\nnumber: {number}\n{heading_line}---\n{body}"


def new_article(source: Path | str, section: str | None = None, after: str | None = None,
                article_id: str | None = None, slug: str | None = None) -> Created:
    """Add an article after article ``after`` (in ``section``), or at the end of ``section``."""
    root = Path(source)
    before = plan_renumber(root)
    codes = before.work.meta.codes
    entry, index = _article_position(before, section, after)
    stable_id, file_slug = _identity(before, article_id, slug, "article")
    previous = entry.groups[index - 1] if index > 0 else None
    following = entry.groups[index] if index < len(entry.groups) else None
    stem = f"{_order_between(previous, following, entry)}-{file_slug}"
    number = _next_number(before, entry, index)
    headings = before.work.profile.article_headings == "required"
    folder = root / entry.folder
    for lang in codes:
        if any(folder.glob(f"*-{file_slug}.{lang}.md")):
            raise DraftingError(f"{folder}: an article file named '*-{file_slug}.{lang}.md' already exists")
    change = Change(root)
    for lang in codes:
        change.write(f"{entry.folder}/{stem}.{lang}.md", article_source(stable_id, number, headings))
    undo = apply(change)
    try:
        after_plan = _renumber(root)
    except BaseException:
        undo()  # the renumbering restored its own files; remove the new ones too
        raise
    final = next(g for g in after_plan.groups if g.id == stable_id)
    return Created(stable_id, final.new_num, [after_plan.final_path(stable_id, lang) for lang in codes],
                   after_plan.changes)


def new_section(source: Path | str, after: str | None = None, section_id: str | None = None,
                slug: str | None = None) -> Created:
    """Add a section (folder and section.yaml with TODO titles) after section ``after``, or at the end."""
    root = Path(source)
    before = plan_renumber(root)
    codes = before.work.meta.codes
    position = len(before.sections) if after is None else before.sections.index(_find_section(before, after)) + 1
    stable_id, folder_slug = _identity(before, section_id, slug, "section")
    if any(SECTION_DIR_RE.match(s.folder).group(2) == folder_slug for s in before.sections):  # type: ignore[union-attr]
        raise DraftingError(f"{root}: a section folder with the slug '{folder_slug}' already exists")
    # every folder takes the prefix of its place, leaving a gap for the new one
    # all or nothing (drafting.source.transaction): the folders move, the new one is written, then the renumbering
    change = Change(root)
    change.rename_group([(s.folder, _with_prefix(s.folder, i + 1 if i < position else i + 2))
                         for i, s in enumerate(before.sections)])
    folder = root / f"{position + 1:02d}-{folder_slug}"
    roman = before.work.profile.section_numbering == "roman"
    number = to_roman(position + 1) if roman else str(position + 1)
    titles = "".join(f"  {lang}: {TODO}\n" for lang in codes)
    renamed = apply(change)
    try:
        undo = apply(Change(root, {f"{folder.name}/{SECTION_FILE}": f"number: {number}\ntitle:\n{titles}"}))
    except BaseException:
        renamed()
        raise
    try:
        after_plan = _renumber(root)
    except BaseException:
        undo()
        renamed()
        raise
    return Created(stable_id, number, [folder / SECTION_FILE], after_plan.changes)


# -- where ---------------------------------------------------------------------------------------


def _find_section(plan: Plan, name: str) -> SectionEntry:
    """A section by its number as printed (IV), its position (4), its folder or its slug."""
    for index, entry in enumerate(plan.sections, start=1):
        match = SECTION_DIR_RE.match(entry.folder)
        names = {entry.num, entry.num.upper(), str(index), entry.folder, match.group(2) if match else ""}
        if name in names or name.upper() == entry.num:
            return entry
    known = ", ".join(s.num or s.folder for s in plan.sections)
    raise DraftingError(f"no section '{name}' (the sections are {known}; name one by number, folder or slug)")


def _article_position(plan: Plan, section: str | None, after: str | None) -> tuple[SectionEntry, int]:
    """The section and the index in it where the new article goes."""
    holder = next((s for s in plan.sections for g in s.groups if g.num == after), None) if after else None
    if after and holder is None and after != "0":
        raise DraftingError(f"no article {after}: --after names an article by its number")
    entry = _find_section(plan, section) if section else holder
    if entry is None:
        raise DraftingError("say where the article goes: --section (e.g. IV) and/or --after (an article number)")
    if after is None:
        return entry, len(entry.groups)
    for index, group in enumerate(entry.groups):
        if group.num == after:
            return entry, index + 1
    previous = [g for s in plan.sections[: plan.sections.index(entry)] for g in s.groups]
    if (previous and previous[-1].num == after) or (not previous and after == "0"):
        return entry, 0
    raise DraftingError(f"article {after} is not in section {entry.num} nor just before it")


def _order_between(previous: ArticleGroup | None, following: ArticleGroup | None, entry: SectionEntry) -> str:
    """A file prefix that sorts after ``previous`` and before ``following`` (``057a``)."""
    low = _order_key(previous.stem) if previous else (0, "")
    high = _order_key(following.stem) if following else None
    candidates = [(low[0], chr(ord(low[1] or "`") + 1))] if low[1] != "z" else []
    candidates.append((low[0] + 1, ""))
    for candidate in candidates:
        if candidate > low and (high is None or candidate < high):
            return f"{candidate[0]:03d}{candidate[1]}"
    raise DraftingError(f"{entry.folder}: no file name fits between {previous.stem if previous else 'the start'} "
                        f"and {following.stem if following else 'the end'}: run 'drafting renumber' first")


def _order_key(stem: str) -> tuple[int, str]:
    match = ARTICLE_RE.match(f"{stem}.x.md")
    assert match is not None
    return int(match.group(1)), match.group(2)


def _next_number(plan: Plan, entry: SectionEntry, index: int) -> str:
    previous = entry.groups[index - 1] if index > 0 else None
    if previous is None and plan.work.profile.article_numbering == "continuous":
        earlier = [g for s in plan.sections[: plan.sections.index(entry)] for g in s.groups]
        previous = earlier[-1] if earlier else None
    return str(int(previous.num.split("-")[0]) + 1) if previous else "1"


def _with_prefix(folder: str, index: int) -> str:
    match = SECTION_DIR_RE.match(folder)
    assert match is not None
    return f"{index:0{max(2, len(match.group(1)))}d}-{match.group(2)}"


# -- who -------------------------------------------------------------------------------------------


def _identity(plan: Plan, given_id: str | None, slug: str | None, kind: str) -> tuple[str, str]:
    """(stable id, file slug): from --id and/or --slug, or a fresh random one."""
    for value, option in ((given_id, "--id"), (slug, "--slug")):
        if value is not None and not ID_RE.match(value):
            raise DraftingError(f"{option} '{value}': use lower-case letters, digits and single dashes, "
                                "starting with a letter")
    taken = {g.id for g in plan.groups} | {SECTION_DIR_RE.match(s.folder).group(2) for s in plan.sections}  # type: ignore[union-attr]
    stable = given_id or slug
    if stable is None:
        stable = f"{kind}-{secrets.token_hex(3)}"
        while stable in taken:
            stable = f"{kind}-{secrets.token_hex(3)}"
    elif kind == "article" and stable in taken:
        raise DraftingError(f"the id '{stable}' is already used: stable ids are unique")
    return stable, slug or stable


def _renumber(root: Path) -> Plan:
    plan = plan_renumber(root)
    apply_plan(plan)
    return plan
