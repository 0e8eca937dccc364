"""Build claims and signals directly from records for the model, stats and flag tests.

Written in our own words; nothing here comes from the corpus.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

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
