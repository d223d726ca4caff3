"""Temporary git repositories holding the mini fixture, and the known edits the redline tests make.

Commits are made with fixed names and dates, so their SHAs (and the golden files
that show them) are the same on every run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

MINI = Path(__file__).parent / "fixtures" / "mini"
LANGS = ("kk", "ru", "en")
_REF = re.compile(r"\[([^\]]*)\]\(art:([a-z0-9-]+)(/[0-9-]+)?\)")
_NUMBER_LINE = re.compile(r"^number: .*$", re.M)
_ID_LINE = re.compile(r"^id: (.*)$", re.M)

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Drafter", "GIT_AUTHOR_EMAIL": "drafter@example.invalid",
    "GIT_COMMITTER_NAME": "Drafter", "GIT_COMMITTER_EMAIL": "drafter@example.invalid",
    "GIT_AUTHOR_DATE": "2026-01-31T12:00:00+05:00", "GIT_COMMITTER_DATE": "2026-01-31T12:00:00+05:00",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, **GIT_ENV}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    done = subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=repo, env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def commit(repo: Path, message: str, date: str, tag: str | None = None) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)
    if tag:
        git(repo, "tag", tag)
    return git(repo, "rev-parse", "HEAD")


def new_repo(tmp: Path) -> tuple[Path, Path]:
    """A repository with a README commit, then the mini fixture (plus written references) in constitution/."""
    repo = tmp / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "README.md").write_text("A constitution.\n", encoding="utf-8")
    commit(repo, "Start", "2026-01-01T09:00:00+05:00", tag="empty")
    source = repo / "constitution"
    shutil.copytree(MINI, source)
    add_paragraph(source, "09-local", "017-local-1", {
        "en": "3. See [Article 6](art:president-2).",
        "ru": "3. См. [статью 6](art:president-2).",
        "kk": "3. [6-бапты](art:president-2) қараңыз.",
    })
    add_paragraph(source, "10-amendment", "019-amendment-1", {lang: "3. [](art:president-2)." for lang in LANGS})
    return repo, source


def article_path(source: Path, section: str, stem: str, lang: str) -> Path:
    return source / section / f"{stem}.{lang}.md"


def articles(source: Path) -> list[tuple[str, str]]:
    """(section folder, stem) of every article, in order."""
    found = []
    for folder in sorted((d for d in source.iterdir() if d.is_dir() and d.name[0].isdigit()),
                         key=lambda d: int(d.name.split("-")[0])):
        stems = sorted({p.name.split(".")[0] for p in folder.glob("*.md")})
        found += [(folder.name, stem) for stem in stems]
    return found


def add_paragraph(source: Path, section: str, stem: str, texts: dict[str, str]) -> None:
    for lang, text in texts.items():
        path = article_path(source, section, stem, lang)
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text + "\n", encoding="utf-8")


def replace_text(source: Path, section: str, stem: str, changes: dict[str, tuple[str, str]]) -> None:
    for lang, (old, new) in changes.items():
        path = article_path(source, section, stem, lang)
        text = path.read_text(encoding="utf-8")
        assert old in text, (path, old)
        path.write_text(text.replace(old, new), encoding="utf-8")


def insert_article(source: Path, section: str, stem: str, article_id: str, texts: dict[str, str]) -> None:
    for lang, text in texts.items():
        article_path(source, section, stem, lang).write_text(
            f"---\nid: {article_id}\nnumber: 999\n---\n{text}\n", encoding="utf-8")


def delete_article(source: Path, section: str, stem: str) -> None:
    for lang in LANGS:
        article_path(source, section, stem, lang).unlink()


def move_article(source: Path, section: str, stem: str, to_section: str, to_stem: str) -> None:
    for lang in LANGS:
        article_path(source, section, stem, lang).rename(article_path(source, to_section, to_stem, lang))


def rename_id(source: Path, old_id: str, new_id: str) -> None:
    for path in source.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        text = text.replace(f"id: {old_id}\n", f"id: {new_id}\n").replace(f"(art:{old_id}", f"(art:{new_id}")
        path.write_text(text, encoding="utf-8")


def renumber(source: Path) -> None:
    """Number the articles 1..N in order and make written references name the new numbers."""
    old_numbers: dict[str, str] = {}
    new_numbers: dict[str, str] = {}
    for index, (section, stem) in enumerate(articles(source), start=1):
        for lang in LANGS:
            path = article_path(source, section, stem, lang)
            text = path.read_text(encoding="utf-8")
            article_id = _ID_LINE.search(text).group(1)  # type: ignore[union-attr]
            old_numbers[article_id] = text.split("number: ", 1)[1].split("\n", 1)[0]
            new_numbers[article_id] = str(index)
            path.write_text(_NUMBER_LINE.sub(f"number: {index}", text, count=1), encoding="utf-8")

    def fix(match: re.Match[str]) -> str:
        label, target, para = match.group(1), match.group(2), match.group(3) or ""
        if label and target in old_numbers:
            label = re.sub(rf"(?<![\d-]){old_numbers[target]}(?![\d]|-\d)", new_numbers[target], label)
        return f"[{label}](art:{target}{para})"

    for path in source.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(_REF.sub(fix, text), encoding="utf-8")


def known_edits(source: Path) -> None:
    """The edits of the second version (the expected result is in test_redline_compare.py)."""
    insert_article(source, "02-rights", "003a-environment", "environment", {
        "en": "Everyone has the right to a healthy environment.",
        "ru": "Каждый имеет право на благоприятную окружающую среду.",
        "kk": "Әркімнің қолайлы қоршаған ортаға құқығы бар.",
    })
    delete_article(source, "06-council", "012-council-2")
    move_article(source, "07-court", "013-court-1", "09-local", "018a-court-1")
    replace_text(source, "03-president", "005-president-1", {
        "en": ("the first measure;", "the primary measure, as the law provides;"),
        "ru": ("первая мера;", "основная мера, как предусмотрено законом;"),
        "kk": ("бірінші шара;", "заңда көзделгендей негізгі шара;"),
    })
    replace_text(source, "01-foundations", "002-foundations-2", {
        "en": ("on foundations.", "on the foundations of the State."),
        "ru": ("«Основы».", "«Основы государства»."),
        "kk": ("негіздер туралы.", "мемлекет негіздері туралы."),
    })
    rename_id(source, "justice-2", "judiciary-2")
    renumber(source)


def two_versions(tmp: Path) -> tuple[Path, Path, str, str]:
    """(repo, source, first SHA, second SHA): tags v1 and v2, named versions first-draft and final-draft."""
    repo, source = new_repo(tmp)
    first = commit(repo, "First draft", "2026-01-31T12:00:00+05:00", tag="v1")
    known_edits(source)
    second = commit(repo, "Final draft", "2026-02-12T12:00:00+05:00", tag="v2")
    return repo, source, first, second


def versions_with(tmp: Path, edit, prepare=None) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """A repository tagged v1 (the mini fixture, after ``prepare``) and v2 (after ``edit`` and renumbering)."""
    repo, source = new_repo(tmp)
    if prepare is not None:
        prepare(source)
    commit(repo, "First draft", "2026-01-31T12:00:00+05:00", tag="v1")
    edit(source)
    renumber(source)
    commit(repo, "Final draft", "2026-02-12T12:00:00+05:00", tag="v2")
    return repo, source


def remove_lines(source: Path, section: str, stem: str, starts: dict[str, list[str]]) -> None:
    """Remove the lines of an article that start with the given texts, per language."""
    for lang, prefixes in starts.items():
        path = article_path(source, section, stem, lang)
        lines = path.read_text(encoding="utf-8").split("\n")
        kept = [line for line in lines if not any(line.startswith(prefix) for prefix in prefixes)]
        assert len(kept) == len(lines) - len(prefixes), (path, prefixes)
        path.write_text("\n".join(kept), encoding="utf-8")


# Distinct paragraphs the split, merge and move tests put in and take out (three languages each).
EXTRA = {
    "a": {"en": "Public officials declare their income and property every year.",
          "ru": "Государственные служащие ежегодно декларируют свои доходы и имущество.",
          "kk": "Мемлекеттік қызметшілер жыл сайын өз кірістері мен мүлкін декларациялайды."},
    "b": {"en": "The declarations are published in the manner the law provides.",
          "ru": "Декларации публикуются в порядке, установленном законом.",
          "kk": "Декларациялар заңда белгіленген тәртіппен жарияланады."},
    "c": {"en": "Nobody may be compelled to testify against themselves or their close relatives.",
          "ru": "Никто не обязан свидетельствовать против себя самого и своих близких родственников.",
          "kk": "Ешкім өзіне және жақын туыстарына қарсы куәлік беруге міндетті емес."},
}


def extra(key: str, num: int) -> dict[str, str]:
    return {lang: f"{num}. {text}" for lang, text in EXTRA[key].items()}
