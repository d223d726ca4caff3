"""The HTML and PDF path reads nothing but the project's own assets, whatever a source says."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from drafting.writers.pdf import engine as pdfengine
from drafting.writers.artifacts import BuildContext, build
from drafting.diagnostics import DraftingError
from drafting.writers.html.edition import TEMPLATES_DIR, EditionOptions, render_edition
from drafting.source.load import load_valid
from drafting.writers.pdf.job import run
from drafting.writers.pdf.settings import load_settings
from drafting.writers.pdf.documents import _refusals, plan
from print_support import edit, mini_copy


@pytest.fixture()
def fetcher() -> pdfengine.ProjectFetcher:
    return pdfengine.ProjectFetcher([TEMPLATES_DIR, Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")])


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "file://localhost/etc/hostname",
    "file://remote-host/share/x.css",
    (TEMPLATES_DIR / ".." / ".." / "etc" / "passwd").as_uri(),
    "file:///usr/share/color/icc/ghostscript/default_rgb.icc",  # beside an allowed file, not allowed
    "http://example.invalid/x.png",
    "https://example.invalid/font.woff",
    "data:text/css,body{}",
    "ftp://example.invalid/x",
])
def test_fetcher_refuses_everything_outside_the_assets(fetcher: pdfengine.ProjectFetcher, url: str) -> None:
    with pytest.raises(pdfengine.RefusedURL):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_fetcher_serves_the_assets(fetcher: pdfengine.ProjectFetcher) -> None:
    response = fetcher.fetch((TEMPLATES_DIR / "css" / "print.css").as_uri())
    assert b"device-cmyk" in response.read()
    assert fetcher.fetch(Path("/usr/share/color/icc/ghostscript/default_cmyk.icc").as_uri())


def test_fetcher_refuses_a_symlink_out_of_the_assets(tmp_path: Path) -> None:
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "leak.css").symlink_to("/etc/passwd")
    fetcher = pdfengine.ProjectFetcher([assets])
    with pytest.raises(pdfengine.RefusedURL):
        fetcher.fetch((assets / "leak.css").as_uri())


@pytest.mark.parametrize("markdown", [
    "![x](http://example.invalid/a.png)",
    "![x](../a.png)",
    "[x](https://example.invalid/)",
    "[x](../../../etc/passwd)",
])
def test_images_and_links_in_a_source_stop_the_build(tmp_path: Path, markdown: str) -> None:
    source = mini_copy(tmp_path)
    edit(source / "01-foundations" / "001-foundations-1.kk.md", "негіздер туралы.", f"негіздер туралы {markdown}.")
    with pytest.raises(DraftingError) as caught:
        build(source, tmp_path / "out", kinds=["html", "pdf"], languages=["kk"])
    codes = {(d.code, d.path.endswith("001-foundations-1.kk.md"), d.line) for d in caught.value.diagnostics}
    assert ("R503", True, 5) in codes
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("markdown", ["![x](file:///etc/passwd)", "[x](file:///etc/passwd)"])
def test_file_urls_are_refused_or_stay_text(tmp_path: Path, markdown: str) -> None:
    """The reader refuses file: URLs with R503 (older readers left them literal text): never a link, never read."""
    source = mini_copy(tmp_path)
    edit(source / "01-foundations" / "001-foundations-1.kk.md", "негіздер туралы.", f"негіздер туралы {markdown}.")
    try:
        work = load_valid(source)
    except DraftingError as error:
        assert {(d.code, d.line) for d in error.diagnostics} == {("R503", 5)}
        return
    html = render_edition(work, "kk")
    assert f"негіздер туралы {markdown}." in html
    assert "<img" not in html and 'href="file:' not in html


def test_raw_html_reaches_the_pdf_as_text_and_fetches_nothing(tmp_path: Path) -> None:
    source = mini_copy(tmp_path)
    edit(source / "01-foundations" / "001-foundations-1.en.md", "1. This is Article 1, on foundations.",
         '1. See <img src="file:///etc/passwd"> and <link rel="stylesheet" href="http://example.invalid/x.css">.')
    work = load_valid(source)
    html = render_edition(work, "en", EditionOptions(mode="print", language_pages=False))
    assert "<img" not in html and "&lt;img" in html
    ctx = BuildContext(source, tmp_path, tmp_path, ["en"], tmp_path / "cache", {"pages": ["a4"]})
    [job] = plan(work, ctx, load_settings())
    output = run(job)
    assert output.refused == []
    pdf = tmp_path / "en.pdf"
    pdf.write_bytes(output.screen)
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert '<img src="file:///etc/passwd">' in " ".join(text.split())


def test_a_refused_url_is_a_diagnostic_not_a_fetch(tmp_path: Path) -> None:
    work = load_valid(mini_copy(tmp_path))
    ctx = BuildContext(tmp_path, tmp_path, tmp_path, ["en"], tmp_path / "cache", {"pages": ["a4"]})
    settings = load_settings()
    [job] = plan(work, ctx, settings)
    sneaky = job.css[0] + '\n@font-face { font-family: X; src: url("file:///etc/passwd"); }\n' \
                          'html { background-image: url("https://example.invalid/x.png"); }\n'
    html = job.html.replace("</main>", '<img src="/etc/hostname"></main>')
    layout = pdfengine.lay_out(html, job.base_dir, list(job.roots), stylesheets=list(job.stylesheets), css=[sneaky])
    assert sorted(layout.fetcher.refused) == ["file:///etc/hostname", "file:///etc/passwd",
                                              "https://example.invalid/x.png"]
    output = run(job)
    output.refused = list(layout.fetcher.refused)
    with pytest.raises(DraftingError) as caught:
        _refusals(settings, [output])
    assert {d.code for d in caught.value.diagnostics} == {"P704"}
    assert caught.value.diagnostics[0].message == "the PDF engine refused to read file:///etc/hostname: only the project's templates, fonts and ICC profile are read"  # noqa: E501


def test_html_edition_names_no_file_outside_itself(tmp_path: Path) -> None:
    os.environ.setdefault("DRAFTING_CACHE", str(tmp_path / "cache"))
    build(mini_copy(tmp_path), tmp_path / "out", kinds=["html"])
    for page in (tmp_path / "out" / "html").glob("*.html"):
        assert "file:" not in page.read_text(encoding="utf-8")
