"""A repository of acts (drafting.yaml): every act checked and built from the root, references between acts
resolved, checked, linked in HTML and pointed at the other act's FRBR URI in AKN; each act read on its own."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from lxml import etree

from drafting.akn.schema import validate
from drafting.source.load import load, load_library

LIBRARY = Path(__file__).parent / "fixtures" / "library"
LAW = "laws/elections/01-general"


def copy(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    shutil.copytree(LIBRARY, root)
    return root


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafting", *args], cwd=cwd, capture_output=True, text=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_check_at_the_root_reads_every_act(tmp_path: Path) -> None:
    root = copy(tmp_path)
    done = run(root, "check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith("0 errors, 0 warnings in 89 files (2 acts)")
    found = load_library(root)
    assert list(found.works) == ["constitution", "elections"]
    assert found.ok


def test_references_to_another_act_are_checked(tmp_path: Path) -> None:
    root = copy(tmp_path)
    edit(root / f"{LAW}/001-purpose.ru.md", "[статьей 1 Конституции]", "[статьей 2 Конституции]")
    edit(root / f"{LAW}/002-right-to-vote.en.md", "(constitution:art:rights-1/2)", "(constitution:art:rights-1/7)")
    edit(root / f"{LAW}/002-right-to-vote.kk.md", "(constitution:art:rights-1/2)", "(constitutio:art:rights-1/2)")
    edit(root / f"{LAW}/001-purpose.en.md", "(constitution:art:foundations-1)", "(constitution:art:nowhere)")
    done = run(root, "check")
    assert done.returncode == 1
    lines = [line.split(str(root) + "/", 1)[-1] for line in done.stdout.splitlines()]
    assert f"{LAW}/001-purpose.ru.md:6:77: error R504 reference text 'статьей 2 Конституции' does not name article " \
           "1 of 'constitution', the current number of 'foundations-1'" in lines
    assert any(line.startswith(f"{LAW}/002-right-to-vote.en.md:6:") and "R502 reference to paragraph 7 of article 3 "
               "of 'constitution', which has no such paragraph" in line for line in lines), lines
    assert any(line.startswith(f"{LAW}/002-right-to-vote.kk.md:6:") and "R501 reference to unknown act "
               "'constitutio' (the repository's acts: constitution, elections)" in line for line in lines), lines
    assert any("R501 reference to unknown article id 'nowhere' of 'constitution'" in line for line in lines), lines
    # one act checked on its own still resolves through the drafting.yaml above it
    alone = run(root, "check", "laws/elections")
    assert alone.returncode == 1 and "R504 reference text 'статьей 2 Конституции'" in alone.stdout


def test_without_a_repository_references_to_other_acts_are_a_warning(tmp_path: Path) -> None:
    law = tmp_path / "elections"
    shutil.copytree(LIBRARY / "laws" / "elections", law)
    found = load(law)
    codes = sorted({(d.code, d.severity.value) for d in found.diagnostics.items})
    assert codes == [("R507", "warning")]
    assert len(found.diagnostics.items) == 6  # two references in each of three languages


def test_repository_mistakes(tmp_path: Path) -> None:
    root = copy(tmp_path)
    (root / "drafting.yaml").write_text("works:\n  - constitution\n  - laws/none\n  - ../outside\n", encoding="utf-8")
    done = run(root, "check")
    assert done.returncode == 1
    assert "drafting.yaml:3:1: error S108 no work.yaml in 'laws/none': every work folder has one" in done.stdout
    assert "drafting.yaml:4:1: error S105 work folder '../outside' is outside the repository: refused" \
        in done.stdout
    (root / "drafting.yaml").write_text("find: [.]\n", encoding="utf-8")
    edit(root / "laws/elections/work.yaml", "number: elections", "number: constitution")
    edit(root / "laws/elections/work.yaml", "subtype: constitutional-law", "subtype: constitution")
    edit(root / "laws/elections/work.yaml", "date: 2026-06-15", "date: 2026-03-15")
    done = run(root, "check")
    assert "error A411 the FRBR URI /akn/kz/act/constitution/2026-03-15/constitution is also the act 'constitution'" \
        in done.stdout


def test_the_constitution_does_not_read_the_act_nested_in_it(tmp_path: Path) -> None:
    root = copy(tmp_path)
    shutil.move(str(root / "laws"), str(root / "constitution" / "laws"))
    (root / "drafting.yaml").write_text("find: [constitution]\n", encoding="utf-8")
    alone = load(root / "constitution")
    assert alone.diagnostics.items == []
    assert alone.files == 81
    assert run(root, "check").stdout.strip().endswith("(2 acts)")


def test_build_at_the_root(tmp_path: Path) -> None:
    root = copy(tmp_path)
    out = tmp_path / "out"
    done = run(root, "build", "--out", str(out), "--only", "akn,html", "--quiet")
    assert done.returncode == 0, done.stdout + done.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    paths = [entry["path"] for entry in manifest["artifacts"]]
    assert "constitution/akn/ru.xml" in paths and "elections/html/kk.html" in paths and "index.html" in paths
    assert not (out / "constitution" / "manifest.json").exists()  # one manifest for the whole build
    akn = (out / "elections" / "akn" / "ru.xml").read_bytes()
    assert validate(akn) == []
    refs = etree.fromstring(akn).findall(".//{*}ref")
    assert [r.get("href") for r in refs] == ["/akn/kz/act/constitution/2026-03-15/constitution/~art_1",
                                             "/akn/kz/act/constitution/2026-03-15/constitution/~art_3__para_2",
                                             "#art_1"]
    page = (out / "elections" / "html" / "ru.html").read_text(encoding="utf-8")
    assert 'href="../../constitution/html/ru.html#art_3__para_2"' in page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="act-constitution"' in index and 'id="act-elections"' in index
    assert 'href="elections/akn/kk.xml"' in index
