"""`drafting lsp` end to end, as an editor talks to it: diagnostics while typing, definition, references, hover.

Each test starts the server as a subprocess (pytest-lsp) on a copy of the
constitution and speaks the protocol to it over stdio.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_client import SERVER, codes, copy_constitution, diagnostics_until, open_file, position_of, replace_all, start

RIGHTS = "02-rights"
LIBERTY_RU = f"{RIGHTS}/013-personal-liberty.ru.md"
ASSISTANCE = "02-rights/016-legal-assistance"


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, tmp_path: Path):  # type: ignore[no-untyped-def]
    root = copy_constitution(tmp_path)
    await start(lsp_client, tmp_path)
    lsp_client.root = root  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


def root_of(client: LanguageClient) -> Path:
    return client.root  # type: ignore[attr-defined,no-any-return]


@pytest.mark.asyncio
async def test_unsaved_edit_reports_findings_here_and_in_the_files_it_breaks(client: LanguageClient) -> None:
    root = root_of(client)
    target = root / f"{ASSISTANCE}.ru.md"
    original = target.read_text(encoding="utf-8")
    uri = open_file(client, target)
    liberty = (root / LIBERTY_RU).as_uri()
    await diagnostics_until(client, uri, lambda items: not items)  # a clean tree: an empty report for the file

    # the drafter renumbers the article in the buffer, unsaved: the reference text in another file is now wrong
    replace_all(client, uri, original.replace("number: 16", "number: 61"))
    here = await diagnostics_until(client, uri, lambda items: "A406" in codes(items))
    there = await diagnostics_until(client, liberty, lambda items: "R504" in codes(items))
    assert (root / f"{ASSISTANCE}.ru.md").read_text(encoding="utf-8") == original  # nothing written
    finding = next(d for d in there if d.code == "R504")
    assert "article 61" in finding.message
    assert finding.severity == types.DiagnosticSeverity.Error and finding.source == "drafting"
    line = (root / LIBERTY_RU).read_text(encoding="utf-8").split("\n")[finding.range.start.line]
    assert line[finding.range.start.character:].startswith("[статьей 16](art:legal-assistance)")
    assert finding.code_description is not None and finding.code_description.href.endswith("#what-is-checked")
    assert any(d.code == "A406" and d.range.start.line == 2 for d in here)  # the number line of the edited file

    # undone: both files are cleared again
    replace_all(client, uri, original, version=3)
    await diagnostics_until(client, liberty, lambda items: not items)
    await diagnostics_until(client, uri, lambda items: not items)


@pytest.mark.asyncio
async def test_definition_goes_to_the_target_in_the_same_language(client: LanguageClient) -> None:
    root = root_of(client)
    path = root / LIBERTY_RU
    uri = open_file(client, path)
    result = await client.text_document_definition_async(types.DefinitionParams(
        types.TextDocumentIdentifier(uri), position_of(path, "(art:legal-assistance)", 3)))
    assert isinstance(result, list) and len(result) == 1
    assert result[0].uri == (root / f"{ASSISTANCE}.ru.md").as_uri()
    assert result[0].range.start == types.Position(0, 0)
    # on the link text too; outside any link, nothing
    on_text = await client.text_document_definition_async(types.DefinitionParams(
        types.TextDocumentIdentifier(uri), position_of(path, "[статьей 16]", 2)))
    assert isinstance(on_text, list) and on_text[0].uri == result[0].uri
    nowhere = await client.text_document_definition_async(types.DefinitionParams(
        types.TextDocumentIdentifier(uri), types.Position(4, 2)))
    assert not nowhere


@pytest.mark.asyncio
async def test_hover_shows_the_current_number_and_text_in_every_language(client: LanguageClient) -> None:
    root = root_of(client)
    path = root / LIBERTY_RU
    uri = open_file(client, path)
    result = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), position_of(path, "(art:legal-assistance)", 5)))
    assert result is not None and isinstance(result.contents, types.MarkupContent)
    value = result.contents.value
    assert "Статья 16" in value and "16-бап" in value and "Article 16" in value
    for lang in ("kk", "ru", "en"):
        first_words = (root / f"{ASSISTANCE}.{lang}.md").read_text(encoding="utf-8").split("---\n")[2][3:30]
        assert " ".join(first_words.split()) in value, lang
    # after an unsaved renumbering of the target, the hover shows the new number
    target = root / f"{ASSISTANCE}.ru.md"
    target_uri = open_file(client, target)
    replace_all(client, target_uri, target.read_text(encoding="utf-8").replace("number: 16", "number: 61"))
    await diagnostics_until(client, target_uri, lambda items: "A406" in codes(items))
    renumbered = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), position_of(path, "(art:legal-assistance)", 5)))
    assert renumbered is not None and "Статья 61" in renumbered.contents.value  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_references_come_from_every_language(client: LanguageClient) -> None:
    root = root_of(client)
    path = root / f"{ASSISTANCE}.en.md"
    uri = open_file(client, path)
    result = await client.text_document_references_async(types.ReferenceParams(
        context=types.ReferenceContext(include_declaration=False),
        text_document=types.TextDocumentIdentifier(uri), position=types.Position(5, 3)))
    assert result is not None
    expected = {(root / f"{RIGHTS}/013-personal-liberty.{lang}.md").as_uri() for lang in ("kk", "ru", "en")}
    assert {loc.uri for loc in result} == expected
    for loc in result:
        line = Path(loc.uri.removeprefix("file://")).read_text(encoding="utf-8").split("\n")[loc.range.start.line]
        assert line[loc.range.start.character:].startswith("art:legal-assistance")
    with_ids = await client.text_document_references_async(types.ReferenceParams(
        context=types.ReferenceContext(include_declaration=True),
        text_document=types.TextDocumentIdentifier(uri), position=types.Position(5, 3)))
    assert with_ids is not None and len(with_ids) == len(result) + 3
