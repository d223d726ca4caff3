"""Hyphenation dictionaries pyphen lacks, registered so that WeasyPrint finds them.

pyphen ships ``ru`` and ``en`` but no Kazakh. ``hyph_kk_KZ.dic`` is built by
:mod:`drafting.hyphenation.kazakh` from the rules of Kazakh syllabification;
:func:`register` adds it to pyphen's lookup tables (the public ``LANGUAGES`` and
the private ``LANGUAGES_LOWERCASE`` that ``language_fallback`` reads), so an
element with ``lang="kk"`` is hyphenated with it.
"""

from __future__ import annotations

from pathlib import Path

import pyphen

DICTIONARIES = Path(__file__).resolve().parent
OWN: dict[str, Path] = {"kk_KZ": DICTIONARIES / "hyph_kk_KZ.dic"}


def register() -> None:
    """Make our dictionaries known to pyphen (idempotent; call in every process that renders)."""
    lowercase: dict[str, str] = getattr(pyphen, "LANGUAGES_LOWERCASE")
    for name, path in OWN.items():
        for key in (name, name.split("_")[0]):
            pyphen.LANGUAGES[key] = path
            lowercase[key.lower()] = key


def hyphenate(word: str, lang: str, hyphen: str = "-") -> str:
    """``word`` with every break point marked, as WeasyPrint would see them (2 letters each side)."""
    register()
    return str(pyphen.Pyphen(lang=lang, left=2, right=2).inserted(word, hyphen=hyphen))
