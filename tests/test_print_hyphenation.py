"""Kazakh hyphenation: our pattern file, registered with pyphen, breaks words where Kazakh does."""

from __future__ import annotations

import pyphen
import pytest

from drafting.hyphenation import OWN, hyphenate, register
from drafting.hyphenation.kazakh import dictionary_text

# words whose hyphenation is known (syllables, no one-letter piece at either end)
KNOWN = {
    "мемлекет": "мем-ле-кет",
    "мемлекеттік": "мем-ле-кет-тік",
    "азамат": "аза-мат",
    "азаматтарының": "аза-мат-та-ры-ның",
    "халқы": "хал-қы",
    "құқықтары": "құ-қық-та-ры",
    "бостандықтары": "бос-тан-дық-та-ры",
    "жұртшылық": "жұрт-шы-лық",
    "айтылған": "ай-тыл-ған",
    "тұрады": "тұ-ра-ды",
    "сайлау": "сай-лау",
    "сайлауы": "сай-ла-уы",
    "тәуелсіздігін": "тә-уел-сіз-ді-гін",
    "аудандары": "ау-дан-да-ры",
    "оқуын": "оқу-ын",
    "киім": "ки-ім",
    "Қазақстан": "Қа-зақ-стан",
    "Қазақстанның": "Қа-зақ-стан-ның",
    "Республикасының": "Рес-пуб-ли-ка-сы-ның",
    "Парламенті": "Пар-ла-мен-ті",
    "Конституция": "Кон-сти-ту-ция",
    "Конституциялық": "Кон-сти-ту-ция-лық",
    "Құрылтай": "Құ-рыл-тай",
    "Жоғарғы": "Жо-ғар-ғы",
    "мәслихат": "мәс-ли-хат",
    "объект": "объ-ект",
    "ата": "ата",  # one-letter syllables stay: no break at all
    "ауыл": "ауыл",
}


def test_committed_dictionary_is_what_the_rules_generate() -> None:
    assert OWN["kk_KZ"].read_text(encoding="utf-8") == dictionary_text()


@pytest.mark.parametrize("word,expected", sorted(KNOWN.items()))
def test_kazakh_words_break_between_syllables(word: str, expected: str) -> None:
    assert hyphenate(word, "kk") == expected


def test_registered_for_every_spelling_weasyprint_may_ask() -> None:
    register()
    for code in ("kk", "kk-KZ", "kk_KZ", "KK"):
        assert pyphen.language_fallback(code) in ("kk", "kk_KZ")
        assert pyphen.LANGUAGES[pyphen.language_fallback(code)] == OWN["kk_KZ"]


def test_russian_patterns_would_break_kazakh_wrongly() -> None:
    """Why the dictionary exists: Russian patterns do not know Kazakh letters."""
    russian = pyphen.Pyphen(lang="ru", left=2, right=2).inserted("құқықтары")
    assert russian != KNOWN["құқықтары"]
