"""Yellow flags: patterns that make an AI-adoption figure less trustworthy, with their evidence.

:data:`CATALOGUE` lists every flag (id, name, why it matters, rule, severity, evidence cited);
``docs/flags.md`` is the same catalogue for readers. :func:`raise_flags` checks every rule per
company and returns :class:`~analyzer.records.Flag` records whose evidence points at the claims
and signals (document, page, sentence) that triggered them. :func:`company_levels` sums severity
weights into a score and a level (none, yellow, red).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np
import pandas as pd

from analyzer import stats
from analyzer.errors import InsufficientDataError
from analyzer.model import GROWTH_WINDOW_DAYS, PERIOD_WINDOW_DAYS, period_dates
from analyzer.records import Evidence, Flag, FlagLevel, Severity, to_frame


@dataclass(frozen=True)
class FlagDef:
    """One entry of the catalogue."""

    id: str
    name: str
    why: str
    rule: str
    severity: Severity
    evidence: str


CATALOGUE: tuple[FlagDef, ...] = (
    FlagDef(
        "usage_mandate",
        "Usage mandate",
        "When staff are told to use AI, usage measures compliance, not demand or value; a "
        "mandated metric stops being a good measure (Goodhart's law).",
        "The company has at least one mandate signal (staff required or expected to use AI).",
        Severity.HIGH,
        "The mandate sentences.",
    ),
    FlagDef(
        "leaderboard",
        "Leaderboard or gamified tracking",
        "Ranking teams or people by AI usage rewards volume for its own sake; staff pump the "
        "counted activity (e.g. running pointless agent tasks to raise token counts).",
        "The company has at least one leaderboard signal.",
        Severity.MEDIUM,
        "The leaderboard sentences.",
    ),
    FlagDef(
        "activity_headline",
        "Headline is an activity metric",
        "Tokens, prompts and requests measure how much the tools run, not what they achieve; "
        "they are the cheapest figures to inflate.",
        "The company reports usage-activity levels (tokens, requests) and more of them than "
        "outcome levels (growth rates are not counted on either side).",
        Severity.MEDIUM,
        "The activity claims.",
    ),
    FlagDef(
        "low_bar_frequency",
        "Low-bar frequency threshold",
        "'Used at least once a week/month' counts anyone who opened the tool once; a monthly "
        "active user can be nearly idle.",
        "A user-count claim whose threshold is weekly, monthly, quarterly, annual or cumulative, "
        "unless it counts paying customers or subscribers (payment is not a usage threshold).",
        Severity.MEDIUM,
        "The user-count claims with that threshold.",
    ),
    FlagDef(
        "no_denominator",
        "Percentage with no stated population",
        "A share without a denominator ('80% use AI') cannot be checked or compared: 80% of which "
        "staff, teams or customers?",
        "A share level claim whose population is none (growth rates are relative to the "
        "figure itself and do not fire).",
        Severity.MEDIUM,
        "The share claims.",
    ),
    FlagDef(
        "count_no_window",
        "Count with no time window",
        "A count without a period ('2 million users') mixes one-off trials with regular use and "
        "cannot be compared between quarters.",
        "A level count (users, customers, tokens, requests, count) whose period is none "
        "(cumulative counts are labelled as such and do not fire).",
        Severity.LOW,
        "The count claims.",
    ),
    FlagDef(
        "definition_switch",
        "Metric definition switched between periods",
        "Changing the definition (monthly to weekly actives, users to seats) breaks the series; "
        "companies tend to switch to whichever definition shows growth.",
        "For the same company, metric kind, population and subject (AI product; a claim with "
        "no subject is compared with every subject), the period or unit used changes between "
        "consecutive fiscal periods.",
        Severity.HIGH,
        "The last claim under the old definition and the first under the new one.",
    ),
    FlagDef(
        "hugging_target",
        "Reported value hugs a mandated target",
        "A figure that lands just on or above its target (82% against an 80% goal) suggests the "
        "number was managed to the target rather than measured.",
        "A share level claim (not a growth rate) within [target - hug_below, "
        "target + hug_margin] of a mandate or target value of the same company (populations "
        "compatible).",
        Severity.MEDIUM,
        "The claim and the mandate or target.",
    ),
    FlagDef(
        "activity_outgrows_outcome",
        "Activity growing faster than outcomes",
        "If usage soars while AI or cloud revenue grows slowly, the usage is not turning into "
        "value, or is inflated.",
        "With enough dated points: the decoupling fit (activity vs outcome log-growth) shows "
        "excess growth > 1 with p < p_value. Otherwise: activity growth is at least growth_ratio "
        "times outcome growth (annualised first-to-last; or stated usage-activity growth against "
        "stated outcome growth, both as factors (1 + g for a percentage) over the same window, "
        "quarter over quarter with quarter over quarter).",
        Severity.HIGH,
        "The activity and outcome claims compared.",
    ),
    FlagDef(
        "mandate_step",
        "Step change at the mandate",
        "A jump in usage exactly when a mandate starts is usage the mandate produced; the step "
        "size implies how much of the later figure is compliance.",
        "A log-linear trend with a step at the mandate date fits a step > 1 with p < p_value "
        "(at least min_points points, two on each side).",
        Severity.HIGH,
        "The mandate and the claims just before and after it.",
    ),
    FlagDef(
        "internal_only",
        "Only internal evidence",
        "Employee usage is the easiest to mandate; without customer or revenue evidence, "
        "adoption may not reach the business.",
        "All claims with a stated population are about employees, developers or code, and there "
        "is no customer/user claim and no outcome claim.",
        Severity.MEDIUM,
        "The internal claims.",
    ),
    FlagDef(
        "vague_magnitude",
        "Vague magnitude",
        "'Tens of thousands' or 'about 1 million' signal a figure nobody measured precisely "
        "or that was rounded up.",
        "The figure's text uses vague words (tens/hundreds/thousands of, dozens, many, several, "
        "numerous, countless), or the qualifier is approximate and the number is round "
        "(one significant digit).",
        Severity.LOW,
        "The vague claims.",
    ),
    FlagDef(
        "growth_without_base",
        "Growth with no base",
        "'Up 5x' from an unstated base can be tiny in absolute terms; growth rates of new "
        "products are easy to make large.",
        "A growth claim with no level claim of the same metric kind in the same fiscal period.",
        Severity.LOW,
        "The growth claims.",
    ),
    FlagDef(
        "usage_target",
        "Internal usage target",
        "A usage target creates the same pressure as a mandate, if softer: teams manage the "
        "number to the goal.",
        "The company has at least one target signal.",
        Severity.LOW,
        "The target sentences.",
    ),
)
CATALOGUE_BY_ID: dict[str, FlagDef] = {f.id: f for f in CATALOGUE}

DEFAULT_THRESHOLDS: dict[str, float] = {
    "hug_margin": 0.05,  # claim at most this far above the target
    "hug_below": 0.02,  # ... or this far below it
    "growth_ratio": 1.5,  # activity growth / outcome growth that counts as outgrowing
    "p_value": 0.10,  # significance for the statistical flags
    "min_points": 4,  # points per series for a statistical fit
    "max_evidence": 6,  # evidence items kept per flag
}
DEFAULT_LEVELS: dict[str, float] = {
    "low": 1.0,  # severity weights
    "medium": 2.0,
    "high": 3.0,
    "yellow": 2.0,  # score at or above which a company is yellow
    "red": 6.0,  # ... and red
}

_INTERNAL = ("employees", "developers", "code")
_EXTERNAL = ("customers", "users")
_COUNT_UNITS = ("users", "customers", "tokens", "requests", "count")
_ACTIVITY_UNITS = ("tokens", "requests")
_LOW_BAR = ("weekly", "monthly", "quarterly", "annual", "cumulative")
_PAYING = r"(?i)\b(?:paid|paying|pay|subscrib\w*|licensed|purchased|bought)\b"
_VAGUE = re.compile(
    r"\b(?:tens|hundreds|thousands|millions|billions)\s+of\b|\bdozens\b|\bmany\b|\bseveral\b"
    r"|\bnumerous\b|\bcountless\b|\bscores\s+of\b",
    re.IGNORECASE,
)

Found = tuple[str, list[Evidence]] | None


def _merge(defaults: Mapping[str, float], given: Mapping[str, float] | None) -> dict[str, float]:
    merged = dict(defaults)
    for key, value in (given or {}).items():
        if key not in defaults:
            raise ValueError(f"unknown threshold {key!r}; allowed: {', '.join(defaults)}")
        merged[key] = float(value)
    return merged


def _evidence(rows: pd.DataFrame, note: str | Callable[[Any], str] = "", limit: int = 6) -> list:
    out = []
    for row in rows.head(limit).itertuples(index=False):
        page = row.page
        text = note(row) if callable(note) else note
        out.append(
            Evidence(
                document=str(row.document),
                page=None if pd.isna(page) else int(page),
                sentence=str(row.sentence),
                note=text,
            )
        )
    return out


def _text(value: Any, default: str = "") -> str:
    """``value`` as text, ``default`` when missing (NA-safe)."""
    return default if value is None or pd.isna(value) or value == "" else str(value)


def _claim_note(row: Any) -> str:
    figure = _text(row.value_text) or f"{row.value:g}"
    when = _text(row.fiscal_period, "undated")
    return f"{when}: {figure} ({_text(row.metric_kind, '?')}, {_text(row.period, 'none')})"


def _share(x: float) -> str:
    return f"{x:.0%}"


# ---------------------------------------------------------------------------- rules
# Each rule gets one company's claims and signals (with a "date" column) and the thresholds.


def _signal_rule(kind: str, what: str) -> Callable[[pd.DataFrame, pd.DataFrame, dict], Found]:
    def rule(claims: pd.DataFrame, signals: pd.DataFrame, th: dict) -> Found:
        hits = signals.loc[signals["kind"] == kind]
        if hits.empty:
            return None
        values = [_share(v) for v in hits["value"].dropna() if 0 < v <= 1]
        extra = f" (level: {', '.join(dict.fromkeys(values))})" if values else ""
        return (
            f"{len(hits)} {what} statement(s){extra}",
            _evidence(hits, what, int(th["max_evidence"])),
        )

    return rule


def _activity_headline(claims: pd.DataFrame, signals: pd.DataFrame, th: dict) -> Found:
    # levels on both sides: a growth rate restates a level, and counting outcome growth rates
    # but not activity multiples tilted the comparison
    levels = claims.loc[claims["measure"] == "level"]
    activity = levels.loc[
        (levels["metric_kind"] == "usage_activity") & levels["unit"].isin(_ACTIVITY_UNITS)
    ]
    outcomes = levels.loc[levels["metric_kind"] == "outcome"]
    if activity.empty or len(activity) <= len(outcomes):
        return None
    return (
        f"{len(activity)} activity figure(s) (tokens, requests) against {len(outcomes)} outcome "
        "figure(s)",
        _evidence(activity, _claim_note, int(th["max_evidence"])),
    )


def _low_bar(claims: pd.DataFrame, signals: pd.DataFrame, th: dict) -> Found:
    hits = claims.loc[(claims["metric_kind"] == "user_count") & claims["period"].isin(_LOW_BAR)]
    # paying is a commitment, not a usage threshold: "1,150 customers paid for X" is no low bar
    paying = hits["sentence"].fillna("").str.contains(_PAYING, regex=True)
    hits = hits.loc[~paying]
    if hits.empty:
        return None
    bars = ", ".join(dict.fromkeys(hits["period"].astype(str)))
    return (
        f"{len(hits)} user figure(s) counted at a {bars} threshold",
        _evidence(hits, _claim_note, int(th["max_evidence"])),
    )


def _no_denominator(claims: pd.DataFrame, signals: pd.DataFrame, th: dict) -> Found:
    # a growth rate ("tokens grew 12%") is relative to the figure itself: it needs no population
    hits = claims.loc[
        (claims["unit"] == "share")
        & (claims["measure"] == "level")
        & (claims["population"].fillna("none") == "none")
    ]
    if hits.empty:
        return None
    return (
        f"{len(hits)} percentage(s) with no stated population",
        _evidence(hits, _claim_note, int(th["max_evidence"])),
    )


def _count_no_window(claims: pd.DataFrame, signals: pd.DataFrame, th: dict) -> Found:
    hits = claims.loc[
        claims["unit"].isin(_COUNT_UNITS)
        & (claims["measure"] == "level")
        & (claims["period"].fillna("none") == "none")
    ]
    if hits.empty:
        return None
    return (
        f"{len(hits)} count(s) with no time window",
        _evidence(hits, _claim_note, int(th["max_evidence"])),
    )


def _period_label(rows: pd.DataFrame) -> str:
    first = rows.iloc[0]
    return _text(first["fiscal_period"], str(first["date"].date()))


def _definition_switch(claims: pd.DataFrame, signals: pd.DataFrame, th: dict) -> Found:
    levels = claims.loc[(claims["measure"] == "level") & claims["date"].notna()]
    levels = levels.loc[levels["metric_kind"].isin(["user_count", "usage_activity"])]
    found: list[Evidence] = []
    messages = []
    keys = ["metric_kind", levels["population"].fillna("none")]
    subject = levels["subject"].astype("string").str.strip().str.casefold()
    levels = levels.assign(_subject=subject.where(subject != "", pd.NA))
    for (kind, population), rows in levels.groupby(keys, sort=True):
        # one product's tokens against another's requests is no switch: compare within a
        # subject; a figure with no subject could be any of them
        known = sorted(set(rows["_subject"].dropna()))
        groups = (
            [rows]
            if not known
            else [rows.loc[rows["_subject"].isna() | (rows["_subject"] == name)] for name in known]
        )
        for group in groups:
            by_date = [
                (date, g, set(zip(g["period"].fillna("none"), g["unit"], strict=True)))
                for date, g in group.groupby("date", sort=True)
            ]
            for (_, old, old_defs), (_, new, new_defs) in pairwise(by_date):
                if not old_defs.isdisjoint(new_defs):
                    continue
                before = "/".join(sorted(f"{p} {u}" for p, u in old_defs))
                after = "/".join(sorted(f"{p} {u}" for p, u in new_defs))
                message = (
                    f"{kind} of {population}: {before} in {_period_label(old)} "
                    f"-> {after} in {_period_label(new)}"
                )
                if message in messages:
                    continue
                messages.append(message)
                found += _evidence(old, "old definition: " + before, 1)
                found += _evidence(new, "new definition: " + after, 1)
    if not messages:
        return None
    return "definition changed: " + "; ".join(messages), found[: int(th["max_evidence"])]


def _hugging(claims: pd.DataFrame, signals: pd.DataFrame, th: dict) -> Found:
    targets = signals.loc[
        signals["kind"].isin(["mandate", "target"]) & signals["value"].between(0, 1)
    ]
    shares = claims.loc[
        (claims["unit"] == "share") & (claims["measure"] == "level") & claims["value"].between(0, 1)
    ]
    if targets.empty or shares.empty:
        return None
    messages, found = [], []
    for t in targets.itertuples(index=False):
        diff = shares["value"] - t.value
        near = shares.loc[(diff >= -th["hug_below"] - 1e-9) & (diff <= th["hug_margin"] + 1e-9)]
        tp = t.population if isinstance(t.population, str) else "none"
        if tp != "none":
            near = near.loc[near["population"].fillna("none").isin([tp, "none"])]
        if near.empty:
            continue
        messages.append(
            f"{', '.join(_share(v) for v in near['value'])} against the {_share(t.value)} {t.kind}"
        )
        found += _evidence(pd.DataFrame([t._asdict()]), f"{t.kind} {_share(t.value)}", 1)
        found += _evidence(near, _claim_note, 3)
    if not messages:
        return None
    return "reported value(s) at the target: " + "; ".join(messages), found[
        : int(th["max_evidence"])
    ]


def _annual_growth(series: pd.DataFrame) -> float | None:
    first, last = series.iloc[0], series.iloc[-1]
    years = (last["date"] - first["date"]).days / 365.25
    if years <= 0:
        return None
    return float((last["value"] / first["value"]) ** (1 / years))


def _outgrows(claims: pd.DataFrame, signals: pd.DataFrame, th: dict) -> Found:
    activity = stats.metric_series(claims.loc[claims["metric_kind"] == "usage_activity"])
    outcome = stats.metric_series(stats.outcome_rows(claims))  # revenue when there is revenue
    limit = int(th["max_evidence"])
    pair_note = "activity vs outcome"
    if len(activity) >= th["min_points"] and len(outcome) >= th["min_points"]:
        fit = stats.decoupling(
            activity["date"],
            activity["value"],
            outcome["date"],
            outcome["value"],
            min_points=int(th["min_points"]),
        )
        if fit.excess_growth > 1 and fit.p_value < th["p_value"]:
            ev = _evidence(activity.iloc[[0, -1]], "activity " + pair_note, 2)
            ev += _evidence(outcome.iloc[[0, -1]], "outcome " + pair_note, 2)
            return (
                f"activity grows {fit.activity_growth_per_year:.2f}x a year against outcome "
                f"{fit.outcome_growth_per_year:.2f}x: excess {fit.excess_growth:.2f}x a year "
                f"({fit.confidence:.0%} CI {fit.ci_low:.2f}-{fit.ci_high:.2f}, "
                f"p={fit.p_value:.3f}, decoupling fit)",
                ev[:limit],
            )
        return None
    if len(activity) >= 2 and len(outcome) >= 2:
        ga, go = _annual_growth(activity), _annual_growth(outcome)
        if ga is not None and go is not None and go > 0 and ga / go >= th["growth_ratio"]:
            ev = _evidence(activity.iloc[[0, -1]], "activity first/last", 2)
            ev += _evidence(outcome.iloc[[0, -1]], "outcome first/last", 2)
            return (
                f"activity grows {ga:.2f}x a year against outcome {go:.2f}x "
                f"(first-to-last, too few points for a fit)",
                ev[:limit],
            )
        return None
    return _stated_growth_outgrows(claims, th)


_WINDOW_NAMES = {1: "day", 7: "week", 30: "month", 91: "quarter", 365: "year"}


def growth_factors(claims: pd.DataFrame) -> pd.DataFrame:
    """Growth claims as factors over a window: ``factor`` (``1 + g`` for a percentage, the
    multiple itself for "5x") and ``window_days`` (from the claim's period; none is a year)."""
    rows = claims.loc[(claims["measure"] == "growth") & claims["unit"].isin(["share", "multiple"])]
    value = rows["value"].astype("float64")
    factor = value.where(rows["unit"] == "multiple", value + 1.0)
    window = rows["period"].map(PERIOD_WINDOW_DAYS).astype("float64").fillna(GROWTH_WINDOW_DAYS)
    return rows.assign(factor=factor, window_days=window).loc[factor > 0]


def _stated_growth_outgrows(claims: pd.DataFrame, th: dict) -> Found:
    """Stated growth claims, compared as factors over the same window (QoQ with QoQ)."""
    growth = growth_factors(claims)
    act_g = growth.loc[growth["metric_kind"] == "usage_activity"]
    out_g = growth.loc[growth["metric_kind"] == "outcome"]
    best: tuple[float, Any, Any] | None = None
    for window in sorted(set(act_g["window_days"]) & set(out_g["window_days"])):
        a = act_g.loc[act_g["window_days"] == window]
        o = out_g.loc[out_g["window_days"] == window]
        a_row, o_row = a.loc[a["factor"].idxmax()], o.loc[o["factor"].idxmax()]
        ratio = a_row["factor"] / o_row["factor"]
        if ratio >= th["growth_ratio"] and (best is None or ratio > best[0]):
            best = (ratio, a_row, o_row)
    if best is None:
        return None
    _, a_row, o_row = best
    per = _WINDOW_NAMES.get(int(a_row["window_days"]), f"{int(a_row['window_days'])} days")
    ev = _evidence(pd.DataFrame([a_row]), "activity growth", 1)
    ev += _evidence(pd.DataFrame([o_row]), "outcome growth", 1)
    return (
        f"stated activity growth {a_row['factor']:.3g}x against outcome growth "
        f"{o_row['factor']:.3g}x over the same {per}",
        ev,
    )


def _mandate_step(claims: pd.DataFrame, signals: pd.DataFrame, th: dict) -> Found:
    mandates = signals.loc[(signals["kind"] == "mandate") & signals["date"].notna()]
    if mandates.empty:
        return None
    mandate = mandates.sort_values("date").iloc[0]
    when = mandate["date"]
    for kind in stats.STEP_KINDS:
        series = stats.metric_series(claims.loc[claims["metric_kind"] == kind])
        if len(series) < th["min_points"]:
            continue
        try:
            fit = stats.mandate_step(
                series["date"], series["value"], when, min_points=int(th["min_points"])
            )
        except InsufficientDataError:
            continue
        if fit.step > 1 and fit.p_value < th["p_value"]:
            before = series.loc[series["date"] < when].tail(1)
            after = series.loc[series["date"] >= when].head(1)
            ev = _evidence(pd.DataFrame([mandate]), f"mandate from {when.date()}", 1)
            ev += _evidence(before, "last point before the mandate", 1)
            ev += _evidence(after, "first point after the mandate", 1)
            return (
                f"{kind} steps up {fit.step:.2f}x at the mandate ({when.date()}), beyond a "
                f"{fit.trend_per_year:.2f}x/year trend ({fit.confidence:.0%} CI "
                f"{fit.ci_low:.2f}-{fit.ci_high:.2f}, p={fit.p_value:.3f}, n={fit.n}); implied "
                f"inflation {fit.implied_inflation:.0%}",
                ev,
            )
    return None


def _internal_only(claims: pd.DataFrame, signals: pd.DataFrame, th: dict) -> Found:
    population = claims["population"].fillna("none")
    internal = claims.loc[population.isin(_INTERNAL)]
    if internal.empty:
        return None
    if population.isin(_EXTERNAL).any() or (claims["metric_kind"] == "outcome").any():
        return None
    return (
        f"all {len(internal)} claim(s) with a stated population are about staff or code; none "
        "about customers or revenue",
        _evidence(internal, _claim_note, int(th["max_evidence"])),
    )


def _is_round(value: float) -> bool:
    if not math.isfinite(value) or value < 1e-300:  # also skips subnormals
        return False
    scale = 10 ** math.floor(math.log10(value))
    return math.isclose(value / scale, round(value / scale), rel_tol=1e-9)


def _vague(claims: pd.DataFrame, signals: pd.DataFrame, th: dict) -> Found:
    texts = claims["value_text"].fillna("").astype(str)
    vague_words = np.array([bool(_VAGUE.search(t)) for t in texts], dtype=bool)
    rounded = np.array([_is_round(float(v)) for v in claims["value"]], dtype=bool)
    approx = (claims["qualifier"] == "approx").fillna(False).to_numpy(dtype=bool)
    hits = claims.loc[vague_words | (approx & rounded)]
    if hits.empty:
        return None
    return (
        f"{len(hits)} vague or rounded figure(s): "
        + ", ".join(
            f"'{t}'" if t else f"~{v:g}"
            for t, v in zip(hits["value_text"].fillna(""), hits["value"], strict=True)
        )[:200],
        _evidence(hits, _claim_note, int(th["max_evidence"])),
    )


def _growth_without_base(claims: pd.DataFrame, signals: pd.DataFrame, th: dict) -> Found:
    growth = claims.loc[claims["measure"] == "growth"]
    if growth.empty:
        return None
    levels = claims.loc[claims["measure"] == "level"]
    have = set(zip(levels["metric_kind"], levels["fiscal_period"].fillna(""), strict=True))
    keys = zip(growth["metric_kind"], growth["fiscal_period"].fillna(""), strict=True)
    hits = growth.loc[[k not in have for k in keys]]
    if hits.empty:
        return None
    return (
        f"{len(hits)} growth figure(s) with no level in the same period",
        _evidence(hits, _claim_note, int(th["max_evidence"])),
    )


RULES: dict[str, Callable[[pd.DataFrame, pd.DataFrame, dict], Found]] = {
    "usage_mandate": _signal_rule("mandate", "usage mandate"),
    "leaderboard": _signal_rule("leaderboard", "leaderboard"),
    "activity_headline": _activity_headline,
    "low_bar_frequency": _low_bar,
    "no_denominator": _no_denominator,
    "count_no_window": _count_no_window,
    "definition_switch": _definition_switch,
    "hugging_target": _hugging,
    "activity_outgrows_outcome": _outgrows,
    "mandate_step": _mandate_step,
    "internal_only": _internal_only,
    "vague_magnitude": _vague,
    "growth_without_base": _growth_without_base,
    "usage_target": _signal_rule("target", "usage target"),
}


_VOCAB_FILL = {
    "metric_kind": "",
    "unit": "",
    "population": "none",
    "period": "none",
    "qualifier": "",
    "measure": "",
    "kind": "",
}


def _fill_vocab(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing vocabulary values (possible in frames read back from storage) as plain strings."""
    fills = {k: v for k, v in _VOCAB_FILL.items() if k in frame.columns}
    return frame.fillna(fills)


def raise_flags(
    claims_df: pd.DataFrame,
    signals_df: pd.DataFrame,
    *,
    thresholds: Mapping[str, float] | None = None,
) -> list[Flag]:
    """Check every catalogue rule per company; rows without a company are skipped."""
    th = _merge(DEFAULT_THRESHOLDS, thresholds)
    claims = _fill_vocab(claims_df.loc[claims_df["company"].notna()])
    signals = _fill_vocab(signals_df.loc[signals_df["company"].notna()])
    claims = claims.assign(date=period_dates(claims["period_end"], claims["fiscal_period"]))
    signals = signals.assign(date=period_dates(signals["period_end"], signals["fiscal_period"]))
    companies = sorted(set(claims["company"]) | set(signals["company"]))
    flags: list[Flag] = []
    for company in companies:
        c = claims.loc[claims["company"] == company]
        s = signals.loc[signals["company"] == company]
        for definition in CATALOGUE:
            found = RULES[definition.id](c, s, th)
            if found is None:
                continue
            message, evidence = found
            flags.append(
                Flag(
                    company=str(company),
                    flag_id=definition.id,
                    name=definition.name,
                    severity=definition.severity,
                    message=f"{definition.name}: {message}.",
                    evidence=tuple(evidence),
                )
            )
    return flags


LEVEL_COLUMNS: dict[str, str] = {
    "company": "string",
    "flag_count": "Int64",
    "score": "float64",
    "level": "string",
}


def company_levels(
    flags: Iterable[Flag],
    companies: Iterable[str] | None = None,
    thresholds: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Per company: flag count, severity-weighted score and level (none, yellow, red).

    ``thresholds`` may change the weights (``low``, ``medium``, ``high``) and the ``yellow`` and
    ``red`` score cut-offs. Companies listed in ``companies`` with no flags get level none.
    """
    th = _merge(DEFAULT_LEVELS, thresholds)
    if th["red"] < th["yellow"]:
        raise ValueError(f"red threshold {th['red']} is below yellow threshold {th['yellow']}")
    counts: dict[str, int] = {str(c): 0 for c in (companies if companies is not None else [])}
    scores: dict[str, float] = dict.fromkeys(counts, 0.0)
    for flag in flags:
        counts[flag.company] = counts.get(flag.company, 0) + 1
        scores[flag.company] = scores.get(flag.company, 0.0) + th[str(flag.severity)]
    rows = []
    for company in sorted(counts):
        score = scores[company]
        level = FlagLevel.NONE
        if score > 0 and score >= th["red"]:
            level = FlagLevel.RED
        elif score > 0 and score >= th["yellow"]:
            level = FlagLevel.YELLOW
        rows.append(
            {
                "company": company,
                "flag_count": counts[company],
                "score": score,
                "level": str(level),
            }
        )
    return to_frame(rows, LEVEL_COLUMNS)


__all__ = [
    "CATALOGUE",
    "CATALOGUE_BY_ID",
    "DEFAULT_LEVELS",
    "DEFAULT_THRESHOLDS",
    "FlagDef",
    "company_levels",
    "raise_flags",
]
