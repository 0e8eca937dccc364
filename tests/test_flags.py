"""Yellow flags: each catalogue entry fires on a positive example and stays silent on a negative."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from claim_factory import claim, claims_strategy, frames, quarters, signal, signals_strategy
from hypothesis import HealthCheck, given, settings

from analyzer import flags
from analyzer.records import Flag, Severity

Case = Callable[[], tuple[list, list]]


def clean() -> list:
    """A company that should raise nothing: revenue plus a daily share of named developers."""
    return [
        claim(
            document="acme-10q.txt",
            page=4,
            sentence="AI services revenue was $1.23 billion this quarter.",
            metric_kind="outcome",
            unit="usd",
            value=1.23e9,
            population="customers",
            period="quarterly",
            value_text="$1.23 billion",
        ),
        claim(period="daily", value=0.63, value_text="63%"),
    ]


def tokens(value: float, fp: str = "2024-Q3", **kw) -> object:
    return claim(
        metric_kind="usage_activity",
        unit="tokens",
        population="none",
        period="quarterly",
        value=value,
        fiscal_period=fp,
        value_text=f"{value:g} tokens",
        sentence="Our models processed a record number of tokens.",
        **kw,
    )


def stepped(step: float) -> list:
    """Twelve quarters of a share-of-work series with a jump of ``step`` from 2021-Q3 on."""
    rng = np.random.default_rng(11)
    out = []
    for i, (fp, end) in enumerate(quarters(2020, 12)):
        jump = step if i >= 6 else 1.0
        value = 0.10 * 1.04**i * jump * float(np.exp(rng.normal(0, 0.01)))
        out.append(
            claim(
                metric_kind="share_of_work",
                population="code",
                period="none",
                fiscal_period=fp,
                period_end=end,
                value=value,
                value_text=f"{value:.1%}",
                sentence=f"About {value:.1%} of new code was written with AI in {fp}.",
            )
        )
    return out


MANDATE_2021 = signal(fiscal_period="2021-Q3", period_end="2021-07-15", value=None)

POSITIVE: dict[str, Case] = {
    "usage_mandate": lambda: (clean(), [signal()]),
    "leaderboard": lambda: (clean(), [signal(kind="leaderboard", value=None)]),
    "activity_headline": lambda: ([*clean(), tokens(1e12), tokens(3e12, "2024-Q2")], []),
    "low_bar_frequency": lambda: ([*clean(), claim(period="monthly", value=0.9)], []),
    "no_denominator": lambda: ([*clean(), claim(population="none", value=0.7)], []),
    "count_no_window": lambda: (
        [*clean(), claim(unit="users", value=2e6, period="none", population="users")],
        [],
    ),
    "definition_switch": lambda: (
        [
            *clean(),
            claim(period="monthly", fiscal_period="2024-Q1", value=0.5),
            claim(period="weekly", fiscal_period="2024-Q2", value=0.6),
        ],
        [],
    ),
    "hugging_target": lambda: (clean(), [signal(value=0.60)]),
    "activity_outgrows_outcome": lambda: (
        [
            *clean(),
            claim(metric_kind="usage_activity", unit="multiple", measure="growth", value=5.0),
            claim(metric_kind="outcome", unit="multiple", measure="growth", value=1.2),
        ],
        [],
    ),
    "mandate_step": lambda: (stepped(1.4), [MANDATE_2021]),
    "internal_only": lambda: ([clean()[1], claim(population="code", value=0.3)], []),
    "vague_magnitude": lambda: (
        [*clean(), claim(unit="users", value=1e4, value_text="tens of thousands")],
        [],
    ),
    "growth_without_base": lambda: (
        [*clean(), claim(metric_kind="usage_activity", measure="growth", value=3.0)],
        [],
    ),
    "usage_target": lambda: (clean(), [signal(kind="target", value=0.5)]),
}

NEGATIVE: dict[str, Case] = {
    "usage_mandate": lambda: (clean(), [signal(kind="plan")]),
    "leaderboard": lambda: (clean(), [signal(kind="plan")]),
    "activity_headline": lambda: ([*clean(), tokens(1e12)], []),  # one activity, one outcome
    "low_bar_frequency": lambda: (  # monthly, but an activity figure, not a user count
        [*clean(), claim(metric_kind="usage_activity", unit="requests", period="monthly")],
        [],
    ),
    "no_denominator": lambda: ([*clean(), claim(population="employees", value=0.7)], []),
    "count_no_window": lambda: (
        [*clean(), claim(unit="users", value=2e6, period="cumulative", population="users")],
        [],
    ),
    "definition_switch": lambda: (
        [
            *clean(),
            claim(period="daily", fiscal_period="2024-Q1", value=0.5),
            claim(period="daily", fiscal_period="2024-Q2", value=0.6),
        ],
        [],
    ),
    "hugging_target": lambda: (clean(), [signal(value=0.80)]),
    "activity_outgrows_outcome": lambda: (
        [
            *clean(),
            claim(metric_kind="usage_activity", unit="multiple", measure="growth", value=1.3),
            claim(metric_kind="outcome", unit="multiple", measure="growth", value=1.2),
        ],
        [],
    ),
    "mandate_step": lambda: (stepped(1.0), [MANDATE_2021]),
    "internal_only": lambda: (clean(), []),
    "vague_magnitude": lambda: (
        [*clean(), claim(unit="users", value=12_400, value_text="12,400", qualifier="approx")],
        [],
    ),
    "growth_without_base": lambda: (
        [
            *clean(),
            claim(metric_kind="usage_activity", measure="growth", value=3.0),
            claim(metric_kind="usage_activity", unit="requests", value=4e9, period="daily"),
        ],
        [],
    ),
    "usage_target": lambda: (clean(), [signal(kind="plan")]),
}


def ids(claims: list, signals: list, **kw) -> dict[str, Flag]:
    c, s = frames(claims, signals)
    return {f.flag_id: f for f in flags.raise_flags(c, s, **kw)}


def test_catalogue_is_complete_and_unique():
    assert len(flags.CATALOGUE) >= 12
    assert len({f.id for f in flags.CATALOGUE}) == len(flags.CATALOGUE)
    assert set(flags.RULES) == {f.id for f in flags.CATALOGUE}
    assert set(POSITIVE) == set(NEGATIVE) == {f.id for f in flags.CATALOGUE}
    for f in flags.CATALOGUE:
        assert f.name and f.why and f.rule and f.evidence
        assert f.severity in set(Severity)


def test_clean_company_raises_nothing():
    assert ids(clean(), []) == {}


@pytest.mark.parametrize("flag_id", [f.id for f in flags.CATALOGUE])
def test_flag_fires_on_positive_example(flag_id):
    claims, signals = POSITIVE[flag_id]()
    found = ids(claims, signals)
    assert flag_id in found, f"{flag_id} did not fire; got {sorted(found)}"
    flag = found[flag_id]
    assert flag.company == "Acme"
    assert flag.severity == flags.CATALOGUE_BY_ID[flag_id].severity
    assert flag.evidence, "a flag must cite evidence"
    sentences = {c.sentence for c in claims} | {s.sentence for s in signals}
    documents = {(c.document, c.page) for c in claims} | {(s.document, s.page) for s in signals}
    for ev in flag.evidence:
        assert ev.sentence in sentences
        assert (ev.document, ev.page) in documents


@pytest.mark.parametrize("flag_id", [f.id for f in flags.CATALOGUE])
def test_flag_silent_on_negative_example(flag_id):
    claims, signals = NEGATIVE[flag_id]()
    assert flag_id not in ids(claims, signals)


def test_mandate_evidence_cites_the_mandate_sentence():
    mandate = signal(document="memo.pdf", page=7)
    flag = ids(clean(), [mandate])["usage_mandate"]
    assert [(e.document, e.page, e.sentence) for e in flag.evidence] == [
        ("memo.pdf", 7, mandate.sentence)
    ]
    assert "80%" in flag.message


def test_mandate_step_reports_the_fit():
    flag = ids(*POSITIVE["mandate_step"]())["mandate_step"]
    assert "steps up 1.4" in flag.message and "implied inflation 29%" in flag.message
    notes = [e.note for e in flag.evidence]
    assert notes[0].startswith("mandate from 2021-07-15")
    assert "before" in notes[1] and "after" in notes[2]


def test_mandate_step_needs_enough_points():
    few = stepped(1.4)[4:7]  # 2 points before the mandate, 1 after: no fit, no flag
    assert "mandate_step" not in ids(few, [MANDATE_2021])


def _series(kind: str, unit: str, growth: float, n: int) -> list:
    return [
        claim(
            metric_kind=kind,
            unit=unit,
            population="none" if kind != "outcome" else "customers",
            period="quarterly",
            fiscal_period=fp,
            period_end=end,
            value=100.0 * growth**i * (1 + 0.01 * (-1) ** i),
        )
        for i, (fp, end) in enumerate(quarters(2022, n))
    ]


def test_outgrows_uses_the_decoupling_fit_with_enough_points():
    claims = _series("usage_activity", "tokens", 1.5, 8) + _series("outcome", "usd", 1.03, 8)
    flag = ids(claims, [])["activity_outgrows_outcome"]
    assert "decoupling fit" in flag.message
    parallel = _series("usage_activity", "tokens", 1.05, 8) + _series("outcome", "usd", 1.05, 8)
    assert "activity_outgrows_outcome" not in ids(parallel, [])


def test_outgrows_compares_with_revenue_when_there_is_revenue():
    # customers grow as fast as tokens, revenue does not: the revenue comparison decides
    claims = (
        _series("usage_activity", "tokens", 1.5, 8)
        + _series("outcome", "usd", 1.03, 8)
        + _series("outcome", "customers", 1.5, 8)
        + _series("outcome", "customers", 1.5, 8)
    )
    assert "activity_outgrows_outcome" in ids(claims, [])


def test_outgrows_falls_back_to_first_and_last_with_few_points():
    claims = _series("usage_activity", "tokens", 2.0, 3) + _series("outcome", "usd", 1.05, 2)
    flag = ids(claims, [])["activity_outgrows_outcome"]
    assert "first-to-last" in flag.message


def test_thresholds_are_configurable():
    claims, signals = clean(), [signal(value=0.60)]
    assert "hugging_target" in ids(claims, signals)
    assert "hugging_target" not in ids(claims, signals, thresholds={"hug_margin": 0.01})
    with pytest.raises(ValueError, match="unknown threshold 'hug'"):
        ids(claims, signals, thresholds={"hug": 0.1})


def test_companies_are_kept_apart_and_missing_company_skipped():
    claims = [*clean(), claim(company="Beta", period="monthly"), claim(company=None, value=0.9)]
    signals = [signal(company="Beta"), signal(company=None)]
    c, s = frames(claims, signals)
    raised = flags.raise_flags(c, s)
    assert {f.company for f in raised} == {"Beta"}
    assert {"usage_mandate", "low_bar_frequency"} <= {f.flag_id for f in raised}


def test_empty_inputs():
    c, s = frames()
    assert flags.raise_flags(c, s) == []
    levels = flags.company_levels([], companies=[])
    assert levels.empty and list(levels.columns) == ["company", "flag_count", "score", "level"]


def _flag(company: str, severity: Severity) -> Flag:
    return Flag(company, "x", "X", severity, "x")


def test_company_levels_scores_and_thresholds():
    raised = [
        _flag("Red", Severity.HIGH),
        _flag("Red", Severity.HIGH),
        _flag("Yellow", Severity.MEDIUM),
        _flag("Low", Severity.LOW),
    ]
    levels = flags.company_levels(raised, companies=["Quiet", "Red"]).set_index("company")
    assert levels.loc["Red", "score"] == 6 and levels.loc["Red", "level"] == "red"
    assert levels.loc["Yellow", "level"] == "yellow"
    assert levels.loc["Low", "level"] == "none" and levels.loc["Low", "flag_count"] == 1
    assert levels.loc["Quiet", "flag_count"] == 0 and levels.loc["Quiet", "level"] == "none"
    strict = flags.company_levels(raised, thresholds={"yellow": 1, "red": 2}).set_index("company")
    assert strict["level"].to_dict() == {"Low": "yellow", "Red": "red", "Yellow": "red"}
    with pytest.raises(ValueError, match="below yellow"):
        flags.company_levels(raised, thresholds={"yellow": 5, "red": 3})


def test_docs_list_every_flag():
    text = (Path(__file__).resolve().parents[1] / "docs" / "flags.md").read_text()
    for f in flags.CATALOGUE:
        assert f"`{f.id}`" in text, f.id


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claims=claims_strategy(12), signals=signals_strategy())
def test_flags_never_crash_and_always_cite_evidence(claims, signals):
    c, s = frames(claims, signals)
    raised = flags.raise_flags(c, s)
    known = {c.company for c in claims} | {s.company for s in signals}
    for flag in raised:
        assert flag.company in known and flag.flag_id in flags.CATALOGUE_BY_ID
        assert flag.evidence
    levels = flags.company_levels(raised, companies=c["company"].dropna().unique())
    assert set(levels["level"]) <= {"none", "yellow", "red"}


def test_missing_vocabulary_values_do_not_crash():
    c, s = frames([*clean(), claim(period="monthly")], [signal()])
    for col in ("metric_kind", "unit", "population", "period", "qualifier", "measure"):
        c.loc[1, col] = None
    s.loc[0, "kind"] = None
    raised = {f.flag_id for f in flags.raise_flags(c, s)}
    assert "low_bar_frequency" in raised and "usage_mandate" not in raised


def test_low_bar_ignores_paying_customers_but_not_users_in_a_quarter():
    paying = claim(
        metric_kind="user_count",
        unit="customers",
        population="customers",
        period="quarterly",
        value=1150,
        value_text="1,150",
        sentence="In the first quarter, 1,150 customers paid for our AI support agent.",
    )
    assert "low_bar_frequency" not in ids([*clean(), paying], [])
    using = claim(
        metric_kind="user_count",
        unit="customers",
        population="customers",
        period="quarterly",
        value=4.1e6,
        value_text="4.1 million",
        sentence="4.1 million customers used our AI assistant during the quarter.",
    )
    assert "low_bar_frequency" in ids([*clean(), using], [])


def test_activity_headline_compares_levels_not_growth_rates():
    # two token levels against one revenue level and its growth rate: activity leads
    growth = claim(
        metric_kind="outcome",
        unit="share",
        population="customers",
        period="annual",
        measure="growth",
        value=0.2,
        value_text="20%",
        sentence="AI revenue grew 20% year over year.",
    )
    raised = ids([*clean(), tokens(1e12), tokens(3e12, "2024-Q2"), growth], [])
    assert "activity_headline" in raised
    # activity growth multiples do not count either: one level each side stays silent
    multiple = claim(
        metric_kind="usage_activity",
        unit="multiple",
        population="none",
        period="annual",
        measure="growth",
        value=5.0,
        value_text="5x",
        sentence="Tokens processed grew 5x year over year.",
    )
    assert "activity_headline" not in ids([*clean(), tokens(1e12), multiple], [])


def _grows(kind: str, unit: str, value: float, period: str = "annual", **kw) -> object:
    return claim(
        metric_kind=kind,
        unit=unit,
        measure="growth",
        value=value,
        period=period,
        population="none" if kind != "outcome" else "customers",
        **kw,
    )


@pytest.mark.parametrize(
    ("activity", "outcome", "fires"),
    [
        # 6x tokens against revenue up 19% (share 0.19 = factor 1.19): outgrows
        (("usage_activity", "multiple", 6.0), ("outcome", "share", 0.19), True),
        # tokens up 20% against revenue up 10%: factors 1.2 vs 1.1, not 1.5x apart
        # (the raw values 0.20 / 0.10 = 2 used to fire)
        (("usage_activity", "share", 0.20), ("outcome", "share", 0.10), False),
        # tokens up 1.3x against revenue up 1%: the raw 1.3 / 0.01 used to fire; 1.3 / 1.01 not
        (("usage_activity", "multiple", 1.3), ("outcome", "share", 0.01), False),
        # tokens doubled against revenue up 20%: 2 / 1.2 fires
        (("usage_activity", "multiple", 2.0), ("outcome", "share", 0.20), True),
        # user growth is not activity
        (("user_count", "multiple", 5.0), ("outcome", "share", 0.10), False),
    ],
)
def test_outgrows_stated_growth_compares_factors(activity, outcome, fires):
    claims = [*clean(), _grows(*activity), _grows(*outcome)]
    assert ("activity_outgrows_outcome" in ids(claims, [])) is fires


def test_outgrows_stated_growth_compares_like_windows():
    qoq = _grows("usage_activity", "multiple", 3.0, period="quarterly")
    yoy = _grows("outcome", "share", 0.25, period="annual")
    assert "activity_outgrows_outcome" not in ids([*clean(), qoq, yoy], [])
    qoq_out = _grows("outcome", "share", 0.05, period="quarterly")
    flag = ids([*clean(), qoq, yoy, qoq_out], [])["activity_outgrows_outcome"]
    assert "same quarter" in flag.message
    # no stated period counts as a year, like the model's window
    none = _grows("outcome", "share", 0.25, period="none")
    assert "activity_outgrows_outcome" in ids(
        [*clean(), _grows("usage_activity", "multiple", 3.0), none], []
    )


def test_growth_factors():
    c, _ = frames(
        [_grows("usage_activity", "share", 0.12), _grows("outcome", "multiple", 2.0, "quarterly")]
    )
    out = flags.growth_factors(c)
    assert out["factor"].tolist() == pytest.approx([1.12, 2.0])
    assert out["window_days"].tolist() == [365.0, 91.0]


def test_no_denominator_ignores_growth_rates():
    grew = claim(metric_kind="usage_activity", measure="growth", population="none", value=0.12)
    assert "no_denominator" not in ids([*clean(), grew], [])
    level = claim(metric_kind="share_of_work", population="none", value=0.3)
    assert "no_denominator" in ids([*clean(), grew, level], [])


def test_definition_switch_compares_within_a_subject():
    a_tokens = claim(
        metric_kind="usage_activity",
        unit="tokens",
        population="none",
        period="quarterly",
        value=1e12,
        subject="Product A",
        fiscal_period="2024-Q3",
    )
    b_requests = claim(
        metric_kind="usage_activity",
        unit="requests",
        population="none",
        period="daily",
        value=1e8,
        subject="Product B",
        fiscal_period="2024-Q4",
    )
    assert "definition_switch" not in ids([*clean(), a_tokens, b_requests], [])
    # the same product switching its definition still fires
    a_requests = claim(
        metric_kind="usage_activity",
        unit="requests",
        population="none",
        period="daily",
        value=1e8,
        subject="product a",
        fiscal_period="2024-Q4",
    )
    assert "definition_switch" in ids([*clean(), a_tokens, a_requests], [])
    # an unknown subject could be either product: compared
    unknown = claim(
        metric_kind="usage_activity",
        unit="requests",
        population="none",
        period="daily",
        value=1e8,
        subject=None,
        fiscal_period="2024-Q4",
    )
    assert "definition_switch" in ids([*clean(), a_tokens, unknown], [])


def test_hugging_target_ignores_growth_rates():
    grew = claim(metric_kind="usage_activity", unit="share", measure="growth", value=0.81)
    claims = [clean()[0], grew]
    assert "hugging_target" not in ids(claims, [signal(value=0.80)])
    assert "hugging_target" in ids([*claims, claim(value=0.81)], [signal(value=0.80)])
