"""Domain records: frozen dataclasses with ``StrEnum`` vocabularies, and their DataFrames.

``claims_frame``, ``signals_frame``, ``estimates_frame`` and ``flags_frame`` turn lists of records
into DataFrames whose columns and dtypes are fixed (see the ``*_COLUMNS`` tables) and stay the same
when the list is empty. The app, the model, the exports and outside scripts rely on these columns.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import pandas as pd


class Unit(StrEnum):
    SHARE = "share"
    TOKENS = "tokens"
    USERS = "users"
    CUSTOMERS = "customers"
    REQUESTS = "requests"
    USD = "usd"
    HOURS = "hours"
    DEVELOPER_YEARS = "developer_years"
    MULTIPLE = "multiple"
    COUNT = "count"


class MetricKind(StrEnum):
    USAGE_ACTIVITY = "usage_activity"
    USER_COUNT = "user_count"
    SHARE_OF_WORK = "share_of_work"
    OUTCOME = "outcome"


class Population(StrEnum):
    EMPLOYEES = "employees"
    DEVELOPERS = "developers"
    CUSTOMERS = "customers"
    USERS = "users"
    CODE = "code"
    NONE = "none"


class Period(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"
    PER_MINUTE = "per_minute"
    CUMULATIVE = "cumulative"
    NONE = "none"


class Qualifier(StrEnum):
    AT_LEAST = "at_least"
    APPROX = "approx"
    AT_MOST = "at_most"
    EXACT = "exact"


class Measure(StrEnum):
    LEVEL = "level"
    GROWTH = "growth"


class DocType(StrEnum):
    FORM_10K = "10-K"
    FORM_10Q = "10-Q"
    FORM_8K = "8-K"
    PRESS_RELEASE = "press_release"
    CALL_TRANSCRIPT = "call_transcript"
    SHAREHOLDER_LETTER = "shareholder_letter"
    PRESENTATION = "presentation"
    OTHER = "other"


class SignalKind(StrEnum):
    MANDATE = "mandate"
    TARGET = "target"
    LEADERBOARD = "leaderboard"
    PLAN = "plan"


class FxSource(StrEnum):
    """Where the exchange rate that turned a money claim into USD came from."""

    DOCUMENT = "document"  # the rate the document states
    REFERENCE = "reference"  # analyzer.currency's reference table, for the document's year


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class FlagLevel(StrEnum):
    NONE = "none"
    YELLOW = "yellow"
    RED = "red"


@dataclass(frozen=True)
class Page:
    """One page of text. ``number`` is 1-based for PDFs and ``None`` for HTML/text."""

    number: int | None
    text: str


@dataclass(frozen=True)
class Document:
    """A read document: its text by page and what it says about itself."""

    name: str
    sha256: str
    kind: str  # "pdf", "html" or "text"
    pages: tuple[Page, ...]
    company: str | None = None
    fiscal_period: str | None = None  # normalized, e.g. "2024-Q3" or "FY2024"
    period_end: str | None = None  # ISO date of the period's end, when known
    doc_type: DocType = DocType.OTHER
    warnings: tuple[str, ...] = ()

    @property
    def page_count(self) -> int:
        return len(self.pages)


@dataclass(frozen=True)
class Claim:
    """A quantified AI-adoption claim, with the exact sentence it came from."""

    document: str
    page: int | None
    sentence: str
    char_start: int
    char_end: int
    company: str | None
    fiscal_period: str | None
    doc_type: DocType
    speaker: str | None
    subject: str | None
    confidence: float
    value: float
    value_high: float | None
    unit: Unit
    metric_kind: MetricKind
    population: Population
    period: Period
    qualifier: Qualifier
    measure: Measure
    value_text: str = ""
    period_end: str | None = None
    doc_sha256: str | None = None
    currency: str | None = None  # money: ISO code of the figure as written ("EUR"), else None
    fx_rate: float | None = None  # money: USD per unit of ``currency`` used for ``value``
    fx_source: FxSource | None = None  # money not in USD: where ``fx_rate`` came from

    @property
    def claim_id(self) -> str:
        """A stable id from document hash (or name), position and figure."""
        key = f"{self.doc_sha256 or self.document}|{self.page}|{self.char_start}|{self.value_text}"
        return hashlib.sha1(key.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Signal:
    """Not adoption, but it matters for the flags: a mandate, target, leaderboard or plan."""

    document: str
    page: int | None
    sentence: str
    char_start: int
    char_end: int
    company: str | None
    fiscal_period: str | None
    doc_type: DocType
    speaker: str | None
    subject: str | None
    confidence: float
    kind: SignalKind
    value: float | None = None
    value_high: float | None = None
    period: Period = Period.NONE
    population: Population = Population.NONE
    period_end: str | None = None
    doc_sha256: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything taken from one document."""

    document: Document
    claims: tuple[Claim, ...] = ()
    signals: tuple[Signal, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """A pointer to the sentence a flag rests on."""

    document: str
    page: int | None
    sentence: str
    note: str = ""


@dataclass(frozen=True)
class Flag:
    """A yellow-flag indicator raised for a company, with its evidence."""

    company: str
    flag_id: str
    name: str
    severity: Severity
    message: str
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Estimate:
    """A claim's genuine-adoption estimate under the assumptions in force."""

    claim_id: str
    company: str | None
    reported: float
    inflation_central: float
    inflation_low: float
    inflation_high: float
    genuine_central: float
    genuine_low: float
    genuine_high: float
    is_lower_bound: bool = False
    is_upper_bound: bool = False


# ---------------------------------------------------------------------------- frames

CLAIM_COLUMNS: dict[str, str] = {
    "claim_id": "string",
    "document": "string",
    "page": "Int64",
    "sentence": "string",
    "char_start": "Int64",
    "char_end": "Int64",
    "company": "string",
    "fiscal_period": "string",
    "period_end": "string",
    "doc_type": "string",
    "speaker": "string",
    "subject": "string",
    "confidence": "float64",
    "value": "float64",
    "value_high": "float64",
    "value_text": "string",
    "unit": "string",
    "metric_kind": "string",
    "population": "string",
    "period": "string",
    "qualifier": "string",
    "measure": "string",
    "doc_sha256": "string",
    "currency": "string",
    "fx_rate": "float64",
    "fx_source": "string",
}
"""Columns of :func:`claims_frame`. ``value`` is in USD for money; ``currency`` is how the figure
was written, ``fx_rate`` the USD per unit used (1.0 for USD) and ``fx_source`` where a non-USD
rate came from ("document" or "reference"); all three are null for figures that are not money."""

SIGNAL_COLUMNS: dict[str, str] = {
    "document": "string",
    "page": "Int64",
    "sentence": "string",
    "char_start": "Int64",
    "char_end": "Int64",
    "company": "string",
    "fiscal_period": "string",
    "period_end": "string",
    "doc_type": "string",
    "speaker": "string",
    "subject": "string",
    "confidence": "float64",
    "kind": "string",
    "value": "float64",
    "value_high": "float64",
    "period": "string",
    "population": "string",
    "doc_sha256": "string",
}

ESTIMATE_COLUMNS: dict[str, str] = {
    "claim_id": "string",
    "company": "string",
    "reported": "float64",
    "inflation_central": "float64",
    "inflation_low": "float64",
    "inflation_high": "float64",
    "genuine_central": "float64",
    "genuine_low": "float64",
    "genuine_high": "float64",
    "is_lower_bound": "bool",
    "is_upper_bound": "bool",
}

FLAG_COLUMNS: dict[str, str] = {
    "company": "string",
    "flag_id": "string",
    "name": "string",
    "severity": "string",
    "message": "string",
    "evidence_count": "Int64",
    "evidence": "object",
}

COMPANY_COLUMNS: dict[str, str] = {
    "company": "string",
    "documents": "Int64",
    "claims": "Int64",
    "headline_claim_id": "string",
    "headline_sentence": "string",
    "headline_document": "string",
    "headline_page": "Int64",
    "headline_metric_kind": "string",
    "headline_unit": "string",
    "headline_period": "string",
    "reported": "float64",
    "genuine_low": "float64",
    "genuine_central": "float64",
    "genuine_high": "float64",
    "discount": "float64",
    "flag_count": "Int64",
    "flag_score": "float64",
    "flag_level": "string",
}
"""Columns of :attr:`Analysis.companies`, one row per company.

``reported`` and ``genuine_*`` belong to the company's headline claim (its latest share-of-people
or share-of-work figure, else its latest user count, activity figure, then outcome);
``discount`` is ``1 - genuine_central / reported``.
"""


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, StrEnum) else value


