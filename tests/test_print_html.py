"""The HTML edition: golden pages, eId anchors, links between languages, escaping, no outside URLs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import lxml.html
import pytest

from drafting.writers.artifacts import build
from drafting.eids import PREAMBLE_EID, article_eid, paragraph_eid, point_eid, section_eid
from drafting.writers.html.edition import EditionOptions, render_edition
from drafting.source.load import load_valid
from drafting.model import Work
from print_support import GOLDEN, MINI, edit, mini_copy


@pytest.fixture(scope="module")
def work() -> Work:
    return load_valid(MINI)


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "build"
    os.environ.setdefault("DRAFTING_CACHE", str(out.parent / "cache"))
    build(MINI, out, kinds=["html"])
    return out


def _page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def expected_eids(work: Work, lang: str) -> set[str]:
    ids = {PREAMBLE_EID} if work.expression(lang).preamble else set()
    for section in work.expression(lang).sections:
        ids.add(section_eid(section))
        for article in section.articles:
            ids.add(article_eid(article))
            for index, para in enumerate(article.paragraphs, 1):
                pid = paragraph_eid(article, para, index)
                ids.add(pid)
                ids.update(point_eid(pid, point) for point in para.points)
                if para.points and para.text:
                    ids.add(f"{pid}__intro")
                if para.wrapup:
                    ids.add(f"{pid}__wrapup")
    return ids


@pytest.mark.parametrize("name", ["kk.html", "index.html"])
def test_golden(edition: Path, name: str) -> None:
    actual = (edition / "html" / name).read_text(encoding="utf-8")
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), f"run with UPDATE_GOLDEN=1 to accept changes to {name}"


def test_manifest_lists_every_page(edition: Path) -> None:
    manifest = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    paths = {entry["path"]: entry for entry in manifest["artifacts"]}
    assert {"html/kk.html", "html/ru.html", "html/en.html", "html/index.html", "html/edition.css"} <= set(paths)
    assert paths["html/ru.html"]["language"] == "ru" and paths["html/ru.html"]["kind"] == "html"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_anchors_are_the_akn_eids(edition: Path, work: Work, lang: str) -> None:
    page = _page(edition / "html" / f"{lang}.html")
    text_ids = {element.get("id") for element in page.xpath("//main//*[@id]")}
    assert text_ids == expected_eids(work, lang)
    assert page.get("lang") == lang


def test_anchors_equal_the_akn_writers_eids(tmp_path: Path, work: Work) -> None:
    """Where the AKN writer is present: every id in the text is an eId of its body, and the reverse."""
    akn = pytest.importorskip("drafting.writers.akn.document")
    from lxml import etree

    from drafting.writers.artifacts import BuildContext

    ctx = BuildContext(MINI, tmp_path, tmp_path, ["ru"], tmp_path / "cache")
    [xml] = [a for a in akn.write_artifacts(work, ctx) if a.path.endswith(".xml") and a.language == "ru"]
    body = etree.parse(str(tmp_path / xml.path)).getroot()
    eids = {e.get("eId") for e in body.iter() if e.get("eId") and
            any(e.get("eId").startswith(p) for p in ("art_", "sec_", "preamble"))}
    html = lxml.html.fromstring(render_edition(work, "ru").encode("utf-8"))
    assert {e.get("id") for e in html.xpath("//main//*[@id]")} == eids


def test_every_article_links_to_itself_in_the_other_languages(edition: Path, work: Work) -> None:
    pages = {lang: _page(edition / "html" / f"{lang}.html") for lang in work.meta.codes}
    for lang, page in pages.items():
        articles = page.xpath("//article")
        assert len(articles) == len(work.expression(lang).articles())
        for article in articles:
            hrefs = [a.get("href") for a in article.xpath("./p[@class='also']/a")]
            others = [code for code in work.meta.codes if code != lang]
            assert hrefs == [f"{code}.html#{article.get('id')}" for code in others]
            for code in others:
                assert pages[code].get_element_by_id(article.get("id")) is not None
            assert [a.get("lang") for a in article.xpath("./p[@class='also']/a")] == others


def test_cross_references_are_links_to_existing_anchors(edition: Path, work: Work) -> None:
    for lang in work.meta.codes:
        page = _page(edition / "html" / f"{lang}.html")
        refs = page.xpath("//a[@class='ref']")
        assert len(refs) == sum(len(article.refs()) for article in work.expression(lang).articles())
        for ref in refs:
            assert ref.get("href").startswith("#")
            assert page.get_element_by_id(ref.get("href")[1:]) is not None
            assert ref.text_content().strip()


def test_empty_reference_gets_the_profile_label(tmp_path: Path, work: Work) -> None:
    source = mini_copy(tmp_path)
    target = work.expression("kk").articles()[4]
    edit(source / "01-foundations" / "001-foundations-1.kk.md", "1. Бұл 1-бап, негіздер туралы.",
         f"1. Бұл 1-бап, [](art:{target.id}) және [](art:{target.id}/1) қараңыз.")
    html = render_edition(load_valid(source), "kk")
    assert f'<a class="ref" href="#{article_eid(target)}">{target.num}-бап</a>' in html
    assert f'<a class="ref" href="#{article_eid(target)}__para_1">{target.num}-баптың 1-тармағы</a>' in html


def test_heading_order_and_title(edition: Path, work: Work) -> None:
    page = _page(edition / "html" / "en.html")
    levels = [int(h.tag[1]) for h in page.xpath("//h1|//h2|//h3|//h4|//h5|//h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:]))
    assert page.findtext(".//title") == work.meta.title["en"]


def test_works_offline_no_script_no_outside_url(edition: Path) -> None:
    for path in (edition / "html").glob("*.html"):
        page = _page(path)
        assert not page.xpath("//script|//iframe|//object|//embed|//img|//@*[starts-with(name(), 'on')]")
        for url in page.xpath("//@href|//@src"):
            assert ":" not in url.split("#")[0], f"{path.name}: {url}"
    css = (edition / "html" / "edition.css").read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css
    assert "@media print" in css


def test_raw_html_in_a_source_is_shown_as_text(tmp_path: Path) -> None:
    source = mini_copy(tmp_path)
    edit(source / "01-foundations" / "001-foundations-1.en.md", "1. This is Article 1, on foundations.",
         '1. This is <script>alert("x")</script> and <b onclick="x()">bold</b> & "quotes".')
    html = render_edition(load_valid(source), "en")
    assert "<script>" not in html and "<b " not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&amp; &#34;quotes&#34;" in html


def test_print_mode_headings_between_column_blocks_and_refs_as_text(work: Work) -> None:
    html = render_edition(work, "ru", EditionOptions(mode="print", language_pages=False, links=False))
    page = lxml.html.fromstring(html.encode("utf-8"))
    sections = page.xpath("//main/section[@class='section']")
    assert [s.get("id") for s in sections] == [section_eid(s) for s in work.expression("ru").sections]
    for section in sections:
        heading, body = list(section)
        assert heading.tag == "h2" and body.get("class") == "section-body" and body.xpath("./article")
    assert not page.xpath("//a[@class='ref']") and page.xpath("//span[@class='ref']")
    assert not page.xpath("//link")


def test_cli_builds_the_html_edition_twice_to_the_same_bytes(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from drafting.cli import app

    monkeypatch.setenv("DRAFTING_CACHE", str(tmp_path / "cache"))
    runs = []
    for name in ("one", "two"):
        result = CliRunner().invoke(app, ["build", str(MINI), "--only", "html", "--out", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert "5 artifacts written" in result.output
        manifest = json.loads((tmp_path / name / "manifest.json").read_text(encoding="utf-8"))
        runs.append({e["path"]: e["sha256"] for e in manifest["artifacts"]})
    assert runs[0] == runs[1]
