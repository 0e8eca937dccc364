"""Build claims and signals directly from records for the model, stats and flag tests.

Written in our own words; nothing here comes from the corpus.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from hypothesis import strategies as st

from analyzer.records import (
    Claim,
    DocType,
    Measure,
    MetricKind,
    Period,
    Population,
    Qualifier,
    Signal,
    SignalKind,
    Unit,
    claims_frame,
    signals_frame,
)

_counter = iter(range(10**9))


def claim(**kw: Any) -> Claim:
    """A claim with sensible defaults: a weekly share of developers, level, exact."""
    start = next(_counter) * 10
    fields: dict[str, Any] = {
        "document": "acme-q3.txt",
        "page": 1,
        "sentence": "Eighty percent of our developers use AI tools every week.",
        "char_start": start,
        "char_end": start + 50,
        "company": "Acme",
        "fiscal_period": "2024-Q3",
        "doc_type": DocType.PRESS_RELEASE,
        "speaker": None,
        "subject": "AI coding assistant",
        "confidence": 0.9,
        "value": 0.8,
        "value_high": None,
        "unit": Unit.SHARE,
        "metric_kind": MetricKind.USER_COUNT,
        "population": Population.DEVELOPERS,
        "period": Period.WEEKLY,
        "qualifier": Qualifier.EXACT,
        "measure": Measure.LEVEL,
        "value_text": "80%",
        "period_end": None,
    }
    fields.update(kw)
    return Claim(**fields)


def signal(**kw: Any) -> Signal:
    """A usage mandate signal by default."""
    start = next(_counter) * 10
    fields: dict[str, Any] = {
        "document": "acme-memo.txt",
        "page": 2,
        "sentence": "Every engineer is expected to use the AI assistant at least weekly.",
        "char_start": start,
        "char_end": start + 60,
        "company": "Acme",
        "fiscal_period": "2024-Q2",
        "doc_type": DocType.CALL_TRANSCRIPT,
        "speaker": None,
        "subject": "AI assistant",
        "confidence": 0.9,
        "kind": SignalKind.MANDATE,
        "value": 0.8,
        "period": Period.WEEKLY,
        "population": Population.DEVELOPERS,
        "period_end": None,
    }
    fields.update(kw)
    return Signal(**fields)


def frames(
    claims: Sequence[Claim] = (), signals: Sequence[Signal] = ()
) -> tuple[pd.DataFrame, pd.DataFrame]:
    return claims_frame(list(claims)), signals_frame(list(signals))


def quarters(start_year: int, n: int) -> list[tuple[str, str]]:
    """``n`` consecutive (fiscal_period, period_end) pairs from Q1 of ``start_year``."""
    ends = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}
    out = []
    for i in range(n):
        year, q = start_year + i // 4, i % 4 + 1
        out.append((f"{year}-Q{q}", f"{year}-{ends[q]}"))
    return out


# ---------------------------------------------------------------------------- hypothesis

KINDS = ["usage_activity", "user_count", "share_of_work", "outcome"]
PERIODS = ["daily", "weekly", "monthly", "quarterly", "annual", "cumulative", "none"]
UNITS = ["share", "tokens", "users", "customers", "usd", "requests", "multiple", "count"]
POPULATIONS = ["employees", "developers", "customers", "users", "code", "none"]


def claims_strategy(max_size: int = 8) -> st.SearchStrategy[list[Claim]]:
    """Lists of valid claims across every vocabulary, with good, odd and missing dates."""
    return st.lists(
        st.builds(
            claim,
            company=st.sampled_from(["Acme", "Beta", None]),
            value=st.floats(0, 1e15, allow_nan=False),
            metric_kind=st.sampled_from(KINDS),
            period=st.sampled_from(PERIODS),
            unit=st.sampled_from(UNITS),
            population=st.sampled_from(POPULATIONS),
            qualifier=st.sampled_from(["at_least", "approx", "at_most", "exact"]),
            measure=st.sampled_from(["level", "growth"]),
            doc_type=st.sampled_from(["10-K", "press_release", "other"]),
            fiscal_period=st.sampled_from(
                [None, "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "FY2024", "garbage"]
            ),
            period_end=st.sampled_from([None, "2024-05-01", "2023-01-31", "not a date"]),
            value_text=st.sampled_from(["", "80%", "tens of thousands", "about 2 million"]),
            page=st.sampled_from([None, 1, 3]),
        ),
        min_size=1,
        max_size=max_size,
    )


def signals_strategy(max_size: int = 4) -> st.SearchStrategy[list[Signal]]:
    return st.lists(
        st.builds(
            signal,
            company=st.sampled_from(["Acme", "Beta", None]),
            kind=st.sampled_from(["mandate", "leaderboard", "target", "plan"]),
            value=st.sampled_from([None, 0.5, 0.8, 3.0]),
            population=st.sampled_from(POPULATIONS),
            fiscal_period=st.sampled_from([None, "2024-Q1", "FY2022"]),
            period_end=st.sampled_from([None, "2024-03-01", "bad"]),
        ),
        max_size=max_size,
    )
