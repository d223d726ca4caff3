"""Two hyphenation limits WeasyPrint lacks: no more than two hyphens in a row, none at a column's foot.

CSS Text 4 names them ``hyphenate-limit-lines: 2`` and ``hyphenate-limit-last:
column``; WeasyPrint 70 implements neither, so a narrow newspaper column got
ladders of four hyphenated lines and words split from the foot of one column
to the head of the next (issue #15). This module wraps two WeasyPrint
functions in the render process:

- ``get_next_linebox`` (one line of a paragraph): it counts the paragraph's
  consecutive hyphenated line ends (a line continues a run when it starts where
  the line before it ended) and, when :data:`MAX_RUN` are behind it or when the
  line is the last that fits above the foot of the column or page being filled,
  lays that line out with hyphenation off;
- ``split_first_line`` (the line breaker), which obeys the switch by reading
  ``hyphens: manual`` through a view of the box's style.

WeasyPrint's line breaking is otherwise unchanged (greedy, first fit). It is
pinned in constraints.txt, and this file is part of the render cache key.
"""

from __future__ import annotations

from typing import Any

MAX_RUN = 2  # hyphenated line ends in a row, at most
_installed = False
_state = {"off": False}
# per line box being filled (its id): the skip stack the next line starts from, the run so far, the line height
_runs: dict[int, tuple[Any, int, float]] = {}


class _NoAutoHyphens:
    """A box's style as the line breaker reads it, with ``hyphens: manual``."""

    def __init__(self, style: Any) -> None:
        self._style = style

    def __getitem__(self, key: str) -> Any:
        return "manual" if key == "hyphens" else self._style[key]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._style, name)


def _last_text(box: Any, boxes: Any) -> Any:
    if isinstance(box, boxes.TextBox):
        return box
    for child in reversed(getattr(box, "children", ())):
        found = _last_text(child, boxes)
        if found is not None:
            return found
    return None


def ends_hyphenated(line: Any, boxes: Any) -> bool:
    text = _last_text(line, boxes)
    if text is None or not text.text:
        return False
    mark = text.style["hyphenate_character"] or "-"
    return bool(text.text.endswith(mark) or text.text.endswith("-"))


def reset() -> None:
    """Forget the runs of an earlier layout (called before each layout)."""
    _runs.clear()


def install() -> None:
    """Patch WeasyPrint in this process (idempotent)."""
    global _installed
    if _installed:
        return
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout import inline

    original_next = inline.get_next_linebox
    original_split = inline.split_first_line

    def get_next_linebox(context: Any, linebox: Any, position_y: float, bottom_space: float, skip_stack: Any,
                         *rest: Any) -> Any:
        key = id(linebox)
        before = _runs.get(key)
        run, height = 0, linebox.style["font_size"] * 1.3
        if before is not None:
            height = before[2]
            if skip_stack is not None and before[0] is skip_stack:
                run = before[1]
        at_foot = context.overflows_page(bottom_space, position_y + 2 * height)
        previous = _state["off"]
        _state["off"] = run >= MAX_RUN or at_foot
        try:
            line, resume_at = original_next(context, linebox, position_y, bottom_space, skip_stack, *rest)
        finally:
            _state["off"] = previous
        if line is not None:
            hyphenated = resume_at is not None and ends_hyphenated(line, boxes)
            _runs[key] = (resume_at, run + 1 if hyphenated else 0, line.height or height)
        return line, resume_at

    def split_first_line(text: str, style: Any, *args: Any, **kwargs: Any) -> Any:
        if _state["off"] and style["hyphens"] == "auto":
            style = _NoAutoHyphens(style)
        return original_split(text, style, *args, **kwargs)

    inline.get_next_linebox = get_next_linebox
    inline.split_first_line = split_first_line
    _installed = True
