"""The genuine-adoption model: reported figures discounted by uncertain inflation rates.

For a level, ``genuine = reported * (1 - i)``. For a growth factor from the start ``s`` to the end
``e`` of its window (one claim period before the claim's date: a quarter for "quarter over
quarter", a year when no period is stated; see :data:`PERIOD_WINDOW_DAYS`),
``genuine = reported * (1 - i_e) / (1 - i_s)``: inflation that rises over the window (a mandate
that starts inside it) inflates the growth too. Growth stated as a percentage ("up 12%": unit
share, value 0.12) is discounted as the factor ``1 + g`` and reported back as ``factor - 1``.

A range ("30-50%", ``value`` to ``value_high``) spans its estimate: the low end at the high
inflation rate gives ``genuine_low``, the high end at the low rate ``genuine_high``, and the
midpoint at the mean rate ``genuine_central``.

Each claim's inflation is a Beta-distributed base rate (by metric kind, company override or claim
override) plus additive signal modifiers (see :mod:`analyzer.assumptions`), clipped to
``[0, max_inflation]``. The start and end rates share the same base draw, so only the *change* in
modifiers moves a growth figure. Draws are made once per distinct base distribution (a
``(k, draws)`` array, seeded from ``seed`` and the distribution, so a claim's numbers do not depend
on which other claims are in the batch), and every distinct combination of base and modifiers is
evaluated as one ``(m, draws)`` numpy array; no Python loop runs per draw or per claim.

``inflation_central`` is the mean rate at the claim's date and ``genuine_central`` applies it
(for growth: the mean rates at both ends). Low/high are the 10th and 90th percentiles of the draws.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from analyzer.assumptions import KINDS, Assumptions
from analyzer.records import ESTIMATE_COLUMNS, to_frame

LOW_Q, HIGH_Q = 0.10, 0.90
GROWTH_WINDOW_DAYS = 365
"""Growth claims with no stated period are taken as year over year: the window starts this many
days before the end."""
PERIOD_WINDOW_DAYS: dict[str, int] = {
    "daily": 1,
    "weekly": 7,
    "monthly": 30,
    "quarterly": 91,
    "annual": 365,
}
"""The growth window by the claim's period ("10x quarter over quarter" is quarterly); any other
period (none, cumulative, per_minute) falls back to :data:`GROWTH_WINDOW_DAYS`."""

_NON_OUTCOME = ("usage_activity", "user_count", "share_of_work")
_MONTHLY_OR_LONGER = ("monthly", "quarterly", "annual", "cumulative")
_AUDITED_DOCS = ("10-K", "10-Q")

INPUT_COLUMNS: dict[str, str] = {
    "claim_id": "string",
    "company": "string",
    "metric_kind": "string",
    "base_mean": "float64",
    "base_concentration": "float64",
    "uplift_end": "float64",
    "uplift_start": "float64",
    "is_growth": "bool",
    "source": "string",
}
"""Columns of :func:`inflation_inputs`: where each claim's inflation comes from."""

TIMELINE_COLUMNS: dict[str, str] = {
    "company": "string",
    "metric_kind": "string",
    "unit": "string",
    "fiscal_period": "string",
    "date": "datetime64[ns]",
    "claim_id": "string",
    "reported": "float64",
    "genuine_low": "float64",
    "genuine_central": "float64",
    "genuine_high": "float64",
    "sentence": "string",
}


# ---------------------------------------------------------------------------- dates


