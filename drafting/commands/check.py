"""`drafting check`: every mistake in the sources, at once, as path:line:col."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from drafting.console import EXIT_FINDINGS, EXIT_OK, fail, print_diagnostics, usage
from drafting.diagnostics import Diagnostics, DraftingError, Severity, summary, to_json
from drafting.model import Work
from drafting.source.load import Loaded, load, load_library
from drafting.source.scope import library_root


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def check(
    source: Path = typer.Argument(None, help="The source folder (holds work.yaml); default: every act of the "
                                             "repository when drafting.yaml is here, else constitution."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="text, json, or github (workflow annotations)."),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only, no summary."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also say what was read."),
    cache: bool = typer.Option(True, "--cache/--no-cache",
                               help="Reuse the parses of unchanged files from the last run (.drafting-cache/parse)."),
    since: str = typer.Option(None, "--since", metavar="REV",
                              help="Translations in step (A409) against a git revision instead of translations.yaml: "
                                   "units changed since REV in one language but not in those that follow it."),
) -> None:
    """Check the sources' structure, numbering, languages and references."""
    root = library_root(source)
    if root is not None:
        _check_library(root, fmt, strict, quiet, verbose, cache, since)
    folder = source or Path("constitution")
    try:
        loaded = load(folder, cache=cache)
    except DraftingError as error:
        usage(error.message)
    if since and loaded.work is not None:
        _in_step_since(folder, since, loaded.work, loaded.diagnostics)
    if loaded.work is not None:
        _glyphs(loaded, folder, cache)
    items = loaded.diagnostics.sorted()
    if fmt is Format.json:
        typer.echo(to_json(items))
    else:
        print_diagnostics(items, fmt.value)
        if verbose and loaded.work is not None:
            for lang, expression in loaded.work.expressions.items():
                typer.echo(f"{lang}: {len(expression.sections)} sections, {len(expression.articles())} articles", err=True)
        if not quiet:
            typer.echo(summary(loaded.diagnostics, loaded.files))
    failing = any(d.severity is Severity.ERROR or strict for d in items)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


def _glyphs(loaded: Loaded, folder: Path, cache: bool) -> None:
    """G801: every character of the sources against the print fonts (``drafting.checks.coverage``); with
    ``cache``, the fonts' character maps are kept in the project's cache (``.drafting-cache/cmaps``)."""
    from drafting.checks.coverage import check_tree_sources
    from drafting.writers.cachedir import project_cache

    if loaded.work is not None:
        keep = project_cache(folder) / "cmaps" if cache else None
        check_tree_sources(loaded.texts, loaded.tree, loaded.work.meta.codes, loaded.diagnostics, keep=keep)


def _in_step_since(source: Path, revision: str, work: Work, diags: Diagnostics) -> None:
    """Replace the A409 findings against translations.yaml by those against ``revision``."""
    from drafting.checks.instep import every_unit, hashes, out_of_step, report
    from drafting.tools.statistics import read_revision
    from drafting.writers.redline.revisions import RevisionError

    try:
        before = read_revision(source, revision)
    except RevisionError as error:
        usage(error.message)
    except DraftingError as error:  # the revision's sources cannot be read at all
        fail(error)
    diags.items = [d for d in diags.items if d.code != "A409"]
    report(out_of_step(hashes(before), every_unit(work), work.meta), diags, since=revision)


def _check_library(root: Path, fmt: Format, strict: bool, quiet: bool, verbose: bool, cache: bool,
                   since: str | None = None) -> None:
    """Every act of the repository, and the references between them."""
    found = load_library(root, cache=cache)
    every = Diagnostics(list(found.library.diagnostics.items))
    files = 0
    for short, loaded in found.works.items():
        if since and loaded.work is not None:
            _in_step_since(found.library.works[short], since, loaded.work, loaded.diagnostics)
        if loaded.work is not None:
            _glyphs(loaded, found.library.works[short], cache)
        every.extend(loaded.diagnostics.items)
        files += loaded.files
        if verbose and loaded.work is not None:
            articles = len(loaded.work.expression(loaded.work.meta.codes[0]).articles())
            typer.echo(f"{short}: {found.library.works[short]} ({articles} articles)", err=True)
    items = every.sorted()
    if fmt is Format.json:
        typer.echo(to_json(items))
    else:
        print_diagnostics(items, fmt.value)
        if not quiet:
            acts = len(found.works)
            typer.echo(f"{summary(every, files)} ({acts} act{'' if acts == 1 else 's'})")
    failing = any(d.severity is Severity.ERROR or strict for d in items)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)
