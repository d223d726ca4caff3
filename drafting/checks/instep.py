"""Translations in step (A409): which language of a unit changed while the others did not.

A *unit* is an article's heading (with its paragraph numbers), one paragraph of
an article or an annex, or the preamble. Each language's text of a unit is
reduced to a hash that ignores what changes in every language at once by
machine (article numbers; the wording of a reference, kept as its target), so
a renumbering moves nothing out of step.

The baseline is either ``translations.yaml`` (what ``drafting translations
mark`` recorded when the languages were last aligned) or the same work in a git
revision (``check --since REV``). A language is out of step in a unit when the
unit did not change in it but changed in a language it follows: an
authoritative language follows the other authoritative (parallel) languages, a
translation follows the language it is a translation of (``translation_of``,
else the first authoritative one). A change in a translation alone moves
nothing out of step: it does not change the law.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass

from drafting.diagnostics import Diagnostics
from drafting.model import Article, Expression, Loc, Paragraph, Ref, Text, Work, WorkMeta

Hashes = dict[str, dict[str, str]]  # unit key -> language -> hash
DIGITS = 16


@dataclass(frozen=True)
class Unit:
    key: str  # art:ID, art:ID/N, annex:ID/N, preamble
    label: str  # what a drafter reads: "article 5 (state), paragraph 2"
    loc: Loc
    digest: str


@dataclass(frozen=True)
class Stale:
    """``lang`` did not follow ``changed`` in ``unit`` (the unit as it is in ``lang``)."""

    lang: str
    unit: Unit
    changed: tuple[str, ...]


def digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()[:DIGITS]


_NO_DEFAULT = object()
_FIELDS: dict[type, tuple[tuple[str, object], ...]] = {}  # a model class -> (field, default) but the location


def _fields(kind: type) -> tuple[tuple[str, object], ...] | None:
    found = _FIELDS.get(kind)
    if found is None and dataclasses.is_dataclass(kind):
        pairs = []
        for f in dataclasses.fields(kind):
            if f.name == "loc":
                continue
            if f.default is not dataclasses.MISSING:
                default: object = f.default
            elif f.default_factory is not dataclasses.MISSING:
                default = f.default_factory()
            else:
                default = _NO_DEFAULT
            pairs.append((f.name, default))
        found = _FIELDS[kind] = tuple(pairs)
    return found


def _canon(value: object) -> object:
    """A value without its locations, references reduced to their targets: what must say the same.

    A field at its default value is left out, so that a field the model gains later (with a default) does
    not change the hash of every text that does not use it, and the recorded marks stay good."""
    kind = type(value)
    if kind is Text:
        return " ".join(value.value.split())  # type: ignore[attr-defined]
    if kind is Ref:
        ref: Ref = value  # type: ignore[assignment]
        return ("ref", ref.kind, ref.work, ref.target, ref.paragraph, *ref.points)
    if kind is tuple or kind is list:
        return tuple(_canon(item) for item in value)  # type: ignore[attr-defined]
    if kind is Loc:
        return None
    fields = _fields(kind)
    if fields is not None:
        found = [(name, getattr(value, name)) for name, default in fields]
        return (kind.__name__, *((name, _canon(item)) for (name, item), (_, default) in zip(found, fields)
                                 if item != default))
    return value


def _paragraph_units(prefix: str, label: str, paragraphs: tuple[Paragraph, ...]) -> list[Unit]:
    found = []
    unnumbered = 0
    for paragraph in paragraphs:
        if paragraph.num is None:
            unnumbered += 1
            key, where = f"{prefix}/p{unnumbered}", label if len(paragraphs) == 1 else f"{label}, text {unnumbered}"
        else:
            key, where = f"{prefix}/{paragraph.num}", f"{label}, paragraph {paragraph.num}"
        found.append(Unit(key, where, paragraph.loc, digest(_canon(paragraph))))
    return found


# An article's units by the article object: the language server's parse cache gives back the very objects of the
# articles an edit did not touch, so only the edited article is hashed again. The entry holds the article, so an
# id is never taken for another object's; the table is emptied when it grows past the bound.
_MEMO: dict[int, tuple[Article, list[Unit]]] = {}
_MEMO_BOUND = 20_000


def _article_units(article: Article) -> list[Unit]:
    kept = _MEMO.get(id(article))
    if kept is not None and kept[0] is article:
        return kept[1]
    label = f"article {article.num} ({article.id})"
    head = (article.heading, tuple(p.num for p in article.paragraphs))
    found = [Unit(f"art:{article.id}", label, article.loc, digest(_canon(head))),
             *_paragraph_units(f"art:{article.id}", label, article.paragraphs)]
    if len(_MEMO) >= _MEMO_BOUND:
        _MEMO.clear()
    _MEMO[id(article)] = (article, found)
    return found


def units(expression: Expression) -> dict[str, Unit]:
    """Every unit of one language's text, in reading order (preamble, articles, annexes)."""
    found: list[Unit] = []
    if expression.preamble is not None:
        preamble = expression.preamble
        found.append(Unit("preamble", "the preamble", preamble.loc,
                          digest(_canon((preamble.heading, preamble.paragraphs)))))
    for article in expression.articles():
        found.extend(_article_units(article))
    for annex in expression.annexes:
        found.extend(_paragraph_units(f"annex:{annex.id}", f"annex {annex.num} ({annex.id})", annex.paragraphs))
    return {unit.key: unit for unit in found}


