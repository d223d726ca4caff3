"""Random edits of a small act, kept as plain data: OLD and NEW rendered as source files, and the edits made.

A ``Draft`` is a list of articles (stable id, number, folder, paragraphs with points)
that renders to source files the way a drafter writes them. ``edit`` applies one
random change (words, a paragraph or point restated, inserted or deleted, an article
inserted, deleted or moved to the other section) and says what it did in terms of the
amended act's units, so a test can compare what ``consolidate`` makes of OLD with NEW.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from hypothesis import strategies as st

from consolidation_trees import LANGS, PROFILE, WORK  # the same small act

FOLDERS = ("01-first", "02-second")
VOCABULARY = {"kk": ("заң", "мемлекет", "азамат", "құқық", "сот", "кеңес", "халық", "тіл"),
              "ru": ("закон", "государство", "гражданин", "право", "суд", "совет", "народ", "язык"),
              "en": ("law", "state", "citizen", "right", "court", "council", "people", "language")}


@dataclass
class Para:
    num: str
    text: dict[str, str]
    points: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def lines(self, lang: str) -> str:
        head = f"{self.num}. {self.text[lang]}" + (":" if self.points else ".")
        return head + "\n" + "".join(f"   {num}) {text[lang]};\n" for num, text in self.points)


@dataclass
class Art:
    id: str
    num: str
    folder: str
    paras: list[Para]

    def stem(self) -> str:
        base, _, inserted = self.num.partition("-")
        return f"{int(base):03d}{'a' if inserted else ''}-{self.id}"

    def file(self) -> str:
        return f"{self.folder}/{self.stem()}"

    def text(self, lang: str) -> str:
        return f"---\nid: {self.id}\nnumber: {self.num}\n---\n" + "".join(p.lines(lang) for p in self.paras)


@dataclass
class Draft:
    articles: list[Art]
    titles: dict[str, dict[str, str]] = field(default_factory=dict)  # folder -> language -> title (else the default)

    def title(self, folder: str, lang: str) -> str:
        index = FOLDERS.index(folder) + 1
        default = {"kk": f"Бөлім {index}", "ru": f"Раздел {index}", "en": f"Section {index}"}[lang]
        return self.titles.get(folder, {}).get(lang, default)

    def files(self) -> dict[str, str]:
        files = {"work.yaml": WORK, "profiles/small.yaml": PROFILE}
        for index, folder in enumerate(FOLDERS, start=1):
            files[f"{folder}/section.yaml"] = (f"number: {'I' * index}\ntitle:\n"
                                                + "".join(f"  {lang}: {self.title(folder, lang)}\n" for lang in LANGS))
        for article in self.articles:
            for lang in LANGS:
                files[f"{article.file()}.{lang}.md"] = article.text(lang)
        return files

    def article(self, ident: str) -> Art | None:
        return next((a for a in self.articles if a.id == ident), None)


@dataclass(frozen=True)
class Change:
    """What an edit did, as an instruction names it: kind, article id, path, number, texts per language."""

    kind: str
    article: str
    path: tuple[str, ...] = ()
    old: dict[str, str] = field(default_factory=dict)
    new: dict[str, str] = field(default_factory=dict)
    file: str | None = None


def words(draw: st.DrawFn, count: int) -> dict[str, str]:
    picks = draw(st.lists(st.integers(0, 7), min_size=count, max_size=count))
    return {lang: " ".join(VOCABULARY[lang][i] for i in picks) for lang in LANGS}


@st.composite
def drafts(draw: st.DrawFn) -> Draft:
    count = draw(st.integers(2, 4))
    articles = []
    for index in range(1, count + 1):
        paras = []
        for pnum in range(1, draw(st.integers(1, 3)) + 1):
            points = [(str(k), words(draw, 2)) for k in range(1, draw(st.integers(0, 2)) + 1)]
            paras.append(Para(str(pnum), words(draw, 3), points))
        articles.append(Art(f"art-{index}", str(index), FOLDERS[0 if index <= (count + 1) // 2 else 1], paras))
    return Draft(articles)


def _inserted_after(num: str, taken: set[str]) -> str | None:
    candidate = f"{num.split('-')[0]}-1"
    return None if candidate in taken or "-" in num else candidate


@st.composite
def edited(draw: st.DrawFn, draft: Draft, valid: bool = False, headings: bool = False) -> tuple[Draft, list[Change]]:
    """NEW (a copy of ``draft`` after one to three random edits) and the changes made, in order.

    ``valid``: only edits after which the act still passes ``drafting check`` (no numbering gaps: the last unit
    deleted, an article moved across the boundary of the sections, keeping its number). ``headings``: a
    section's heading may change too (kind "retitle", its folder in ``Change.file``).
    """
    new = copy.deepcopy(draft)
    changes: list[Change] = []
    kinds = ("words", "restate-para", "insert-para", "repeal-para", "insert-point", "repeal-point", "insert-article",
             "repeal-article", "move-article") + (("retitle",) if headings else ())
    for _ in range(draw(st.integers(1, 3))):
        change = draw(st.sampled_from(kinds))
        if change == "retitle":
            folder = draw(st.sampled_from(FOLDERS))
            title = {lang: new.title(folder, lang) + " " + " ".join(words(draw, 2)[lang].split()[:2]) for lang in LANGS}
            new.titles[folder] = title
            changes.append(Change("retitle", "", new=title, file=folder))
            continue
        made = _edit(draw, new, change, valid)
        if made is not None:
            changes.append(made)
    return new, changes


def _edit(draw: st.DrawFn, new: Draft, change: str, valid: bool = False) -> Change | None:
    if not new.articles:
        return None
    article = draw(st.sampled_from(new.articles))
    para = draw(st.sampled_from(article.paras))
    if change == "words":
        marker = {lang: f"{para.text[lang]}" for lang in LANGS}
        replacement = {lang: f"{text} {VOCABULARY[lang][7]}" for lang, text in marker.items()}
        para.text = replacement
        return Change("replace-words", article.id, (para.num,), old={lang: f"{para.num}. {marker[lang]}" for lang in LANGS},
                      new={lang: f"{para.num}. {replacement[lang]}" for lang in LANGS})
    if change == "restate-para":
        para.text = words(draw, 4)
        para.points = para.points[:1]
        return Change("restate", article.id, (para.num,), new={lang: para.lines(lang) for lang in LANGS})
    if change == "insert-para":
        num = _inserted_after(para.num, {p.num for p in article.paras})
        if num is None:
            return None
        inserted = Para(num, words(draw, 2))
        article.paras.insert(article.paras.index(para) + 1, inserted)
        return Change("insert", article.id, (num,), new={lang: inserted.lines(lang) for lang in LANGS})
    if change == "repeal-para":
        if len(article.paras) < 2 or (valid and para is not article.paras[-1]):
            return None
        article.paras.remove(para)
        return Change("repeal", article.id, (para.num,))
    if change == "insert-point":
        if not para.points:
            return None
        index = draw(st.integers(0, len(para.points) - 1))
        num = _inserted_after(para.points[index][0], {n for n, _ in para.points})
        if num is None:
            return None
        text = words(draw, 2)
        para.points.insert(index + 1, (num, text))
        return Change("insert", article.id, (para.num, num), new={lang: f"   {num}) {text[lang]};\n" for lang in LANGS})
    if change == "repeal-point":
        if len(para.points) < 2:
            return None
        index = len(para.points) - 1 if valid else draw(st.integers(0, len(para.points) - 1))
        num = para.points.pop(index)[0]
        return Change("repeal", article.id, (para.num, num))
    if change == "insert-article":
        num = _inserted_after(article.num, {a.num for a in new.articles})
        ident = f"new-{len(new.articles) + 1}"
        if num is None or new.article(ident) is not None:
            return None
        inserted = Art(ident, num, article.folder, [Para("1", words(draw, 3))])
        new.articles.insert(new.articles.index(article) + 1, inserted)
        return Change("insert", ident, new={lang: inserted.text(lang) for lang in LANGS}, file=inserted.file())
    if change == "repeal-article":
        if len(new.articles) < 2 or (valid and article is not new.articles[-1]):
            return None
        new.articles.remove(article)
        return Change("repeal", article.id)
    # move: to the other section, keeping its id and number (its text restated there)
    if valid:  # only across the boundary: the first section's last article, the second's first
        firsts = [a for a in new.articles if a.folder == FOLDERS[0]]
        seconds = [a for a in new.articles if a.folder == FOLDERS[1]]
        if not (firsts and seconds and article in (firsts[-1], seconds[0])) or len(firsts if article in firsts
                                                                                   else seconds) < 2:
            return None
    article.folder = FOLDERS[1] if article.folder == FOLDERS[0] else FOLDERS[0]
    return Change("move", article.id, new={lang: article.text(lang) for lang in LANGS}, file=article.file())
