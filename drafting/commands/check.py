"""`drafting check`: every mistake in the sources, at once, as path:line:col."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from drafting.console import EXIT_FINDINGS, EXIT_OK, fail, print_diagnostics, usage
from drafting.diagnostics import Diagnostics, DraftingError, Severity, summary, to_json
from drafting.source.librarycheck import check_library
from drafting.model import Work
from drafting.source.load import Loaded, load
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
    changed: str = typer.Option(None, "--changed", metavar="REV",
                                help="At a repository's root: check only the acts with a file changed since the git "
                                     "revision REV (committed, staged, unstaged or untracked) and the acts that refer "
                                     "to them. A single act is checked whole."),
    since: str = typer.Option(None, "--since", metavar="REV",
                              help="Translations in step (A409) against a git revision instead of translations.yaml: "
                                   "units changed since REV in one language but not in those that follow it."),
) -> None:
    """Check the sources' structure, numbering, languages and references."""
    root = library_root(source)
    if root is not None:
        _check_library(root, fmt, strict, quiet, verbose, cache, changed, since)
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


def _in_step_since(source: Path, revision: str, work: Work, diags: Diagnostics, one_of_many: bool = False) -> None:
    """Replace the A409 findings against translations.yaml by those against ``revision`` (an act of a repository
    that the revision does not have yet, ``one_of_many``, keeps no A409: there is nothing to compare)."""
    from drafting.checks.instep import every_unit, hashes, out_of_step, report
    from drafting.tools.statistics import read_revision
    from drafting.writers.redline.revisions import RevisionError

    try:
        before = read_revision(source, revision)
    except RevisionError as error:
        if one_of_many and "has no folder" in error.message:
            diags.items = [d for d in diags.items if d.code != "A409"]
            return
        usage(error.message)
    except DraftingError as error:  # the revision's sources cannot be read at all
        fail(error)
    diags.items = [d for d in diags.items if d.code != "A409"]
    report(out_of_step(hashes(before), every_unit(work), work.meta), diags, since=revision)


def _check_library(root: Path, fmt: Format, strict: bool, quiet: bool, verbose: bool, cache: bool,
                   changed: str | None, since: str | None = None) -> None:
    """Every act of the repository, and the references between them (acts checked in parallel, unchanged acts'
    results from the last run); with ``changed``, the acts a change touched and those that refer to them."""
    only = _touched(root, changed) if changed is not None else None
    found = check_library(root, cache=cache, only=only)
    if since:  # each act's A409 against the revision instead of its translations.yaml
        for short in found.acts:
            folder = found.library.works[short]
            now = load(folder, others=False)
            if now.work is None:
                continue
            mine = now.tree.display("")
            found.diagnostics.items = [d for d in found.diagnostics.items
                                       if not (d.code == "A409" and d.path.startswith(mine))]
            fresh = Diagnostics()
            _in_step_since(folder, since, now.work, fresh, one_of_many=True)
            found.diagnostics.items.extend(fresh.items)
    if verbose:
        for short, act in found.acts.items():
            again = "checked" if short in found.rechecked else "unchanged"
            typer.echo(f"{short}: {found.library.works[short]} ({act.articles} articles, {again})", err=True)
    items = found.diagnostics.sorted()
    if fmt is Format.json:
        typer.echo(to_json(items))
    else:
        print_diagnostics(items, fmt.value)
        if not quiet:
            acts = len(found.acts)
            every = len(found.library.works)
            scope = f"{acts} of {every} acts: changed since {changed} or referring to them" if only is not None \
                else f"{acts} act{'' if acts == 1 else 's'}"
            typer.echo(f"{summary(found.diagnostics, found.files)} ({scope})")
    failing = any(d.severity is Severity.ERROR or strict for d in items)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


def _touched(root: Path, rev: str) -> set[str] | None:
    """The acts with a file changed since ``rev`` and those referring to them (None: every act)."""
    from drafting.source.changedacts import changed_files, referring_acts, touched_acts
    from drafting.source.librarycheck import current_references
    from drafting.source.library import read_library

    library = read_library(root)
    try:
        files = changed_files(root, rev)
    except DraftingError as error:
        usage(error.message)
    touched = touched_acts(library, files)
    if touched is None or not touched:
        return touched
    return touched | referring_acts(library, touched, current_references(root, library))
