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
    flags: Sequence[Flag] | None = None,
) -> Analysis:
    """Estimate genuine adoption and raise flags, from extractions or from claim/signal frames.

    Flags do not depend on the assumptions: pass ``flags`` from an earlier
    :func:`raise_flags` on the same claims and signals to skip recomputing them (the app does
    this when only a slider moved).
    """
    if claims is None or signals is None:
        claims, signals = frames_from_extractions(extractions or ())
    assumptions = assumptions or Assumptions()
    estimates = model.estimate_claims(claims, signals, assumptions, seed=seed)
    raised = tuple(flags_mod.raise_flags(claims, signals)) if flags is None else tuple(flags)
    names = sorted({*claims["company"].dropna(), *signals["company"].dropna()})
    summary = flags_mod.company_levels(raised, companies=names)
    companies = _company_table(claims, estimates, summary, names)
    return Analysis(claims, signals, estimates, raised, companies)


def raise_flags(claims: pd.DataFrame, signals: pd.DataFrame) -> tuple[Flag, ...]:
    """The flags of these claims and signals (independent of the assumptions)."""
    return tuple(flags_mod.raise_flags(claims, signals))


def _company_table(
    claims: pd.DataFrame,
    estimates: pd.DataFrame,
    flag_summary: pd.DataFrame,
    companies: Sequence[str],
) -> pd.DataFrame:
    """One row per company (with claims or signals): counts, the headline claim with its
    estimate, and the flag level. A company with no level claim has no headline (growth alone
    is not an adoption level)."""
    if not companies:
        return to_frame([], COMPANY_COLUMNS)
    index = pd.Index(list(companies), name="company")
    merged = claims.merge(estimates.drop(columns=["company"]), on="claim_id", how="left")
    merged = merged.loc[merged["company"].notna()]
    is_level = (merged["measure"] == "level").fillna(False).astype(bool)
    pool = merged.loc[is_level]
    # the headline is the kind of figure the company reports most often (its tokens, its
    # users), then the most telling kind, then the latest
    pool = pool.assign(
        _most=-pool.groupby(["company", "metric_kind"])["claim_id"]
        .transform("size")
        .astype("float64"),
        _prio=pool["metric_kind"].map(_HEADLINE_PRIORITY).astype("float64").fillna(9.0)
        + (pool["unit"] != "share").fillna(True).astype("float64") * 0.5,
        _end=model.period_dates(pool["period_end"], pool["fiscal_period"]),
    )
    head = (
        pool.sort_values(
            ["company", "_most", "_prio", "_end"],
            ascending=[True, True, True, False],
            na_position="last",
            kind="stable",
        )
        .drop_duplicates("company")
        .set_index("company")
        .reindex(index)
    )
    counts = (
        merged.groupby("company")
        .agg(documents=("document", "nunique"), claims=("claim_id", "size"))
        .reindex(index)
        .fillna(0)
    )
    summary = flag_summary.set_index("company")
    reported = head["reported"].astype("float64").fillna(head["value"].astype("float64"))
    central = head["genuine_central"].astype("float64")
    table = pd.DataFrame(
        {
            "documents": counts["documents"],
            "claims": counts["claims"],
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
            "discount": (1 - central / reported).where(reported != 0),
            "flag_count": summary["flag_count"].reindex(index).fillna(0),
            "flag_score": summary["score"].reindex(index).astype("float64").fillna(0.0),
            "flag_level": summary["level"].reindex(index).fillna("none"),
        },
        index=index,
    )
    table = table.rename_axis("company").reset_index().sort_values("company", kind="stable")
    return table[list(COMPANY_COLUMNS)].astype(COMPANY_COLUMNS).reset_index(drop=True)
