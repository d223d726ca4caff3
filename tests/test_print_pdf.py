"""Newspaper PDFs of the mini fixture on A3: fonts, ink, PDF/X, metadata, bookmarks, bytes, cache.

One build renders kk and ru in parallel (two pages each); the tests read it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from drafting.writers.artifacts import BuildContext, build
from drafting.source.load import load_valid
from drafting.writers.pdf.job import run
from drafting.writers.pdf.settings import SETTINGS_FILE, load_settings
from drafting.writers.pdf.documents import plan
from print_support import MINI, content_streams, edit, mini_copy, pdf_objects

A3_MM = (289.0, 420.0)
PT_PER_MM = 72 / 25.4


class Built:
    def __init__(self, out: Path, cache: Path, messages: list[str]) -> None:
        self.out, self.cache, self.messages = out, cache, messages

    def pdf(self, name: str) -> bytes:
        return (self.out / "pdf" / name).read_bytes()


def _build(source: Path, out: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, langs: list[str]) -> list[str]:
    messages: list[str] = []
    monkeypatch.setenv("DRAFTING_CACHE", str(cache))
    build(source, out, kinds=["pdf"], languages=langs, options={"pages": ["a3"]}, progress=messages.append)
    return messages


PUBLICATIONS = """publications:
  - {language: kk, name: Egemen Qazaqstan, date: 2026-01-31, number: 19}
  - {language: ru, name: Kazakhstanskaya Pravda, date: 2026-01-31, number: 17}
