"""The web site's files: versions, alignment, anchors equal to the AKN eIds, downloads, links, bytes.

What a browser does with them is in test_site_browser.py; these read the files.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree

from drafting.writers.artifacts import build
from drafting.writers.html.site import citation, column_css
from drafting.source.load import load_valid
from drafting_repo import append_lines, commit, make_repo

REPO = Path(__file__).resolve().parent.parent
CONSTITUTION = REPO / "constitution"
VERSIONS = ["first-draft", "final-draft", "referendum", "in-force"]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site") / "build"
    build(CONSTITUTION, target, ["akn", "site"], options={"versions": True})
    return target


def page(out: Path, version: str, lang: str) -> str:
    return (out / "site" / version / f"{lang}.html").read_text(encoding="utf-8")


def ids(html: str) -> set[str]:
    return set(re.findall(r' id="([^"]+)"', html))


def test_every_version_in_every_language_with_its_date(out: Path) -> None:
    for version in VERSIONS:
        for lang in ("kk", "ru", "en"):
            assert (out / "site" / version / f"{lang}.html").is_file()
    assert "по состоянию на 31.01.2026" in page(out, "first-draft", "ru")
    assert "15.03.2026 жағдай бойынша" in page(out, "referendum", "kk")
    assert "as of 01.07.2026" in page(out, "in-force", "en")
    # the redline against the version before, where the text changed
    assert (out / "site" / "final-draft" / "redline-ru.html").is_file()
    assert 'href="redline-ru.html"' in page(out, "final-draft", "ru")
    assert not (out / "site" / "referendum" / "redline-ru.html").exists()  # same text as the final draft
    assert "Текст совпадает" in page(out, "referendum", "ru")


def test_version_switcher_links_every_version(out: Path) -> None:
    html = page(out, "final-draft", "kk")
    switcher = html.split('class="versions"')[1].split("</nav>")[0]
    assert [v for v in VERSIONS if f"../{v}/kk.html" in switcher] == ["first-draft", "referendum", "in-force"]
    assert 'aria-current="page">12.02.2026' in switcher


def test_anchors_are_the_akn_eids(out: Path) -> None:
    for lang in ("kk", "ru", "en"):
        tree = etree.parse(str(out / "akn" / f"{lang}.xml"), etree.XMLParser(resolve_entities=False, no_network=True))
        akn = {e for e in tree.xpath("//@eId") if re.match(r"(art|sec)_", str(e))}
        akn = {str(e) for e in akn if not str(e).endswith(("__num", "__heading", "__content", "__list"))}
        page_ids = ids(page(out, "final-draft", lang))
        assert akn and akn - page_ids == set(), sorted(akn - page_ids)[:10]


def test_rows_are_aligned_one_cell_per_language(out: Path) -> None:
    work = load_valid(CONSTITUTION)
    html = page(out, "final-draft", "ru")
    rows = re.findall(r'<div class="cells paragraph-row status-\w+" id="(art_[^"]+)">(.*?)\n      </div>', html, re.S)
    expected = sum(len(a.paragraphs) for a in work.expression("ru").articles())
    assert len(rows) == expected
    for eid, body in rows:
        assert re.findall(r'<div class="cell" data-lang="(\w+)"', body) == ["ru", "kk", "en"], eid
    # the other languages are marked as such and left out of this page's search index
    assert '<div class="cell" data-lang="kk" lang="kk" data-pagefind-ignore="all">' in html


def test_each_version_offers_its_own_files_with_the_manifest_sha256(out: Path) -> None:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    akn = {e["path"]: e["sha256"] for e in manifest["artifacts"] if e["kind"] == "akn"}
    dates = {"first-draft": "2026-01-31", "final-draft": "2026-02-12", "referendum": "2026-03-15",
             "in-force": "2026-07-01"}
    for version, date in dates.items():
        html = page(out, version, "en")
        offered = set(re.findall(r'<a href="\.\./\.\./(akn/[^"]+)" download', html))
        own = {f"akn/{lang3}@{date}.xml" for lang3 in ("kaz", "rus", "eng", "mul")}
        assert own <= offered, (version, sorted(own - offered))
        assert all(path in own or "@" not in path for path in offered), (version, sorted(offered - own))
        for path in offered:
            assert akn[path] in html
    # the undated files are the sources' text: on the current version's page, not on the first draft's
    assert "akn/kk.xml" in page(out, "final-draft", "kk") and "akn/kk.xml" not in page(out, "first-draft", "kk")
    site = [e for e in manifest["artifacts"] if e["kind"] in ("site", "site-search")]
    assert any(e["path"].startswith("site/pagefind/") for e in site)
    assert all(len(e["sha256"]) == 64 for e in site)


def test_permanent_links_and_redirect_map(out: Path) -> None:
    html = page(out, "final-draft", "ru")
    assert 'href="../link.html#ru/legal-assistance"' in html
    link = (out / "site" / "link.html").read_text(encoding="utf-8")
    data = json.loads(link.split('<script type="application/json" id="redirects">')[1].split("</script>")[0])
    assert data["latest"] == "in-force" and data["versions"] == VERSIONS
    # renumbered between the drafts: a permanent link finds each version's number
    assert data["eids"]["first-draft"]["separation-of-powers"] == "art_5"
    assert data["eids"]["final-draft"]["separation-of-powers"] == "art_6"
    assert data["eids"]["in-force"]["separation-of-powers"] == "art_6"


def test_citations_in_each_language() -> None:
    work = load_valid(CONSTITUTION)
    assert citation(work, "kk", "5", "2") == "5-бап 2-тармақ"
    assert citation(work, "ru", "5", "2") == "пункт 2 статьи 5"
    assert citation(work, "en", "5", "2") == "Article 5(2)"
    assert citation(work, "ru", "5") == "Статья 5"


def test_changes_are_marked_only_where_the_text_changed(out: Path) -> None:
    html = page(out, "final-draft", "ru")
    marked = re.findall(r'<div class="marked" data-pagefind-ignore="all">(.*?)</div>\n', html, re.S)
    assert marked and all("<ins>" in m or "<del>" in m for m in marked)
    assert 'class="marked"' not in page(out, "first-draft", "ru")  # nothing before it to compare with


def test_same_sources_same_bytes(out: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build(CONSTITUTION, again, ["akn", "site"], options={"versions": True})
    first = {p.relative_to(out).as_posix(): p.read_bytes() for p in (out / "site").rglob("*") if p.is_file()}
    second = {p.relative_to(again).as_posix(): p.read_bytes() for p in (again / "site").rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_source_html_is_text_and_codes_are_checked(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    append_lines(source / "01-foundations", "001-foundations-1",
                 {lang: "3. <script>alert(1)</script> <img src=x onerror=alert(2)>" for lang in ("kk", "ru", "en")})
    commit(source.parent, "raw HTML in a source")
    out = tmp_path / "out"
    build(source, out, ["site"])
    html = (out / "site" / "final-draft" / "ru.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    with pytest.raises(ValueError):
        column_css(['ru"] {} body {display:none} [x="'])


def test_outside_git_only_the_current_version(tmp_path: Path) -> None:
    import shutil

    from drafting_repo import MINI

    source = tmp_path / "src"
    shutil.copytree(MINI, source)
    messages: list[str] = []
    build(source, tmp_path / "out", ["site"], progress=messages.append)
    site = tmp_path / "out" / "site"
    assert sorted(p.name for p in site.iterdir() if p.is_dir()) == ["final-draft", "pagefind"]
    assert any("left out first-draft" in m and "not inside a git repository" in m for m in messages)
    assert "Более ранние редакции не удалось прочитать" in (site / "final-draft" / "ru.html").read_text(encoding="utf-8")


def test_build_help_names_every_artifact_kind() -> None:
    from typer.testing import CliRunner

    from drafting.cli import app
    from drafting.writers.artifacts import WRITERS

    result = CliRunner().invoke(app, ["build", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert f"Comma-separated kinds: {','.join(WRITERS)}." in result.output


def test_each_version_has_its_own_search_index_of_its_own_pages(out: Path) -> None:
    """``pagefind/VERSION/``: one fragment per page, each that version's page in its own language."""
    import gzip

    for version in VERSIONS:
        fragments = sorted((out / "site" / "pagefind" / version / "fragment").glob("*.pf_fragment"))
        urls = sorted(json.loads(gzip.decompress(f.read_bytes()).removeprefix(b"pagefind_dcd"))["url"]
                      for f in fragments)
        assert urls == [f"/{version}/{lang}.html" for lang in ("en", "kk", "ru")], (version, urls)
        entry = json.loads((out / "site" / "pagefind" / version / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert sorted(entry["languages"]) == ["en", "kk", "ru"]


def test_a_failed_index_is_a_clear_error_and_leaves_no_process(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import drafting.writers.html.search as search
    from drafting.diagnostics import DraftingError

    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: cannot write the index' >&2\nexit 3\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(search, "pagefind_binary", lambda: fake)
    source = make_repo(tmp_path / "repo")
    with pytest.raises(DraftingError, match=r"pagefind could not index .*final-draft: Error: cannot write the index"):
        build(source, tmp_path / "out", ["site"])
    assert not (tmp_path / "out").exists()  # a failed build leaves nothing
