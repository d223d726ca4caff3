"""Build AKN, import it: the same tree comes back (#13). The constitution file by file, work.yaml's facts
included (titles in every language, versions, authors, translators, profile); generated trees of any shape
(containers with intros and wrap-ups, articles, paragraphs, points, conclusions) through hypothesis."""

from __future__ import annotations

import dataclasses
import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from akn_common import export
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.importer.acts import import_to
from drafting.model import (Article, Container, Expression, Language, Loc, Paragraph, Point, Preamble, Text, Work,
                            WorkMeta, plain_text)
from drafting.profile import PROFILES_DIR, Profile
from drafting.source.load import load_valid
from drafting.source.rewrite import render_tree

REPO = Path(__file__).resolve().parent.parent
CONSTITUTION = REPO / "constitution"


# The toolkit's own records beside the act, not the act: what the translations were last aligned with
# (`drafting translations mark`) and the redline's justifications. AKN carries neither.
RECORDS = {"translations.yaml", "justifications.yaml"}


def _source_files(root: Path) -> dict[str, Path]:
    """Every file of the work's own tree (not the acts nested in it: constitution/laws/..., nor RECORDS)."""
    nested = {p.parent for p in root.rglob("work.yaml") if p.parent != root}
    return {str(p.relative_to(root)): p for p in root.rglob("*")
            if p.is_file() and not any(folder in p.parents for folder in nested)
            and str(p.relative_to(root)) not in RECORDS}


def _data(path: Path) -> Any:
    """A YAML file's data, dates as text and the default version event left out."""
    data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
    for version in data.get("versions", []) if isinstance(data, dict) else []:
        if version.get("event") == "generation":
            del version["event"]
    return data


def _facts(meta: WorkMeta) -> WorkMeta:
    return dataclasses.replace(meta, loc=Loc("", 1))


def test_the_constitution_comes_back_file_by_file(tmp_path: Path) -> None:
    work = load_valid(CONSTITUTION)
    paths = []
    for lang in work.meta.codes:
        paths.append(tmp_path / "akn" / f"{lang}.xml")
        paths[-1].parent.mkdir(exist_ok=True)
        paths[-1].write_bytes(export(work, lang))  # valid against the strict schema
    imported = import_to(paths, tmp_path / "tree")
    assert not imported.diagnostics.items, [d.format() for d in imported.diagnostics]
    mine, theirs = _source_files(CONSTITUTION), _source_files(tmp_path / "tree")
    assert sorted(mine) == sorted(theirs)  # the same files: no profiles/ folder, the bundled kz-2026 again
    for name, path in mine.items():
        if name.endswith(".md"):
            assert theirs[name].read_bytes() == path.read_bytes(), name
        else:  # YAML: the same data (comments, quoting and defaults written out are the drafter's)
            assert _data(theirs[name]) == _data(path), name
    again = load_valid(tmp_path / "tree")
    assert _facts(again.meta) == _facts(work.meta)  # titles, versions, authors, translators, publications, uri
    assert again.meta.title == work.meta.title and len(again.meta.versions) == 4 and again.meta.authors
    for lang in work.meta.codes:
        assert export(again, lang) == paths[work.meta.codes.index(lang)].read_bytes()


# -- generated trees -------------------------------------------------------------------------------

LOC = Loc("generated", 1)
WORDS = st.sampled_from(["the", "keeper", "shall", "register", "*", "_", "[x]", "&", "1.", "2)", "«", "»", "Закон",
                         "бап", "TODO?", "<b>", "`", "|", "#"])
TEXT = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
POINT_STYLE = "abcdefgh"


@st.composite
def paragraphs(draw: Any) -> tuple[Paragraph, ...]:
    found = []
    for number in range(1, draw(st.integers(1, 3)) + 1):
        count = draw(st.integers(0, 3))
        points = tuple(Point(POINT_STYLE[i], (Text(draw(TEXT)),), LOC) for i in range(count))
        wrapup = (Text(draw(TEXT)),) if points and draw(st.booleans()) else ()
        found.append(Paragraph(str(number), (Text(draw(TEXT)),), LOC, points, wrapup))
    return tuple(found)


@st.composite
def trees(draw: Any) -> Work:
    counter = iter(range(1, 1000))
    body: list[Container | Article] = []
    for chapter in range(1, draw(st.integers(1, 3)) + 1):
        children: list[Container | Article] = []
        sections = draw(st.integers(0, 2))
        for section in range(1, sections + 1):
            articles = tuple(Article(f"a-{n}", str(n), draw(paragraphs()), LOC, draw(TEXT))
                             for n in [next(counter) for _ in range(draw(st.integers(1, 2)))])
            children.append(Container(f"s-{chapter}-{section}", str(section), draw(TEXT), LOC, articles, "section",
                                      _text(draw), _text(draw)))
        if not sections:
            children = [Article(f"a-{n}", str(n), draw(paragraphs()), LOC, draw(TEXT))
                        for n in [next(counter) for _ in range(draw(st.integers(1, 2)))]]
        roman = ["I", "II", "III"][chapter - 1]
        body.append(Container(f"c-{chapter}", roman, draw(TEXT), LOC, tuple(children), "chapter", _text(draw),
                              _text(draw)))
    profile = Profile.from_data(yaml.safe_load((PROFILES_DIR / "eu-regulation.yaml").read_text(encoding="utf-8")))
    meta = WorkMeta(country="eu", doctype="act", subtype="regulation", number="7", date=__import__("datetime").date(
        2024, 6, 3), author="council", title={"en": "A generated regulation"}, languages=(Language("en", "eng", True),),
        profile="eu-regulation", version=None, versions=(), publications=(), authors={}, loc=LOC)
    conclusions = (Text(draw(TEXT)),) if draw(st.booleans()) else None
    preamble = Preamble(((Text(draw(TEXT)),),), LOC)
    expression = Expression("en", "A generated regulation", preamble, tuple(body), (),
                            (conclusions,) if conclusions else ())
    return Work(meta, profile, {"en": expression})


def _text(draw: Any) -> tuple[tuple[Text, ...], ...]:
    return tuple((Text(draw(TEXT)),) for _ in range(draw(st.integers(0, 2))))


def _shape(expression: Expression) -> list[Any]:
    def unit(node: Container | Article) -> Any:
        if isinstance(node, Article):
            return ("article", node.id, node.num, node.heading,
                    [(p.num, plain_text(p.text), [(x.num, plain_text(x.text)) for x in p.points],
                      plain_text(p.wrapup)) for p in node.paragraphs])
        return (node.level, node.id, node.num, node.title, [plain_text(s) for s in node.intro],
                [unit(child) for child in node.children], [plain_text(s) for s in node.wrapup])
    preamble = [plain_text(s) for s in expression.preamble.paragraphs] if expression.preamble else []
    return [preamble, [unit(node) for node in expression.body], [plain_text(s) for s in expression.conclusions]]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees())
def test_generated_trees_round_trip_through_akn_and_import(work: Work) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, text in render_tree(work).items():
            (root / "src" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "src" / name).write_text(text, encoding="utf-8")
        written = load_valid(root / "src")  # a tree that passes every check
        (root / "en.xml").write_bytes(export(written, "en"))
        import_to([root / "en.xml"], root / "back")
        back = load_valid(root / "back")  # and so is the imported one
        assert _shape(back.expression("en")) == _shape(written.expression("en"))
        assert back.meta.profile in ("eu-regulation", "imported")  # the bundled one when the levels are its own
        if back.meta.profile == "eu-regulation":
            assert export(back, "en") == (root / "en.xml").read_bytes()
