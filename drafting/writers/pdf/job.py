"""One PDF render: a language in a page profile, as a picklable job for a worker process.

The job carries everything the render reads (HTML, CSS, the files it may
fetch), so its content hash (:attr:`RenderJob.key`) decides whether an earlier
result can be reused. A job lays the pages out once and writes the screen PDF
and, for newspaper profiles, the print shop's PDF/X from the same layout.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

# bump when the render code changes in a way the inputs do not show
RENDERER_VERSION = "2"


@dataclass(frozen=True)
class PrintFileSpec:
    variant: str
    bleed_mm: float
    marks: bool
    condition: str


@dataclass(frozen=True)
class RenderJob:
    lang: str
    profile: str
    html: str
    css: tuple[str, ...]  # the profile's stylesheet(s), after the files
    stylesheets: tuple[Path, ...]
    base_dir: Path
    roots: tuple[Path, ...]  # what the engine may read besides base_dir
    print_file: PrintFileSpec | None = None
    heading_zone: float = 0.0  # a section heading starting this low on a page moves to the next page
    screen_variant: str | None = None  # "pdf/ua-1": the screen PDF tagged for assistive technology

    @property
    def name(self) -> str:
        return f"{self.lang}-{self.profile}"

    @cached_property
    def key(self) -> str:
        """The content hash of everything the render reads."""
        digest = hashlib.sha256()
        for part in (RENDERER_VERSION, *_engine_versions(),
                     self.lang, self.profile, self.html, *self.css, repr(self.print_file), repr(self.heading_zone),
                     repr(self.screen_variant)):
            digest.update(part.encode("utf-8") + b"\0")
        for path in sorted({*self.stylesheets, *self.roots, *_code_files()}):
            digest.update(str(path).encode("utf-8") + b"\0")
            if path.is_file():
                digest.update(_file_digest(path))
        return digest.hexdigest()


@dataclass
class RenderOutput:
    key: str
    screen: bytes
    print_file: bytes | None
    pages: int
    refused: list[str] = field(default_factory=list)
    layout_seconds: float = 0.0
    write_seconds: float = 0.0


def _engine_versions() -> list[str]:
    """Versions of the rendering packages, without importing them (WeasyPrint takes ~0.6 s)."""
    from importlib.metadata import version

    return [f"{name} {version(name)}" for name in ("weasyprint", "pydyf", "pyphen", "tinycss2", "fonttools")]


def _code_files() -> list[Path]:
    from drafting.hyphenation import OWN

    here = Path(__file__).resolve().parent
    return [here / "job.py", here / "printfile.py", here / "engine.py", here / "justify.py", here / "hyphenlimits.py",
            *OWN.values()]


_DIGESTS: dict[tuple[Path, int, int], bytes] = {}


def _file_digest(path: Path) -> bytes:
    stat = path.stat()
    marker = (path, stat.st_size, stat.st_mtime_ns)
    if marker not in _DIGESTS:
        _DIGESTS[marker] = hashlib.sha256(path.read_bytes()).digest()
    return _DIGESTS[marker]


def stranded_sections(document: Any, zone: float) -> list[str]:
    """Sections whose heading starts in the bottom ``zone`` of a page's type area."""
    seen: set[str] = set()
    stranded = []
    for page in document.pages:
        box = page._page_box
        limit = box.content_box_y() + box.height * (1 - zone)
        for name, corners in sorted(page.anchors.items(), key=lambda item: item[1][1]):
            if name.startswith("sec_") and "__" not in name and name not in seen:
                seen.add(name)
                if corners[1] > limit:
                    stranded.append(name)
    return stranded


def lay_out_sections(job: RenderJob, passes: int = 3) -> Any:
    """Lay out; while a section heading is stranded at the foot of a page, start it on a new page."""
    from drafting.writers.pdf import engine as pdfengine
    from drafting.writers.pdf import hyphenlimits

    moved: list[str] = []
    while True:
        hyphenlimits.reset()
        css = [*job.css, *(f"#{eid} {{ break-before: page; }}" for eid in moved)]
        layout = pdfengine.lay_out(job.html, job.base_dir, list(job.roots), stylesheets=list(job.stylesheets),
                                   css=css, identifier=job.key[:32])
        stranded = stranded_sections(layout.document, job.heading_zone) if job.heading_zone else []
        if not stranded or passes <= 1:
            return layout
        moved += stranded
        passes -= 1


def run(job: RenderJob) -> RenderOutput:
    """Lay out once; write the screen PDF, then the print-shop PDF/X from the same pages."""
    from drafting.writers.pdf import engine as pdfengine
    from drafting.hyphenation import register
    from drafting.writers.pdf import hyphenlimits, justify
    from drafting.writers.pdf.printfile import PrintShopFinisher

    register()
    justify.install()
    hyphenlimits.install()
    started = time.perf_counter()
    layout = lay_out_sections(job)
    laid_out = time.perf_counter()
    document = layout.document
    profiles = dict(document.color_profiles)
    bleeds = [dict(page.bleed) for page in document.pages]
    links = [list(page.links) for page in document.pages]

    # screen: no bleed, no ICC profile, links kept; tagged (PDF/UA) when the profile asks
    document.color_profiles.clear()
    for page in document.pages:
        page.bleed = {side: 0 for side in page.bleed}
    screen = pdfengine.write(layout, variant=job.screen_variant)

    printed = None
    if job.print_file is not None:
        spec = job.print_file
        document.color_profiles.update(profiles)
        document.output_intent = "device-cmyk"
        for page, bleed in zip(document.pages, bleeds):
            page.bleed = bleed
            page.links = []  # PDF/X: no annotations on the printed area
        finisher = PrintShopFinisher(spec.bleed_mm, spec.marks, spec.condition)
        printed = pdfengine.write(layout, variant=spec.variant, finisher=finisher)
        for page, kept in zip(document.pages, links):
            page.links = kept
    done = time.perf_counter()
    return RenderOutput(job.key, screen, printed, layout.pages, list(layout.fetcher.refused),
                        laid_out - started, done - laid_out)
