"""An amending act's sources read back into steps (the formulas as the grammar) and applied to the small law."""

from __future__ import annotations

from consolidation_acts import act_files
from consolidation_trees import LANGS, base_files, work_of
from drafting.consolidation.application import consolidate_files
from drafting.consolidation.fromact import read_instructions, steps_of
from drafting.model import Work
from drafting.source.load import load_tree
from drafting.source.tree import MemoryTree


def act(files: dict[str, str]) -> Work:
    loaded = load_tree(MemoryTree({path: text.encode() for path, text in files.items()}, "amendment"))
    assert loaded.work is not None and not loaded.diagnostics.has_errors(), loaded.diagnostics.sorted()
    return loaded.work


def test_every_language_is_read_back_and_applied() -> None:
    base = base_files()
    located, diagnostics = read_instructions(act(act_files()), work_of(base))
    assert [d.format() for d in diagnostics] == []
    assert [(e.instruction.kind, e.instruction.target.article, e.instruction.target.path) for e in located] == [
        ("restate", "scope", ("1",)), ("insert", "scope", ()), ("replace-words", "scope", ("2", "1")),
        ("repeal", "terms", ("2",)), ("insert", None, ())]
    assert located[2].instruction.words["kk"].old == "first"
    assert {lang: loc.line for lang, loc in located[2].locs.items()} == {lang: 17 for lang in LANGS}
    result = consolidate_files(base, work_of(base), steps_of(located))
    assert [d.format() for d in result.diagnostics] == []
    assert result.files["01-first/001-scope.kk.md"].split("---\n")[2] == (
        "1. Restated kk.\n1-1. Inserted kk.\n2. Азамат has a құқық:\n   1) 1st құқық;\n   2) second құқық.\n")
    assert result.files["02-second/003a-extra.en.md"] == "---\nid: extra\nnumber: 3-1\n---\n1. Extra en.\n"
    assert result.files["01-first/002-terms.ru.md"].endswith("1. The государство protects every гражданин.\n")


def test_an_item_in_no_formula_and_languages_that_disagree() -> None:
    files = act_files(ru={"заменить словом": "поменять на"}, en={"small:art:scope/2/1": "small:art:scope/2/2"})
    _, diagnostics = read_instructions(act(files), work_of(base_files()))
    assert [d.format() for d in diagnostics.sorted()] == [
        "amendment/001-amendments.en.md:17:1: error C807 instruction 3 differs from the 'kk' one (replace-words scope/2/2 against replace-words scope/2/1)",
        "amendment/001-amendments.ru.md:17:1: error C806 an instruction in no formula of templates/amend/ru.yaml: 'в […] слово «first» поменять на «1st»;'",
    ]