def to_frame(rows: Iterable[dict[str, Any]], columns: dict[str, str]) -> pd.DataFrame:
    """Build a DataFrame with exactly ``columns`` (name -> dtype), in order, even when empty."""
    frame = pd.DataFrame(list(rows), columns=list(columns))
    return frame.astype(columns)


def record_dict(record: Any) -> dict[str, Any]:
    """A record as a plain dict (enums as strings), one level deep."""
    return {f.name: _plain(getattr(record, f.name)) for f in dataclasses.fields(record)}


def claims_frame(claims: Sequence[Claim]) -> pd.DataFrame:
    """Claims as a DataFrame with :data:`CLAIM_COLUMNS`."""
    return to_frame(({**record_dict(c), "claim_id": c.claim_id} for c in claims), CLAIM_COLUMNS)


def signals_frame(signals: Sequence[Signal]) -> pd.DataFrame:
    """Signals as a DataFrame with :data:`SIGNAL_COLUMNS`."""
    return to_frame((record_dict(s) for s in signals), SIGNAL_COLUMNS)


def estimates_frame(estimates: Sequence[Estimate]) -> pd.DataFrame:
    """Estimates as a DataFrame with :data:`ESTIMATE_COLUMNS`."""
    return to_frame((record_dict(e) for e in estimates), ESTIMATE_COLUMNS)


def flags_frame(flags: Sequence[Flag]) -> pd.DataFrame:
    """Flags as a DataFrame with :data:`FLAG_COLUMNS`; ``evidence`` holds lists of dicts."""
    rows = (
        {
            **{k: v for k, v in record_dict(f).items() if k != "evidence"},
            "evidence_count": len(f.evidence),
            "evidence": [dataclasses.asdict(e) for e in f.evidence],
        }
        for f in flags
    )
    return to_frame(rows, FLAG_COLUMNS)
