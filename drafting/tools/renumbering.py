"""Renumbering: every unit its number in document order, at every level, references rewritten to match.

``plan_renumber`` reads the tree, works out the numbers that follow from the order
of the files (container folders in order, nested as the profile's levels go, then
the order key of the file names in each folder) and the edits that bring the
sources in line: the ``number:`` of every article in every language and of every
container (each level in its number style, continuous or restarting in its parent),
the file and folder name prefixes, the digits inside every cross-reference's text
(and, with ``paragraphs``, paragraph, point and sub-point markers in each level's
format, and paragraph references).
``apply_plan`` writes it. Nothing else is touched, so a second run finds nothing
to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable

from drafting.diagnostics import Diagnostic, Diagnostics, DraftingError
from drafting.source.load import load_tree
from drafting.model import Article, Container, Point, Work
from drafting.numbering import Number, format_number, format_ordinal, parse_number
from drafting.profile import Profile
from drafting.source.reader import ARTICLE_RE, SECTION_DIR_RE
from drafting.source.reftext import article_first, rewrite_references
from drafting.source.sourcetext import SourceText
from drafting.source.transaction import Change, apply
from drafting.tools.crossrenumber import rewrite_other_acts
from drafting.source.tree import FileTree

# Errors renumbering can reason past: numbering (every N code) is what it fixes;
# references and text problems are left for `check` to report.
TOLERATED = {"R501", "R502", "R503", "R504", "M602", "A402", "A403", "A405", "A406", "A407", "A408"}
# Tolerated too, unless paragraphs are renumbered (their markers must then be sound).
TOLERATED_WITHOUT_PARAGRAPHS = {"M601", "M604"}


class RenumberRefused(DraftingError):
    """The tree has errors renumbering cannot reason about."""


@dataclass
class ArticleGroup:
    """One article in every language."""

    folder: str
    stem: str
    id: str
    versions: dict[str, Article]
    paths: dict[str, str]  # language -> path relative to the root
    new_num: str = ""
    new_stem: str = ""

    @property
    def num(self) -> str:
        return next(iter(self.versions.values())).num


@dataclass
class SectionEntry:
    """A container folder (any level): its metadata file, number, and the articles directly in it."""

    folder: str  # relative path of the folder ("01-general/02-use"; "" for the articles at the top)
    path: str  # LEVEL.yaml, relative
    line: int
    num: str
    new_num: str = ""
    new_folder: str = ""  # the folder's relative path once the plan is applied
    groups: list[ArticleGroup] = field(default_factory=list)
    level: str = "section"
    parent: SectionEntry | None = None
    children: list[SectionEntry] = field(default_factory=list)
    has_articles_and_folders: bool = False

    @property
    def name(self) -> str:
        return self.folder.rsplit("/", 1)[-1]

    @property
    def depth(self) -> int:
        return self.folder.count("/") if self.folder else -1


@dataclass
class Plan:
    root: Path
    work: Work  # the tree as read, before the plan is applied
    sections: list[SectionEntry]  # every container, depth-first (the top-level articles' holder first, if any)
    texts: dict[str, SourceText]
    changes: list[str] = field(default_factory=list)  # what changes, one line each
    notes: list[str] = field(default_factory=list)  # what could not be rewritten: for the drafter
    references: int = 0
    order: list[ArticleGroup] = field(default_factory=list)  # every article in document order

    @property
    def groups(self) -> list[ArticleGroup]:
        return self.order or [g for s in self.sections for g in s.groups]

    @property
    def containers(self) -> list[SectionEntry]:
        """The real container folders (not the holder of top-level articles)."""
        return [s for s in self.sections if s.folder]

    def final_path(self, article_id: str, lang: str) -> Path:
        """Where an article's file is once the plan is applied."""
        for entry in self.sections:
            for group in entry.groups:
                if group.id == article_id:
                    return self.root / entry.new_folder / f"{group.new_stem}.{lang}.md"
        raise KeyError(article_id)

    @property
    def file_moves(self) -> list[tuple[str, str]]:
        moves = []
        for group in self.groups:
            if group.new_stem != group.stem:
                for path in group.paths.values():
                    folder, _, name = path.rpartition("/")
                    renamed = name.replace(f"{group.stem}.", f"{group.new_stem}.", 1)
                    moves.append((path, f"{folder}/{renamed}" if folder else renamed))
        return moves

    @property
    def folder_moves(self) -> list[tuple[str, str]]:
        """Folder renames, deepest first, each inside its parent as it still is."""
        moves = []
        for entry in sorted(self.containers, key=lambda s: -s.depth):
            new_name = entry.new_folder.rsplit("/", 1)[-1]
            if new_name != entry.name:
                parent = entry.folder.rpartition("/")[0]
                moves.append((entry.folder, f"{parent}/{new_name}" if parent else new_name))
        return moves

    @property
    def edited(self) -> list[str]:
        return sorted(rel for rel, text in self.texts.items() if text.changed)

    @property
    def empty(self) -> bool:
        return not (self.edited or self.file_moves or self.folder_moves)

    def describe(self, verbose: bool = False) -> list[str]:
        if self.empty:
            return ["nothing to renumber: numbers, names and references are in order"]
        lines = list(self.changes)
        if self.references:
            lines.append(f"references rewritten: {self.references}")
        lines.append(f"files touched: {len(self.edited)} edited, {len(self.file_moves)} renamed, "
                     f"{len(self.folder_moves)} folders renamed")
        if verbose:
            lines += [f"  edit {rel} (line {', '.join(map(str, self.texts[rel].changed_lines()))})"
                      for rel in self.edited]
            lines += [f"  rename {old} -> {new}" for old, new in self.file_moves + self.folder_moves]
        return lines


