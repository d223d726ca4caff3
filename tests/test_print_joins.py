"""Non-breaking joins in the printed text (drafting/writers/html/joins.py): what is joined, and that the text stays."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings, strategies as st

from drafting.writers.html.joins import join_numbers, spans


def _joined(text: str, lang: str) -> list[str]:
    return re.findall(r'<span class="nobr">(.*?)</span>', str(join_numbers(text, lang)))


@pytest.mark.parametrize(("lang", "text", "groups"), [
    ("kk", "осы Конституцияның 6-бапқа сәйкес, сондай-ақ 35 жасқа толған", ["6-бапқа", "сондай-ақ", "35 жасқа"]),
    ("ru", "в случаях, предусмотренных статьи 53 и пунктом 2, по § 3", ["статьи 53", "пунктом 2", "§ 3"]),
    ("en", "under Article 62 and Part II of it", ["Article 62", "Part II"]),
    # a point named in running text stays with the word after it; a list's own marker is no text of a paragraph
    ("kk", "осы баптың 5) немесе 6) тармақшаларында көзделген", ["5) немесе", "6) тармақшаларында"]),
    ("ru", "указанных в подпункте б) пункта 3", ["б) пункта 3"]),
])
def test_groups_that_stay_on_one_line(lang: str, text: str, groups: list[str]) -> None:
    assert _joined(text, lang) == groups


def test_a_marker_opening_the_text_is_left_alone() -> None:
    assert _joined("1) первый", "ru") == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("аб ӘқҚ 12)(-§№.,") + ["Article", "статьи", "бап", "5)", " "]),
                max_size=40).map("".join), st.sampled_from(["kk", "ru", "en"]))
def test_the_text_is_kept_and_groups_do_not_overlap(text: str, lang: str) -> None:
    found = spans(text, lang)
    assert all(0 <= a < b <= len(text) for a, b in found)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(found, found[1:]))
    plain = html.unescape(re.sub(r"</?span[^>]*>", "", str(join_numbers(text, lang))))
    assert plain == text
