"""Printed numbers in imported documents: ``Article 5``, ``Art. 3-bis.``, ``CHAPTER IV``, ``(2)``, ``a)``.

A printed number splits into the bare number the source format keeps and a
template (``Article {n}``) that becomes the profile's label. Letter and Latin
suffixes of inserted articles (``12A``, ``3-bis``) become inserted numbers
(``12-1``, ``3-1``), which is how the source format writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.numbering import from_roman

LATIN = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")
_ARABIC = re.compile(r"(?<![0-9])(\d+(?:-\d+)*)(?:(?:-|\s)?(" + "|".join(LATIN) + r")\b|([A-Za-z])(?![A-Za-z]))?",
                     re.IGNORECASE)
_ROMAN = re.compile(r"(?<![A-Za-z])([IVXLCDM]+|[ivxlcdm]+)(?![A-Za-z])")
_SUB = re.compile(r"^\s*[\(\[]?\s*(\d+(?:-\d+)*)\s*[.)\]]?\s*$")


@dataclass(frozen=True)
class Printed:
    number: str  # bare: "5", "3-1", "IV"
    template: str  # "Article {n}"
    changed: bool = False  # a suffix (12A, 3-bis) became an inserted number


def article_number(text: str) -> Printed | None:
    """The number in an article's printed ``num``, or None when it has none."""
    match = _ARABIC.search(text)
    if not match:
        return None
    parts = [str(int(p)) for p in match.group(1).split("-")]
    if any(p == "0" for p in parts):
        return None
    suffix = match.group(2) or match.group(3)
    changed = False
    if suffix:
        lower = suffix.lower()
        parts.append(str(LATIN.index(lower) + 1 if lower in LATIN else ord(lower) - ord("a") + 1))
        changed = True
    template = text[: match.start()] + "{n}" + text[match.end():]
    return Printed("-".join(parts), template.strip(), changed)


def section_number(text: str) -> Printed | None:
    """Roman (``IV``, ``iv``) or arabic (``4``) section numbers."""
    for match in _ROMAN.finditer(text):
        token = match.group(1)
        if from_roman(token.upper()) is not None:
            return Printed(token.upper(), (text[: match.start()] + "{n}" + text[match.end():]).strip(), token.isupper() is False)
    arabic = re.search(r"(?<![0-9])([1-9][0-9]*)(?![0-9])", text)
    if arabic:
        return Printed(arabic.group(1), (text[: arabic.start()] + "{n}" + text[arabic.end():]).strip())
    return None


def sub_number(text: str) -> str | None:
    """The bare number of a paragraph or point (``1.``, ``(2)``, ``3)``, ``3-1.``), None for letters."""
    match = _SUB.match(text)
    if not match:
        return None
    parts = [str(int(p)) for p in match.group(1).split("-")]
    return None if "0" in parts else "-".join(parts)


def escape_template(template: str) -> str:
    """A template safe for ``str.format`` (braces in the printed text doubled)."""
    return template.replace("{", "{{").replace("}", "}}").replace("{{n}}", "{n}")
