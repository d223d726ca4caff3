"""Numbers as printed: Roman section numbers, article numbers, inserted numbers like ``3-1``."""

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


def sequence_problems(nums: list[str], allow_inserted: bool) -> list[tuple[int, str]]:
    """(index, message) for every number that does not follow its predecessor."""
    problems: list[tuple[int, str]] = []
    previous: Number | None = None
    seen: set[str] = set()
    for index, text in enumerate(nums):
        number = Number.parse(text)
        if number is None:
            problems.append((index, f"'{text}' is not a number"))
            continue
        if number.inserted and not allow_inserted:
            problems.append((index, f"inserted number {text} is not allowed by the profile"))
            previous = number
            continue
        if text in seen:
            problems.append((index, f"duplicate number {text}"))
        elif number not in expected_successors(previous, allow_inserted):
            want = " or ".join(str(n) for n in expected_successors(previous, allow_inserted))
            problems.append((index, f"number {text} out of sequence: expected {want}"))
        seen.add(text)
        previous = number
    return problems