def plan_renumber(source: Path | str, paragraphs: bool = False) -> Plan:
    root = Path(source)
    if not root.is_dir():
        raise DraftingError(f"{source}: no such source folder")
    tree = FileTree(root)
    loaded = load_tree(tree)
    rel_of = _RelativePaths(tree)
    allowed = TOLERATED | (set() if paragraphs else TOLERATED_WITHOUT_PARAGRAPHS)
    blockers = Diagnostics([d for d in loaded.diagnostics.errors
                            if d.code not in allowed and not d.code.startswith("N")])
    if loaded.work is None:
        raise _refuse(source, blockers.items)
    work = loaded.work
    sections, order = _collect(work, rel_of, blockers)
    if blockers.has_errors():
        raise _refuse(source, blockers.items)
    plan = Plan(root, work, sections, {}, order=order)
    _number_sections(plan, work.profile)
    _number_articles(plan, work.profile)
    texts = plan.texts
    for entry in plan.containers:
        if entry.num != entry.new_num and not _text(plan, entry.path).set_yaml_value(
                entry.line, "number", entry.new_num, search_to=50):
            _cannot(blockers, entry.path, entry.line, f"the {entry.level}'s 'number:' line")
    for group in plan.groups:
        for lang, article in group.versions.items():
            if article.num != group.new_num and not _text(plan, group.paths[lang]).set_yaml_value(
                    article.loc.line, "number", group.new_num, search_to=article.loc.line + 20):
                _cannot(blockers, group.paths[lang], article.loc.line, "the article's 'number:' line")
    para_maps = _number_paragraphs(plan, work.profile, blockers) if paragraphs else {}
    if blockers.has_errors():
        raise _refuse(source, blockers.items)
    plan.references = rewrite_references(plan, work, rel_of, loaded.texts, para_maps)
    plan.references += rewrite_other_acts(plan, work, para_maps)  # the other acts of its repository (drafting.yaml)
    plan.texts = {rel: text for rel, text in texts.items() if text.changed}
    return plan


