"""Property: random edits of a small act, written as steps and applied to OLD, give NEW file by file."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from consolidation_edits import LANGS, Change, Draft, drafts, edited
from drafting.consolidation.application import consolidate_files
from drafting.consolidation.steps import Address, Step
from drafting.model import Loc
from drafting.source.load import load_tree
from drafting.source.tree import MemoryTree

AT = {lang: Loc(f"amendment/001-amendments.{lang}.md", 5) for lang in LANGS}


def step(change: Change) -> list[Step]:
    target = Address(change.article, change.path)
    if change.kind == "move":
        return [Step("restate", target, AT, new=change.new, file=change.file)]
    return [Step(change.kind, target, AT, old=change.old, new=change.new, file=change.file)]


@st.composite
def cases(draw: st.DrawFn) -> tuple[Draft, Draft, list[Change]]:
    old = draw(drafts())
    new, changes = draw(edited(old))
    return old, new, changes


@settings(max_examples=60, deadline=None)
@given(cases())
def test_the_steps_of_random_edits_turn_old_into_new(case: tuple[Draft, Draft, list[Change]]) -> None:
    old, new, changes = case
    files = old.files()
    loaded = load_tree(MemoryTree({path: text.encode() for path, text in files.items()}))
    assert loaded.work is not None and not loaded.diagnostics.has_errors(), loaded.diagnostics.sorted()
    result = consolidate_files(files, loaded.work, [s for change in changes for s in step(change)])
    assert [d.format() for d in result.diagnostics] == []
    assert result.files == new.files()
