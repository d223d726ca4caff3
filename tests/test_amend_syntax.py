"""The amending act's source syntax (docs/amend.md): quoted fences kept verbatim by the reader, target links
with point paths, the ``amends:`` work key and the instruction dataclasses' own rules."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.amending.fences import quoted_of, write_fence
from drafting.amending.instructions import Instruction, Insertion, Quoted, Target, Words
from drafting.diagnostics import Diagnostics
from drafting.model import Point, Ref, iter_refs
import yaml

from drafting.profile import PROFILES_DIR, Profile
from drafting.source.load import load
from drafting.source.markup import parse_article_body



def load_profile(name: str) -> Profile:
    return Profile.from_data(yaml.safe_load((PROFILES_DIR / f"{name}.yaml").read_text(encoding="utf-8")))


PROFILE = load_profile("amending-act")

LINE = st.text(alphabet=" abcабв123-.)(`~:*[]#>|«»", max_size=20)


def _items(body: str, profile=PROFILE) -> tuple[tuple[Point, ...], Diagnostics]:  # type: ignore[no-untyped-def]
    diags = Diagnostics()
    paragraphs = parse_article_body(body, "a.md", 1, diags, profile)
    return paragraphs[0].points, diags


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=8), st.booleans(), st.booleans(), st.sampled_from([None, "03-x/005a-y"]))
def test_any_text_reads_back_exactly_from_its_fence(lines: list[str], nested: bool, eol: bool,
                                                   file: str | None) -> None:
    text = "\n".join(lines) + ("\n" if eol else "")
    if not text:
        text, eol = "x\n", True
    quoted = Quoted(text, file, eol)
    indent = 6 if nested else 3
    item = "1) [пункт 2](constitution:art:a/2) изложить в следующей редакции:\n\n" + write_fence(quoted, indent)
    if nested:
        body = "Внести:\n1) в [статье 5](constitution:art:a):\n   " + item.replace("\n", "\n   ").rstrip(" ")
        body = body.replace("\n   \n", "\n\n")
    else:
        body = "Внести:\n" + item
    items, diags = _items(body)
    point = items[0].points[0] if nested else items[0]
    assert not [d for d in diags if d.severity == "error"], list(diags)
    assert len(point.quoted) == 1
    assert quoted_of(point.quoted[0]) == quoted


def test_quoted_fence_holds_markers_and_front_matter_verbatim() -> None:
    article = "---\nid: x\nnumber: 3-1\n---\n1. Text.\n2. More:\n   1) one;\n   9-1) two.\n\n   Wrap-up.\n"
    body = "Внести:\n1) дополнить статьей 3-1 следующего содержания:\n\n" + write_fence(Quoted(article, "01-a/003a-x"), 3)
    items, diags = _items(body)
    assert not list(diags)
    node = items[0].quoted[0]
    assert node.text == article and node.info == "file=01-a/003a-x" and node.loc.line == 4
    assert items[0].points == ()  # the markers inside are not the amending act's sub-items


def test_a_fence_is_refused_where_the_profile_has_no_quoted_structure() -> None:
    body = "Text:\n1) item:\n\n   ```quoted\n   2. x\n   ```\n"
    _, diags = _items(body, load_profile("kz-law"))
    assert [d.code for d in diags] == ["M601"]
    _, diags = _items(body.replace("```quoted", "```python"))
    assert [d.code for d in diags] == ["M601"]


def test_target_links_carry_the_point_path() -> None:
    body = ("Внести:\n1) в [подпункте 4-1) пункта 3](constitution:art:state-bodies/3/4-1) слова «а» заменить "
            "словами «б»;\n2) [подпункт 2)](constitution:art:state-bodies/0/2) исключить.\n")
    items, diags = _items(body)
    refs = [r for item in items for r in iter_refs(item.text)]
    assert [(r.work, r.target, r.paragraph, r.points) for r in refs] == [
        ("constitution", "state-bodies", "3", ("4-1",)), ("constitution", "state-bodies", "0", ("2",))]
    assert Target("constitution", "state-bodies", "5", ("3", "4-1"), "point").href == \
        "constitution:art:state-bodies/3/4-1"


def test_amends_key_is_read_from_the_work_file(tmp_path: Path) -> None:
    (tmp_path / "work.yaml").write_text(textwrap.dedent("""\
        country: kz
        doctype: act
        number: amend
        date: 2026-03-15
        author: parliament
        title: {ru: Закон}
        languages:
          - {code: ru, akn: rus, authoritative: true}
        profile: amending-act
        amends: {work: constitution, uri: /akn/kz/act/2026-03-15/constitution, profile: kz-2026, version: first-draft}
        """), encoding="utf-8")
    (tmp_path / "001-amendments.ru.md").write_text(
        "---\nid: amendments\nnumber: 1\n---\nВнести:\n1) [статью 3](constitution:art:x) изложить в следующей "
        "редакции:\n\n   ```quoted\n   1. Текст.\n   ```\n", encoding="utf-8")
    loaded = load(tmp_path)
    assert loaded.work is not None and loaded.work.meta.amends is not None
    assert loaded.work.meta.amends.version == "first-draft"
    assert not [d for d in loaded.diagnostics if d.severity == "error"]


def test_instructions_refuse_inconsistent_fields() -> None:
    target = Target("constitution", "x", "5", ("2",), "paragraph")
    Instruction("replace-words", target, words={"ru": Words("а", "б")})
    with pytest.raises(ValueError):
        Instruction("replace-words", target)
    with pytest.raises(ValueError):
        Instruction("insert", target, quoted={"ru": Quoted("3-1. x\n")})
    Instruction("insert", target, Insertion("point", "9-1"), quoted={"ru": Quoted("   9-1) x\n")})
    Instruction("renumber", target, number="3")
    with pytest.raises(ValueError):
        Instruction("renumber", target)
    with pytest.raises(ValueError):
        Instruction("restate", target)
    assert isinstance(Ref, type)
