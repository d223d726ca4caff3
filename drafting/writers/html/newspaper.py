"""Newspaper furniture for the printed pages: the paper's nameplate and the folio line.

work.yaml's ``publications`` name the paper that prints each language (Egemen
Qazaqstan for Kazakh, Kazakhstanskaya Pravda for Russian), the issue's date and,
when known, its number. The newspaper page profiles put the nameplate at the
head of the front page and the same facts in the folio line of every page; the
date is written out in the language of the page ("2026 жылғы 31 қаңтар,
сенбі", "31 января 2026 года, суббота").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from drafting.model import Publication, Work

MONTHS = {
    "kk": ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
           "қараша", "желтоқсан"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
WEEKDAYS = {
    "kk": ("дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"),
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
NUMBER_SIGN = "№\u00a0"
SEPARATOR = " · "


def long_date(date: dt.date, lang: str) -> str:
    """The date written out as a newspaper's dateline gives it, in ``lang`` (ISO for other languages)."""
    if lang not in MONTHS:
        return date.isoformat()
    month, weekday = MONTHS[lang][date.month - 1], WEEKDAYS[lang][date.weekday()]
    if lang == "kk":
        return f"{date.year}\u00a0жылғы {date.day}\u00a0{month}, {weekday}"
    if lang == "ru":
        return f"{date.day}\u00a0{month} {date.year}\u00a0года, {weekday}"
    return f"{weekday}, {date.day}\u00a0{month} {date.year}"


@dataclass(frozen=True)
class Paper:
    """What the nameplate and the folio say about the issue that prints a language."""

    name: str
    dateline: str
    number: str | None

    @property
    def folio(self) -> str:
        parts = [self.name, self.dateline]
        if self.number:
            parts.append(NUMBER_SIGN + self.number)
        return SEPARATOR.join(parts)


def publication_of(work: Work, lang: str) -> Publication | None:
    """The last publication work.yaml lists for ``lang`` (None when it lists none)."""
    found = [item for item in work.meta.publications if item.language == lang]
    return found[-1] if found else None


def paper_of(work: Work, lang: str) -> Paper | None:
    publication = publication_of(work, lang)
    if publication is None:
        return None
    number = str(publication.number) if publication.number not in (None, "") else None
    return Paper(publication.name, long_date(publication.date, lang), number)