def every_unit(work: Work) -> dict[str, dict[str, Unit]]:
    """language -> unit key -> unit, for every language of the work."""
    return {lang: units(work.expression(lang)) for lang in work.meta.codes if lang in work.expressions}


def hashes(work: Work) -> Hashes:
    """unit key -> language -> hash, units in the first language's reading order, then the others' own."""
    table: Hashes = {}
    for lang, found in every_unit(work).items():
        for key, unit in found.items():
            table.setdefault(key, {})[lang] = unit.digest
    return table


def followed(meta: WorkMeta) -> dict[str, tuple[str, ...]]:
    """language -> the languages whose change it must follow."""
    codes = meta.codes
    authoritative = [lang.code for lang in meta.languages if lang.authoritative] or codes[:1]
    follows: dict[str, tuple[str, ...]] = {}
    for lang in meta.languages:
        if lang.code in authoritative:
            follows[lang.code] = tuple(code for code in authoritative if code != lang.code)
        else:
            basis = lang.translation_of if lang.translation_of in codes else authoritative[0]
            follows[lang.code] = (basis,) if basis != lang.code else ()
    return follows


def out_of_step(before: Hashes, now: dict[str, dict[str, Unit]], meta: WorkMeta) -> list[Stale]:
    """Each unit and language that did not change while a language it follows did (units unknown to
    ``before``, or missing in a language, are left to the other rules)."""
    follows = followed(meta)
    stale: list[Stale] = []
    keys = list(dict.fromkeys(key for found in now.values() for key in found))
    for key in keys:
        recorded = before.get(key)
        if not recorded:
            continue
        present = {lang: found[key] for lang, found in now.items() if key in found and lang in recorded}
        changed = {lang for lang, unit in present.items() if unit.digest != recorded[lang]}
        if not changed:
            continue
        for lang, unit in present.items():
            if lang in changed:
                continue
            culprits = tuple(code for code in follows.get(lang, ()) if code in changed)
            if culprits:
                stale.append(Stale(lang, unit, culprits))
    return stale


def report(stale: list[Stale], diags: Diagnostics, since: str | None = None) -> None:
    """A409 per unit and language, at the unit's line in that language's file."""
    for item in stale:
        who = ", ".join(item.changed)
        if since is None:
            message = (f"{item.unit.label}: changed in {who} since the translations were marked, not in "
                       f"{item.lang}; bring {item.lang} in step, then run 'drafting translations mark'")
        else:
            message = (f"{item.unit.label}: changed in {who} since {since}, not in {item.lang}; "
                       f"bring {item.lang} in step")
        diags.warning(item.unit.loc.path, item.unit.loc.line, "A409", message, item.unit.loc.column)


def counts(stale: list[Stale], meta: WorkMeta) -> dict[str, int]:
    """language -> how many of its units are out of step."""
    found = {code: 0 for code in meta.codes}
    for item in stale:
        found[item.lang] += 1
    return found

