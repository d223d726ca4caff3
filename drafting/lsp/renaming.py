"""Rename a stable id: its ``id:`` in every language's file and every reference to it, as one workspace edit.

The id can be renamed from its ``id:`` line or from any reference to it. The new
id must have the form of a stable id and be free; otherwise the request fails
with a message, and nothing changes. File names are left as they are (the
slug in ``NNN-slug`` is not the id).
"""

from __future__ import annotations

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.workspace.position_codec import PositionCodec

from drafting.lsp.navigation import id_range, id_span, reference_links, text_of
from drafting.lsp.positions import Text
from drafting.lsp.workspacestate import SourceState
from drafting.tools.scaffold import ID_RE


def renamed_id(state: SourceState, rel: str, text: Text, position: types.Position) -> tuple[str, types.Range] | None:
    """The id under the cursor (in a reference or the ``id:`` of an article file) and its range."""
    offset = text.offset(position)
    link = text.link_at(offset)
    if link is not None:
        return link.target, id_range(text, link)
    here = state.analysis().article_at(rel)
    span = id_span(text.raw)
    if here is not None and span is not None and span[0] <= offset <= span[1]:
        return text.raw[span[0]:span[1]], text.range(*span)
    return None


def prepare(state: SourceState, rel: str, text: Text, position: types.Position) -> types.PrepareRenamePlaceholder | None:
    found = renamed_id(state, rel, text, position)
    if found is None:
        return None
    return types.PrepareRenamePlaceholder(range=found[1], placeholder=found[0])


def rename(state: SourceState, rel: str, text: Text, position: types.Position, new_name: str,
           codec: PositionCodec) -> types.WorkspaceEdit | None:
    found = renamed_id(state, rel, text, position)
    if found is None:
        return None
    old = found[0]
    if not ID_RE.match(new_name):
        raise JsonRpcInvalidParams(f"'{new_name}' is not a stable id: lower-case letters, digits and single dashes, "
                                   "starting with a letter")
    analysis = state.analysis()
    ids = {article.id for _, article in analysis.by_path.values()}
    if new_name != old and new_name in ids:
        raise JsonRpcInvalidParams(f"the stable id '{new_name}' is already used by another article")
    changes: dict[str, list[types.TextEdit]] = {}
    for path, (_, article) in sorted(analysis.by_path.items()):
        if article.id != old:
            continue
        file_text = text_of(state, path, codec)
        span = id_span(file_text.raw) if file_text is not None else None
        if file_text is not None and span is not None:
            changes.setdefault(state.path(path).as_uri(), []).append(types.TextEdit(file_text.range(*span), new_name))
    for link_text, link in reference_links(state, old, codec):
        changes.setdefault(state.path(link_text.rel).as_uri(), []).append(
            types.TextEdit(id_range(link_text, link), new_name))
    return types.WorkspaceEdit(changes=changes)
