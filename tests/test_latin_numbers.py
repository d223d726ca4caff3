"""Inserted numbers printed with a Latin suffix (2-bis, 12 bis): parsed, checked, imported as printed, renumbered,
and written to AKN (eIds ``art_2-bis``, valid against the strict schema)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from akn_common import AKN, FOREIGN, export, root

from drafting.importer.acts import import_to
from drafting.importer.numread import printed_number
from drafting.numbering import format_number, parse_number, sequence_problems
from drafting.tools.renumbering import renumber, sequence_targets


def test_latin_forms_parse_and_print() -> None:
    assert parse_number("2-bis", "arabic", "latin") is not None
    assert [format_number(parse_number(n, "arabic", "latin"), "arabic", "latin")  # type: ignore[arg-type]
            for n in ("2", "2-bis", "2-ter", "2-quater")] == ["2", "2-bis", "2-ter", "2-quater"]
    assert format_number(parse_number("12 bis", "arabic", "latin-space"), "arabic", "latin-space") == "12 bis"  # type: ignore[arg-type]
    # each kind reads its own form only: the profile says which one the act prints
    assert parse_number("12 bis", "arabic", "latin") is None and parse_number("2-bis", "arabic", "latin-space") is None
    assert parse_number("2-bis", "arabic", "dash") is None and parse_number("2-abc", "arabic", "latin") is None


def test_latin_sequences() -> None:
    assert sequence_problems(["1", "2", "2-bis", "2-ter", "3"], True, "arabic", "latin") == []
    assert sequence_problems(["1", "2", "2-ter"], True, "arabic", "latin") == [
        (2, "number 2-ter out of sequence: expected 3 or 2-bis")]
    assert sequence_problems(["1", "1 bis", "3"], True, "arabic", "latin-space") == [
        (2, "number 3 out of sequence: expected 2 or 1 ter")]
    assert sequence_problems(["1", "1-bis"], False, "arabic", "latin") == [
        (1, "inserted number 1-bis is not allowed by the profile")]
    assert sequence_targets(["1", "3", "3-bis", "3-ter", "5"], True, style="arabic", inserted="latin") == [
        "1", "2", "2-bis", "2-ter", "3"]


def test_import_keeps_the_printed_form() -> None:
    assert printed_number("Art. 2-bis.") is not None and printed_number("Art. 2-bis.").number == "2-bis"  # type: ignore[union-attr]
    assert printed_number("Article 12 bis").number == "12 bis"  # type: ignore[union-attr]
    two = printed_number("Art. 2bis")
    assert two is not None and (two.number, two.changed) == ("2-bis", True)


def _drafting(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafting", *args], capture_output=True, text=True)


def test_imported_bis_article_checks_builds_and_renumbers(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    imported = import_to([FOREIGN / "italian-bill.xml"], tree)
    assert "inserted: latin" in (tree / "profiles" / "imported.yaml").read_text(encoding="utf-8")
    assert (tree / "002a-art-2-bis.it.md").read_text(encoding="utf-8").splitlines()[2] == "number: 2-bis"
    checked = _drafting("check", "--no-cache", str(tree))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    data = export(imported.work, "it")  # validated against the strict schema
    assert root(data).xpath("//a:article[@eId='art_2-bis']/a:num", namespaces=AKN)[0].text == "Art. 2-bis."
    # article 2 repealed: renumber moves 2-bis to 1-bis (an inserted number stays inserted after its new base)
    (tree / "002-art-2.it.md").unlink()
    renumber(tree)
    nums = sorted(line for path in tree.glob("*.md") for line in path.read_text(encoding="utf-8").splitlines()
                  if line.startswith("number:"))
    assert nums == ["number: 1", "number: 1-bis", "number: 2"]
    shutil.rmtree(tree)
