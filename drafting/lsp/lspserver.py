"""`drafting lsp`: the language server (pygls over stdio), wiring protocol messages to the feature modules.

Every handler runs behind ``guarded``: a failure is logged to the client
(window/logMessage) and answered with an empty result or an error response,
never allowed to stop the server. A document outside every source tree (no
``work.yaml`` above it) gets no diagnostics and empty answers.
"""

from __future__ import annotations

import functools
import traceback
from pathlib import Path
from typing import Any, Callable, TypeVar

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from drafting import __version__
from drafting.diagnostics import DraftingError
from drafting.lsp import codeactions, completion, lspdiagnostics, navigation, renaming, symbols
from drafting.lsp.positions import Text
from drafting.lsp.workspacestate import SourceState, Sources

R = TypeVar("R")


class DraftingServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("drafting", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.sources = Sources()
        self.published: dict[Path, lspdiagnostics.Published] = {}

    # -- documents --------------------------------------------------------------------------

    def locate(self, uri: str) -> tuple[SourceState, str] | None:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path is None:
            return None
        return self.sources.find(Path(path))

    def document(self, uri: str) -> tuple[SourceState, str, Text] | None:
        """The tree, the relative path and the text of a document the server can answer for."""
        found = self.locate(uri)
        if found is None:
            return None
        state, rel = found
        raw = state.text(rel)
        if raw is None:
            return None
        return state, rel, Text(rel, raw, self.workspace.position_codec)

    def buffer(self, uri: str) -> str:
        return self.workspace.get_text_document(uri).source

    # -- diagnostics ----------------------------------------------------------------------------

    def publish(self, state: SourceState, uri: str | None = None) -> None:
        """Send the diagnostics that changed since the last time (and always those of ``uri``, just edited)."""
        analysis = state.analysis()
        codec = self.workspace.position_codec
        texts: dict[str, Text] = {}
        for item in analysis.diagnostics:
            if item.path not in texts:
                raw = state.text(item.path) if not Path(item.path).is_absolute() else None
                if raw is not None:
                    texts[item.path] = Text(item.path, raw, codec)
        current = lspdiagnostics.by_uri(analysis.diagnostics, state.root, texts)
        previous = self.published.get(state.root, {})
        changed = lspdiagnostics.changes(previous, current)
        if uri is not None and uri not in changed:
            changed[uri] = current.get(uri, [])
        for where, items in changed.items():
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=where, diagnostics=items))
        self.published[state.root] = current

    def log(self, message: str, kind: types.MessageType = types.MessageType.Log) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))


