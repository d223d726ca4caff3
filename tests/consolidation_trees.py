"""Small source trees for the consolidation tests: a work of two sections in kk, ru and en, in memory."""

from __future__ import annotations

from drafting.model import Work
from drafting.source.load import load_tree
from drafting.source.tree import MemoryTree

LANGS = ("kk", "ru", "en")

WORK = """country: kz
doctype: act
number: small-law
date: 2026-01-10
author: parliament
title:
  kk: Шағын заң
  ru: Малый закон
  en: Small Law
languages:
  - {code: kk, akn: kaz, authoritative: true}
  - {code: ru, akn: rus, authoritative: true}
  - {code: en, akn: eng, authoritative: false, translation_of: ru}
profile: small
"""

PROFILE = """name: small
preamble: optional
sections:
  numbering: roman
articles:
  numbering: continuous
  inserted: true
paragraphs:
  inserted: true
points:
  inserted: true
"""

SECTION = """number: {num}
title:
  kk: Бөлім {num}
  ru: Раздел {num}
  en: Section {num}
"""

WORDS = {"kk": ("заң", "мемлекет", "азамат", "құқық"), "ru": ("закон", "государство", "гражданин", "право"),
         "en": ("law", "state", "citizen", "right")}


def article(ident: str, num: str, lang: str, paragraphs: list[tuple[str, str, list[str]]]) -> str:
    """An article file: front matter, then numbered paragraphs (number, text, points)."""
    lines = ["---", f"id: {ident}", f"number: {num}", "---"]
    for pnum, text, points in paragraphs:
        lines.append(f"{pnum}. {text}")
        lines.extend(f"   {index}) {point}" for index, point in points)
    return "\n".join(lines) + "\n"


def base_files() -> dict[str, str]:
    files = {"work.yaml": WORK, "profiles/small.yaml": PROFILE,
             "01-first/section.yaml": SECTION.format(num="I"), "02-second/section.yaml": SECTION.format(num="II")}
    for lang in LANGS:
        w = WORDS[lang]
        files[f"01-first/001-scope.{lang}.md"] = article("scope", "1", lang, [
            ("1", f"Бұл {w[0]} {w[1]} туралы." if lang == "kk" else f"This {w[0]} is about the {w[1]}.", []),
            ("2", f"{w[2].capitalize()} has a {w[3]}:", [("1", f"first {w[3]};"), ("2", f"second {w[3]}.")]),
        ])
        files[f"01-first/002-terms.{lang}.md"] = article("terms", "2", lang, [
            ("1", f"The {w[1]} protects every {w[2]}.", []),
            ("2", f"Every {w[2]} obeys the {w[0]}.", []),
        ])
        files[f"02-second/003-final.{lang}.md"] = article("final", "3", lang, [
            ("1", f"The {w[0]} enters into force.", []),
        ])
    return files


def work_of(files: dict[str, str]) -> Work:
    loaded = load_tree(MemoryTree({path: text.encode() for path, text in files.items()}))
    assert loaded.work is not None and not loaded.diagnostics.has_errors(), loaded.diagnostics.sorted()
    return loaded.work
