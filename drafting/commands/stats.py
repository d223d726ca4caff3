"""`drafting stats`: articles and words per section and language, completeness, changes since a revision."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from typing import TYPE_CHECKING

from drafting.console import EXIT_FINDINGS, EXIT_USAGE, fail, usage
from drafting.diagnostics import DraftingError

if TYPE_CHECKING:
    from drafting.progress import Reporter


class Format(str, Enum):
    text = "text"
    json = "json"


def stats(
    source: Path = typer.Argument(None, help="The source folder (holds work.yaml); default: every act of the "
                                             "repository when drafting.yaml is here, else constitution."),
    since: str = typer.Option(None, "--since", help="A git revision (tag, branch, commit): list articles changed since."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="text or json."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print the figures only, no warnings."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every article, not the first few."),
) -> None:
    """Articles and words per section and language, translation completeness, changes since a revision."""
    from drafting.progress import Reporter

    from drafting.source.scope import library_root

    report = Reporter(quiet, verbose)
    root = library_root(source)
    if root is not None:
        from drafting.source.library import read_library

        library = read_library(root)
        if library.diagnostics.has_errors():
            fail(DraftingError(f"{root}: drafting.yaml has errors", library.diagnostics.sorted()))
        for index, (short, folder) in enumerate(library.works.items()):
            if fmt is Format.text:
                typer.echo(f"{'' if index == 0 else chr(10)}== {short} ({folder})")
            _one(folder, since, fmt, report, verbose)
        return
    _one(source or Path("constitution"), since, fmt, report, verbose)


def _one(source: Path, since: str | None, fmt: Format, report: Reporter, verbose: bool) -> None:
    from drafting.source.load import load
    from drafting.tools.statistics import changes_since, collect, format_text, to_json

    try:
        loaded = load(source)
    except DraftingError as error:
        usage(error.message)
    if loaded.work is None:
        fail(DraftingError(f"{source}: the sources cannot be read; run 'drafting check'", loaded.diagnostics.sorted()))
    if loaded.diagnostics.has_errors():
        report.warn(f"{source} has {len(loaded.diagnostics.errors)} errors ('drafting check' lists them); "
                    "the figures count what could be read")
    figures = collect(loaded.work)
    from drafting.source.translationfile import TRANSLATIONS_FILE, read_marks

    if TRANSLATIONS_FILE in loaded.texts:
        from drafting.checks.instep import counts, every_unit, out_of_step
        from drafting.diagnostics import Diagnostics

        recorded = read_marks(loaded.texts[TRANSLATIONS_FILE], loaded.tree.display(TRANSLATIONS_FILE), Diagnostics())
        if recorded is not None:
            figures.out_of_step = counts(out_of_step(recorded, every_unit(loaded.work), loaded.work.meta),
                                         loaded.work.meta)
    if since:
        report.step(f"reading revision {since}")
        from drafting.writers.redline.revisions import RevisionError

        try:
            figures.changes = changes_since(source, since, loaded.work)
        except RevisionError as error:  # no repository, unknown revision, history not fetched
            fail(error, EXIT_USAGE)
        except DraftingError as error:
            fail(error, EXIT_FINDINGS)
    typer.echo(to_json(figures) if fmt is Format.json else format_text(figures, verbose))
