"""Numbers as printed: Roman section numbers, article numbers, inserted numbers like ``3-1``, ``9A`` or ``2-bis``.

A level's number style (arabic, roman, roman-lower, alpha, alpha-upper, cyrillic)
maps a printed number to its place in the sequence and back; inserted numbers
add parts after the base (``3-1`` is (3, 1), ``9A`` is (9, 1)). The Latin forms
some publishers print (``2-bis``, ``2-ter``; ``latin-space``: ``12 bis``) add one
part: bis is the first number inserted after 2, ter the second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
NUMBER_RE = re.compile(r"^[1-9][0-9]*(?:-[1-9][0-9]*)*$")
# A number in running text (5, 3-1), not part of a longer number: how a reference's
# text names its target. `check` and `renumber` must read reference texts alike.
NUMBER_TOKEN = re.compile(r"(?<![\d-])[1-9][0-9]*(?:-[1-9][0-9]*)*(?![\d]|-\d)")


def numbers_in_text(text: str) -> list[str]:
    return NUMBER_TOKEN.findall(text)


def to_roman(value: int) -> str:
    if value <= 0:
        raise ValueError("Roman numerals start at 1")
    out = []
    for amount, letters in _ROMAN:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def from_roman(text: str) -> int | None:
    """The value of a canonical Roman numeral, or None."""
    if not text or not re.fullmatch(r"[IVXLCDM]+", text):
        return None
    total, i = 0, 0
    for amount, letters in _ROMAN:
        while text.startswith(letters, i):
            total += amount
            i += len(letters)
    return total if i == len(text) and to_roman(total) == text else None


# Letters used for lists in Kazakh and Russian legal texts (ё, й, ъ, ы, ь are not used).
CYRILLIC = "абвгдежзиклмнопрстуфхцчшщэюя"
LATIN = "abcdefghijklmnopqrstuvwxyz"
# The Latin multiplicatives publishers put after an inserted number: bis is the first insertion, ter the second.
LATIN_SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies",
                  "undecies", "duodecies", "terdecies", "quaterdecies", "quinquiesdecies", "sexiesdecies",
                  "septiesdecies", "duodevicies", "undevicies", "vicies")
_LATIN_SEPARATOR = {"latin": "-", "latin-space": " "}


def ordinal(text: str, style: str) -> int | None:
    """The place in its sequence of a printed base number (no inserted part), or None."""
    if style == "arabic":
        return int(text) if re.fullmatch(r"[1-9][0-9]*", text) else None
    if style == "roman":
        return from_roman(text)
    if style == "roman-lower":
        return from_roman(text.upper()) if text.islower() else None
    alphabet = CYRILLIC if style == "cyrillic" else LATIN
    if style == "alpha-upper":
        text = text.lower() if text.isupper() else ""
    if not text or any(ch not in alphabet for ch in text) or len(set(text)) != 1:
        return None  # a, b, ..., z, then aa, bb, ...
    return alphabet.index(text[0]) + 1 + len(alphabet) * (len(text) - 1)


def format_ordinal(value: int, style: str) -> str:
    if style == "arabic":
        return str(value)
    if style == "roman":
        return to_roman(value)
    if style == "roman-lower":
        return to_roman(value).lower()
    alphabet = CYRILLIC if style == "cyrillic" else LATIN
    letter = alphabet[(value - 1) % len(alphabet)] * ((value - 1) // len(alphabet) + 1)
    return letter.upper() if style == "alpha-upper" else letter


def parse_number(text: str, style: str = "arabic", inserted: str | None = "dash") -> Number | None:
    """A printed number in a style, with its inserted parts (dash: 3-1-2; letter: 9A, 9AB; latin: 2-bis;
    latin-space: 12 bis), or None."""
    if inserted in _LATIN_SEPARATOR:
        base_text, separator, suffix = text.partition(_LATIN_SEPARATOR[inserted])
        base = ordinal(base_text, style)
        if base is None or (separator and suffix not in LATIN_SUFFIXES):
            return None
        return Number((base, LATIN_SUFFIXES.index(suffix) + 1) if separator else (base,))
    if inserted == "letter" or (inserted is None and style == "arabic" and re.fullmatch(r"[1-9][0-9]*[A-Z]+", text)):
        match = re.fullmatch(r"([1-9][0-9]*)([A-Z]*)", text) if style == "arabic" else None
        if match:
            return Number((int(match.group(1)), *(LATIN.index(ch.lower()) + 1 for ch in match.group(2))))
    pieces = text.split("-")
    base = ordinal(pieces[0], style)
    if base is None or not all(re.fullmatch(r"[1-9][0-9]*", p) for p in pieces[1:]):
        return None
    return Number((base, *(int(p) for p in pieces[1:])))


def format_number(number: Number, style: str = "arabic", inserted: str | None = "dash") -> str:
    base = format_ordinal(number.parts[0], style)
    if inserted in _LATIN_SEPARATOR and len(number.parts) == 2 and number.parts[1] <= len(LATIN_SUFFIXES):
        return base + _LATIN_SEPARATOR[inserted] + LATIN_SUFFIXES[number.parts[1] - 1]
    if inserted == "letter":
        return base + "".join(LATIN[p - 1].upper() for p in number.parts[1:])
    return "-".join([base, *(str(p) for p in number.parts[1:])])


@dataclass(frozen=True, order=True)
class Number:
    """A parsed number: ``3`` is (3,), an inserted ``3-1`` is (3, 1)."""

    parts: tuple[int, ...]

    @classmethod
    def parse(cls, text: str) -> Number | None:
        if not NUMBER_RE.match(text):
            return None
        return cls(tuple(int(p) for p in text.split("-")))

    @property
    def inserted(self) -> bool:
        return len(self.parts) > 1

    def __str__(self) -> str:
        return "-".join(str(p) for p in self.parts)


def expected_successors(previous: Number | None, allow_inserted: bool) -> list[Number]:
    """Numbers that may follow ``previous`` (None: the first one)."""
    if previous is None:
        return [Number((1,))]
    nexts = [Number((previous.parts[0] + 1,))]
    if allow_inserted:
        # 3 -> 3-1; 3-1 -> 3-2 or 3-1-1; 3-1-1 -> 3-1-2, 3-2
        nexts.append(Number(previous.parts + (1,)))
        for depth in range(1, len(previous.parts)):
            nexts.append(Number(previous.parts[:depth] + (previous.parts[depth] + 1,)))
    return nexts


def _printable(numbers: list[Number], style: str, inserted: str) -> list[Number]:
    """The numbers a kind of inserted number can print (a Latin suffix is one level deep: no 2-bis-1)."""
    return [n for n in numbers if parse_number(format_number(n, style, inserted), style, inserted) == n]


def sequence_problems(nums: list[str], allow_inserted: bool, style: str = "arabic",
                      inserted: str | None = "dash", start: Number | None = None) -> list[tuple[int, str]]:
    """(index, message) for every number that does not follow its predecessor (``start``: the one before the first)."""
    problems: list[tuple[int, str]] = []
    previous: Number | None = start
    seen: set[str] = set()
    kind = inserted or "dash"
    for index, text in enumerate(nums):
        number = parse_number(text, style, kind)
        if number is None:
            problems.append((index, f"'{text}' is not a number"))
            continue
        if number.inserted and not allow_inserted:
            problems.append((index, f"inserted number {text} is not allowed by the profile"))
            previous = number
            continue
        if text in seen:
            problems.append((index, f"duplicate number {text}"))
        elif number not in (nexts := _printable(expected_successors(previous, allow_inserted), style, kind)):
            want = " or ".join(format_number(n, style, kind) for n in nexts)
            problems.append((index, f"number {text} out of sequence: expected {want}"))
        seen.add(text)
        previous = number
    return problems