def apply_plan(plan: Plan, advance: Callable[[str], None] | None = None) -> None:
    """Write the edits, then rename files inside their folders, then the folders.

    ``advance(path)`` is called after each file written (for a progress bar).
    All or nothing (``drafting.source.transaction``): a failure on the way restores every
    file and name and raises ``ChangeFailed``.
    """
    change = Change(plan.root)
    for rel in plan.edited:
        change.write(rel, plan.texts[rel].result())
    change.rename_group(plan.file_moves)
    moves = plan.folder_moves
    for depth in sorted({old.count("/") for old, _ in moves}, reverse=True):
        change.rename_group([(old, new) for old, new in moves if old.count("/") == depth])
    apply(change, advance)


def renumber(source: Path | str, paragraphs: bool = False, dry_run: bool = False) -> Plan:
    plan = plan_renumber(source, paragraphs)
    if not dry_run:
        apply_plan(plan)
    return plan


# -- reading the tree ------------------------------------------------------------------------


class _RelativePaths(dict[str, str]):
    """Displayed path (as in the model's Loc) -> path relative to the root."""

    def __init__(self, tree: FileTree) -> None:
        super().__init__()
        self.tree = tree

    def __missing__(self, display: str) -> str:
        label = PurePosixPath(self.tree.label)
        path = PurePosixPath(display)
        return path.relative_to(label).as_posix() if self.tree.label not in ("", ".") else path.as_posix()


def _refuse(source: Path | str, items: list[Diagnostic]) -> RenumberRefused:
    return RenumberRefused(f"{source}: cannot renumber a tree with these errors; fix them first "
                           "(numbering errors are what renumber fixes, these are not)", Diagnostics(items).sorted())


def _cannot(diags: Diagnostics, path: str, line: int, what: str) -> None:
    diags.error(path, line, "N311", f"cannot find {what} to rewrite: write it as 'number: VALUE' on a line of its own")


def _text(plan: Plan, rel: str) -> SourceText:
    if rel not in plan.texts:
        plan.texts[rel] = SourceText.read(plan.root, rel)
    return plan.texts[rel]


def _collect(work: Work, rel_of: dict[str, str], diags: Diagnostics) -> tuple[list[SectionEntry], list[ArticleGroup]]:
    """Every container (depth-first) with its articles in every language, and every article in document order."""
    codes = work.meta.codes
    reference = work.expressions[codes[0]]
    by_place: dict[tuple[str, str], dict[str, Article]] = {}  # (folder, stem) -> language -> article
    for lang in codes:
        for article in work.expressions[lang].articles():
            folder = rel_of[article.loc.path].rpartition("/")[0]
            by_place.setdefault((folder, article.stem), {})[lang] = article
    entries: list[SectionEntry] = []
    order: list[ArticleGroup] = []

    def group_of(entry: SectionEntry, article: Article) -> ArticleGroup:
        versions = by_place.get((entry.folder, article.stem), {})  # missing in a language: A401 refuses the tree
        for lang, other in versions.items():
            if other.id != article.id:
                diags.error(other.loc.path, 2, "A406", f"id '{other.id}' differs from '{article.id}' "
                            f"in the '{codes[0]}' version: renumber needs one id per article")
        paths = {lang: rel_of[a.loc.path] for lang, a in versions.items()}
        group = ArticleGroup(entry.folder, article.stem, article.id, versions, paths)
        entry.groups.append(group)
        order.append(group)
        return group

    def walk(container: Container, parent: SectionEntry | None) -> None:
        path = rel_of[container.loc.path]
        entry = SectionEntry(path.rpartition("/")[0], path, container.loc.line, container.num, level=container.level,
                             parent=parent)
        entries.append(entry)
        if parent is not None:
            parent.children.append(entry)
        kinds = {type(child) for child in container.children}
        entry.has_articles_and_folders = len(kinds) > 1
        for child in container.children:
            if isinstance(child, Article):
                group_of(entry, child)
            else:
                walk(child, entry)

    top = SectionEntry("", "", 1, "", level="")
    loose = [child for child in reference.body if isinstance(child, Article)]
    if loose:
        entries.append(top)
        top.has_articles_and_folders = len(loose) != len(reference.body)
    for child in reference.body:
        if isinstance(child, Article):
            group_of(top, child)
        else:
            walk(child, None)
    return entries, order


