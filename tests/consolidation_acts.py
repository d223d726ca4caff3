"""A hand-made amending act of the small test law (tests/consolidation_trees.py), in kk, ru and en, as files."""

from __future__ import annotations

WORK = """country: kz
doctype: act
number: "12"
date: 2026-12-01
author: parliament
title:
  kk: Шағын заңға өзгерістер енгізу туралы Заң
  ru: Закон о внесении изменений в Малый закон
  en: Law amending the Small Law
languages:
  - {code: kk, akn: kaz, authoritative: true}
  - {code: ru, akn: rus, authoritative: true}
  - {code: en, akn: eng, authoritative: false, translation_of: ru}
profile: amending-act
amends:
  work: small
  uri: /akn/kz/act/2026-01-10/small-law
  profile: small
  version: base
"""

ITEMS = {
    "ru": ("Внести в Малый закон следующие изменения и дополнения:",
           "в [статье 1](small:art:scope):", "[пункт 1](small:art:scope/1) изложить в следующей редакции:",
           "дополнить пунктом 1-1 следующего содержания:",
           "в [подпункте 1) пункта 2](small:art:scope/2/1) слово «first» заменить словом «1st»;",
           "[пункт 2 статьи 2](small:art:terms/2) исключить;", "дополнить статьей 3-1 следующего содержания:"),
    "kk": ("Шағын заңға мынадай өзгерістер мен толықтырулар енгізілсін:",
           "[1-бапта](small:art:scope):", "[1-тармақ](small:art:scope/1) мынадай редакцияда жазылсын:",
           "мынадай мазмұндағы 1-1-тармақпен толықтырылсын:",
           "[2-тармағының 1) тармақшасындағы](small:art:scope/2/1) «first» деген сөз «1st» деген сөзбен ауыстырылсын;",
           "[2-баптың 2-тармағы](small:art:terms/2) алып тасталсын;", "мынадай мазмұндағы 3-1-баппен толықтырылсын:"),
    "en": ("The following amendments shall be made to the Small Law:",
           "in [Article 1](small:art:scope):", "[paragraph 1](small:art:scope/1) shall read as follows:",
           "it shall be supplemented by paragraph 1-1 as follows:",
           "in [point 1) of paragraph 2](small:art:scope/2/1), the word «first» shall be replaced by the word «1st»;",
           "[paragraph 2 of Article 2](small:art:terms/2) shall be deleted;",
           "it shall be supplemented by Article 3-1 as follows:"),
}


def article_one(lang: str, words: dict[str, str] | None = None) -> str:
    lead, group, restate, insert, replace, repeal, add_article = ITEMS[lang]
    if words:
        for old, new in words.items():
            replace = replace.replace(old, new)
    return (f"---\nid: amendments\nnumber: 1\n---\n{lead}\n1) {group}\n   1) {restate}\n\n"
            f"      ```quoted\n      1. Restated {lang}.\n      ```\n"
            f"   2) {insert}\n\n      ```quoted\n      1-1. Inserted {lang}.\n      ```\n"
            f"   3) {replace}\n2) {repeal}\n3) {add_article}\n\n"
            f"   ```quoted file=02-second/003a-extra\n   ---\n   id: extra\n   number: 3-1\n   ---\n"
            f"   1. Extra {lang}.\n   ```\n")


def act_files(langs: tuple[str, ...] = ("kk", "ru", "en"), **changes: dict[str, str]) -> dict[str, str]:
    files = {"work.yaml": WORK}
    for lang in langs:
        files[f"001-amendments.{lang}.md"] = article_one(lang, changes.get(lang))
    return files