def _on_unique(values: pd.Series, fn: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Apply a parser to the distinct values only (periods repeat a lot), then map back."""
    codes, uniques = pd.factorize(values.astype("string"))
    out = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[ns]")
    if len(uniques):
        parsed = fn(pd.Series(uniques, dtype="string")).to_numpy(dtype="datetime64[ns]")
        known = codes >= 0
        out[known] = parsed[codes[known]]
    return pd.Series(out, index=values.index)


def _parse_iso(text: pd.Series) -> pd.Series:
    return pd.to_datetime(text, errors="coerce", format="ISO8601")


def _fiscal_end(text: pd.Series) -> pd.Series:
    fp = text.str.strip().str.upper()
    parts = fp.str.extract(r"^(?:FY)?(\d{4})(?:[-\s]?Q([1-4]))?$")
    year = pd.to_numeric(parts[0], errors="coerce")
    month = pd.to_numeric(parts[1], errors="coerce").fillna(4) * 3
    first = pd.to_datetime(
        pd.DataFrame({"year": year, "month": month, "day": 1}).dropna(), errors="coerce"
    )
    return (first + pd.offsets.MonthEnd(0)).reindex(fp.index)


def period_dates(period_end: pd.Series, fiscal_period: pd.Series) -> pd.Series:
    """The date of each row: ``period_end`` when given, else the end of ``fiscal_period``.

    ``"2024-Q3"`` ends on 2024-09-30 and ``"FY2024"`` on 2024-12-31 (calendar quarters; a
    company's own fiscal calendar needs ``period_end``). Unknown -> ``NaT``.
    """
    explicit = _on_unique(period_end, _parse_iso)
    derived = _on_unique(fiscal_period, _fiscal_end)
    return explicit.fillna(derived).astype("datetime64[ns]")


def _signal_dates(signals_df: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Per company with a ``kind`` signal: the earliest dated one (``NaT`` when none is dated)."""
    sig = signals_df.loc[(signals_df["kind"] == kind) & signals_df["company"].notna()]
    if sig.empty:
        return pd.DataFrame(
            {"company": pd.Series(dtype="string"), "date": pd.Series(dtype="M8[ns]")}
        )
    dates = period_dates(sig["period_end"], sig["fiscal_period"])
    frame = pd.DataFrame({"company": sig["company"].astype("string"), "date": dates})
    return frame.groupby("company", as_index=False)["date"].min()


def _active(claims: pd.DataFrame, when: pd.Series, starts: pd.DataFrame) -> np.ndarray:
    """Whether a company's signal is in force at ``when`` (undated on either side: in force)."""
    if starts.empty:
        return np.zeros(len(claims), dtype=bool)
    start = pd.to_datetime(claims["company"].map(starts.set_index("company")["date"]))
    has = claims["company"].isin(starts["company"]).fillna(False)
    on = has & (start.isna() | when.isna() | (when >= start).fillna(False))
    return on.fillna(False).to_numpy(dtype=bool)


# ---------------------------------------------------------------------------- inputs


def inflation_inputs(
    claims_df: pd.DataFrame, signals_df: pd.DataFrame, assumptions: Assumptions
) -> pd.DataFrame:
    """Per claim: base distribution and the additive uplifts at the end and start of its window.

    Unknown metric kinds are treated as ``usage_activity`` (the most sceptical default).
    """
    a, m = assumptions, assumptions.modifiers
    c = claims_df.reset_index(drop=True)
    n = len(c)
    kind = c["metric_kind"].astype("string").fillna("usage_activity")
    kind = kind.where(kind.isin(KINDS), "usage_activity")
    company = c["company"].astype("string")
    means = kind.map({k: a.base(k).mean for k in KINDS})
    concs = kind.map({k: a.base(k).concentration for k in KINDS})
    means = means.astype("float64").to_numpy().copy()
    concs = concs.astype("float64").to_numpy().copy()
    source = np.full(n, "default", dtype=object)
    # company overrides: "*" first, so a kind-specific override wins
    for override in sorted(a.company_overrides, key=lambda o: o.metric_kind != "*"):
        hit = (company == override.company).fillna(False).to_numpy()
        if override.metric_kind != "*":
            hit &= (kind == override.metric_kind).to_numpy()
        means[hit], concs[hit] = override.dist.mean, override.dist.concentration
        source[hit] = "company override"

    period = c["period"].astype("string").fillna("none")
    unit = c["unit"].astype("string").fillna("")
    doc_type = c["doc_type"].astype("string").fillna("")
    user_count = (kind == "user_count").to_numpy()
    outcome = (kind == "outcome").to_numpy()
    fixed = np.zeros(n)
    fixed += np.where(user_count & (period == "weekly").to_numpy(), m.weekly_bar, 0.0)
    fixed += np.where(user_count & period.isin(_MONTHLY_OR_LONGER).to_numpy(), m.monthly_bar, 0.0)
    fixed -= np.where(outcome & (unit == "usd").to_numpy(), m.revenue_backed, 0.0)
    fixed -= np.where(outcome & doc_type.isin(_AUDITED_DOCS).to_numpy(), m.audited, 0.0)

    end = period_dates(c["period_end"], c["fiscal_period"])
    window = period.map(PERIOD_WINDOW_DAYS).astype("float64").fillna(GROWTH_WINDOW_DAYS)
    start = end - pd.to_timedelta(window.to_numpy(), unit="D")
    mandates = _signal_dates(signals_df, "mandate")
    if a.mandate_dates:
        given = pd.DataFrame(
            {
                "company": pd.Series([co for co, _ in a.mandate_dates], dtype="string"),
                "date": pd.to_datetime([d for _, d in a.mandate_dates]),
            }
        )
        mandates = pd.concat(
            [mandates.loc[~mandates["company"].isin(given["company"])], given], ignore_index=True
        )
    boards = _signal_dates(signals_df, "leaderboard")
    # staff mandates and leaderboards inflate internal and company-wide usage, not customer figures
    customers = (c["population"].astype("string") == "customers").fillna(False).to_numpy(bool)
    timed = ~outcome & ~customers
    uplift_end, uplift_start = fixed.copy(), fixed.copy()
    for starts, size in ((mandates, m.mandate), (boards, m.leaderboard)):
        uplift_end += np.where(timed & _active(c, end, starts), size, 0.0)
        uplift_start += np.where(timed & _active(c, start, starts), size, 0.0)

    is_growth = (c["measure"].astype("string") == "growth").fillna(False).to_numpy()
    # claim overrides are final: their distribution, no modifiers
    ids = c["claim_id"].astype("string")
    for pin in a.claim_overrides:
        hit = (ids == pin.claim_id).fillna(False).to_numpy()
        means[hit], concs[hit] = pin.dist.mean, pin.dist.concentration
        uplift_end[hit] = uplift_start[hit] = 0.0
        source[hit] = "claim override"
    uplift_start = np.where(is_growth, uplift_start, uplift_end)
    frame = pd.DataFrame(
        {
            "claim_id": ids.to_numpy(),
            "company": company.to_numpy(),
            "metric_kind": kind.to_numpy(),
            "base_mean": means,
            "base_concentration": concs,
            "uplift_end": uplift_end,
            "uplift_start": uplift_start,
            "is_growth": is_growth,
            "source": source,
        },
        columns=list(INPUT_COLUMNS),
    )
    return frame.astype(INPUT_COLUMNS)


# ---------------------------------------------------------------------------- draws


_NEGLIGIBLE = 1e-9


def _uniforms(seed: int, draws: int) -> np.ndarray:
    """Uniforms on (0, 1) fixed by ``seed``: the same for every distribution."""
    rng = np.random.default_rng(int(seed) & 0xFFFFFFFF)
    return np.clip(rng.random(draws), 1e-12, 1 - 1e-12)


def base_draws(
    means: np.ndarray, concentrations: np.ndarray, *, seed: int = 0, draws: int = 2000
) -> np.ndarray:
    """A ``(k, draws)`` array of Beta draws, one row per (mean, concentration) pair.

    Common random numbers: every row is the Beta quantile function at the same uniforms
    (fixed by ``seed``). So a row is the same whatever other rows are asked
    for, a higher mean gives higher draws everywhere (genuine adoption never rises when a slider
    raises inflation), and two rates of one company (a growth claim's start and end) move
    together. A mean of (nearly) zero gives a row of zeros.
    """
    from scipy.stats import beta

    means = np.asarray(means, dtype="float64")
    concentrations = np.asarray(concentrations, dtype="float64")
    out = np.zeros((len(means), draws))
    positive = means > _NEGLIGIBLE  # below it a rate is zero for every purpose (and the quantile
    if positive.any():  # function of a Beta with a denormal parameter overflows)
        u = _uniforms(seed, draws)[None, :]
        a = (means[positive] * concentrations[positive])[:, None]
        b = ((1.0 - means[positive]) * concentrations[positive])[:, None]
        out[positive] = beta.ppf(u, a, b)
    return out


def estimate_claims(
    claims_df: pd.DataFrame,
    signals_df: pd.DataFrame,
    assumptions: Assumptions,
    *,
    seed: int = 0,
    draws: int = 2000,
) -> pd.DataFrame:
    """Genuine-adoption estimates, one row per claim, with :data:`ESTIMATE_COLUMNS`."""
    if claims_df.empty:
        return to_frame([], ESTIMATE_COLUMNS)
    if draws < 10:
        raise ValueError(f"draws must be at least 10, got {draws}")
    inputs = inflation_inputs(claims_df, signals_df, assumptions)
    c_idx = claims_df.index
    ceiling = assumptions.modifiers.max_inflation

    dists, dist_idx = np.unique(
        inputs[["base_mean", "base_concentration"]].to_numpy(), axis=0, return_inverse=True
    )
    base = base_draws(dists[:, 0], dists[:, 1], seed=seed, draws=draws)
    combo_cols = np.column_stack(
        [
            dist_idx.ravel(),
            inputs["uplift_end"].to_numpy(),
            inputs["uplift_start"].to_numpy(),
            inputs["is_growth"].to_numpy(),
        ]
    )
    combos, combo_idx = np.unique(combo_cols, axis=0, return_inverse=True)
    combo_idx = combo_idx.ravel()
    rows = base[combos[:, 0].astype(int)]  # (m, draws)
    i_end = np.clip(rows + combos[:, 1:2], 0.0, ceiling)
    i_start = np.clip(rows + combos[:, 2:3], 0.0, ceiling)
    growth = combos[:, 3:4].astype(bool)
    factor = np.where(growth, (1.0 - i_end) / (1.0 - i_start), 1.0 - i_end)

    inf_q = np.quantile(i_end, [LOW_Q, HIGH_Q], axis=1)
    fac_q = np.quantile(factor, [LOW_Q, HIGH_Q], axis=1)
    inf_c = i_end.mean(axis=1)
    start_c = i_start.mean(axis=1)
    fac_c = np.where(growth[:, 0], (1.0 - inf_c) / (1.0 - start_c), 1.0 - inf_c)
    # the mean lies inside the 10-90% range for any reasonable Beta; guard the degenerate ones
    fac_lo, fac_hi = np.minimum(fac_q[0], fac_c), np.maximum(fac_q[1], fac_c)
    inf_lo, inf_hi = np.minimum(inf_q[0], inf_c), np.maximum(inf_q[1], inf_c)

    reported = claims_df["value"].astype("float64").to_numpy()
    high = claims_df["value_high"] if "value_high" in claims_df else pd.Series(np.nan, index=c_idx)
    high = high.astype("float64").to_numpy()
    high = np.where(np.isnan(high), reported, np.fmax(high, reported))
    # percentage growth ("up 12%": share 0.12) is discounted as the factor 1.12, then turned
    # back into a percentage; growth multiples ("5x") are factors already
    unit = claims_df["unit"].astype("string").fillna("")
    shift = np.where(inputs["is_growth"].to_numpy() & (unit == "share").to_numpy(), 1.0, 0.0)
    f_c, f_lo, f_hi = fac_c[combo_idx], fac_lo[combo_idx], fac_hi[combo_idx]
    # (1 + g) * f - 1 written as g * f + (f - 1), exact when f == 1
    # a range spans from its low end at the high rate to its high end at the low rate
    g_c = (reported + high) / 2.0 * f_c + shift * (f_c - 1.0)
    g_a = reported * f_lo + shift * (f_lo - 1.0)
    g_b = high * f_hi + shift * (f_hi - 1.0)
    qualifier = claims_df["qualifier"].astype("string").fillna("")
    frame = pd.DataFrame(
        {
            "claim_id": inputs["claim_id"],
            "company": inputs["company"],
            "reported": reported,
            "inflation_central": inf_c[combo_idx],
            "inflation_low": inf_lo[combo_idx],
            "inflation_high": inf_hi[combo_idx],
            "genuine_central": g_c,
            "genuine_low": np.fmin(g_a, g_b),
            "genuine_high": np.fmax(g_a, g_b),
            "is_lower_bound": (qualifier == "at_least").to_numpy(),
            "is_upper_bound": (qualifier == "at_most").to_numpy(),
        }
    )
    return frame.astype(ESTIMATE_COLUMNS)


# ---------------------------------------------------------------------------- charts


def sensitivity(
    reported: float, inflation_grid: np.ndarray | list[float] | None = None
) -> pd.DataFrame:
    """Genuine value of a level figure across inflation rates (the "genuine vs inflation" chart).

    Columns ``inflation`` and ``genuine``; the default grid is 0 to 0.9 in steps of 0.05.
    """
    grid = np.round(np.arange(0.0, 0.95, 0.05), 10) if inflation_grid is None else inflation_grid
    grid = np.asarray(grid, dtype="float64")
    if grid.size and (np.isnan(grid).any() or grid.min() < 0 or grid.max() > 1):
        raise ValueError("inflation_grid values must lie between 0 and 1")
    return pd.DataFrame({"inflation": grid, "genuine": float(reported) * (1.0 - grid)})


def company_timeline(
    claims_df: pd.DataFrame,
    estimates_df: pd.DataFrame,
    *,
    company: str | None = None,
    metric_kind: str | None = None,
) -> pd.DataFrame:
    """Level claims as dated series per company, metric kind and unit (for the timeline chart).

    One row per (company, metric kind, unit, date): the most confident claim. Undated claims are
    left out. Columns :data:`TIMELINE_COLUMNS`, sorted by company, kind, unit and date.
    """
    if claims_df.empty:
        return to_frame([], TIMELINE_COLUMNS)
    est = estimates_df.drop(columns=["company"], errors="ignore")
    merged = claims_df.merge(est, on="claim_id", how="left")
    merged = merged.loc[merged["measure"] == "level"]
    if company is not None:
        merged = merged.loc[merged["company"] == company]
    if metric_kind is not None:
        merged = merged.loc[merged["metric_kind"] == metric_kind]
    merged = merged.assign(date=period_dates(merged["period_end"], merged["fiscal_period"]))
    merged = merged.dropna(subset=["date", "company"])
    if merged.empty:
        return to_frame([], TIMELINE_COLUMNS)
    merged = merged.assign(reported=merged["reported"].fillna(merged["value"]))
    merged = merged.sort_values("confidence", ascending=False, kind="stable")
    merged = merged.drop_duplicates(["company", "metric_kind", "unit", "date"])
    merged = merged.sort_values(["company", "metric_kind", "unit", "date"])
    return merged[list(TIMELINE_COLUMNS)].astype(TIMELINE_COLUMNS).reset_index(drop=True)
