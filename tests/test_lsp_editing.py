"""`drafting lsp` end to end: completion, rename, quick fixes, the renumber command, outline and workspace symbols.

Each test starts the server as a subprocess (pytest-lsp) on a copy of the
constitution, edits buffers as an editor does, and applies the edits the server
answers with to check what the drafter would get.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

from lsp_client import client, codes, diagnostics_until, open_file, replace_all

LIBERTY = "02-rights/013-personal-liberty"
ASSISTANCE = "02-rights/016-legal-assistance"




def root_of(client: LanguageClient) -> Path:
    return client.root  # type: ignore[attr-defined,no-any-return]


def end_of(text: str) -> types.Position:
    lines = text.split("\n")
    return types.Position(len(lines) - 1, len(lines[-1].encode("utf-16-le")) // 2)


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        return sum(len(line) + 1 for line in lines[:position.line]) + position.character  # BMP text only

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


@pytest.mark.asyncio
async def test_completion_of_ids_paragraphs_and_numbers(client: LanguageClient) -> None:
    root = root_of(client)
    path = root / f"{LIBERTY}.ru.md"
    uri = open_file(client, path)
    typed = path.read_text(encoding="utf-8").rstrip("\n") + "\n4. Смотри [статью 16](art:leg"
    replace_all(client, uri, typed)
    result = await client.text_document_completion_async(types.CompletionParams(
        types.TextDocumentIdentifier(uri), end_of(typed)))
    assert isinstance(result, types.CompletionList)
    by_id = {item.label: item for item in result.items}
    assert len(by_id) == 96  # every article of the Russian text, in document order
    item = by_id["legal-assistance"]
    assert item.detail is not None and item.detail.startswith("Статья 16")
    assert isinstance(item.documentation, types.MarkupContent) and item.documentation.value.startswith("Каждому гарантируется")
    assert item.text_edit is not None and apply_edits(typed, [item.text_edit]).endswith("(art:legal-assistance")  # type: ignore[list-item]
    assert [i.label for i in sorted(result.items, key=lambda i: i.sort_text or "")][:2] == ["state", "unitary-state"] \
        or sorted(result.items, key=lambda i: i.sort_text or "")[0].detail.startswith("Статья 1")  # type: ignore[union-attr]

    typed = typed.removesuffix("(art:leg") + "(art:personal-liberty/"
    replace_all(client, uri, typed, version=3)
    paragraphs = await client.text_document_completion_async(types.CompletionParams(
        types.TextDocumentIdentifier(uri), end_of(typed)))
    assert isinstance(paragraphs, types.CompletionList)
    assert [i.label for i in paragraphs.items] == ["1", "2", "3", "4"]  # with the one being typed

    section = root / "02-rights" / "section.yaml"
    section_uri = open_file(client, section)
    emptied = section.read_text(encoding="utf-8").replace("number: II", "number: ")
    replace_all(client, section_uri, emptied)
    number = await client.text_document_completion_async(types.CompletionParams(
        types.TextDocumentIdentifier(section_uri), types.Position(0, len("number: "))))
    assert isinstance(number, types.CompletionList) and [i.label for i in number.items] == ["II"]
    nothing = await client.text_document_completion_async(types.CompletionParams(
        types.TextDocumentIdentifier(uri), types.Position(4, 3)))
    assert nothing is None or not nothing.items  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_rename_a_stable_id_everywhere_in_one_edit(client: LanguageClient) -> None:
    root = root_of(client)
    path = root / f"{LIBERTY}.ru.md"
    uri = open_file(client, path)
    text = path.read_text(encoding="utf-8")
    line = next(i for i, l in enumerate(text.split("\n")) if "art:legal-assistance" in l)
    at = types.Position(line, text.split("\n")[line].index("art:legal-assistance") + 6)
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(
        types.TextDocumentIdentifier(uri), at))
    assert isinstance(prepared, types.PrepareRenamePlaceholder) and prepared.placeholder == "legal-assistance"
    edit = await client.text_document_rename_async(types.RenameParams(
        types.TextDocumentIdentifier(uri), at, "legal-aid"))
    assert edit is not None and edit.changes is not None
    expected = {(root / f"{stem}.{lang}.md").as_uri() for stem in (LIBERTY, ASSISTANCE) for lang in ("kk", "ru", "en")}
    assert set(edit.changes) == expected
    for target, edits in edit.changes.items():
        file = Path(target.removeprefix("file://"))
        before = file.read_text(encoding="utf-8")
        after = apply_edits(before, edits)
        assert "legal-assistance" not in after and after.replace("legal-aid", "legal-assistance") == before
    # the renamed tree is clean: apply the edit to the buffers and check
    for target, edits in edit.changes.items():
        file = Path(target.removeprefix("file://"))
        opened = open_file(client, file)
        replace_all(client, opened, apply_edits(file.read_text(encoding="utf-8"), edits))
    await diagnostics_until(client, uri, lambda items: not items)
    await diagnostics_until(client, (root / f"{ASSISTANCE}.en.md").as_uri(), lambda items: not items)

    for bad in ("Legal Aid", "personal-liberty"):
        with pytest.raises(JsonRpcException):
            await client.text_document_rename_async(types.RenameParams(
                types.TextDocumentIdentifier((root / f"{ASSISTANCE}.en.md").as_uri()), types.Position(1, 5), bad))


@pytest.mark.asyncio
async def test_quick_fix_rewrites_a_reference_to_the_current_number(client: LanguageClient) -> None:
    root = root_of(client)
    path = root / f"{LIBERTY}.ru.md"
    uri = open_file(client, path)
    wrong = path.read_text(encoding="utf-8").replace("[статьей 16]", "[статьей 15]")
    replace_all(client, uri, wrong)
    found = await diagnostics_until(client, uri, lambda items: "R504" in codes(items))
    finding = next(d for d in found if d.code == "R504")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), finding.range, types.CodeActionContext(diagnostics=[finding])))
    assert actions is not None
    fix = next(a for a in actions if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.QuickFix)
    assert fix.edit is not None and fix.edit.changes is not None
    fixed = apply_edits(wrong, list(fix.edit.changes[uri]))
    assert fixed == path.read_text(encoding="utf-8")
    replace_all(client, uri, fixed, version=3)
    await diagnostics_until(client, uri, lambda items: not items)


@pytest.mark.asyncio
async def test_quick_fix_creates_a_missing_language_file(client: LanguageClient) -> None:
    root = root_of(client)
    (root / f"{ASSISTANCE}.en.md").unlink()
    kk = root / f"{ASSISTANCE}.kk.md"
    uri = open_file(client, kk)
    found = await diagnostics_until(client, uri, lambda items: "A401" in codes(items))
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), found[0].range, types.CodeActionContext(diagnostics=list(found))))
    assert actions is not None
    create = next(a for a in actions if isinstance(a, types.CodeAction) and "Create" in a.title)
    assert create.edit is not None and create.edit.document_changes is not None
    operation, content = create.edit.document_changes
    target = (root / f"{ASSISTANCE}.en.md").as_uri()
    assert isinstance(operation, types.CreateFile) and operation.uri == target
    assert isinstance(content, types.TextDocumentEdit) and content.text_document.uri == target
    body = content.edits[0].new_text
    assert body.startswith("---\nid: legal-assistance\nnumber: 16\n---\n1. TODO\n2. TODO\n")  # kk's paragraphs
    # the editor creates the file with that text and reports it (the server asked to watch its files)
    watched = [r for r in client.registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]  # type: ignore[attr-defined]
    assert watched and {w["globPattern"] for w in watched[0].register_options["watchers"]} == {"**/*.md", "**/*.yaml"}
    # the A401 goes, a TODO warning (M602) comes
    created = root / f"{ASSISTANCE}.en.md"
    created.write_text(body, encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        [types.FileEvent(target, types.FileChangeType.Created)]))
    await diagnostics_until(client, uri, lambda items: "A401" not in codes(items))
    assert set(codes(await diagnostics_until(client, target, lambda items: bool(items)))) == {"M602"}  # no A402


@pytest.mark.asyncio
async def test_renumber_is_offered_and_run_as_a_command(client: LanguageClient) -> None:
    root = root_of(client)
    for lang in ("kk", "ru", "en"):
        file = root / f"{ASSISTANCE}.{lang}.md"
        file.write_text(file.read_text(encoding="utf-8").replace("number: 16", "number: 61"), encoding="utf-8")
    path = root / f"{ASSISTANCE}.ru.md"
    uri = open_file(client, path)
    found = await diagnostics_until(client, uri, lambda items: "N303" in codes(items) or "N310" in codes(items))
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), found[0].range, types.CodeActionContext(diagnostics=list(found))))
    assert actions is not None
    offer = next((a for a in actions if isinstance(a, types.CodeAction) and a.command is not None), None)
    assert offer is not None, (actions, found)
    assert offer.command is not None and offer.command.command == "drafting.renumber"

    # refused while a buffer of the tree is unsaved
    replace_all(client, uri, path.read_text(encoding="utf-8") + "\n")
    refused = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        offer.command.command, offer.command.arguments))
    assert "save" in str(refused) and "number: 61" in path.read_text(encoding="utf-8")
    replace_all(client, uri, path.read_text(encoding="utf-8"), version=3)

    done = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        offer.command.command, offer.command.arguments))
    assert "renumbered" in str(done)
    assert "number: 16" in path.read_text(encoding="utf-8")
    liberty = (root / f"{LIBERTY}.ru.md").as_uri()
    assert not client.diagnostics.get(liberty)
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
    await diagnostics_until(client, uri, lambda items: not items)


@pytest.mark.asyncio
async def test_outline_and_workspace_symbols(client: LanguageClient) -> None:
    root = root_of(client)
    uri = open_file(client, root / f"{LIBERTY}.ru.md")
    outline = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        types.TextDocumentIdentifier(uri)))
    assert outline is not None and len(outline) == 1
    article = outline[0]
    assert isinstance(article, types.DocumentSymbol) and article.name == "Статья 13"
    assert [p.name for p in article.children or []] == ["1.", "2.", "3."]
    points = (article.children or [])[2].children or []
    assert [p.name for p in points] == ["1)", "2)", "3)", "4)", "5)"]
    assert points[1].range.start.line == 8 and points[1].range.end.line == 8

    section = open_file(client, root / "02-rights" / "section.yaml")
    outline = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        types.TextDocumentIdentifier(section)))
    assert outline is not None and [s.name for s in outline] == ["II бөлім"]  # type: ignore[union-attr]

    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="статья 16"))
    assert symbols is not None and symbols
    assert any(s.location.uri.endswith("016-legal-assistance.ru.md") for s in symbols)  # type: ignore[union-attr]
    assert all("статья" in s.name.casefold() and "16" in s.name for s in symbols)
    everything = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query=""))
    assert everything is not None and len(everything) == 96 * 3
