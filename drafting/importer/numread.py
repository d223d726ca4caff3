"""Printed numbers in imported documents: ``PART 1``, ``CHAPTER IV``, ``Article 5``, ``5-бап``, ``(2)``, ``(iv)``, ``9A``.

A printed number splits into the bare number the source keeps (``1``, ``IV``,
``iv``, ``9A``, ``3-1``, ``2-bis``, ``12 bis``) and a template (``PART {n}``, ``({n})``) that becomes the
level's label or list marker. Which style a level's numbers are in (``(i)`` is a
letter or a Roman one) is decided from the whole level by ``choose_style``: the
style under which every run of numbers counts up from 1 most often.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.numbering import LATIN, LATIN_SUFFIXES, parse_number, sequence_problems

_ARABIC = re.compile(r"(?<![0-9])(\d+(?:-\d+)*)(?:(-|\s)?(" + "|".join(sorted(LATIN_SUFFIXES, key=len, reverse=True))
                     + r")\b|([A-Z]{1,2})(?![A-Za-z]))?",
                     re.IGNORECASE)
_WORDISH = re.compile(r"[^\W\d_]+")
_ROMAN = re.compile(r"(?=[MDCLXVI])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})")
_CYRILLIC = re.compile(r"[\u0430-\u044f\u0451\u0456\u04d9\u0493\u049b\u04a3\u04e9\u04b1\u04af\u04bb]+")
STYLES_FOR = {"lower": ("alpha", "roman-lower"), "upper": ("roman", "alpha-upper"), "cyrillic": ("cyrillic",)}


@dataclass(frozen=True)
class Printed:
    number: str  # bare: "5", "9A", "3-1", "IV", "iv", "a"
    template: str  # "Article {n}", "({n})"
    family: str  # "arabic", "lower", "upper", "cyrillic": the styles it may be in
    changed: bool = False  # printed otherwise: 2bis is 2-bis, 3-1-bis becomes 3-1-1, 3a becomes 3-1


def printed_number(text: str) -> Printed | None:
    """The number in a printed ``num``, or None when it holds none."""
    text = " ".join(text.split())
    if not text:
        return None
    match = _ARABIC.search(text)
    if match:
        parts = [str(int(p)) for p in match.group(1).split("-")]
        if "0" in parts:
            return None
        separator, latin, letters = match.group(2), match.group(3), match.group(4)
        number = "-".join(parts)
        changed = False
        if latin and len(parts) == 1:  # kept as printed: 2-bis, 12 bis (2bis, 2-Bis: 2-bis)
            number += (" " if separator and separator.isspace() else "-") + latin.lower()
            changed = not separator or latin != latin.lower()
        elif latin:
            number += f"-{LATIN_SUFFIXES.index(latin.lower()) + 1}"
            changed = True
        elif letters:
            if not letters.isupper():
                number += f"-{LATIN.index(letters.lower()) + 1}" if len(letters) == 1 else ""
                changed = True
            else:
                number += letters
        return Printed(number, _template(text, match.start(), match.end()), "arabic", changed)
    words = list(_WORDISH.finditer(text))
    if not words:
        return None
    # CHAPTER IV, (iv), SECTION A, I бөлім: the last word that can be a number, else the last word
    token = next((w for w in reversed(words) if _number_like(w.group(0))), words[-1])
    value = token.group(0)
    if len(value) > 8:
        return None
    if re.fullmatch(r"[a-z]+", value):
        family = "lower"
    elif re.fullmatch(r"[A-Z]+", value):
        family = "upper"
    elif _CYRILLIC.fullmatch(value):
        family = "cyrillic"
    else:
        return None
    if len(words) > 1 and family == "lower" and len(value) > 4:
        return None
    return Printed(value, _template(text, token.start(), token.end()), family)


def _number_like(value: str) -> bool:
    """A Roman number (upper or lower case) or one or two letters of one case."""
    if not (value.isupper() or value.islower()):
        return False
    return bool(_ROMAN.fullmatch(value.upper())) or len(value) <= 2


def _template(text: str, start: int, end: int) -> str:
    return escape_template(text[:start]) + "{n}" + escape_template(text[end:])


def escape_template(text: str) -> str:
    """Text safe inside a ``str.format`` template (braces doubled)."""
    return text.replace("{", "{{").replace("}", "}}")


def choose_style(family: str, runs: list[list[str]], inserted: str | None) -> str:
    """The number style under which the runs (one per parent) count up from 1 best."""
    if family == "arabic":
        return "arabic"
    candidates = STYLES_FOR.get(family, ("arabic",))
    best, best_score = candidates[0], None
    for style in candidates:
        problems = sum(len(sequence_problems(run, True, style, inserted or "dash")) for run in runs)
        unparsed = sum(1 for run in runs for num in run if parse_number(num, style, inserted or "dash") is None)
        score = (unparsed, problems)
        if best_score is None or score < best_score:
            best, best_score = style, score
    return best
