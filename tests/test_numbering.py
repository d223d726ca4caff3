from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drafting.numbering import Number, from_roman, sequence_problems, to_roman


@given(st.integers(min_value=1, max_value=3999))
def test_roman_round_trip(value: int) -> None:
    assert from_roman(to_roman(value)) == value


def test_roman_rejects_non_canonical() -> None:
    assert [from_roman(t) for t in ("IIII", "IC", "XI", "", "ii")] == [None, None, 11, None, None]


def test_sequences() -> None:
    assert sequence_problems(["1", "2", "3"], False) == []
    assert sequence_problems(["1", "3"], False) == [(1, "number 3 out of sequence: expected 2")]
    assert sequence_problems(["1", "1"], False) == [(1, "duplicate number 1")]
    assert sequence_problems(["1", "1-1", "1-2", "1-2-1", "2"], True) == []
    assert sequence_problems(["1", "1-1"], False) == [(1, "inserted number 1-1 is not allowed by the profile")]
    assert sequence_problems(["1", "1-2"], True) == [(1, "number 1-2 out of sequence: expected 2 or 1-1")]
    assert sequence_problems(["x"], True) == [(0, "'x' is not a number")]


def test_number_order() -> None:
    assert sorted(Number.parse(t) for t in ("2", "1-1", "1", "10")) == [  # type: ignore[type-var]
        Number((1,)), Number((1, 1)), Number((2,)), Number((10,))]
