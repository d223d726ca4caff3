"""Justification that spreads a line's slack over letters as well as spaces, for WeasyPrint.

WeasyPrint breaks lines greedily and justifies by widening the spaces only, so
in a newspaper column of some forty characters a line that ends a syllable
short gets word gaps of three to six times the normal space (issue #15 measured
47 % of Kazakh lines above twice). Typesetters spread such slack: a little
into the spaces, then a little tracking (up to :data:`MAX_TRACKING` of the
type size between letters), then the rest into the spaces again.

:func:`install` replaces WeasyPrint's ``justify_line`` with :func:`justify_line`
(the same contract: the line's boxes are widened to fill ``extra_width``) and
teaches its Pango ``Layout`` to draw a box with the tracking chosen for it. It
runs in the render process only, before laying out; WeasyPrint is pinned in
constraints.txt, and this module is part of the render cache key.
"""

from __future__ import annotations

from typing import Any

MAX_TRACKING = 0.08  # em: the most tracking a justified line gets (0.06 left 10.7-12.8 % loose lines on A2)
SPACE_FIRST = 0.6  # of the normal space: what each space takes before the letters take any

_installed = False


class _Tracked:
    """A box's style as ``Layout.set_text`` reads it, with the line's tracking added."""

    def __init__(self, style: Any, extra: float) -> None:
        self._style, self._extra = style, extra

    def __getitem__(self, key: str) -> Any:
        value = self._style[key]
        if key == "letter_spacing":
            return (0 if value == "normal" else value) + self._extra
        return value

    def __getattr__(self, name: str) -> Any:
        return getattr(self._style, name)


def _text_boxes(box: Any, boxes: Any) -> list[Any]:
    if isinstance(box, boxes.TextBox):
        return [box]
    if isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        return [found for child in box.children if child.is_in_normal_flow() for found in _text_boxes(child, boxes)]
    return []


def justify_line(context: Any, line: Any, extra_width: float) -> None:
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout import inline

    spaces = inline.count_expandable_spaces(line)
    if not spaces or extra_width <= 0:
        inline.__dict__["_drafting_original_justify"](context, line, extra_width)
        return
    texts = _text_boxes(line, boxes)
    letters = sum(len(box.text) - box.text.count(" ") - box.text.count("\u00a0") for box in texts)
    size = texts[0].style["font_size"] if texts else 0
    normal = 0.24 * size  # near enough for spreading; the spaces take the exact rest below
    for_letters = max(0.0, extra_width - spaces * SPACE_FIRST * normal)
    tracking = min(MAX_TRACKING * size, for_letters / letters) if letters else 0.0
    if tracking <= 0.01:
        inline.__dict__["_drafting_original_justify"](context, line, extra_width)
        return
    # measure each text box tracked (Pango decides how the spacing falls), then give the spaces the rest
    from weasyprint.text.line_break import create_layout, line_size

    grown = 0.0
    for box in texts:
        layout = create_layout(box.text, _Tracked(box.style, tracking), context, None, 0)
        first, _ = layout.get_first_line()
        width, _ = line_size(first, box.style)
        grown += width - box.width
    spacing = max(0.0, (extra_width - grown) / spaces)
    _apply(context, line, spacing, tracking, 0.0, boxes)


def _apply(context: Any, box: Any, spacing: float, tracking: float, x_advance: float, boxes: Any) -> float:
    from weasyprint.text.line_break import create_layout, line_size

    if isinstance(box, boxes.TextBox):
        box.justification_spacing = spacing
        box.position_x += x_advance
        layout = create_layout(box.text, box.style, context, None, spacing)
        layout.drafting_tracking = tracking
        layout.set_text(box.text, justify=True)
        first, _ = layout.get_first_line()
        width, _ = line_size(first, box.style)
        layout.deactivate()
        x_advance += width - box.width
        box.width = width
        box.pango_layout = layout
    elif isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        box.position_x += x_advance
        before = x_advance
        for child in box.children:
            if child.is_in_normal_flow():
                x_advance = _apply(context, child, spacing, tracking, x_advance, boxes)
        box.width += x_advance - before
    else:
        box.translate(x_advance, 0)
    return x_advance


def install() -> None:
    """Patch WeasyPrint in this process (idempotent)."""
    global _installed
    if _installed:
        return
    from weasyprint.layout import inline
    from weasyprint.text import line_break

    inline.__dict__["_drafting_original_justify"] = inline.justify_line
    inline.justify_line = justify_line
    original_set_text = line_break.Layout.set_text

    def set_text(self: Any, text: str, justify: bool = False) -> None:
        tracking = getattr(self, "drafting_tracking", 0.0)
        if justify and tracking:
            real = self.style
            self.style = _Tracked(real, tracking)
            try:
                original_set_text(self, text, justify)
            finally:
                self.style = real
        else:
            original_set_text(self, text, justify)

    line_break.Layout.set_text = set_text
    _installed = True
