"""A language client for the tests: starts `drafting lsp` as a subprocess (pytest-lsp), opens files, waits for diagnostics."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path
from typing import Any, Callable, Sequence, Union

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPO = Path(__file__).resolve().parent.parent
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "drafting", "lsp", "--stdio"])
TIMEOUT = 20.0


def copy_constitution(tmp_path: Path) -> Path:
    root = tmp_path / "constitution"
    shutil.copytree(REPO / "constitution", root)
    return root


def _read_code_actions_as_editors_do(client: LanguageClient) -> None:
    """lsprotocol reads any code action that has a ``command`` as a bare Command, even when that command is an
    object (a CodeAction that runs a command); editors tell them apart by the field's type, so do the same."""
    converter = client.protocol._converter  # type: ignore[attr-defined]

    def structure(value: Any, _: type) -> types.Command | types.CodeAction:
        kind = types.Command if isinstance(value.get("command"), str) else types.CodeAction
        return converter.structure(value, kind)  # type: ignore[no-any-return]

    converter.register_structure_hook(Union[types.Command, types.CodeAction], structure)


def _accept_registrations(client: LanguageClient) -> None:
    """Accept ``client/registerCapability`` as editors do (pytest-lsp's client has no handler); keep them."""
    client.registrations = []  # type: ignore[attr-defined]

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]


async def start(client: LanguageClient, folder: Path) -> types.InitializeResult:
    _read_code_actions_as_editors_do(client)
    _accept_registrations(client)
    return await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=folder.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name=folder.name)],
    ))


def open_file(client: LanguageClient, path: Path, text: str | None = None) -> str:
    uri = path.as_uri()
    body = path.read_text(encoding="utf-8") if text is None else text
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=body)))
    return uri


def replace_all(client: LanguageClient, uri: str, text: str, version: int = 2) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        [types.TextDocumentContentChangeWholeDocument(text=text)]))


async def diagnostics_until(client: LanguageClient, uri: str,
                            condition: Callable[[Sequence[types.Diagnostic]], bool]) -> Sequence[types.Diagnostic]:
    """Wait until the diagnostics published for ``uri`` satisfy ``condition``."""

    async def wait() -> Sequence[types.Diagnostic]:
        while True:
            if uri in client.diagnostics and condition(client.diagnostics[uri]):
                return client.diagnostics[uri]
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    return await asyncio.wait_for(wait(), TIMEOUT)


def codes(items: Sequence[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in items)


def position_of(path: Path, needle: str, after: int = 0) -> types.Position:
    """The protocol position of ``needle`` (plus ``after`` characters) in a file (UTF-16 columns)."""
    text = path.read_text(encoding="utf-8")
    offset = text.index(needle) + after
    line = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1)
    prefix = text[offset - column:offset]
    return types.Position(line, len(prefix.encode("utf-16-le")) // 2)


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The server started on a copy of the constitution (``client.root``), shut down after the test."""
    lsp_client.root = copy_constitution(tmp_path)  # type: ignore[attr-defined]
    await start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()
