"""Renumbering: every article its number in document order, references rewritten to match.

``plan_renumber`` reads the tree, works out the numbers that follow from the order
of the files (section folders in order, then the order key of the file names in
each section) and the edits that bring the sources in line: the ``number:`` of
every article in every language and of every section, the file and folder name
prefixes, the digits inside every cross-reference's text (and, with
``paragraphs``, paragraph and point markers and paragraph references).
``apply_plan`` writes it. Nothing else is touched, so a second run finds nothing
to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable

from drafting.diagnostics import Diagnostic, Diagnostics, DraftingError
from drafting.source.load import load_tree
from drafting.model import Article, Work
from drafting.numbering import Number, to_roman
from drafting.profile import DEFAULT_LABELS, Profile
from drafting.source.reader import ARTICLE_RE, SECTION_DIR_RE
from drafting.source.reftext import rewrite_references
from drafting.source.sourcetext import SourceText
from drafting.source.transaction import Change, apply
from drafting.source.tree import FileTree

# Errors renumbering can reason past: numbering (every N code) is what it fixes;
# references and text problems are left for `check` to report.
TOLERATED = {"R501", "R502", "R503", "R504", "M602", "A402", "A403", "A405", "A406", "A407", "A408"}
# Tolerated too, unless paragraphs are renumbered (their markers must then be sound).
TOLERATED_WITHOUT_PARAGRAPHS = {"M601", "M603", "M604"}


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
    folder: str
    path: str  # section.yaml, relative
    line: int
    num: str
    new_num: str = ""
    new_folder: str = ""
    groups: list[ArticleGroup] = field(default_factory=list)


@dataclass
class Plan:
    root: Path
    work: Work  # the tree as read, before the plan is applied
    sections: list[SectionEntry]
    texts: dict[str, SourceText]
    changes: list[str] = field(default_factory=list)  # what changes, one line each
    notes: list[str] = field(default_factory=list)  # what could not be rewritten: for the drafter
    references: int = 0

    @property
    def groups(self) -> list[ArticleGroup]:
        return [g for s in self.sections for g in s.groups]

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
                    moves.append((path, path.replace(f"/{group.stem}.", f"/{group.new_stem}.", 1)))
        return moves

    @property
    def folder_moves(self) -> list[tuple[str, str]]:
        return [(s.folder, s.new_folder) for s in self.sections if s.folder != s.new_folder]

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
    sections = _collect(work, rel_of, blockers)
    if blockers.has_errors():
        raise _refuse(source, blockers.items)
    plan = Plan(root, work, sections, {})
    _number_sections(plan, work.profile)
    _number_articles(plan, work.profile)
    texts = plan.texts
    for entry in sections:
        if entry.num != entry.new_num and not _text(plan, entry.path).set_yaml_value(
                entry.line, "number", entry.new_num, search_to=50):
            _cannot(blockers, entry.path, entry.line, "the section's 'number:' line")
    for group in plan.groups:
        for lang, article in group.versions.items():
            if article.num != group.new_num and not _text(plan, group.paths[lang]).set_yaml_value(
                    article.loc.line, "number", group.new_num, search_to=article.loc.line + 20):
                _cannot(blockers, group.paths[lang], article.loc.line, "the article's 'number:' line")
    para_maps = _number_paragraphs(plan, work.profile, blockers) if paragraphs else {}
    if blockers.has_errors():
        raise _refuse(source, blockers.items)
    plan.references = rewrite_references(plan, work, rel_of, loaded.texts, para_maps)
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
    change.rename_group(plan.folder_moves)
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


def _collect(work: Work, rel_of: dict[str, str], diags: Diagnostics) -> list[SectionEntry]:
    codes = work.meta.codes
    reference = work.expressions[codes[0]]
    entries: list[SectionEntry] = []
    for index, section in enumerate(reference.sections):
        path = rel_of[section.loc.path]
        entry = SectionEntry(path.split("/")[0], path, section.loc.line, section.num)
        for article in section.articles:
            versions: dict[str, Article] = {}
            for lang in codes:
                same = [a for a in work.expressions[lang].sections[index].articles if a.stem == article.stem]
                if not same:
                    continue  # missing in this language: the reader's A401 refuses the tree
                versions[lang] = same[0]
                if same[0].id != article.id:
                    diags.error(same[0].loc.path, 2, "A406", f"id '{same[0].id}' differs from '{article.id}' "
                                f"in the '{codes[0]}' version: renumber needs one id per article")
            paths = {lang: rel_of[a.loc.path] for lang, a in versions.items()}
            entry.groups.append(ArticleGroup(entry.folder, article.stem, article.id, versions, paths))
        entries.append(entry)
    return entries


# -- the numbers ----------------------------------------------------------------------------------


def sequence_targets(nums: list[str], allow_inserted: bool, start: int = 0) -> list[str]:
    """The numbers ``nums`` should have in this order: 1, 2, 3...; where the profile
    allows inserted numbers, an inserted one (``3-1``) stays inserted after its new base."""
    out: list[str] = []
    counter, base = start, 0
    for text in nums:
        number = Number.parse(text)
        if allow_inserted and number is not None and number.inserted and base:
            out.append("-".join([str(base), *(str(p) for p in number.parts[1:])]))
        else:
            counter += 1
            base = counter
            out.append(str(counter))
    return out


def _number_sections(plan: Plan, profile: Profile) -> None:
    for index, entry in enumerate(plan.sections, start=1):
        entry.new_num = to_roman(index) if profile.section_numbering == "roman" else str(index)
        match = SECTION_DIR_RE.match(entry.folder)
        assert match is not None  # the reader only makes sections of such folders
        digits, slug = match.group(1), match.group(2)
        entry.new_folder = entry.folder if int(digits) == index else f"{index:0{max(2, len(digits))}d}-{slug}"
        if entry.num != entry.new_num or entry.folder != entry.new_folder:
            folder = f"  (folder {entry.folder} -> {entry.new_folder})" if entry.folder != entry.new_folder else ""
            plan.changes.append(f"section {entry.num or '?'} -> {entry.new_num}{folder}")


def _number_articles(plan: Plan, profile: Profile) -> None:
    if profile.article_numbering == "continuous":
        runs = [plan.groups]
    else:
        runs = [entry.groups for entry in plan.sections]
    for run in runs:
        for group, new in zip(run, sequence_targets([g.num for g in run], profile.article_inserted)):
            group.new_num = new
    for entry in plan.sections:
        letters: dict[int, int] = {}
        for group in entry.groups:
            number = Number.parse(group.new_num)
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
                rename = f"  ({entry.folder}/{group.stem}.* -> {group.new_stem}.*)" if not same else ""
                plan.changes.append(f"article {group.num} -> {group.new_num}  '{group.id}'{rename}")


def _number_paragraphs(plan: Plan, profile: Profile, diags: Diagnostics) -> dict[str, dict[str, dict[str, str | None]]]:
    """Renumber paragraph and point markers; return id -> language -> old paragraph -> new (None: ambiguous)."""
    maps: dict[str, dict[str, dict[str, str | None]]] = {}
    for group in plan.groups:
        for lang, article in group.versions.items():
            text = _text(plan, group.paths[lang])
            numbered = [p for p in article.paragraphs if p.num is not None]
            olds = [p.num or "" for p in numbered]
            news = sequence_targets(olds, profile.paragraph_inserted)
            mapping: dict[str, str | None] = {}
            for paragraph, old, new in zip(numbered, olds, news):
                mapping[old] = None if old in mapping else new
                if old != new and not text.set_marker(paragraph.loc.line, ".", new):
                    _cannot(diags, group.paths[lang], paragraph.loc.line, f"the marker of paragraph {old}")
            maps.setdefault(group.id, {})[lang] = mapping
            if olds != news and lang == next(iter(group.versions)):
                plan.changes.append(f"paragraphs of article {group.new_num} '{group.id}': "
                                    f"{', '.join(olds)} -> {', '.join(news)}")
            for paragraph in article.paragraphs:
                points = [p.num for p in paragraph.points]
                new_points = sequence_targets(points, profile.point_inserted)
                for point, new in zip(paragraph.points, new_points):
                    if point.num != new and not text.set_marker(point.loc.line, ")", new):
                        _cannot(diags, group.paths[lang], point.loc.line, f"the marker of point {point.num})")
                if points != new_points and lang == next(iter(group.versions)):
                    where = f"paragraph {paragraph.num} of " if paragraph.num else ""
                    plan.changes.append(f"points of {where}article {group.new_num} '{group.id}': "
                                        f"{', '.join(points)} -> {', '.join(new_points)}")
    return maps


def article_first(profile: Profile, lang: str) -> bool:
    """Whether the language's label names the article before the paragraph ('paragraph 2 of Article 5': no)."""
    template = profile.labels.get(lang, {}).get("paragraph_of_article") or DEFAULT_LABELS["paragraph_of_article"]
    return template.find("{n}") < template.find("{p}")
