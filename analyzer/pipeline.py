"""Wire the stages together: documents -> claims and signals -> estimates and flags -> companies."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analyzer import flags as flags_mod
from analyzer import model
from analyzer.assumptions import Assumptions
from analyzer.records import (
    COMPANY_COLUMNS,
    Extraction,
    Flag,
    claims_frame,
    signals_frame,
    to_frame,
)

_HEADLINE_PRIORITY = {"share_of_work": 0, "user_count": 1, "usage_activity": 2, "outcome": 3}


@dataclass(frozen=True)
class Analysis:
    """The result of :func:`analyze`: every table the app and the exports show."""

    claims: pd.DataFrame
    signals: pd.DataFrame
    estimates: pd.DataFrame
    flags: tuple[Flag, ...]
    companies: pd.DataFrame

    def claims_with_estimates(self) -> pd.DataFrame:
        """Claims joined to their estimates on ``claim_id``."""
        est = self.estimates.drop(columns=["company"])
        return self.claims.merge(est, on="claim_id", how="left")


def extract_paths(paths: Iterable[str | Path]) -> tuple[list[Extraction], list[tuple[str, str]]]:
    """Extract every path; return the extractions and ``(path, message)`` for each failure."""
    from analyzer import claims as claims_mod  # imported here: the extractor is heavy
    from analyzer.errors import AnalyzerError

    done: list[Extraction] = []
    failed: list[tuple[str, str]] = []
    for path in paths:
        try:
            done.append(claims_mod.extract_path(path))
        except (AnalyzerError, OSError) as exc:
            failed.append((str(path), str(exc)))
    return done, failed


def frames_from_extractions(extractions: Sequence[Extraction]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """All claims and signals of ``extractions`` as two frames."""
    claims = [c for e in extractions for c in e.claims]
    signals = [s for e in extractions for s in e.signals]
    return claims_frame(claims), signals_frame(signals)


def analyze(
    extractions: Sequence[Extraction] | None = None,
    assumptions: Assumptions | None = None,
    *,
    claims: pd.DataFrame | None = None,
    signals: pd.DataFrame | None = None,
    seed: int = 0,
) -> Analysis:
    """Estimate genuine adoption and raise flags, from extractions or from claim/signal frames."""
    if claims is None or signals is None:
        claims, signals = frames_from_extractions(extractions or ())
    assumptions = assumptions or Assumptions()
    estimates = model.estimate_claims(claims, signals, assumptions, seed=seed)
    flags = tuple(flags_mod.raise_flags(claims, signals))
    summary = flags_mod.company_levels(flags, companies=claims["company"].dropna().unique())
    companies = _company_table(claims, estimates, summary)
    return Analysis(claims, signals, estimates, flags, companies)


def _company_table(
    claims: pd.DataFrame, estimates: pd.DataFrame, flag_summary: pd.DataFrame
) -> pd.DataFrame:
    rows = []
    merged = claims.merge(estimates.drop(columns=["company"]), on="claim_id", how="left")
    for company, group in merged.dropna(subset=["company"]).groupby("company", sort=True):
        levels = group.loc[group["measure"] == "level"]
        pool = levels if not levels.empty else group
        # the headline is the kind of figure the company reports most often (its tokens, its
        # users), then the most telling kind, then the latest
        reported_most = pool["metric_kind"].map(pool["metric_kind"].value_counts())
        pool = pool.assign(
            _most=-reported_most.astype("float64"),
            _prio=pool["metric_kind"].map(_HEADLINE_PRIORITY).fillna(9)
            + (pool["unit"] != "share").astype("float64").fillna(0.5) * 0.5,
            _end=model.period_dates(pool["period_end"], pool["fiscal_period"]),
        ).sort_values(["_most", "_prio", "_end"], ascending=[True, True, False], na_position="last")
        head = pool.iloc[0]
        flag_row = flag_summary.loc[flag_summary["company"] == company]
        reported = float(head["reported"]) if pd.notna(head["reported"]) else float(head["value"])
        central = head["genuine_central"]
        rows.append(
            {
                "company": company,
                "documents": group["document"].nunique(),
                "claims": len(group),
                "headline_claim_id": head["claim_id"],
                "headline_sentence": head["sentence"],
                "headline_document": head["document"],
                "headline_page": head["page"],
                "headline_metric_kind": head["metric_kind"],
                "headline_unit": head["unit"],
                "headline_period": head["fiscal_period"],
                "reported": reported,
                "genuine_low": head["genuine_low"],
                "genuine_central": central,
                "genuine_high": head["genuine_high"],
                "discount": (1 - central / reported) if reported and pd.notna(central) else None,
                "flag_count": int(flag_row["flag_count"].iloc[0]) if len(flag_row) else 0,
                "flag_score": float(flag_row["score"].iloc[0]) if len(flag_row) else 0.0,
                "flag_level": str(flag_row["level"].iloc[0]) if len(flag_row) else "none",
            }
        )
    return to_frame(rows, COMPANY_COLUMNS)
