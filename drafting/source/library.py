"""A repository of acts: ``drafting.yaml`` at its root names the works (or folders to find them in).

Each work is read on its own (its folder, its ``work.yaml``, profile, languages and
versions); this module finds them, gives each its short name (``short:`` in work.yaml,
else the folder's name), reports what is wrong with the repository as a whole, and
resolves references from one act to another (``constitution:art:ID``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from drafting.diagnostics import Diagnostics
from drafting.eids import Identifiers, unit_eid
from drafting.model import Ref, Work
from drafting.source.yamldoc import parse_yaml, validate

LIBRARY_FILE = "drafting.yaml"
WORK_FILE = "work.yaml"
MAX_WORKS = 10_000
MAX_DEPTH = 12  # folders below a `find:` folder searched for work.yaml


@dataclass
class Library:
    root: Path
    works: dict[str, Path] = field(default_factory=dict)  # short name -> work folder, in the order listed
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    names: dict[str, str] = field(default_factory=dict)  # language -> the library's name


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding drafting.yaml."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / LIBRARY_FILE).is_file():
            return folder
    return None


def read_library(root: Path) -> Library:
    library = Library(root)
    path = root / LIBRARY_FILE
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        library.diagnostics.error(shown, 1, "S101", f"cannot read the file: {getattr(error, 'strerror', None) or error}")
        return library
    doc = parse_yaml(text, shown, 1, library.diagnostics)
    if doc is None:
        return library
    if doc.data is None:
        doc.data = {}
    if not validate(doc, "library", shown, library.diagnostics):
        return library
    library.names = dict(doc.data.get("name", {}))
    folders: list[tuple[Path, int]] = []
    for index, rel in enumerate(doc.data.get("works", [])):
        folder = root / rel  # as the user wrote it (diagnostics show it so); resolved only to compare
        line = doc.line_of(("works", index))
        if not _inside(folder.resolve(), root):
            library.diagnostics.error(shown, line, "S105", f"work folder '{rel}' is outside the repository: refused")
        elif not (folder / WORK_FILE).is_file():
            library.diagnostics.error(shown, line, "S108", f"no work.yaml in '{rel}': every work folder has one")
        else:
            folders.append((folder, line))
    for index, rel in enumerate(doc.data.get("find", [])):
        base = root / rel
        line = doc.line_of(("find", index))
        if not _inside(base.resolve(), root) or not base.is_dir():
            library.diagnostics.error(shown, line, "S108", f"'{rel}' is not a folder of the repository")
            continue
        folders.extend((found, line) for found in _find_works(base))
    seen: dict[Path, int] = {}
    for folder, line in folders:
        folder = Path(*folder.parts) if folder.parts else folder  # "./constitution" -> "constitution"
        if folder.resolve() in seen:
            continue
        seen[folder.resolve()] = line
        short = _short_name(folder)
        if short in library.works:
            library.diagnostics.error(shown, line, "F205",
                                      f"two works are named '{short}' ({library.works[short]} and {folder}): give one "
                                      "a 'short:' name in its work.yaml")
            continue
        if len(library.works) >= MAX_WORKS:
            library.diagnostics.error(shown, line, "F207", f"more than {MAX_WORKS:,} works: refused")
            break
        library.works[short] = folder
    if not library.works and not library.diagnostics.has_errors():
        library.diagnostics.error(shown, 1, "S108", "drafting.yaml names no work: list them under 'works:' or 'find:'")
    return library


def _inside(folder: Path, root: Path) -> bool:
    try:
        folder.relative_to(root.resolve())
    except ValueError:
        return False
    return True


def _find_works(base: Path) -> list[Path]:
    """Folders below ``base`` holding work.yaml, in name order, at most MAX_DEPTH deep; symbolic links not followed.

    One ``scandir`` per folder, the file types from it (no ``stat`` of every file: a statute book has hundreds
    of thousands)."""
    found: list[Path] = []
    stack: list[tuple[Path, int]] = [(base, 0)]
    while stack and len(found) <= MAX_WORKS:
        folder, depth = stack.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError:
            continue
        if any(e.name == WORK_FILE and e.is_file() for e in listed):
            found.append(folder)
        if depth >= MAX_DEPTH:
            continue
        children = sorted((Path(e.path) for e in listed if not e.name.startswith(".")
                           and e.is_dir(follow_symlinks=False)), reverse=True)
        stack.extend((child, depth + 1) for child in children)
    return sorted(found)


def _short_name(folder: Path) -> str:
    """``short:`` from the work's work.yaml (read by the YAML reader every file goes through), else the folder's name.

    A work.yaml that does not read is reported when the work itself is read; here it just has no short name.
    """
    try:
        text = (folder / WORK_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return folder.name
    doc = parse_yaml(text, str(folder / WORK_FILE), 1, Diagnostics())
    short = doc.data.get("short") if doc is not None and isinstance(doc.data, dict) else None
    return short if isinstance(short, str) and short else folder.name


def short_of(work: Work, folder: Path) -> str:
    return work.meta.short or folder.name


Resolved = tuple[Work, str, Callable[[str], str]]


def resolve_other(works: dict[str, Work], ref: Ref) -> Resolved | None:
    """(the other act, the target's eId, its label in a language) for a reference to another act, or None."""
    if ref.work is None or ref.work not in works:
        return None
    work = works[ref.work]
    if ref.kind == "annex":
        for index, annex in enumerate(work.expression(work.meta.codes[0]).annexes, start=1):
            if annex.id == ref.target:
                number = annex.num
                return work, f"att_{index}", lambda lang: work.profile.level_label(lang, "annex", number)
        return None
    expression = work.expression(work.meta.codes[0])
    article = expression.article_by_id().get(ref.target)
    if article is None:
        return None
    eid = Identifiers(expression, work.profile).article(article)
    number = article.num
    paragraph = ref.paragraph
    if paragraph:
        eid = unit_eid(eid, work.profile.paragraph_level.element, paragraph, 1)
        return work, eid, lambda lang: work.profile.label(lang, "paragraph_of_article", n=number, p=paragraph)
    return work, eid, lambda lang: work.profile.label(lang, "article", n=number)
