"""The figure parser: table tests and hypothesis property tests."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.quantities import parse_quantities
from analyzer.records import Measure, Qualifier

A, X, M, L, G = (
    Qualifier.AT_LEAST,
    Qualifier.EXACT,
    Qualifier.AT_MOST,
    Measure.LEVEL,
    Measure.GROWTH,
)
AP = Qualifier.APPROX


@pytest.mark.parametrize(
    ("text", "value", "high", "qualifier", "measure", "written"),
    [
        ("over 80% of developers", 0.8, None, A, L, "over 80%"),
        ("between 30–50% of chats", 0.3, 0.5, X, L, "30–50%"),
        ("a quarter of new code", 0.25, None, X, L, "a quarter"),
        ("two-thirds of the chats", 2 / 3, None, X, L, "two-thirds"),
        ("nearly half of users", 0.5, None, AP, L, "nearly half"),
        ("480 trillion tokens", 4.8e14, None, X, L, "480 trillion"),
        ("100t tokens a month", 1e14, None, X, L, "100t"),
        ("Assistant MAUs: 4.2M", 4.2e6, None, X, L, "4.2M"),  # a decimal: never a name like 3M
        ("31M questions answered", 3.1e7, None, X, L, "31M"),
        ("186K hours transcribed", 1.86e5, None, X, L, "186K"),
        ("1.3 quadrillion tokens", 1.3e15, None, X, L, "1.3 quadrillion"),
        ("tens of thousands of customers", 1e4, None, A, L, "tens of thousands"),
        ("hundreds of apps", 100, None, A, L, "hundreds"),
        ("more than one million people", 1e6, None, A, L, "more than one million"),
        ("usage is up 5x", 5, None, X, G, "5x"),
        ("a fivefold jump", 5, None, X, G, "fivefold"),
        ("up 10X quarter over quarter", 10, None, X, G, "10X"),
        ("has nearly tripled", 3, None, AP, G, "nearly tripled"),
        ("usage doubled", 2, None, X, G, "doubled"),
        ("bookings of $260 million", 2.6e8, None, X, L, "$260 million"),
        ("sales of $1.2B", 1.2e9, None, X, L, "$1.2B"),
        ("saved 4,500 developer-years", 4500, None, X, L, "4,500"),
        ("climbed 14 times", 14, None, X, G, "14 times"),
        ("75 percent of code", 0.75, None, X, L, "75 percent"),
        ("cut the time by half", 0.5, None, X, L, "half"),
        ("up to 40% faster", 0.4, None, M, G, "up to 40%"),
        ("approximately 19 billion tokens", 1.9e10, None, AP, L, "approximately 19 billion"),
        ("grew 75% from a year earlier", 0.75, None, X, G, "75%"),
        ("climbed to over 450 million", 4.5e8, None, A, L, "over 450 million"),
        ("$60 billion to $65 billion", 6e10, 6.5e10, X, L, "$60 billion to $65 billion"),
        ("one in five workers", 0.2, None, X, L, "one in five"),
        ("about 17%", 0.17, None, AP, L, "about 17%"),
        ("resolves 2 out of 3 inquiries", 2 / 3, None, X, L, "2 out of 3"),
        ("in 7 out of every 10 chats", 0.7, None, X, L, "7 out of every 10"),
        (
            "between 2 million and 3 million hours",
            2e6,
            3e6,
            X,
            L,
            "between 2 million and 3 million",
        ),
        ("just shy of half a million", 5e5, None, M, L, "just shy of half a million"),
        ("grown by a factor of 7", 7, None, X, G, "by a factor of 7"),
        ("a 5× jump", 5, None, X, G, "5×"),
        ("200M+ users", 2e8, None, A, L, "200M"),
        ("4.5K customers", 4500, None, X, L, "4.5K"),
        ("1.5 bn tokens", 1.5e9, None, X, L, "1.5 bn"),
        ("Ten percent of all queries", 0.1, None, X, L, "Ten percent"),
    ],
)
def test_parse_table(
    text: str,
    value: float,
    high: float | None,
    qualifier: Qualifier,
    measure: Measure,
    written: str,
) -> None:
    qs = parse_quantities(text)
    assert len(qs) == 1, qs
    q = qs[0]
    assert math.isclose(q.value, value, rel_tol=1e-9)
    assert (q.value_high is None) == (high is None)
    if high is not None:
        assert q.value_high is not None and math.isclose(q.value_high, high, rel_tol=1e-9)
    assert q.qualifier == qualifier
    assert q.measure == measure
    assert q.text == written
    assert text[q.start : q.end] == written


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 we launched it.",
        "for the quarter ended December 31, 2024",
        "in Q3 and FY2024",
        "GPT-4 and Llama 3.1 are models",
        "our 3rd and 21st launches",
        "see note (1) below",
        "Microsoft 365 Copilot",
        "organizations like 3M",
        "3M uses AI in its plants",
        "a quarter earlier",
        "three and a half years ago" and "a one-trillion-token mark",
        "one of our products",
        "at 10:30 on 3/4",
    ],
)
def test_not_quantities(text: str) -> None:
    assert parse_quantities(text) == []


def test_several_figures_in_order() -> None:
    qs = parse_quantities("more than 2,500 customers, up 10X quarter-over-quarter")
    assert [(q.value, q.measure, q.unit_hint) for q in qs] == [
        (2500, Measure.LEVEL, "customers"),
        (10, Measure.GROWTH, "multiple"),
    ]


def test_unit_hints() -> None:
    hints = [q.unit_hint for q in parse_quantities("5 million users, 7 billion tokens, 30% and $4")]
    assert hints == ["users", "tokens", "percent", "usd"]


@given(st.text(max_size=300))
def test_never_raises_and_spans_in_range(text: str) -> None:
    for q in parse_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert math.isfinite(q.value)


@given(st.integers(min_value=1, max_value=10**12).filter(lambda n: not 1900 <= n <= 2099))
def test_round_trip_thousands_separator(n: int) -> None:
    qs = parse_quantities(f"we served {n:,} customers")
    assert len(qs) == 1 and qs[0].value == n


@given(st.integers(min_value=0, max_value=1000), st.sampled_from(["%", " percent"]))
def test_round_trip_percent(p: int, sign: str) -> None:
    qs = parse_quantities(f"used by {p}{sign} of staff")
    assert len(qs) == 1 and math.isclose(qs[0].value, p / 100, abs_tol=1e-12)


@given(
    st.decimals(min_value=1, max_value=999, places=1, allow_nan=False, allow_infinity=False),
    st.sampled_from([("million", 1e6), ("billion", 1e9), ("trillion", 1e12)]),
)
def test_round_trip_over_scaled(n, scale) -> None:  # type: ignore[no-untyped-def]
    word, factor = scale
    qs = parse_quantities(f"over {n} {word} tokens")
    assert len(qs) == 1
    assert math.isclose(qs[0].value, float(n) * factor, rel_tol=1e-9)
    assert qs[0].qualifier == Qualifier.AT_LEAST


@given(st.integers(min_value=2, max_value=100))
def test_round_trip_multiples(n: int) -> None:
    for text in (f"up {n}x", f"{n} times higher usage", f"a {n}-fold rise"):
        qs = parse_quantities(text)
        assert qs and qs[0].value == n and qs[0].measure == Measure.GROWTH, text


@pytest.mark.parametrize(
    ("text", "value", "high", "written"),
    [
        ("Between 30% and 50% of new code", 0.3, 0.5, "Between 30% and 50%"),
        ("between 30 and 50 percent of new code", 0.3, 0.5, "between 30 and 50 percent"),
        ("30–50% of new code", 0.3, 0.5, "30–50%"),
        ("30 to 50 percent of new code", 0.3, 0.5, "30 to 50 percent"),
        ("from 30% to 50% of new code", 0.3, 0.5, "30% to 50%"),
        ("between 2 and 3 million developers", 2e6, 3e6, "between 2 and 3 million"),
        # a change is where the figure ended up, not a range
        ("AI's share of new code grew from 30% to 50%", 0.5, None, "50%"),
        ("the share has risen this year from 30% to 50%", 0.5, None, "50%"),
        ("AI revenue grew from $1 billion to $2 billion", 2e9, None, "$2 billion"),
    ],
)
def test_ranges_stay_ranges_and_changes_are_not_ranges(
    text: str, value: float, high: float | None, written: str
) -> None:
    qs = parse_quantities(text)
    assert len(qs) == 1, qs
    q = qs[0]
    assert math.isclose(q.value, value, rel_tol=1e-9)
    if high is None:
        assert q.value_high is None
    else:
        assert q.value_high is not None and math.isclose(q.value_high, high, rel_tol=1e-9)
    assert q.measure == L
    assert q.text == written == text[q.start : q.end]


def test_between_needs_and_and_rising_ends() -> None:
    # two unrelated figures after "between" stay apart; a falling "range" is no range
    qs = parse_quantities("between 50% and 30% of the code")
    assert [q.value_high for q in qs] == [None, None]
    qs = parse_quantities("between 2023 and 2024 usage doubled")
    assert all(q.value_high is None for q in qs)


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "written"),
    [
        ("Half a million shoppers", 5e5, X, "Half a million"),
        ("nearly half a billion tokens", 5e8, Qualifier.APPROX, "nearly half a billion"),
        ("over half a trillion tokens", 5e11, A, "over half a trillion"),
        ("half a thousand seats", 500, X, "half a thousand"),
        ("a million users", 1e6, X, "a million"),  # no "half": the whole scale
    ],
)
def test_half_a_scale(text: str, value: float, qualifier: Qualifier, written: str) -> None:
    """ "half a million" is half of the scale word, not the scale word alone."""
    qs = parse_quantities(text)
    assert len(qs) == 1
    assert math.isclose(qs[0].value, value)
    assert qs[0].qualifier == qualifier and qs[0].measure == L and qs[0].text == written


@given(st.sampled_from([("thousand", 1e3), ("million", 1e6), ("billion", 1e9)]))
def test_half_a_scale_is_half_of_a_scale(scale: tuple[str, float]) -> None:
    word, factor = scale
    half = parse_quantities(f"half a {word} users")[0].value
    whole = parse_quantities(f"a {word} users")[0].value
    assert math.isclose(half * 2, whole) and math.isclose(whole, factor)
