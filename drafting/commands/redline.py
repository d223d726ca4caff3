"""`drafting redline OLD NEW [SOURCE]`: what changed between two versions, for reviewers."""

from __future__ import annotations

from pathlib import Path

import typer

from drafting.console import EXIT_FINDINGS, EXIT_USAGE, fail, interactive, print_diagnostics, usage
from drafting.diagnostics import DraftingError


def redline(
    old: str = typer.Argument(..., help="The earlier version: a tag, branch, SHA, HEAD~N, or a named version."),
    new: str = typer.Argument(..., help="The later version, the same way, or WORKTREE for the files on disk."),
    source: Path = typer.Argument(Path("constitution"), help="The source folder (holds work.yaml)."),
    out: Path = typer.Option(..., "--out", "-o", help="Where redline.pdf, redline.html, comparative-table.pdf "
                             "and summary.json go."),
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
    from drafting.writers.redline.compare import compare
    from drafting.writers.redline.labels import Labels
    from drafting.writers.redline.output import write_redline
    from drafting.writers.redline.revisions import Repository, RevisionError, WORKTREE, read_version
    from drafting.diagnostics import Diagnostics
    from drafting.source.reader import JUSTIFICATIONS_FILE
    from drafting.writers.redline.justifications import justify, read_justifications
    from drafting.writers.redline.summary import counts
    from drafting.writers.redline.table import table_rows

    if not source.is_dir():
        usage(f"{source}: no such source folder")
    show = verbose or (interactive() and not quiet)

    def say(message: str) -> None:
        if show:
            typer.echo(message, err=True)

    try:
        repository = None if old.upper() == new.upper() == WORKTREE else Repository(source)
        before = read_version(source, old, repository, allow_errors)
        after = read_version(source, new, repository, allow_errors)
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
        entries = write_redline(result, labels, out, changed_only, say, rows)
    except RevisionError as error:
        fail(error, EXIT_USAGE)
    except DraftingError as error:
        fail(error, EXIT_FINDINGS if error.diagnostics else EXIT_USAGE)
    if not quiet:
        numbers = counts(result)
        for entry in entries:
            typer.echo(f"{out / str(entry['path'])}")
        typer.echo(f"{before.side.label} -> {after.side.label}: {numbers.old_articles} -> {numbers.new_articles} "
                   f"articles; {numbers.amended} amended ({numbers.percent_amended}%), {numbers.inserted} inserted, "
                   f"{numbers.deleted} deleted, {numbers.moved} moved, {numbers.renumbered} renumbered")
