"""A structural preflight of a print shop's PDF/X file, read with pikepdf (qpdf), for the tests.

It checks what a shop's preflight checks first and what can be read from the
file's structure alone: the PDF version and the PDF/X keys, the OutputIntent
(present, GTS_PDFX, the condition and the very ICC profile the settings name),
the page boxes (TrimBox = the page, BleedBox = trim + bleed, inside the
MediaBox), the colour (DeviceCMYK only, text in K=100), every font embedded,
no transparency (groups, soft masks, alpha), no annotations, and Info and XMP
telling the same story. :func:`preflight` returns the problems found.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pikepdf

PT_PER_MM = 72 / 25.4
VERSIONS = {"pdf/x-1a": ("1.4", "PDF/X-1a:2003", "PDF/X-1a:2003"), "pdf/x-4": ("1.6", "PDF/X-4", None)}


@dataclass(frozen=True)
class Expected:
    variant: str  # "pdf/x-1a" or "pdf/x-4"
    width_mm: float
    height_mm: float
    bleed_mm: float
    condition: str
    icc: Path


def _box(page: pikepdf.Page, name: str) -> tuple[float, float, float, float] | None:
    value = page.obj.get(name)
    if value is None:
        return None
    x0, y0, x1, y1 = (float(v) for v in value)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _close(a: tuple[float, ...], b: tuple[float, ...], tolerance: float = 0.05) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def _fonts(resources: pikepdf.Dictionary, seen: set[tuple[int, int]]) -> list[pikepdf.Dictionary]:
    """Every font of these resources and of the form XObjects they use (each once)."""
    found = []
    for font in (resources.get("/Font") or {}).values():
        if font.objgen not in seen:
            seen.add(font.objgen)
            found.append(font)
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Form" and xobject.objgen not in seen:
            seen.add(xobject.objgen)
            found += _fonts(xobject.get("/Resources") or pikepdf.Dictionary(), seen)
    return found


def _embedded(font: pikepdf.Dictionary) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # glyphs drawn by the PDF itself
    descriptor_owner = font.DescendantFonts[0] if font.get("/Subtype") == "/Type0" else font
    descriptor = descriptor_owner.get("/FontDescriptor")
    return descriptor is not None and any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _xmp_text(pdf: pikepdf.Pdf) -> str:
    metadata = pdf.Root.get("/Metadata")
    return bytes(metadata.read_bytes()).decode("utf-8", "replace") if metadata is not None else ""


def _drawings(page: pikepdf.Page) -> list[tuple[str, pikepdf.Object]]:
    """The page and each form XObject it uses, as (name, object to parse)."""
    found: list[tuple[str, pikepdf.Object]] = [("page", page.obj)]
    for name, xobject in (page.obj.Resources.get("/XObject") or {}).items():
        if xobject.get("/Subtype") == "/Form":
            found.append((f"form {name}", xobject))
    return found


def _colour_problems(where: str, drawing: pikepdf.Object) -> list[str]:
    """Colour operators other than DeviceCMYK, ink other than K=100 or paper, text not in K=100."""
    problems: set[str] = set()
    fill: tuple[float, ...] = (0.0, 0.0, 0.0, 1.0)  # the initial colour is black (DeviceGray 0): as K=100
    stroke = fill
    stack: list[tuple[tuple[float, ...], tuple[float, ...]]] = []
    for operands, operator in pikepdf.parse_content_stream(drawing):
        op = str(operator)
        if op == "q":
            stack.append((fill, stroke))
        elif op == "Q" and stack:
            fill, stroke = stack.pop()
        elif op in ("cs", "CS"):
            if str(operands[0]) != "/DeviceCMYK":
                problems.add(f"{where}: colour space {operands[0]} (not DeviceCMYK)")
        elif op in ("rg", "RG", "g", "G"):
            problems.add(f"{where}: {'RGB' if op in ('rg', 'RG') else 'DeviceGray'} colour ({op})")
        elif op in ("k", "K", "sc", "SC", "scn", "SCN"):
            values = tuple(float(v) for v in operands if isinstance(v, (int, float, pikepdf.Object))
                           and not isinstance(v, pikepdf.Name))
            if len(values) != 4:
                problems.add(f"{where}: a colour of {len(values)} components")
                continue
            if values[:3] != (0, 0, 0) or values[3] not in (0.0, 1.0):
                problems.add(f"{where}: ink other than K=100 or paper: {values}")
            if op in ("k", "sc", "scn"):
                fill = values
            else:
                stroke = values
        elif op in ("Tj", "TJ", "'", '"') and fill != (0.0, 0.0, 0.0, 1.0):
            problems.add(f"{where}: text set in {fill}, not K=100")
    return sorted(problems)


INFO_XMP = (("/Subject", "dc:description"), ("/Producer", "pdf:Producer"), ("/Creator", "xmp:CreatorTool"),
            ("/Trapped", "pdf:Trapped"), ("/GTS_PDFXVersion", "pdfx:GTS_PDFXVersion"),
            ("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate"))


def _pdf_date(value: str) -> str:
    """``D:20260212`` (or with a time) as the XMP date it should equal: ``2026-02-12``."""
    digits = value.removeprefix("D:")[:8]
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}" if len(digits) == 8 else value


def _info_against_xmp(info: pikepdf.Dictionary, meta: object) -> list[str]:
    """The Info entries that XMP repeats must say the same there."""
    problems = []
    for key, xmp_key in INFO_XMP:
        if key not in info:
            continue
        value = str(info[key]).removeprefix("/")
        if key in ("/CreationDate", "/ModDate"):
            value = _pdf_date(value)
        said = meta.get(xmp_key)  # type: ignore[attr-defined]
        if said != value:
            problems.append(f"Info {key} {value!r} but XMP {xmp_key} {said!r}")
    return problems


def preflight(path: Path, expected: Expected) -> list[str]:
    """The problems a structural preflight finds in ``path`` (empty when it passes)."""
    problems: list[str] = []
    version, info_version, xmp_version = VERSIONS[expected.variant]
    with pikepdf.open(path) as pdf:
        if pdf.pdf_version != version:
            problems.append(f"PDF version {pdf.pdf_version}, {expected.variant} wants {version}")
        info = pdf.trailer.get("/Info") or pikepdf.Dictionary()
        if str(info.get("/GTS_PDFXVersion", "")) != info_version:
            problems.append(f"Info /GTS_PDFXVersion is {info.get('/GTS_PDFXVersion')!r}, not {info_version!r}")
        if expected.variant == "pdf/x-1a" and str(info.get("/Trapped")) != "/False":
            problems.append("Info /Trapped is not /False")
        if "/ID" not in pdf.trailer:
            problems.append("no document ID in the trailer")
        intents = pdf.Root.get("/OutputIntents")
        if not intents:
            problems.append("no OutputIntent")
        else:
            intent = intents[0]
            if intent.get("/S") != pikepdf.Name("/GTS_PDFX"):
                problems.append(f"OutputIntent /S is {intent.get('/S')}, not /GTS_PDFX")
            if str(intent.get("/OutputConditionIdentifier", "")) != expected.condition:
                problems.append(f"OutputConditionIdentifier {str(intent.get('/OutputConditionIdentifier'))!r} is not "
                                f"the settings' {expected.condition!r}")
            profile = intent.get("/DestOutputProfile")
            if profile is None or bytes(profile.read_bytes()) != expected.icc.read_bytes():
                problems.append(f"the OutputIntent's profile is not {expected.icc}")
            elif int(profile.get("/N", 0)) != 4:
                problems.append("the OutputIntent's profile does not have 4 components (CMYK)")
        if "/AcroForm" in pdf.Root:
            problems.append("a form (AcroForm)")
        xmp = _xmp_text(pdf)
        title = str(info.get("/Title", ""))
        if not xmp:
            problems.append("no XMP metadata")
        else:
            with pdf.open_metadata() as meta:
                if meta.get("dc:title") != title:
                    problems.append(f"XMP dc:title {meta.get('dc:title')!r} is not Info /Title {title!r}")
                if xmp_version and meta.get("pdfxid:GTS_PDFXVersion", meta.get("pdfx:GTS_PDFXVersion")) != \
                        xmp_version:
                    problems.append(f"XMP GTS_PDFXVersion does not say {xmp_version}")
                problems += _info_against_xmp(info, meta)
        trim_size = (expected.width_mm * PT_PER_MM, expected.height_mm * PT_PER_MM)
        bleed = expected.bleed_mm * PT_PER_MM
        seen: set[tuple[int, int]] = set()
        for number, page in enumerate(pdf.pages, 1):
            where = f"page {number}"
            trim, bleed_box, media = _box(page, "/TrimBox"), _box(page, "/BleedBox"), _box(page, "/MediaBox")
            if trim is None or bleed_box is None or media is None:
                problems.append(f"{where}: TrimBox, BleedBox or MediaBox missing")
                continue
            if not _close((trim[2] - trim[0], trim[3] - trim[1]), trim_size, 0.1):
                problems.append(f"{where}: TrimBox {trim} is not the page size {trim_size}")
            if not _close(bleed_box, (trim[0] - bleed, trim[1] - bleed, trim[2] + bleed, trim[3] + bleed)):
                problems.append(f"{where}: BleedBox {bleed_box} is not the trim plus {expected.bleed_mm} mm")
            if not (media[0] <= bleed_box[0] + 0.01 and media[1] <= bleed_box[1] + 0.01
                    and media[2] >= bleed_box[2] - 0.01 and media[3] >= bleed_box[3] - 0.01):
                problems.append(f"{where}: the BleedBox lies outside the MediaBox")
            if "/Annots" in page.obj:
                problems.append(f"{where}: annotations")
            if "/Group" in page.obj:
                problems.append(f"{where}: a transparency group")
            resources = page.obj.get("/Resources") or pikepdf.Dictionary()
            for name, space in (resources.get("/ColorSpace") or {}).items():
                problems.append(f"{where}: colour space {name} declared ({space if isinstance(space, pikepdf.Name) else space[0]})")
            for name, state in (resources.get("/ExtGState") or {}).items():
                if "/SMask" in state and state.SMask != pikepdf.Name("/None"):
                    problems.append(f"{where}: soft mask in {name}")
                for key in ("/CA", "/ca"):
                    if key in state and float(state[key]) != 1.0:
                        problems.append(f"{where}: transparency {key} {float(state[key])} in {name}")
            for xobject in (resources.get("/XObject") or {}).values():
                if "/Group" in xobject or "/SMask" in xobject:
                    problems.append(f"{where}: a transparency group or soft mask in an XObject")
                if xobject.get("/Subtype") == "/Image":
                    problems.append(f"{where}: an image (none expected)")
            for font in _fonts(resources, seen):
                if not _embedded(font):
                    problems.append(f"{where}: font {font.get('/BaseFont')} is not embedded")
            for name, drawing in _drawings(page):
                problems += _colour_problems(f"{where}, {name}", drawing)
    return problems
