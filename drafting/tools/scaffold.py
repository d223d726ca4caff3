"""New articles and containers (a section, chapter, part... any level of the profile): files in every language
with a fresh stable id and TODO text.

The new files are placed by their order key (an article after 57 in its
section becomes ``057a-slug``; a section after IV shifts the folders after it;
a chapter goes into the folder named by ``--in``),
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
from drafting.numbering import format_ordinal, parse_number
from drafting.source.reader import ARTICLE_RE, SECTION_DIR_RE
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
    headings = before.work.profile.article_level.headings == "required"
    folder = root / entry.folder
    for lang in codes:
        if any(folder.glob(f"*-{file_slug}.{lang}.md")):
            raise DraftingError(f"{folder}: an article file named '*-{file_slug}.{lang}.md' already exists")
    change = Change(root)
    for lang in codes:
        change.write(f"{entry.folder}/{stem}.{lang}.md".lstrip("/"), article_source(stable_id, number, headings))
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
                slug: str | None = None, level: str | None = None, parent: str | None = None) -> Created:
    """Add a container (folder and LEVEL.yaml with TODO titles) after the sibling ``after``, or at the end.

    ``level``: the profile level (default: the first container level, or the one below ``parent``'s);
    ``parent``: the container it goes in (default: the top of the work).
    """
    root = Path(source)
    before = plan_renumber(root)
    codes = before.work.meta.codes
    profile = before.work.profile
    names = [lv.name for lv in profile.container_levels]
    if not names:
        raise DraftingError(f"the profile '{profile.name}' has no level above the article")
    holder = _find_section(before, parent) if parent else None
    if level is None:
        index = names.index(holder.level) + 1 if holder is not None and holder.level in names else 0
        if index >= len(names):
            raise DraftingError(f"no container level below {holder.level if holder else 'the top'} in the profile "
                                f"'{profile.name}' ({' > '.join(names)})")
        level = names[index]
    if level not in names:
        raise DraftingError(f"'{level}' is not a container level of the profile '{profile.name}' "
                            f"({' > '.join(names)})")
    siblings = [s for s in before.containers if s.parent is holder]
    if after is None:
        position = len(siblings)
    else:
        found = _find_section(before, after, siblings)
        position = siblings.index(found) + 1
    stable_id, folder_slug = _identity(before, section_id, slug, level)
    if any(SECTION_DIR_RE.match(s.name).group(2) == folder_slug for s in siblings):  # type: ignore[union-attr]
        raise DraftingError(f"{root}: a folder with the slug '{folder_slug}' already exists there")
    # every folder takes the prefix of its place, leaving a gap for the new one
    # all or nothing (drafting.source.transaction): the folders move, the new one is written, then the renumbering
    base = f"{holder.folder}/" if holder is not None else ""
    change = Change(root)
    change.rename_group([(s.folder, f"{base}{_with_prefix(s.name, i + 1 if i < position else i + 2)}")
                         for i, s in enumerate(siblings)])
    folder = root / f"{base}{position + 1:02d}-{folder_slug}"
    style = profile.level(level).style
    number = format_ordinal(position + 1, style)  # provisional: the renumbering below sets the real one
    titles = "".join(f"  {lang}: {TODO}\n" for lang in codes)
    renamed = apply(change)
    meta_file = f"{folder.relative_to(root).as_posix()}/{level}.yaml"
    try:
        undo = apply(Change(root, {meta_file: f"number: {number}\ntitle:\n{titles}"}))
    except BaseException:
        renamed()
        raise
    try:
        after_plan = _renumber(root)
    except BaseException:
        undo()
        renamed()
        raise
    final = next((s for s in after_plan.containers if s.path == meta_file), None)
    return Created(stable_id, final.num if final else number, [root / (final.path if final else meta_file)],
                   after_plan.changes)


# -- where ---------------------------------------------------------------------------------------


def _find_section(plan: Plan, name: str, among: list[SectionEntry] | None = None) -> SectionEntry:
    """A container by its folder path, "LEVEL NUMBER" (chapter 3), or, among the top-level ones (or ``among``),
    its number as printed (IV), its position (4) or its slug."""
    containers = plan.containers
    for entry in containers:
        if name.strip("/") == entry.folder or name == f"{entry.level} {entry.num}":
            return entry
    candidates = among if among is not None else [s for s in containers if s.parent is None]
    for index, entry in enumerate(candidates, start=1):
        match = SECTION_DIR_RE.match(entry.name)
        names = {entry.num, entry.num.upper(), str(index), entry.name, match.group(2) if match else ""}
        if name in names or name.upper() == entry.num:
            return entry
    slugs = [s for s in containers if (m := SECTION_DIR_RE.match(s.name)) and m.group(2) == name]
    if len(slugs) == 1:
        return slugs[0]
    known = ", ".join(s.num or s.folder for s in candidates)
    levels = {s.level for s in candidates}
    noun = levels.pop() if len(levels) == 1 else "container"
    raise DraftingError(f"no {noun} '{name}' (the {noun}s here are {known}; name one by number, folder path, "
                        "'LEVEL NUMBER' or slug)")


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
    """A provisional number in the article level's style (the renumbering that follows sets the real one)."""
    level = plan.work.profile.article_level
    previous = entry.groups[index - 1] if index > 0 else None
    if previous is None and level.numbering == "continuous":
        earlier = [g for s in plan.sections[: plan.sections.index(entry)] for g in s.groups]
        previous = earlier[-1] if earlier else None
    number = parse_number(previous.num, level.style, level.inserted or "dash") if previous else None
    return format_ordinal(number.parts[0] + 1 if number else 1, level.style)


def _with_prefix(folder: str, index: int) -> str:
    match = SECTION_DIR_RE.match(folder.rsplit("/", 1)[-1])
    assert match is not None
    return f"{index:0{max(2, len(match.group(1)))}d}-{match.group(2)}"


# -- who -------------------------------------------------------------------------------------------


def _identity(plan: Plan, given_id: str | None, slug: str | None, kind: str) -> tuple[str, str]:
    """(stable id, file slug): from --id and/or --slug, or a fresh random one."""
    for value, option in ((given_id, "--id"), (slug, "--slug")):
        if value is not None and not ID_RE.match(value):
            raise DraftingError(f"{option} '{value}': use lower-case letters, digits and single dashes, "
                                "starting with a letter")
    taken = {g.id for g in plan.groups} | {SECTION_DIR_RE.match(s.name).group(2) for s in plan.containers}  # type: ignore[union-attr]
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
