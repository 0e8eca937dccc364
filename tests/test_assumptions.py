"""Assumptions: defaults, presets, files, validation messages and URL parameters."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.assumptions import (
    PRESETS,
    Assumptions,
    ClaimOverride,
    CompanyOverride,
    Dist,
    Modifiers,
    dump_assumptions,
    from_dict,
    from_params,
    load_assumptions,
    preset,
    to_dict,
    to_params,
)
from analyzer.errors import AssumptionsError

FULL = Assumptions(
    usage_activity=Dist(0.5, 6.0),
    outcome=Dist(0.01, 200.0),
    modifiers=Modifiers(mandate=0.2, max_inflation=0.9),
    mandate_dates=(("Acme", "2024-06-30"), ('Ünïcode "Corp" Ltd.', "2023-01-15")),
    company_overrides=(
        CompanyOverride("Acme", "usage_activity", Dist(0.45, 9.0)),
        CompanyOverride("Beta.co", "*", Dist(0.3, 12.5)),
    ),
    claim_overrides=(ClaimOverride("abc123def456", Dist(0.0, 2.0)),),
)


def test_default_ordering_by_metric_kind():
    a = Assumptions()
    assert a.usage_activity.mean > a.user_count.mean > a.outcome.mean
    assert a.usage_activity.mean > a.share_of_work.mean > a.outcome.mean
    assert a.modifiers.monthly_bar > a.modifiers.weekly_bar > 0


def test_dist_parameters_and_quantiles():
    d = Dist(0.35, 8.0)
    assert (d.alpha, d.beta) == pytest.approx((2.8, 5.2))
    low, high = d.quantiles()
    assert 0 < low < d.mean < high < 1
    assert Dist(0.0).quantiles() == (0.0, 0.0)


def test_presets_are_ordered_and_unknown_names_are_listed():
    believer, base, sceptic = preset("believer"), preset("Base"), preset("sceptic")
    assert base == Assumptions()
    for kind in ("usage_activity", "user_count", "share_of_work", "outcome"):
        assert believer.base(kind).mean < base.base(kind).mean < sceptic.base(kind).mean
    assert believer.modifiers.mandate < base.modifiers.mandate < sceptic.modifiers.mandate
    with pytest.raises(AssumptionsError, match="believer, base, sceptic") as err:
        preset("optimist")
    assert "optimist" in str(err.value)
    assert set(PRESETS) == {"believer", "base", "sceptic"}


@pytest.mark.parametrize("fmt,suffix", [("toml", ".toml"), ("json", ".json")])
@pytest.mark.parametrize("a", [Assumptions(), FULL, *PRESETS.values()])
def test_dump_and_load_round_trip(tmp_path, a, fmt, suffix):
    path = tmp_path / f"scenario{suffix}"
    path.write_text(dump_assumptions(a, fmt), encoding="utf-8")
    assert load_assumptions(path) == a


def test_toml_is_readable():
    text = dump_assumptions(FULL, "toml")
    assert "[inflation.usage_activity]" in text
    assert "mean = 0.5" in text
    assert '"Ünïcode \\"Corp\\" Ltd." = "2023-01-15"' in text
    assert "[[company_overrides]]" in text


def test_partial_file_tweaks_a_base(tmp_path):
    path = tmp_path / "tweak.toml"
    path.write_text("[modifiers]\nleaderboard = 0.2\n")
    sceptic = preset("sceptic")
    a = load_assumptions(path, base=sceptic)
    assert a.modifiers.leaderboard == 0.2
    assert a.modifiers.mandate == sceptic.modifiers.mandate
    assert a.usage_activity == sceptic.usage_activity


def test_partial_file_keeps_defaults(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text("[inflation.outcome]\nmean = 0.1\n\n[modifiers]\nmandate = 0.2\n")
    a = load_assumptions(path)
    assert a.outcome == Dist(0.1, Assumptions().outcome.concentration)
    assert a.modifiers.mandate == 0.2
    assert a.usage_activity == Assumptions().usage_activity


@pytest.mark.parametrize(
    "text,needle",
    [
        ("[inflation.usage_activity]\nmean = 1.5\n", "inflation.usage_activity.mean must be"),
        ("[inflation.usage_activity]\nmean = 1.5\n", "between 0.0 and 0.95"),
        ("[inflation.outcome]\nmean = 0.1\nconcentration = 1\n", "concentration must be"),
        ("[inflation.outcome]\nmean = 'high'\n", "must be a number"),
        ("[inflation.tokens]\nmean = 0.1\n", "unknown metric kind; allowed: usage_activity"),
        ("[inflation.outcome]\nmeen = 0.1\n", "unknown key(s) meen"),
        ("[modifiers]\nmandate = 0.9\n", "modifiers.mandate must be between 0.0 and 0.5"),
        ("[modifiers]\nmandat = 0.1\n", "modifiers: unknown key(s) mandat"),
        ("[mandate_dates]\nAcme = 'last June'\n", "mandate_dates[Acme] must be an ISO date"),
        ("colour = 'red'\n", "unknown key(s) colour"),
        (
            "[[company_overrides]]\ncompany = 'A'\nmetric_kind = 'x'\nmean = 0.2\n",
            "metric_kind must be one of",
        ),
        ("[[claim_overrides]]\nmean = 0.2\n", "claim_overrides[0] needs claim_id"),
        ("[inflation\n", "cannot parse the assumptions file"),
    ],
)
def test_validation_names_the_key_and_range(tmp_path, text, needle):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(AssumptionsError) as err:
        load_assumptions(path)
    assert needle in str(err.value)
    assert "bad.toml" in str(err.value)


def test_missing_file_and_bad_json(tmp_path):
    with pytest.raises(AssumptionsError, match="not found"):
        load_assumptions(tmp_path / "nope.toml")
    path = tmp_path / "a.json"
    path.write_text('{"inflation": ')
    with pytest.raises(AssumptionsError, match="cannot parse"):
        load_assumptions(path)
    path.write_text(json.dumps({"inflation": {"outcome": {"mean": -0.1}}}))
    with pytest.raises(AssumptionsError, match=r"inflation.outcome.mean must be between"):
        load_assumptions(path)


def test_assumptions_error_is_a_value_error():
    with pytest.raises(ValueError, match="mean must be between"):
        Dist(2.0)
    with pytest.raises(AssumptionsError, match="unknown format"):
        dump_assumptions(Assumptions(), "yaml")


def test_duplicates_and_bad_dates_are_refused():
    with pytest.raises(AssumptionsError, match="given twice"):
        Assumptions(claim_overrides=(ClaimOverride("a", Dist(0.1)), ClaimOverride("a", Dist(0.2))))
    with pytest.raises(AssumptionsError, match="between 1900 and 2200"):
        Assumptions(mandate_dates=(("Acme", "0001-01-01"),))


def test_assumptions_are_hashable_for_caching():
    assert hash(FULL) == hash(from_dict(to_dict(FULL)))


def test_params_only_non_default():
    assert to_params(Assumptions()) == {}
    params = to_params(Assumptions(outcome=Dist(0.1, 40.0), modifiers=Modifiers(mandate=0.2)))
    assert params == {"oc": "0.1,40.0", "m.mandate": "0.2"}
    assert from_params(params).outcome == Dist(0.1, 40.0)


def test_params_round_trip_full():
    assert from_params(to_params(FULL)) == FULL
    assert all(isinstance(v, str) for v in to_params(FULL).values())


@pytest.mark.parametrize(
    "params,needle",
    [
        ({"zz": "1"}, "unknown parameter 'zz'"),
        ({"ua": "high"}, "ua: expected mean[,concentration]"),
        ({"ua": "0.99"}, "ua mean must be between"),
        ({"m.bogus": "0.1"}, "unknown modifier"),
        ({"m.mandate": "x"}, "expected a number"),
        ({"md.Acme": "soon"}, "must be an ISO date"),
        ({"co.xx.Acme": "0.1"}, "unknown metric kind code"),
    ],
)
def test_bad_params(params, needle):
    with pytest.raises(AssumptionsError) as err:
        from_params(params)
    assert needle in str(err.value)


names = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1
)
dists = st.builds(
    Dist,
    mean=st.floats(0.0, 0.95, allow_nan=False),
    concentration=st.floats(2.0, 10_000.0, allow_nan=False),
)
assumptions_st = st.builds(
    Assumptions,
    usage_activity=dists,
    user_count=dists,
    share_of_work=dists,
    outcome=dists,
    modifiers=st.builds(Modifiers, mandate=st.floats(0, 0.5), max_inflation=st.floats(0, 0.99)),
    mandate_dates=st.dictionaries(
        names,
        st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)).map(lambda d: d.isoformat()),
        max_size=3,
    ).map(lambda d: tuple(d.items())),
    company_overrides=st.lists(
        st.builds(
            CompanyOverride,
            company=names,
            metric_kind=st.sampled_from(
                ["usage_activity", "user_count", "share_of_work", "outcome", "*"]
            ),
            dist=dists,
        ),
        max_size=3,
        unique_by=lambda o: (o.company, o.metric_kind),
    ).map(tuple),
    claim_overrides=st.lists(
        st.builds(ClaimOverride, claim_id=names, dist=dists),
        max_size=3,
        unique_by=lambda o: o.claim_id,
    ).map(tuple),
)


@settings(max_examples=80, deadline=None)
@given(a=assumptions_st)
def test_params_round_trip_property(a):
    assert from_params(to_params(a)) == a


@settings(max_examples=40, deadline=None)
@given(a=assumptions_st)
def test_toml_round_trip_property(a, tmp_path_factory):
    path = tmp_path_factory.mktemp("toml") / "a.toml"
    path.write_text(dump_assumptions(a, "toml"), encoding="utf-8")
    assert load_assumptions(path) == a


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ({"company_overrides": 5}, "company_overrides must be an array of tables"),
        ({"company_overrides": "Acme"}, "company_overrides must be an array of tables"),
        ({"company_overrides": {"company": "Acme"}}, "company_overrides must be an array"),
        ({"company_overrides": None}, "company_overrides must be an array of tables"),
        ({"company_overrides": [5]}, "company_overrides[0] must be a table with company"),
        (
            {"company_overrides": [{"company": ["Acme"], "mean": 0.2}]},
            "company_overrides[0].company must be a string, got an array",
        ),
        (
            {"company_overrides": [{"company": "Acme", "metric_kind": 3, "mean": 0.2}]},
            "company_overrides[0].metric_kind must be a string, got a number",
        ),
        ({"claim_overrides": 1.5}, "claim_overrides must be an array of tables"),
        ({"claim_overrides": ["c1"]}, "claim_overrides[0] must be a table with claim_id"),
        (
            {"claim_overrides": [{"claim_id": 7, "mean": 0.2}]},
            "claim_overrides[0].claim_id must be a string, got a number",
        ),
        ({"inflation": [1, 2]}, "inflation must be a table of metric kinds, got an array"),
        ({"inflation": {"outcome": 0.1}}, "inflation.outcome must be a table"),
        ({"modifiers": "high"}, "modifiers must be a table of modifier = number, got a string"),
        ({"modifiers": {"mandate": "x"}}, "modifiers.mandate must be a number"),
        ({"mandate_dates": ["Acme"]}, "mandate_dates must be a table of company = ISO date"),
        ({"mandate_dates": {"Acme": [1]}}, "mandate_dates[Acme] must be an ISO date"),
    ],
)
def test_wrong_types_name_the_key_and_the_expected_type(data, needle):
    with pytest.raises(AssumptionsError) as err:
        from_dict(data)
    assert needle in str(err.value)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
_sections = st.sampled_from(
    ["inflation", "modifiers", "mandate_dates", "company_overrides", "claim_overrides"]
)


@settings(max_examples=150, deadline=None)
@given(data=st.dictionaries(_sections, _json_values, max_size=3))
def test_any_malformed_layout_is_an_assumptions_error(data):
    """Whatever a hand-edited file holds, the answer is a valid scenario or AssumptionsError."""
    try:
        result = from_dict(data)
    except AssumptionsError:
        return
    assert isinstance(result, Assumptions)
