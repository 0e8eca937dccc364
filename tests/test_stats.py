"""statsmodels fits: known steps and decoupling are recovered; too little data is refused."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
from claim_factory import claim, frames, quarters, signal
from numpy.testing import assert_allclose

from analyzer import stats
from analyzer.errors import InsufficientDataError

DATES = pd.date_range("2020-03-31", periods=16, freq="QE")
YEARS = (DATES - DATES[0]).days.to_numpy() / 365.25
MANDATE = pd.Timestamp("2022-01-15")


def series(step: float, trend: float, noise: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    jump = np.where(DATES >= MANDATE, step, 1.0)
    return 100 * trend**YEARS * jump * np.exp(rng.normal(0, noise, len(DATES)))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_known_step_is_recovered(seed):
    values = series(step=1.5, trend=1.2, noise=0.03, seed=seed)
    fit = stats.mandate_step(DATES, values, MANDATE)
    # 3% noise on 16 points: log-step s.d. is about 0.03, so 6% is about two s.d.
    assert_allclose(fit.step, 1.5, rtol=0.06)
    assert_allclose(fit.trend_per_year, 1.2, rtol=0.04)
    assert fit.ci_low < fit.step < fit.ci_high
    assert fit.p_value < 0.001
    assert (fit.n, fit.n_before, fit.n_after) == (16, 8, 8)
    assert_allclose(fit.implied_inflation, 1 - 1 / fit.step)
    assert fit.implied_inflation_low < fit.implied_inflation < fit.implied_inflation_high


def test_step_interval_coverage_is_honest():
    """Over 200 noisy series the 90% interval holds the true step roughly 90% of the time."""
    hits = 0
    for seed in range(200):
        fit = stats.mandate_step(DATES, series(1.5, 1.2, 0.03, seed), MANDATE)
        hits += fit.ci_low < 1.5 < fit.ci_high
    assert 0.84 <= hits / 200 <= 0.97


def test_exact_data_gives_exact_step():
    values = series(step=1.25, trend=1.1, noise=0.0, seed=0)
    fit = stats.mandate_step(DATES.astype(str), values, "2022-01-15")
    assert_allclose(fit.step, 1.25, rtol=1e-9)
    assert_allclose(fit.implied_inflation, 0.2, rtol=1e-9)


def test_no_step_is_not_significant():
    values = series(step=1.0, trend=1.3, noise=0.05, seed=3)
    fit = stats.mandate_step(DATES, values, MANDATE)
    assert fit.ci_low < 1.0 < fit.ci_high
    assert fit.p_value > 0.1


def test_too_few_points_says_so():
    with pytest.raises(InsufficientDataError, match=r"not enough data.*3 points, need 4"):
        stats.mandate_step(DATES[:3], [1.0, 2.0, 3.0], DATES[1])
    with pytest.raises(InsufficientDataError, match="1 points before and 5 after"):
        stats.mandate_step(DATES[:6], np.arange(1.0, 7.0), DATES[1])
    # non-positive and missing values are dropped before counting
    with pytest.raises(InsufficientDataError, match="3 points, need 4"):
        stats.mandate_step(DATES[:5], [1.0, 0.0, np.nan, 2.0, 3.0], DATES[2])


def test_insufficient_data_is_a_value_error():
    with pytest.raises(ValueError, match="not enough data"):
        stats.decoupling(DATES[:3], [1, 2, 3], DATES, np.ones(16))


def test_known_decoupling_is_recovered():
    rng = np.random.default_rng(5)
    activity = 10 * 1.8**YEARS * np.exp(rng.normal(0, 0.03, 16))
    outcome = 50 * 1.1**YEARS * np.exp(rng.normal(0, 0.03, 16))
    fit = stats.decoupling(DATES, activity, DATES[::2], outcome[::2])
    assert_allclose(fit.excess_growth, 1.8 / 1.1, rtol=0.05)
    assert_allclose(fit.activity_growth_per_year, 1.8, rtol=0.05)
    assert_allclose(fit.outcome_growth_per_year, 1.1, rtol=0.05)
    assert fit.p_value < 0.001 and fit.ci_low > 1
    assert (fit.n_activity, fit.n_outcome) == (16, 8)


def test_parallel_growth_is_not_decoupled():
    rng = np.random.default_rng(6)
    activity = 10 * 1.4**YEARS * np.exp(rng.normal(0, 0.05, 16))
    outcome = 70 * 1.4**YEARS * np.exp(rng.normal(0, 0.05, 16))
    fit = stats.decoupling(DATES, activity, DATES, outcome)
    assert fit.ci_low < 1 < fit.ci_high
    assert fit.p_value > 0.1


def _quarterly(kind: str, unit: str, values, population: str = "none") -> list:
    return [
        claim(
            metric_kind=kind,
            unit=unit,
            population=population,
            period="quarterly",
            fiscal_period=fp,
            period_end=end,
            value=float(v),
        )
        for (fp, end), v in zip(quarters(2020, len(values)), values, strict=True)
    ]


def test_company_fits_from_claims():
    values = series(step=1.5, trend=1.2, noise=0.0, seed=0)
    revenue = 1e9 * 1.05 ** np.arange(16)
    c, s = frames(
        _quarterly("usage_activity", "tokens", values) + _quarterly("outcome", "usd", revenue),
        [signal(period_end="2022-01-15", fiscal_period=None)],
    )
    fits = stats.company_fits(c, s, "Acme")
    assert fits.step_metric == "usage_activity" and fits.step_note == ""
    assert_allclose(fits.step.step, 1.5, rtol=1e-9)
    assert fits.decoupling is not None and fits.decoupling.excess_growth > 1


def test_company_fits_say_why_not():
    c, s = frames(_quarterly("usage_activity", "tokens", [1, 2, 3]), [])
    fits = stats.company_fits(c, s, "Acme")
    assert fits.step is None and fits.step_note == "no mandate"
    assert fits.decoupling is None
    assert "activity series has 3 points, need 4" in fits.decoupling_note
    c, s = frames(
        _quarterly("user_count", "share", [0.2, 0.3, 0.4]), [signal(period_end="2020-05-01")]
    )
    note = stats.company_fits(c, s, "Acme").step_note
    assert "user_count: not enough data for a mandate step: 3 points, need 4" in note


def test_metric_series_picks_one_unit_and_one_point_per_date():
    rows = _quarterly("usage_activity", "tokens", [1, 2, 3]) + _quarterly(
        "usage_activity", "requests", [5, 6]
    )
    rows.append(claim(metric_kind="usage_activity", unit="tokens", value=-1.0))
    c, _ = frames(rows)
    got = stats.metric_series(c)
    assert got["unit"].unique().tolist() == ["tokens"]
    assert got["value"].tolist() == [1.0, 2.0, 3.0]
    assert stats.metric_series(c, unit="requests")["value"].tolist() == [5.0, 6.0]


def test_metric_series_keeps_one_time_window():
    """A quarter's tokens and, in the same filing, the year's total or a per-minute peak are not
    points of one series: the most common window wins."""
    rows = _quarterly("usage_activity", "tokens", [10, 12, 14, 16])
    (fp, end) = quarters(2020, 4)[-1]
    rows.append(
        claim(metric_kind="usage_activity", unit="tokens", period="annual", fiscal_period=fp,
              period_end=end, value=52.0)
    )  # fmt: skip
    rows.append(
        claim(metric_kind="usage_activity", unit="tokens", period="per_minute", fiscal_period=fp,
              period_end=end, value=0.01)
    )  # fmt: skip
    c, _ = frames(rows)
    got = stats.metric_series(c)
    assert got["value"].tolist() == [10.0, 12.0, 14.0, 16.0]
    assert set(got["period"]) == {"quarterly"}


def _with(rows: list, **kw) -> list:
    return [dataclasses.replace(r, **kw) for r in rows]


def test_metric_series_keeps_one_subject():
    """Product A's tokens and product B's tokens are two series, not one."""
    a = _with(_quarterly("usage_activity", "tokens", [10, 12, 14, 16]), subject="Product A")
    b = _with(_quarterly("usage_activity", "tokens", [500, 900]), subject="Product B")
    c, _ = frames(a + b)
    got = stats.metric_series(c)
    assert got["value"].tolist() == [10.0, 12.0, 14.0, 16.0]
    assert set(got["subject"]) == {"Product A"}
    # a figure with no subject belongs to the only named product
    unnamed = _with(_quarterly("usage_activity", "tokens", [1, 2, 3, 4, 5])[4:], subject=None)
    c, _ = frames(a + unnamed)
    assert stats.metric_series(c)["value"].tolist() == [10.0, 12.0, 14.0, 16.0, 5.0]


def test_metric_series_keeps_one_population():
    devs = _quarterly("user_count", "share", [0.2, 0.3, 0.4], population="developers")
    staff = _quarterly("user_count", "share", [0.05, 0.06], population="employees")
    c, _ = frames(devs + staff)
    got = stats.metric_series(c)
    assert got["value"].tolist() == [0.2, 0.3, 0.4]
    assert set(got["population"]) == {"developers"}


def test_metric_series_keeps_the_most_confident_point_per_date():
    rows = _quarterly("usage_activity", "tokens", [10, 12, 14])
    sure = dataclasses.replace(rows[1], value=13.0, confidence=0.95)
    unsure = dataclasses.replace(rows[1], value=99.0, confidence=0.4)
    c, _ = frames([rows[0], sure, unsure, rows[2]])
    assert stats.metric_series(c)["value"].tolist() == [10.0, 13.0, 14.0]
    c, _ = frames([rows[0], unsure, sure, rows[2]])
    assert stats.metric_series(c)["value"].tolist() == [10.0, 13.0, 14.0]
