"""`drafting lsp`: the language server for editors, over stdin and stdout."""

from __future__ import annotations

import typer


def lsp(
    stdio: bool = typer.Option(True, "--stdio", help="Talk over stdin/stdout (the only transport; accepted for "
                                                     "editors that always pass it)."),
) -> None:
    """Serve an editor over the Language Server Protocol: diagnostics while typing, references, fixes."""
    from drafting.lsp.lspserver import serve

    serve()