# -- the numbers ----------------------------------------------------------------------------------


def sequence_targets(nums: list[str], allow_inserted: bool, start: int = 0, style: str = "arabic",
                     inserted: str | None = "dash") -> list[str]:
    """The numbers ``nums`` should have in this order: 1, 2, 3... in the level's style; where the profile
    allows inserted numbers, an inserted one (``3-1``, ``9A``) stays inserted after its new base."""
    out: list[str] = []
    counter = start
    previous: Number | None = None
    kind = inserted or "dash"
    for text in nums:
        number = parse_number(text, style, kind)
        if allow_inserted and number is not None and number.inserted and previous is not None:
            depth = len(number.parts)
            if len(previous.parts) >= depth:  # a sibling: the next at that depth
                parts = (*previous.parts[:depth - 1], previous.parts[depth - 1] + 1)
            else:  # the first inserted after its base (3 -> 3-1, 9 -> 9A)
                parts = (*previous.parts, *([1] * (depth - len(previous.parts))))
            previous = Number(parts)
        else:
            counter += 1
            previous = Number((counter,))
        out.append(format_number(previous, style, kind))
    return out


def _number_sections(plan: Plan, profile: Profile) -> None:
    """Container numbers level by level (continuous, or restarting in each parent), then folder prefixes."""
    containers = plan.containers
    for level in profile.container_levels:
        mine = [entry for entry in containers if entry.level == level.name]
        runs: list[list[SectionEntry]]
        if level.numbering == "continuous":
            runs = [mine]
        else:
            parents: dict[int, list[SectionEntry]] = {}
            for entry in mine:
                parents.setdefault(id(entry.parent), []).append(entry)
            runs = list(parents.values())
        for run in runs:
            news = sequence_targets([e.num for e in run], level.inserted is not None, style=level.style,
                                    inserted=level.inserted)
            for entry, new in zip(run, news):
                entry.new_num = new
    for entry in containers:
        entry.new_num = entry.new_num or entry.num  # a level the profile does not know: left alone (S107)
    siblings: dict[int, list[SectionEntry]] = {}
    for entry in containers:
        siblings.setdefault(id(entry.parent), []).append(entry)
    for run in siblings.values():
        keep = any(e.parent is not None and e.parent.has_articles_and_folders for e in run) or \
            (run[0].parent is None and any(not s.folder for s in plan.sections))
        for index, entry in enumerate(run, start=1):
            match = SECTION_DIR_RE.match(entry.name)
            assert match is not None  # the reader only makes containers of such folders
            digits, slug = match.group(1), match.group(2)
            # beside article files, a folder's prefix places it among them: keep it
            entry.new_folder = entry.name if keep or int(digits) == index else f"{index:0{max(2, len(digits))}d}-{slug}"
    for entry in containers:  # full new paths, parents first (depth-first order)
        if entry.parent is not None:
            entry.new_folder = f"{entry.parent.new_folder}/{entry.new_folder}"
    for entry in containers:
        renamed = entry.name != entry.new_folder.rsplit("/", 1)[-1]
        if entry.num != entry.new_num or renamed:
            folder = f"  (folder {entry.folder} -> {entry.new_folder})" if renamed else ""
            plan.changes.append(f"{entry.level} {entry.num or '?'} -> {entry.new_num}{folder}")
    for entry in plan.sections:
        if not entry.folder:
            entry.new_folder = ""


