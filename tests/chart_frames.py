"""Synthetic frames with the contract columns, for chart and export tests (no model needed)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from analyzer.records import (
    CLAIM_COLUMNS,
    COMPANY_COLUMNS,
    ESTIMATE_COLUMNS,
    FLAG_COLUMNS,
    to_frame,
)

CLAIM_ESTIMATE_COLUMNS: dict[str, str] = {
    **CLAIM_COLUMNS,
    **{k: v for k, v in ESTIMATE_COLUMNS.items() if k not in ("claim_id", "company")},
}
"""Columns of ``Analysis.claims_with_estimates()``."""


def company_row(company: str, reported: float, inflation: tuple[float, float, float], **kw: Any):
    """One companies-table row; genuine = reported x (1 - inflation) for (low, central, high)."""
    lo_i, c_i, hi_i = inflation
    row = {
        "company": company,
        "documents": 1,
        "claims": 1,
        "headline_claim_id": f"{company[:3].lower()}-1",
        "headline_sentence": f"{company} says many people use its assistant.",
        "headline_document": f"{company.lower()}-q3.pdf",
        "headline_page": 4,
        "headline_metric_kind": "user_count",
        "headline_unit": "share",
        "headline_period": "weekly",
        "reported": reported,
        "genuine_low": reported * (1 - hi_i),
        "genuine_central": reported * (1 - c_i),
        "genuine_high": reported * (1 - lo_i),
        "discount": c_i,
        "flag_count": 0,
        "flag_score": 0.0,
        "flag_level": "none",
    }
    row.update(kw)
    return row


def companies_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return to_frame(rows, COMPANY_COLUMNS)


def claim_row(company: str, quarter: str, period_end: str | None, value: float, **kw: Any):
    """One claims-with-estimates row, with genuine = value x (1 - 0.3) in [0.5, 0.9] of value."""
    row = {
        "claim_id": f"{company}-{quarter}-{kw.get('unit', 'share')}",
        "document": f"{company.lower()}-{quarter}.pdf",
        "page": 3,
        "sentence": f"{company} reports a figure of {value} for {quarter}.",
        "char_start": 0,
        "char_end": 10,
        "company": company,
        "fiscal_period": quarter,
        "period_end": period_end,
        "doc_type": "10-Q",
        "speaker": None,
        "subject": "Assistant",
        "confidence": 0.9,
        "value": value,
        "value_high": None,
        "value_text": str(value),
        "unit": "share",
        "metric_kind": "user_count",
        "population": "developers",
        "period": "weekly",
        "qualifier": "exact",
        "measure": "level",
        "doc_sha256": None,
        "reported": value,
        "inflation_central": 0.3,
        "inflation_low": 0.1,
        "inflation_high": 0.5,
        "genuine_central": value * 0.7,
        "genuine_low": value * 0.5,
        "genuine_high": value * 0.9,
        "is_lower_bound": False,
        "is_upper_bound": False,
    }
    row.update(kw)
    return row


def claims_est_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return to_frame(rows, CLAIM_ESTIMATE_COLUMNS)


def flag_rows(company: str, severities: list[str]) -> list[dict[str, Any]]:
    return [
        {
            "company": company,
            "flag_id": f"F{i}",
            "name": f"flag {i}",
            "severity": sev,
            "message": '=HYPERLINK("http://x") looks odd',
            "evidence_count": 1,
            "evidence": [{"document": "d.pdf", "page": 1, "sentence": "s", "note": ""}],
        }
        for i, sev in enumerate(severities)
    ]


def flags_df(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return to_frame(rows, FLAG_COLUMNS)