"""


def with_publications(tmp: Path) -> Path:
    """A copy of the mini fixture whose work.yaml names the papers, their dates and issue numbers."""
    source = mini_copy(tmp)
    with (source / "work.yaml").open("a", encoding="utf-8") as handle:
        handle.write(PUBLICATIONS)
    return source


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("pdf")
    with pytest.MonkeyPatch.context() as monkeypatch:
        messages = _build(with_publications(base), base / "build", base / "cache", monkeypatch, ["kk", "ru"])
    return Built(base / "build", base / "cache", messages)


def _info(path: Path, *flags: str) -> str:
    return subprocess.run(["pdfinfo", *flags, str(path)], check=True, capture_output=True, text=True).stdout


def _boxes(path: Path) -> dict[str, tuple[float, ...]]:
    boxes = {}
    for line in _info(path, "-box", "-f", "1", "-l", "1").splitlines():
        match = re.match(r"(?:Page\s+1\s+)?(\w+Box):\s+([-\d.\s]+)$", line)
        if match:
            boxes[match.group(1)] = tuple(float(v) for v in match.group(2).split())
    return boxes


def test_manifest_has_screen_and_print_files(built: Built) -> None:
    manifest = json.loads((built.out / "manifest.json").read_text(encoding="utf-8"))
    entries = {e["path"]: e for e in manifest["artifacts"]}
    assert set(entries) == {"pdf/kk-a3.pdf", "pdf/kk-a3-print.pdf", "pdf/ru-a3.pdf", "pdf/ru-a3-print.pdf"}
    assert all(e["kind"] == "pdf" for e in entries.values()) and entries["pdf/ru-a3.pdf"]["language"] == "ru"


@pytest.mark.parametrize("name", ["kk-a3.pdf", "kk-a3-print.pdf", "ru-a3.pdf"])
def test_fonts_are_the_profiles_own_and_embedded(built: Built, name: str) -> None:
    listing = subprocess.run(["pdffonts", str(built.out / "pdf" / name)], check=True, capture_output=True,
                             text=True).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        font, embedded = line.split()[0], line.split()[-5]
        assert re.match(r"^[A-Z]{6}\+PT-(Serif|Sans)", font), f"unexpected font (a fallback?): {line}"
        assert embedded == "yes"


@pytest.mark.parametrize("name", ["kk-a3.pdf", "kk-a3-print.pdf"])
def test_ink_is_black_only(built: Built, name: str) -> None:
    streams = content_streams(built.pdf(name))
    assert streams
    for text in streams:
        assert not re.search(r"\b(rg|RG)\b", text), "RGB colour in a page"
        for match in re.finditer(r"([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) (k|K)\b", text):
            c, m, y, k = (float(v) for v in match.groups()[:4])
            assert c == m == y == 0 and k in (0, 1), match.group(0)
    assert "/DeviceRGB" not in pdf_objects(built.pdf(name))


def test_print_file_is_pdf_x_with_an_output_intent(built: Built) -> None:
    path = built.out / "pdf" / "kk-a3-print.pdf"
    assert "PDF/X-1a:2003" in _info(path)
    objects = pdf_objects(path.read_bytes())
    assert "/OutputIntents" in objects and "/GTS_PDFX" in objects and "/DestOutputProfile" in objects
    assert "(CGATS TR 001)" in objects
    assert "/Subtype /Link" not in objects and "/Annots" not in objects
    assert "/Lab" not in objects and "/ICCBased" not in objects  # X-1a: DeviceCMYK only


def test_print_file_has_bleed_and_crop_marks(built: Built) -> None:
    boxes = _boxes(built.out / "pdf" / "kk-a3-print.pdf")
    x0, y0, x1, y1 = boxes["TrimBox"]
    assert (x1 - x0, y1 - y0) == pytest.approx((A3_MM[0] * PT_PER_MM, A3_MM[1] * PT_PER_MM), abs=0.1)
    bleed = 3 * PT_PER_MM
    assert boxes["BleedBox"] == pytest.approx((x0 - bleed, y0 - bleed, x1 + bleed, y1 + bleed), abs=0.01)
    media = boxes["MediaBox"]
    assert media[0] < x0 - bleed and media[2] > x1 + bleed  # room for the marks outside the bleed
    marks = [s for s in content_streams(built.pdf("kk-a3-print.pdf")) if s.startswith("Q\n0 0 0 1 K")]
    assert len(marks) == 2 and all(s.count(" l S") == 8 for s in marks)


def test_screen_file_is_trimmed_and_keeps_links(built: Built) -> None:
    boxes = _boxes(built.out / "pdf" / "kk-a3.pdf")
    assert boxes["MediaBox"] == boxes["TrimBox"]
    objects = pdf_objects(built.pdf("kk-a3.pdf"))
    assert "/Subtype /Link" in objects and "/OutputIntents" not in objects


def test_metadata_title_language_and_dates_from_the_work(built: Built) -> None:
    work = load_valid(MINI)
    info = _info(built.out / "pdf" / "ru-a3.pdf")
    assert f"Title:           {work.meta.title['ru']}" in info
    assert "CreationDate:    Thu Feb 12 00:00:00 2026" in info
    assert "Pages:           2" in info
    assert "/Lang (ru)" in pdf_objects(built.pdf("ru-a3.pdf"))


def test_bookmarks_for_preamble_sections_and_articles(built: Built) -> None:
    objects = pdf_objects(built.pdf("kk-a3.pdf"))
    assert "/Outlines" in objects
    outline_items = re.findall(r"<</Title <feff[0-9a-f]*>/Dest \[[^]]*\][^>]*/Parent \d+ 0 R", objects)
    assert len(outline_items) == 1 + 11 + 22


def test_anchors_are_named_destinations(built: Built) -> None:
    dests = _info(built.out / "pdf" / "kk-a3.pdf", "-dests")
    for eid in ("preamble", "sec_I", "sec_XI", "art_1", "art_22", "art_1__para_2__point_1"):
        assert f'"{eid}"' in dests


def test_same_sources_same_bytes(built: Built, tmp_path: Path) -> None:
    source = with_publications(tmp_path)
    work = load_valid(source)
    ctx = BuildContext(source, built.out, built.out, ["kk"], built.cache, {"pages": ["a3"]})
    [job] = plan(work, ctx, load_settings())
    again = run(job)
    assert again.screen == built.pdf("kk-a3.pdf")
    assert again.print_file == built.pdf("kk-a3-print.pdf")


def test_unchanged_rebuild_reuses_and_an_edit_rerenders_one_language(built: Built, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    again = _build(with_publications(tmp_path / "copy"), tmp_path / "again", built.cache, monkeypatch, ["kk", "ru"])
    assert sorted(m for m in again if "reused" in m) == ["pdf kk-a3: unchanged, reused", "pdf ru-a3: unchanged, reused"]
    assert (tmp_path / "again" / "pdf" / "kk-a3-print.pdf").read_bytes() == built.pdf("kk-a3-print.pdf")
    source = with_publications(tmp_path)
    edit(source / "02-rights" / "003-rights-1.ru.md", "1.", "1. Изменено:")
    edited = _build(source, tmp_path / "edited", built.cache, monkeypatch, ["kk", "ru"])
    assert "pdf kk-a3: unchanged, reused" in edited and "pdf ru-a3: rendering" in edited


def test_no_section_heading_starts_at_the_foot_of_a_page(built: Built) -> None:
    bottom_margin, type_height = 15 * PT_PER_MM, (A3_MM[1] - 30) * PT_PER_MM
    for line in _info(built.out / "pdf" / "ru-a3.pdf", "-dests").splitlines():
        match = re.match(r"\s*\d+ \[ XYZ\s+[\d.]+\s+([\d.]+) null\s*\] \"(sec_[IVX]+)\"", line)
        if match:
            assert float(match.group(1)) > bottom_margin + 0.12 * type_height, line


class _Box:
    def __init__(self, top: float, height: float) -> None:
        self.top, self.height = top, height

    def content_box_y(self) -> float:
        return self.top


class _Page:
    def __init__(self, anchors: dict[str, tuple[float, float, float, float]]) -> None:
        self._page_box = _Box(50, 1000)
        self.anchors = anchors


def test_stranded_sections_are_first_appearances_low_on_a_page() -> None:
    from drafting.writers.pdf.job import stranded_sections

    class Document:
        pages = [_Page({"sec_I": (0, 60, 0, 0), "sec_II": (0, 950, 0, 0), "sec_II__x": (0, 990, 0, 0)}),
                 _Page({"sec_II": (0, 50, 0, 0), "sec_III": (0, 700, 0, 0), "sec_IV": (0, 931, 0, 0)})]

    assert stranded_sections(Document(), 0.12) == ["sec_II", "sec_IV"]
    assert stranded_sections(Document(), 0.05) == []


def test_pdf_x4_is_reproducible_too(tmp_path: Path) -> None:
    """WeasyPrint draws a random XMP DocumentID for PDF/X-4; ours is derived from the input."""
    from drafting.writers.pdf import engine as pdfengine
    from drafting.writers.pdf.printfile import PrintShopFinisher

    icc = load_settings().print_file.icc
    html = ('<html lang="en"><head><title>T</title><meta name="dcterms.created" content="2026-02-12">'
            '<meta name="dcterms.modified" content="2026-02-12"></head><body><p>Text</p></body></html>')
    css = ["@color-profile device-cmyk { components: cyan, magenta, yellow, black; "
           f'src: url("{icc.as_uri()}"); }} @page {{ size: A6; bleed: 9mm }} p {{ color: device-cmyk(0 0 0 1) }}']
    files = []
    for _ in range(2):
        layout = pdfengine.lay_out(html, tmp_path, [icc], css=css)
        layout.document.output_intent = "device-cmyk"
        files.append(pdfengine.write(layout, variant="pdf/x-4", finisher=PrintShopFinisher(3, True, "CGATS TR 001")))
    assert files[0] == files[1]
    objects = pdf_objects(files[0])
    assert "GTS_PDFXVersion>PDF/X-4<" in objects and "/OutputIntents" in objects
    assert "xmpMM:DocumentID>xmp.did:" in objects


def _page_texts(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")[:-1]


@pytest.mark.parametrize(("name", "paper", "dateline", "number"), [
    ("kk-a3.pdf", "Egemen Qazaqstan", "2026 жылғы 31 қаңтар, сенбі", "№ 19"),
    ("ru-a3-print.pdf", "Kazakhstanskaya Pravda", "31 января 2026 года, суббота", "№ 17"),
])
def test_every_page_names_the_paper_its_date_and_issue(built: Built, name: str, paper: str, dateline: str,
                                                       number: str) -> None:
    pages = [" ".join(page.replace("\u00a0", " ").split()) for page in _page_texts(built.out / "pdf" / name)]
    assert len(pages) == 2
    for page in pages:
        assert paper in page and dateline in page and number in page, page[:200]
    # the front page opens with the nameplate, then the title; later pages carry it in the folio line
    assert pages[0].startswith(f"{paper} {dateline} {number}")
    assert pages[1].split(" · ")[0].endswith(paper) and f"{paper} · {dateline} · {number}" in pages[1]


def test_print_file_passes_a_structural_preflight(built: Built) -> None:
    from preflight import Expected, preflight

    settings = load_settings()
    expected = Expected("pdf/x-1a", A3_MM[0], A3_MM[1], 3.0, settings.print_file.condition, settings.print_file.icc)
    assert preflight(built.out / "pdf" / "kk-a3-print.pdf", expected) == []
    # the screen file is no PDF/X: the preflight says why (so it can fail)
    problems = preflight(built.out / "pdf" / "kk-a3.pdf", expected)
    assert "no OutputIntent" in problems and "PDF version 1.7, pdf/x-1a wants 1.4" in problems
    assert any("annotations" in problem for problem in problems)


def test_a_shops_own_icc_profile_is_the_output_intent(built: Built, tmp_path: Path) -> None:
    from preflight import Expected, preflight

    shop_icc = tmp_path / "shop-newsprint.icc"
    shutil.copyfile("/usr/share/color/icc/ghostscript/ps_cmyk.icc", shop_icc)
    settings_path = tmp_path / "print.yaml"
    text = SETTINGS_FILE.read_text(encoding="utf-8")
    text = text.replace("icc: /usr/share/color/icc/ghostscript/default_cmyk.icc", f"icc: {shop_icc}")
    text = text.replace("condition: CGATS TR 001", "condition: Shop newsprint 2026")
    settings_path.write_text(text, encoding="utf-8")
    source = with_publications(tmp_path)
    ctx = BuildContext(source, tmp_path, tmp_path, ["ru"], tmp_path / "cache",
                       {"pages": ["a3"], "print_settings": str(settings_path)})
    [job] = plan(load_valid(source), ctx, load_settings(settings_path))
    printed = run(job).print_file
    assert printed is not None
    (tmp_path / "ru-a3-print.pdf").write_bytes(printed)
    expected = Expected("pdf/x-1a", A3_MM[0], A3_MM[1], 3.0, "Shop newsprint 2026", shop_icc)
    assert preflight(tmp_path / "ru-a3-print.pdf", expected) == []
    default = Expected("pdf/x-1a", A3_MM[0], A3_MM[1], 3.0, "CGATS TR 001", load_settings().print_file.icc)
    assert set(preflight(tmp_path / "ru-a3-print.pdf", default)) == {
        "OutputConditionIdentifier 'Shop newsprint 2026' is not the settings' 'CGATS TR 001'",
        f"the OutputIntent's profile is not {load_settings().print_file.icc}"}


def test_the_build_says_which_output_intent_it_uses(built: Built) -> None:
    assert ("pdf print files: PDF/X-1A, output intent 'CGATS TR 001' with "
            "/usr/share/color/icc/ghostscript/default_cmyk.icc (Artifex CMYK SWOP Profile)") in built.messages


def test_the_preflight_catches_info_and_xmp_that_disagree(built: Built, tmp_path: Path) -> None:
    import pikepdf

    from preflight import Expected, preflight

    settings = load_settings()
    expected = Expected("pdf/x-1a", A3_MM[0], A3_MM[1], 3.0, settings.print_file.condition, settings.print_file.icc)
    changed = tmp_path / "changed.pdf"
    with pikepdf.open(built.out / "pdf" / "kk-a3-print.pdf") as pdf:
        pdf.trailer.Info.Subject = pikepdf.String("another subject")
        pdf.trailer.Info.ModDate = pikepdf.String("D:20270101")
        pdf.save(changed, static_id=True)
    found = preflight(changed, expected)
    assert any(p.startswith("Info /Subject 'another subject' but XMP dc:description") for p in found), found
    assert "Info /ModDate '2027-01-01' but XMP xmp:ModifyDate '2026-02-12'" in found, found
