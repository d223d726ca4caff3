"""`drafting redline OLD NEW [SOURCE]`: what changed between two versions, for reviewers.

With no SOURCE at a repository's root (``drafting.yaml``), every act is compared
and each act's files go under its own folder of ``--out`` (``OUT/SHORT/``). All
versions are read and compared before anything is written, so a revision that
cannot be read, or sources with errors, leave ``--out`` as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import typer

from drafting.console import EXIT_FINDINGS, EXIT_USAGE, fail, interactive, print_diagnostics, usage
from drafting.diagnostics import DraftingError

if TYPE_CHECKING:
    from drafting.writers.redline.changes import Redline
    from drafting.writers.redline.labels import Labels
    from drafting.writers.redline.revisions import Version
    from drafting.writers.redline.table import Row


@dataclass
class Prepared:
    """One act's redline, compared and with its table's rows, ready to be written."""

    before: Version
    after: Version
    result: Redline
    labels: Labels
    rows: list[Row]


def redline(
    old: str = typer.Argument(..., help="The earlier version: a tag, branch, SHA, HEAD~N, or a named version."),
    new: str = typer.Argument(..., help="The later version, the same way, or WORKTREE for the files on disk."),
    source: Path = typer.Argument(None, help="The source folder (holds work.yaml); default: every act of the "
                                  "repository at its root (drafting.yaml), else constitution."),
    out: Path = typer.Option(..., "--out", "-o", help="Where redline.pdf, redline.html, comparative-table.pdf "
                             "and summary.json go (each act under OUT/SHORT/ at a repository's root)."),
    lang: str = typer.Option(None, "--lang", help="kk, ru or en (default: the work's first language)."),
    changed_only: bool = typer.Option(False, "--changed-only", help="Leave unchanged articles out of the text."),
    similarity: float = typer.Option(70.0, "--similarity", min=0, max=100,
                                     help="How similar (0-100) an article with a new id must be to be matched."),
    allow_errors: bool = typer.Option(False, "--allow-errors", help="Compare even if a version fails the checks."),
    justifications: Path = typer.Option(None, "--justifications", help="The justifications file "
                                        "(default: SOURCE/justifications.yaml)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say each step."),
) -> None:
    """Compare two versions of the sources (read from git, nothing checked out) and write the redline into OUT."""
    from drafting.source.scope import library_root
    from drafting.writers.redline.revisions import RevisionError

    show = verbose or (interactive() and not quiet)

    def say(message: str) -> None:
        if show:
            typer.echo(message, err=True)

    root = library_root(source)
    if root is not None and justifications is not None:
        usage("--justifications names one act's file: give that act's SOURCE too")
    works = _library_works(root) if root is not None else {"": source or Path("constitution")}
    for folder in works.values():
        if not folder.is_dir():
            usage(f"{folder}: no such source folder")
    try:
        prepared: dict[str, Prepared] = {}
        for short, folder in works.items():
            if short:
                say(f"{short}: {folder}")
            found = _prepare(folder, old, new, lang, similarity, allow_errors, justifications, quiet, say,
                             library=bool(short))
            if found is not None:
                prepared[short] = found
        written = {short: _write(item, out / short if short else out, changed_only, say)
                   for short, item in prepared.items()}
    except RevisionError as error:
        fail(error, EXIT_USAGE)
    except DraftingError as error:
        fail(error, EXIT_FINDINGS if error.diagnostics else EXIT_USAGE)
    if not quiet:
        for short, item in prepared.items():
            _report(item, out / short if short else out, written[short], short)


def _library_works(root: Path) -> dict[str, Path]:
    from drafting.source.library import read_library

    library = read_library(root)
    if library.diagnostics.has_errors():
        fail(DraftingError(f"{root / 'drafting.yaml'}: the repository's list of acts has errors",
                           library.diagnostics.sorted()), EXIT_FINDINGS)
    return dict(library.works)


def _prepare(source: Path, old: str, new: str, lang: str | None, similarity: float, allow_errors: bool,
             justifications: Path | None, quiet: bool, say: Callable[[str], None],
             library: bool = False) -> Prepared | None:
    """Both versions read and compared, the table's rows justified; None for an act only one version has
    (at a repository's root: an act added or removed between the two is said, not compared)."""
    from drafting.diagnostics import Diagnostics
    from drafting.source.reader import JUSTIFICATIONS_FILE
    from drafting.writers.redline.compare import compare
    from drafting.writers.redline.justifications import justify, read_justifications
    from drafting.writers.redline.labels import Labels
    from drafting.writers.redline.revisions import MissingWork, Repository, WORKTREE, read_version
    from drafting.writers.redline.table import table_rows

    repository = None if old.upper() == new.upper() == WORKTREE else Repository(source)
    try:
        before = read_version(source, old, repository, allow_errors)
        after = read_version(source, new, repository, allow_errors)
    except MissingWork as error:
        if not library:
            raise
        typer.echo(f"note: {source}: {error.message} (an act only one version has)", err=True)
        return None
    for version in (before, after):
        say(f"read {version.side.label}: {len(version.work.expressions[version.work.meta.codes[0]].articles())} articles")
        print_diagnostics(version.loaded.diagnostics.errors)
    code = lang or after.work.meta.codes[0]
    for version in (before, after):
        if code not in version.work.meta.codes:
            usage(f"{version.side.label} has no language '{code}' (it has {', '.join(version.work.meta.codes)})")
    result = compare(before.work, after.work, code, before.side, after.side, similarity)
    labels = Labels(code, after.work.profile)
    for version in (before, after):
        if version.side.findings:
            typer.echo(f"warning: {version.side.label} has {len(version.side.findings)} numbering or reference "
                       "errors; compared as it stands (the redline says so on its first page)", err=True)
    path = justifications or source / JUSTIFICATIONS_FILE
    found = read_justifications(path, before.side, after.side)
    notes = Diagnostics()
    rows = justify(table_rows(result, labels), found, code, before.side, after.side, notes)
    if not quiet:
        print_diagnostics(notes.items)
    return Prepared(before, after, result, labels, rows)


def _write(item: Prepared, out: Path, changed_only: bool, say: Callable[[str], None]) -> list[dict[str, object]]:
    from drafting.writers.redline.output import write_redline

    return write_redline(item.result, item.labels, out, changed_only, say, item.rows)


def _report(item: Prepared, out: Path, entries: list[dict[str, object]], short: str) -> None:
    from drafting.writers.redline.summary import counts

    numbers = counts(item.result)
    for entry in entries:
        typer.echo(f"{out / str(entry['path'])}")
    prefix = f"{short}: " if short else ""
    typer.echo(f"{prefix}{item.before.side.label} -> {item.after.side.label}: {numbers.old_articles} -> "
               f"{numbers.new_articles} articles; {numbers.amended} amended ({numbers.percent_amended}%), "
               f"{numbers.inserted} inserted, {numbers.deleted} deleted, {numbers.moved} moved, "
               f"{numbers.renumbered} renumbered")