def _number_articles(plan: Plan, profile: Profile) -> None:
    level = profile.article_level
    if level.numbering == "continuous":
        runs = [plan.groups]
    else:
        runs = [entry.groups for entry in plan.sections]
    for run in runs:
        news = sequence_targets([g.num for g in run], level.inserted is not None, style=level.style,
                                inserted=level.inserted)
        for group, new in zip(run, news):
            group.new_num = new
    for entry in plan.sections:
        letters: dict[int, int] = {}
        for group in entry.groups:
            number = parse_number(group.new_num, level.style, level.inserted or "dash")
            assert number is not None
            base = number.parts[0]
            letter = ""
            if number.inserted:
                letters[base] = letters.get(base, 0) + 1
                letter = chr(ord("a") + min(letters[base], 26) - 1)
            match = ARTICLE_RE.match(f"{group.stem}.x.md")
            assert match is not None
            digits, slug = match.group(1), match.group(3)
            same = (int(digits), match.group(2)) == (base, letter)
            group.new_stem = group.stem if same else f"{base:0{max(3, len(digits))}d}{letter}-{slug}"
            if group.num != group.new_num or group.stem != group.new_stem:
                where = f"{entry.folder}/" if entry.folder else ""
                rename = f"  ({where}{group.stem}.* -> {group.new_stem}.*)" if not same else ""
                plan.changes.append(f"article {group.num} -> {group.new_num}  '{group.id}'{rename}")


def _number_paragraphs(plan: Plan, profile: Profile, diags: Diagnostics) -> dict[str, dict[str, dict[str, str | None]]]:
    """Renumber paragraph, point and sub-point markers in each level's format; return
    id -> language -> old paragraph -> new (None: ambiguous)."""
    maps: dict[str, dict[str, dict[str, str | None]]] = {}
    level = profile.paragraph_level
    for group in plan.groups:
        for lang, article in group.versions.items():
            text = _text(plan, group.paths[lang])
            first = lang == next(iter(group.versions))
            numbered = [p for p in article.paragraphs if p.num is not None]
            olds = [p.num or "" for p in numbered]
            news = sequence_targets(olds, level.inserted is not None, style=level.style, inserted=level.inserted)
            mapping: dict[str, str | None] = {}
            for paragraph, old, new in zip(numbered, olds, news):
                mapping[old] = None if old in mapping else new
                if old != new and not text.set_list_number(paragraph.loc.line, level.format, old, new):
                    _cannot(diags, group.paths[lang], paragraph.loc.line, f"the marker of paragraph {old}")
            maps.setdefault(group.id, {})[lang] = mapping
            if olds != news and first:
                plan.changes.append(f"paragraphs of article {group.new_num} '{group.id}': "
                                    f"{', '.join(olds)} -> {', '.join(news)}")
            for paragraph in article.paragraphs:
                where = f"paragraph {paragraph.num} of " if paragraph.num else ""
                _number_points(plan, profile, group, lang, text, paragraph.points, 1,
                               f"{where}article {group.new_num} '{group.id}'", first, diags)
    return maps


def _number_points(plan: Plan, profile: Profile, group: ArticleGroup, lang: str, text: SourceText,
                   points: tuple[Point, ...], depth: int, where: str, first: bool, diags: Diagnostics) -> None:
    if not points:
        return
    level = profile.point_level(depth)
    olds = [p.num for p in points]
    news = sequence_targets(olds, level.inserted is not None, style=level.style, inserted=level.inserted)
    for point, new in zip(points, news):
        if point.num != new and not text.set_list_number(point.loc.line, level.format, point.num, new):
            _cannot(diags, group.paths[lang], point.loc.line, f"the marker of point {level.marker(point.num)}")
    noun = "points" if depth == 1 else "sub-points"
    if olds != news and first:
        plan.changes.append(f"{noun} of {where}: {', '.join(olds)} -> {', '.join(news)}")
    for point, new in zip(points, news):
        _number_points(plan, profile, group, lang, text, point.points, depth + 1,
                       f"point {new} of {where}", first, diags)

