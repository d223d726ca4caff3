"""Importing acts in the shapes real publishers serve them (tests/fixtures/akn-import/): each imports, the tree
passes `drafting check` in a subprocess as it comes out, and keeps the words (census) and every level's units."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from akn_common import AKN, export, root

from drafting.diagnostics import DraftingError
from drafting.importer.acts import import_files, import_trees
from drafting.importer.census import kept, level_differences, tree_census
from drafting.source.load import load_valid

IMPORT = Path(__file__).resolve().parent / "fixtures" / "akn-import"
KEPT_AT_LEAST = 0.98
# fixture -> the folders it becomes (one per work; "" when the file holds one)
FIXTURES = {
    "eu-collection.xml": ["regulation-1183", "decision-77"],
    "intros-act.xml": [""],
    "portion.xml": [""],
    "statutory-instrument.xml": [""],
    "westminster-act.xml": [""],
}


def drafting(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafting", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_imports_and_passes_check_as_it_comes_out(name: str, tmp_path: Path) -> None:
    out = tmp_path / "tree"
    imported = drafting("import", str(IMPORT / name), "--out", str(out))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "Traceback" not in imported.stderr
    for folder in FIXTURES[name]:
        checked = drafting("check", str(out / folder if folder else out))
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert " 0 errors" in checked.stdout or checked.stdout.startswith("0 errors"), checked.stdout
    if len(FIXTURES[name]) > 1:  # a collection becomes a library: its root checks every work at once
        assert (out / "drafting.yaml").read_text(encoding="utf-8").splitlines()[1:] == [
            "works:", *(f"  - {folder}" for folder in FIXTURES[name])]
        checked = drafting("check", str(out))
        assert checked.returncode == 0 and f"({len(FIXTURES[name])} acts)" in checked.stdout, checked.stdout


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_keeps_its_words_and_every_level(name: str, tmp_path: Path) -> None:
    works = import_trees([IMPORT / name], tmp_path / "tree")
    assert [w.folder for w in works] == FIXTURES[name]
    for imported in works:
        tree = load_valid(tmp_path / "tree" / imported.folder if imported.folder else tmp_path / "tree")
        for lang, before in imported.before.items():
            after = tree_census(tree, lang)
            assert kept(before, after) >= KEPT_AT_LEAST, (lang, kept(before, after), before.words - after.words)
            assert level_differences(before, after) == []


def test_intros_wrap_ups_and_conclusions_come_through(tmp_path: Path) -> None:
    import_trees([IMPORT / "intros-act.xml"], tmp_path / "intros")
    intro = tmp_path / "intros" / "01-preliminary-and-administration" / "intro.en.md"
    assert intro.read_text(encoding="utf-8").startswith("This Chapter names the Act, says where it applies")
    works = import_trees([IMPORT / "statutory-instrument.xml"], tmp_path / "si")
    assert (tmp_path / "si" / "conclusions.en.md").read_text(encoding="utf-8") == (
        "Signed by authority of the Secretary of State\n\n14th March 2022\n")
    data = export(load_valid(tmp_path / "si"), "en")  # valid against the strict schema
    [conclusions] = root(data).xpath("/a:akomaNtoso/a:act/a:conclusions", namespaces=AKN)
    assert ["".join(p.itertext()) for p in conclusions] == ["Signed by authority of the Secretary of State",
                                                          "14th March 2022"]
    assert not [d for d in works[0].diagnostics if "conclusions" in d.message]


def test_a_portion_keeps_its_numbers_and_says_it_is_one(tmp_path: Path) -> None:
    imported = import_files([IMPORT / "portion.xml"])
    [note] = [d for d in imported.diagnostics if d.code == "I714"]
    # the exact message on one line: tests/emitted_codes.py looks for it written out in full
    assert note.message == "a portion of /akn/ke/act/2016/43/eng@2016-09-13/!main: the tree holds only this part of the act"  # noqa: E501
    expression = imported.work.expression("en")
    assert [c.num for c in expression.body] == ["3"]
    assert [a.num for a in expression.articles()] == ["10", "11", "12", "13"]
    levels = {level.name: level.start for level in imported.work.profile.levels}
    assert levels["chapter"] == 3 and levels["section"] == 10  # the profile starts there, so check accepts it


def test_numbering_offset_is_switched_by_the_profile(tmp_path: Path) -> None:
    import_trees([IMPORT / "portion.xml"], tmp_path / "tree")
    profile = tmp_path / "tree" / "profiles" / "imported.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("  start: 10\n", ""), encoding="utf-8")
    checked = drafting("check", str(tmp_path / "tree"))
    assert checked.returncode == 1
    assert "error N303 article number 10 out of sequence: expected 1" in checked.stdout


COLLECTION = """<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
<documentCollection name="collection"><meta/><collectionBody>
<component eId="cmp_1"><doc name="note"><meta/><mainBody><p>A note.</p></mainBody></doc></component>
<component eId="cmp_2"><act name="act"><meta/><body><article eId="art_1"><num>1</num>
<content><p>Text.</p></content></article></body></act></component>
</collectionBody></documentCollection></akomaNtoso>
"""


def test_a_collection_component_that_is_no_act_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "collection.xml"
    path.write_text(COLLECTION, encoding="utf-8")
    imported = import_files([path])
    [skipped] = [d for d in imported.diagnostics if d.code == "I715"]
    assert (skipped.line, skipped.message) == (3, "component cmp_1 holds a <doc>, not an act or bill: not imported")
    assert [a.num for a in imported.work.expression("en").articles()] == ["1"]


def test_no_article_is_an_error_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.write_text(COLLECTION.replace('<article eId="art_1"><num>1</num>\n<content><p>Text.</p></content></article>',
                                       '<hcontainer name="note"><content><p>Repealed.</p></content></hcontainer>'),
                    encoding="utf-8")
    with pytest.raises(DraftingError, match="no article found"):
        import_files([path])
    result = drafting("import", str(path), "--out", str(tmp_path / "tree"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{path} (component cmp_2): no article found" in result.stderr
    assert not (tmp_path / "tree").exists()
