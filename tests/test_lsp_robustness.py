"""Bad input never stops `drafting lsp`: a binary file, a file outside any source tree, malformed messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_client import client, codes, diagnostics_until, open_file, position_of

LIBERTY_RU = "02-rights/013-personal-liberty.ru.md"




async def still_answers(client: LanguageClient, root: Path) -> None:
    path = root / LIBERTY_RU
    uri = open_file(client, path)
    result = await client.text_document_definition_async(types.DefinitionParams(
        types.TextDocumentIdentifier(uri), position_of(path, "(art:legal-assistance)", 3)))
    assert isinstance(result, list) and result[0].uri.endswith("016-legal-assistance.ru.md")


@pytest.mark.asyncio
async def test_binary_and_foreign_files(client: LanguageClient, tmp_path: Path) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    binary = root / "02-rights" / "013-personal-liberty.kk.md"
    uri = open_file(client, binary, "---\nid: x\x00\x01\x02\n---\n\ufffd\ufffd")
    found = await diagnostics_until(client, uri, lambda items: "S102" in codes(items))
    assert found[0].range.start.line == 1
    outside = tmp_path / "notes.md"  # no work.yaml above it
    outside.write_text("[x](art:legal-assistance)\n", encoding="utf-8")
    foreign = open_file(client, outside)
    assert await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(foreign), types.Position(0, 5))) is None
    unknown = (root / "02-rights" / "nothing-here.txt").as_uri()  # in the tree, never opened, not on disk
    assert await client.text_document_definition_async(types.DefinitionParams(
        types.TextDocumentIdentifier(unknown), types.Position(3, 1))) is None
    far = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(9999, 9999)))
    assert far is None
    await still_answers(client, root)


@pytest.mark.asyncio
async def test_malformed_messages_get_errors_not_a_dead_server(client: LanguageClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    server = client._server  # type: ignore[attr-defined]
    assert server is not None and server.stdin is not None
    for body in (b'{"jsonrpc": "2.0", "id": 9001, "method": "textDocument/hover", "par',
                 json.dumps({"jsonrpc": "2.0", "id": 9002, "method": "textDocument/hover",
                             "params": {"textDocument": {}, "position": "here"}}).encode(),
                 json.dumps({"jsonrpc": "2.0", "id": 9003, "method": "textDocument/definition",
                             "params": {"textDocument": {"uri": "file:///\x00"}, "position": {"line": -1, "character": 0}}}).encode()):
        server.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    await server.stdin.drain()
    await still_answers(client, root)
    assert server.returncode is None
