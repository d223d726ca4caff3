"""The print shop's PDF: PDF/X boxes, crop marks in black ink, the OutputIntent.

WeasyPrint draws its own crop marks inside the bleed (too short) and in RGB
(not allowed in PDF/X-1a), and sets the BleedBox at most 10 pt from the trim.
So the layout asks WeasyPrint for a wider "bleed" (bleed + slug), and this
finisher then, on every page:

- sets the BleedBox to the trim plus the bleed the shop asked for;
- draws crop marks in the slug, outside the bleed, in K=100 (DeviceCMYK);
- names the output condition of the OutputIntent;
- drops the colour spaces WeasyPrint declares but no page uses (Lab, ICC-based):
  PDF/X-1a allows DeviceCMYK, DeviceGray and spot colours only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pydyf

MM = 72 / 25.4  # PDF points per millimetre
MARK_LENGTH_MM = 5.0
MARK_MARGIN_MM = 1.0  # between the end of a mark and the edge of the sheet
MARK_WIDTH_PT = 0.25


def length_mm(css_length: str) -> float:
    """A CSS length in mm, cm, pt or in as millimetres."""
    units = {"mm": 1.0, "cm": 10.0, "pt": 25.4 / 72, "in": 25.4}
    for unit, factor in units.items():
        if css_length.endswith(unit):
            return float(css_length[: -len(unit)]) * factor
    return float(css_length)  # "0"


def layout_bleed_mm(bleed_mm: float, marks: bool) -> float:
    """How far the sheet extends past the trim: the bleed, and room for the marks."""
    return bleed_mm + (MARK_LENGTH_MM + MARK_MARGIN_MM if marks else 0.0)


def crop_marks(trim: tuple[float, float, float, float], offset: float, length: float) -> bytes:
    """PDF operators drawing eight crop marks around ``trim`` (x0, y0, x1, y1), ``offset`` away from it."""
    x0, y0, x1, y1 = trim
    lines = []
    for x, y, sx, sy in ((x0, y0, -1, -1), (x1, y0, 1, -1), (x0, y1, -1, 1), (x1, y1, 1, 1)):
        lines.append((x + sx * offset, y, x + sx * (offset + length), y))  # along the horizontal trim edge
        lines.append((x, y + sy * offset, x, y + sy * (offset + length)))  # along the vertical trim edge
    ops = [f"0 0 0 1 K {MARK_WIDTH_PT:.2f} w 0 J"]
    ops += [f"{a:.3f} {b:.3f} m {c:.3f} {d:.3f} l S" for a, b, c, d in lines]
    return ("\n".join(ops) + "\n").encode("ascii")


@dataclass(frozen=True)
class PrintShopFinisher:
    """A WeasyPrint ``finisher``: called with the document and the pydyf PDF before it is written."""

    bleed_mm: float
    marks: bool
    condition: str

    def __call__(self, document: Any, pdf: pydyf.PDF) -> None:
        for page in self._pages(pdf):
            trim = tuple(float(v) for v in page["TrimBox"])
            x0, y0, x1, y1 = min(trim[0], trim[2]), min(trim[1], trim[3]), max(trim[0], trim[2]), max(trim[1], trim[3])
            bleed = self.bleed_mm * MM
            page["BleedBox"] = pydyf.Array([x0 - bleed, y0 - bleed, x1 + bleed, y1 + bleed])
            if self.marks:
                self._add_marks(pdf, page, (x0, y0, x1, y1), bleed)
        self._drop_unused_color_spaces(pdf)
        intents = pdf.catalog.get("OutputIntents")
        if intents:
            intent = intents[0]
            description = intent.get("Info")
            intent["OutputConditionIdentifier"] = pydyf.String(self.condition)
            intent["OutputCondition"] = description if description is not None else pydyf.String(self.condition)
            intent["RegistryName"] = pydyf.String("http://www.color.org")

    @staticmethod
    def _drop_unused_color_spaces(pdf: pydyf.PDF) -> None:
        """WeasyPrint declares Lab and ICC colour spaces on every page; PDF/X-1a allows neither.

        Pages paint with ``/DeviceCMYK`` only; a declared space that no content
        stream names is dropped (the ICC profile stays, as the OutputIntent's).
        """
        named = b"\n".join(bytes(chunk) if isinstance(chunk, (bytes, bytearray)) else str(chunk).encode("latin-1")
                            for obj in pdf.objects if isinstance(obj, pydyf.Stream) for chunk in obj.stream)
        for obj in pdf.objects:
            if isinstance(obj, pydyf.Dictionary) and "lab-d50" in obj:
                for name in [key for key in obj if f"/{key} ".encode("latin-1") not in named]:
                    del obj[name]

    @staticmethod
    def _pages(pdf: pydyf.PDF) -> list[pydyf.Dictionary]:
        return [obj for obj in pdf.objects
                if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/Page" and "TrimBox" in obj]

    @staticmethod
    def _add_marks(pdf: pydyf.PDF, page: pydyf.Dictionary, trim: tuple[float, float, float, float],
                   bleed: float) -> None:
        # the page's own stream leaves its transformation in place: wrap it in q ... Q
        save = pydyf.Stream([b"q"])
        marks = pydyf.Stream([b"Q\n" + crop_marks(trim, bleed, MARK_LENGTH_MM * MM)])
        pdf.add_object(save)
        pdf.add_object(marks)
        page["Contents"] = pydyf.Array([save.reference, page["Contents"], marks.reference])