def guarded(default: Any) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Run a handler; on an unexpected exception log it and answer ``default`` (protocol errors pass on)."""

    def wrap(handler: Callable[..., R]) -> Callable[..., R]:
        @functools.wraps(handler)
        def run(ls: DraftingServer, params: Any) -> R:
            try:
                return handler(ls, params)
            except JsonRpcException:
                raise
            except Exception as exc:  # noqa: BLE001  (the server must outlive any bad input)
                ls.log(f"drafting: {handler.__name__} failed: {exc!r}\n{traceback.format_exc()}", types.MessageType.Error)
                return default  # type: ignore[no-any-return]

        return run

    return wrap


server = DraftingServer()


@server.feature(types.INITIALIZED)
@guarded(None)
def initialized(ls: DraftingServer, params: types.InitializedParams) -> None:
    for folder in ls.workspace.folders.values():
        path = to_fs_path(folder.uri)
        if path is not None:
            ls.sources.discover(Path(path))
    if not ls.workspace.folders and ls.workspace.root_path:
        ls.sources.discover(Path(ls.workspace.root_path))
    watched = ls.client_capabilities.workspace.did_change_watched_files if ls.client_capabilities.workspace else None
    if watched is not None and watched.dynamic_registration:
        # files changed outside the editor (git checkout, drafting new, renumber in a terminal) are read again
        ls.client_register_capability(types.RegistrationParams([types.Registration(
            id="drafting-sources", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=[
                types.FileSystemWatcher(glob_pattern="**/*.md"), types.FileSystemWatcher(glob_pattern="**/*.yaml")]))]))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
@guarded(None)
def did_open(ls: DraftingServer, params: types.DidOpenTextDocumentParams) -> None:
    found = ls.locate(params.text_document.uri)
    if found is None:
        ls.log(f"drafting: {params.text_document.uri} is not in a source tree (no work.yaml above it)")
        return
    state, rel = found
    state.open(rel, params.text_document.text)
    ls.publish(state, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
@guarded(None)
def did_change(ls: DraftingServer, params: types.DidChangeTextDocumentParams) -> None:
    found = ls.locate(params.text_document.uri)
    if found is None:
        return
    state, rel = found
    state.change(rel, ls.buffer(params.text_document.uri))
    ls.publish(state, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
@guarded(None)
def did_save(ls: DraftingServer, params: types.DidSaveTextDocumentParams) -> None:
    found = ls.locate(params.text_document.uri)
    if found is not None:
        found[0].disk_changed(found[1])
        ls.publish(found[0])


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
@guarded(None)
def did_close(ls: DraftingServer, params: types.DidCloseTextDocumentParams) -> None:
    found = ls.locate(params.text_document.uri)
    if found is not None:
        found[0].close(found[1])
        ls.publish(found[0])


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
@guarded(None)
def did_change_watched(ls: DraftingServer, params: types.DidChangeWatchedFilesParams) -> None:
    touched: dict[Path, SourceState] = {}
    for change in params.changes:
        found = ls.locate(change.uri)
        if found is not None:
            found[0].disk_changed(found[1])
            touched[found[0].root] = found[0]
    for state in touched.values():
        ls.publish(state)


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
@guarded(None)
def definition(ls: DraftingServer, params: types.DefinitionParams) -> list[types.Location] | None:
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    state, rel, text = doc
    return navigation.definition(state, rel, text, params.position, ls.workspace.position_codec)


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
@guarded(None)
def references(ls: DraftingServer, params: types.ReferenceParams) -> list[types.Location] | None:
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    state, rel, text = doc
    return navigation.references(state, rel, text, params.position, ls.workspace.position_codec,
                                 params.context.include_declaration)


@server.feature(types.TEXT_DOCUMENT_HOVER)
@guarded(None)
def hover(ls: DraftingServer, params: types.HoverParams) -> types.Hover | None:
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    state, rel, text = doc
    return navigation.hover(state, rel, text, params.position)


@server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=completion.TRIGGERS))
@guarded(None)
def complete(ls: DraftingServer, params: types.CompletionParams) -> types.CompletionList | None:
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    state, rel, text = doc
    return completion.complete(state, rel, text, params.position)


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
@guarded(None)
def prepare_rename(ls: DraftingServer, params: types.PrepareRenameParams) -> types.PrepareRenamePlaceholder | None:
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    state, rel, text = doc
    return renaming.prepare(state, rel, text, params.position)


@server.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))
@guarded(None)
def rename(ls: DraftingServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    state, rel, text = doc
    return renaming.rename(state, rel, text, params.position, params.new_name, ls.workspace.position_codec)


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.Source]))
@guarded(None)
def code_action(ls: DraftingServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    state, rel, text = doc
    return codeactions.actions(state, rel, text, params.range)


@server.command(codeactions.RENUMBER_COMMAND)
@guarded(None)
def renumber(ls: DraftingServer, source: str) -> str | None:
    """Renumber the tree on disk (all or nothing), then read it again; refused while buffers are unsaved."""
    from drafting.tools.renumbering import renumber as renumber_tree

    found = ls.locate(source.rstrip("/") + "/work.yaml") if isinstance(source, str) else None
    if found is None:
        raise JsonRpcInvalidParams("drafting.renumber takes the URI of a source folder (the one holding work.yaml)")
    state = found[0]
    unsaved = sorted(rel for rel, text in state.buffers.items() if _differs_from_disk(state, rel, text))
    if unsaved:
        message = f"drafting: save {', '.join(unsaved[:3])}{' ...' if len(unsaved) > 3 else ''} before renumbering"
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Warning, message))
        return message
    try:
        plan = renumber_tree(state.root)
    except DraftingError as error:
        reasons = "; ".join(d.format() for d in error.diagnostics[:3])
        message = f"drafting: renumbering refused: {error.message}" + (f" ({reasons})" if reasons else "")
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Error, message))
        return message
    state.disk_changed()
    for rel in list(state.buffers):  # every buffer was saved: it now holds what the editor will reload
        try:
            state.change(rel, state.path(rel).read_bytes().decode("utf-8"))
        except (OSError, UnicodeDecodeError):
            state.close(rel)  # renamed or gone
    ls.publish(state)
    summary = f"drafting: renumbered ({len(plan.changes)} changes, {plan.references} references rewritten)"
    ls.window_show_message(types.ShowMessageParams(types.MessageType.Info, summary))
    return summary


def _differs_from_disk(state: SourceState, rel: str, text: str) -> bool:
    try:
        return state.path(rel).read_bytes().decode("utf-8") != text
    except (OSError, UnicodeDecodeError):
        return True


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
@guarded(None)
def document_symbol(ls: DraftingServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol] | None:
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    state, rel, text = doc
    return symbols.document_symbols(state, rel, text)


@server.feature(types.WORKSPACE_SYMBOL)
@guarded(None)
def workspace_symbol(ls: DraftingServer, params: types.WorkspaceSymbolParams) -> list[types.WorkspaceSymbol] | None:
    return symbols.workspace_symbols(list(ls.sources.states.values()), params.query)


def serve() -> None:
    """Serve one editor over stdin/stdout until it says exit."""
    server.start_io()
