"""`drafting consolidate BASE AMENDMENT [SOURCE] --out DIR`: an amending act applied to a version, as sources."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from drafting.commands.build import EXIT_INTERRUPTED
from drafting.console import EXIT_FINDINGS, EXIT_USAGE, fail, interactive, usage
from drafting.diagnostics import DraftingError

_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def consolidate(
    base: str = typer.Argument(..., help="The version the act amends: a tag, branch, SHA, HEAD~N, a named version, "
                               "or WORKTREE."),
    amendment: Path = typer.Argument(..., help="The amending act: its source folder (its work.yaml has amends:), "
                                     "or its Akoma Ntoso (a file, with the other languages' files beside it, "
                                     "or their folder)."),
    source: Path = typer.Argument(Path("constitution"), help="The amended act's source folder (holds work.yaml)."),
    out: Path = typer.Option(..., "--out", "-o", help="Where the consolidated source tree goes (a new or empty folder)."),
    name: str = typer.Option(None, "--name", help="The consolidated version's name in work.yaml "
                             "(default: 'amended-' and the amending act's number)."),
    force: bool = typer.Option(False, "--force", help="Replace OUT when it already holds files."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say each step."),
) -> None:
    """Apply the amending act AMENDMENT to version BASE of SOURCE and write the consolidated sources into OUT."""
    from drafting.akn import uri
    from drafting.consolidation.consolidated import BaseError, consolidate as run, read_base, write_consolidated
    from drafting.consolidation.fromact import read_instructions, steps_of
    from drafting.consolidation.record import AmendingAct
    from drafting.source.load import load_tree
    from drafting.source.reader import WORK_FILE
    from drafting.source.tree import FileTree

    if not source.is_dir():
        usage(f"{source}: no such source folder")
    from drafting.consolidation.fromakn import is_akn_act, read_akn_act

    from_akn = is_akn_act(amendment)
    if not from_akn and not (amendment / WORK_FILE).is_file():
        usage(f"{amendment}: neither an amending act's source folder (no {WORK_FILE}) nor its Akoma Ntoso "
              "(.xml files)")
    show = verbose or (interactive() and not quiet)

    def say(message: str) -> None:
        if show:
            typer.echo(message, err=True)

    try:
        files, work, label = read_base(source, base)
        say(f"read {label}: {len(files)} files")
        amended_uri = uri.work_uri(work.meta)
        if from_akn:
            akn = read_akn_act(amendment, work, work.meta.short or "")
            if akn.amends != amended_uri:
                raise BaseError(f"{amendment} amends {akn.amends}, but {source} at {label} is {amended_uri}")
            located, diagnostics = read_instructions(akn.text, work)
            act_uri, number = akn.uri, akn.number.lower()
            made_by = AmendingAct(act_uri, akn.date, akn.title)
        else:
            loaded = load_tree(FileTree(amendment))
            act = loaded.work
            if act is None or loaded.diagnostics.has_errors():
                raise BaseError(f"{amendment}: the amending act has errors (see above): fix them first",
                                loaded.diagnostics.errors)
            if act.meta.amends is None:
                raise BaseError(f"{amendment}: not an amending act: its {WORK_FILE} has no 'amends:'")
            if act.meta.amends.uri != amended_uri:
                raise BaseError(f"{amendment} amends {act.meta.amends.uri}, but {source} at {label} is {amended_uri}")
            located, diagnostics = read_instructions(act, work)
            act_uri, number = uri.work_uri(act.meta), act.meta.number.lower()
            made_by = AmendingAct(act_uri, act.meta.date, dict(act.meta.title))
        if diagnostics.has_errors():
            raise DraftingError("the amending act's instructions cannot be read: nothing was written",
                                diagnostics.sorted())
        say(f"read {len(located)} instructions from {amendment}")
        chosen = name or (f"amended-{number}" if _NAME.match(number) else "amended")
        if not _NAME.match(chosen) or work.meta.version_named(chosen) is not None:
            usage(f"version name '{chosen}' is not free in {WORK_FILE} or not lower case, digits and dashes: "
                  "give another with --name")
        result = run(files, work, made_by, steps_of(located), chosen, str(out))
        write_consolidated(result, out, force)
    except BaseError as error:
        fail(error, EXIT_USAGE)
    except KeyboardInterrupt:
        typer.echo(f"interrupted: nothing was written to {out}", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except DraftingError as error:
        fail(error, EXIT_FINDINGS if error.diagnostics else EXIT_USAGE)
    if not quiet:
        typer.echo(f"{out}: {label} with {len(result.applied)} changes of {act_uri} applied (version '{chosen}')")
