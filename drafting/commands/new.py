"""`drafting new article|LEVEL`: scaffolding in every language, then renumbering.

LEVEL is any container level of the work's profile (section, chapter, part, ...).
"""

from __future__ import annotations

from pathlib import Path

import typer

from drafting.console import EXIT_FINDINGS, fail, usage
from drafting.diagnostics import DraftingError


def new(
    kind: str = typer.Argument(..., help="article, or a container level of the profile: section, chapter, part, ..."),
    source: Path = typer.Argument(Path("constitution"), help="The source folder (holds work.yaml)."),
    section: str = typer.Option(None, "--section", "-s", "--in",
                                help="The container it goes in: number as printed (IV), folder path "
                                     "(01-general/02-use), 'chapter 3', or slug."),
    after: str = typer.Option(None, "--after", "-a",
                              help="article: the number of the article it follows; section: the section it follows. "
                                   "Default: at the end."),
    stable_id: str = typer.Option(None, "--id", help="The stable id (default: the slug, or a fresh random one)."),
    slug: str = typer.Option(None, "--slug", help="The file or folder name after the number (default: the id)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also list the renumbering."),
) -> None:
    """Add an article (in every language, TODO text) or a section (TODO titles), then renumber."""
    from drafting.progress import Reporter
    from drafting.tools.scaffold import new_article, new_section

    if not source.is_dir():
        usage(f"{source}: no such source folder")
    report = Reporter(quiet, verbose)
    try:
        if kind == "article":
            created = new_article(source, section, after, stable_id, slug)
        elif kind == "section" and section is None:
            created = new_section(source, after, stable_id, slug)
        else:
            created = new_section(source, after, stable_id, slug, level=kind, parent=section)
    except DraftingError as error:
        fail(error, EXIT_FINDINGS)
    except OSError as error:
        fail(DraftingError(f"cannot write {error.filename or source}: {error.strerror or error}"), EXIT_FINDINGS)
    noun = kind
    report.info(f"new {noun} {created.number} '{created.id}':")
    for path in created.paths:
        report.info(f"  {path}")
    moved = [line for line in created.renumbered if f"'{created.id}'" not in line]
    if verbose:
        for line in moved:
            report.info(f"  {line}")
    elif moved:
        report.info(f"  renumbered: {len(moved)} change(s) after it (--verbose lists them)")
    if noun != "article":
        where = created.paths[0].parent.relative_to(source).as_posix()
        report.info(f"add its articles with: drafting new article {source} --in {where}")
    report.info("write the TODO text: 'drafting check' warns (M602) until it is gone; --strict fails on it")
