"""Words and punctuation as tokens, minimal word diffs, references compared by target, and how diffs print."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.model import Loc, Ref, Text
from drafting.profile import Profile
from drafting.writers.redline.rendering import render_diff
from drafting.writers.redline.words import RefContext, diff, tokenize, tokenize_plain

LOC = Loc("x.md", 1)


def texts(tokens: list) -> list[str]:  # type: ignore[type-arg]
    return [t.text for t in tokens]


def test_punctuation_is_its_own_token_and_inner_hyphens_stay() -> None:
    tokens = tokenize_plain("Under Article 3-1, the «law» (see 5-бапқа) applies; don't stop.")
    assert texts(tokens) == ["Under", "Article", "3-1", ",", "the", "«", "law", "»", "(", "see", "5-бапқа", ")",
                             "applies", ";", "don't", "stop", "."]
    assert [t.word for t in tokens if not t.word] == [False] * 7


def test_diff_counts_words_not_punctuation() -> None:
    result = diff(tokenize_plain("the first measure;"), tokenize_plain("the primary measure, as the law provides;"))
    assert (result.inserted_words, result.deleted_words) == (5, 1)
    assert render_diff(result) == "the <del>first</del> <ins>primary</ins> measure<ins>, as the law provides</ins>;"
    assert render_diff(result, "old") == "the <del>first</del> measure;"
    assert render_diff(result, "new") == "the <ins>primary</ins> measure<ins>, as the law provides</ins>;"


def test_spacing_around_deleted_words_follows_the_old_text() -> None:
    assert render_diff(diff(tokenize_plain("A B Cat."), tokenize_plain("A B."))) == "A B <del>Cat</del>."
    assert render_diff(diff(tokenize_plain("A Cat."), tokenize_plain("A Dog."))) == "A <del>Cat</del> <ins>Dog</ins>."


def test_text_is_escaped() -> None:
    shown = str(render_diff(diff([], tokenize_plain("<script>alert(1)</script> & co"))))
    assert shown == "<ins>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</ins>"


def refs(numbers: dict[str, str], same_as: dict[str, str] | None = None) -> RefContext:
    profile = Profile("p", labels={"en": {"article": "Article {n}"}})
    return RefContext(numbers, profile, "en", same_as or {})


def test_a_renumbered_reference_target_is_no_change() -> None:
    old = tokenize((Text("See "), Ref("state", None, (Text("Article 5"),), LOC), Text(".")), refs({"state": "5"}))
    new = tokenize((Text("See "), Ref("state", None, (Text("Article 6"),), LOC), Text(".")), refs({"state": "6"}))
    result = diff(old, new)
    assert not result.changed
    assert render_diff(result, "old") == "See Article 5." and render_diff(result, "new") == "See Article 6."


def test_a_reference_to_another_article_is_a_change() -> None:
    old = tokenize((Ref("state", None, (Text("Article 5"),), LOC),), refs({"state": "5", "court": "6"}))
    new = tokenize((Ref("court", None, (Text("Article 6"),), LOC),), refs({"state": "5", "court": "6"}))
    assert diff(old, new).changed


def test_empty_references_are_compared_by_target_and_renamed_ids_follow_the_match() -> None:
    old = tokenize((Ref("justice", None, (), LOC),), refs({"justice": "16"}, {"justice": "judiciary"}))
    new = tokenize((Ref("judiciary", None, (), LOC),), refs({"judiciary": "15"}))
    assert texts(old) == ["Article", "16"] and texts(new) == ["Article", "15"]
    assert not diff(old, new).changed


words = st.lists(st.sampled_from(["a", "b", "c", "d", ",", ".", "мера", "бап"]), max_size=40)


@settings(max_examples=200, deadline=None)
@given(words, words)
def test_the_diff_is_minimal_and_rebuilds_both_texts(a: list[str], b: list[str]) -> None:
    old, new = tokenize_plain(" ".join(a)), tokenize_plain(" ".join(b))
    result = diff(old, new)
    assert [t.key for s in result.side("old") for t in s.tokens] == [t.key for t in old]
    assert [t.key for s in result.side("new") for t in s.tokens] == [t.key for t in new]
    changed = sum(len(s.tokens) for s in result.segments if s.kind != "equal")
    assert changed == len(a) + len(b) - 2 * longest_common_subsequence(a, b)


def longest_common_subsequence(a: list[str], b: list[str]) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, start=1):
            previous, row[j] = row[j], previous + 1 if x == y else max(row[j], row[j - 1])
    return row[-1]


def test_punctuation_and_single_characters_are_boxed_and_an_inserted_comma_has_no_space_before_it() -> None:
    assert render_diff(diff(tokenize_plain("A B."), tokenize_plain("A B"))) == 'A B<del class="mark">.</del>'
    assert render_diff(diff(tokenize_plain("A B C."), tokenize_plain("A B, C."))) == 'A B<ins class="mark">,</ins> C.'
    assert render_diff(diff(tokenize_plain("point a"), tokenize_plain("point b"))) == (
        'point <del class="mark">a</del> <ins class="mark">b</ins>')
    assert render_diff(diff(tokenize_plain("A B."), tokenize_plain("A B Cat."))) == "A B <ins>Cat</ins>."
