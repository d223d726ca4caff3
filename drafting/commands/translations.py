"""`drafting translations mark`: record that the languages of every unit (or of some articles) say the same now."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from drafting.console import fail, usage
from drafting.diagnostics import DraftingError


class Action(str, Enum):
    mark = "mark"


def translations(
    action: Action = typer.Argument(..., help="mark: record each unit's text in every language as aligned."),
    source: Path = typer.Argument(None, help="The source folder (holds work.yaml); default: every act of the "
                                             "repository when drafting.yaml is here, else constitution."),
    article: list[str] = typer.Option([], "--article", "-a", metavar="ID",
                                      help="Mark only this article (its heading and paragraphs); repeatable."),
) -> None:
    """Keep translations in step: `mark` writes translations.yaml, which `check` compares the texts with (A409)."""
    from drafting.source.scope import library_root

    root = library_root(source)
    if root is not None:
        from drafting.source.library import read_library

        library = read_library(root)
        if library.diagnostics.has_errors():
            fail(DraftingError(f"{root}: drafting.yaml has errors", library.diagnostics.sorted()))
        if article:
            usage("--article names one act's articles: give that act's folder as SOURCE")
        for folder in library.works.values():
            _mark(folder, [])
        return
    _mark(source or Path("constitution"), article)


def _mark(source: Path, articles: list[str]) -> None:
    from drafting.atomicfile import write_bytes
    from drafting.checks.instep import every_unit, hashes, out_of_step
    from drafting.diagnostics import Diagnostics
    from drafting.source.load import load
    from drafting.source.translationfile import TRANSLATIONS_FILE, read_marks, write_marks

    try:
        loaded = load(source)
    except DraftingError as error:
        usage(error.message)
    shown = loaded.tree.display(TRANSLATIONS_FILE)
    others = [d for d in loaded.diagnostics.errors if d.path != shown]
    if loaded.work is None or others:
        fail(DraftingError(f"{source}: the sources have errors; run 'drafting check' and fix them first", others))
    work = loaded.work
    current = hashes(work)
    previous: dict[str, dict[str, str]] = {}
    if TRANSLATIONS_FILE in loaded.texts:
        found = Diagnostics()
        read = read_marks(loaded.texts[TRANSLATIONS_FILE], shown, found)
        if read is None and articles:
            fail(DraftingError(f"{shown} is malformed; mark every unit (no --article) to write it afresh",
                               found.sorted()))
        previous = read or {}
    chosen = tuple(f"art:{name}" for name in articles)

    def picked(key: str) -> bool:
        return not chosen or key in chosen or key.startswith(tuple(f"{c}/" for c in chosen))

    if articles:
        known = {a.id for lang in work.meta.codes for a in work.expression(lang).articles()}
        unknown = [name for name in articles if name not in known]
        if unknown:
            usage(f"no article with the id {', '.join(repr(u) for u in unknown)} in {source}")
    table = {key: (langs if picked(key) else previous[key]) for key, langs in current.items()
             if picked(key) or key in previous}
    settled = [s for s in out_of_step(previous, every_unit(work), work.meta) if picked(s.unit.key)]
    try:
        write_bytes(source / TRANSLATIONS_FILE, write_marks(table).encode("utf-8"))
    except OSError as error:
        fail(DraftingError(f"cannot write {shown}: {error.strerror or error}; nothing was changed"))
    marked = sum(1 for key in table if picked(key))
    typer.echo(f"{shown}: {marked} units marked in step in {', '.join(work.meta.codes)}"
               + (f" ({len(settled)} were out of step)" if settled else ""))
