"""Charts tested as Vega-Lite specs: marks, encodings, titles, theme, sort and data."""

from __future__ import annotations

from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import pytest
from chart_frames import (
    claim_row,
    claims_est_frame,
    companies_frame,
    company_row,
    flag_rows,
    flags_df,
)

from analyzer import charts
from analyzer.errors import AnalyzerError, ChartDataError
from analyzer.records import Evidence, Flag, Severity


def layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every unit spec (one with a mark) inside ``spec``, depth first."""
    found: list[dict[str, Any]] = []
    if "mark" in spec:
        found.append(spec)
    for key in ("layer", "vconcat", "hconcat", "concat"):
        for child in spec.get(key, []):
            found.extend(layers(child))
    return found


def mark_type(unit: dict[str, Any]) -> str:
    mark = unit["mark"]
    return mark if isinstance(mark, str) else mark["type"]


def data_of(
    spec: dict[str, Any], unit: dict[str, Any], parent: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Rows a unit draws: its own data, else its parent panel's, else the top level's."""
    data = unit.get("data") or (parent or {}).get("data") or spec.get("data")
    if "values" in data:
        return list(data["values"])
    return list(spec["datasets"][data["name"]])


def with_mark(spec: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [u for u in layers(spec) if mark_type(u) == kind]


def footer_texts(spec: dict[str, Any]) -> list[str]:
    return [
        row["source"]
        for u in with_mark(spec, "text")
        if u["encoding"].get("text", {}).get("field") == "source"
        for row in data_of(spec, u)
    ]


def three_companies() -> pd.DataFrame:
    return companies_frame(
        [
            company_row("Amazon", 0.8, (0.3, 0.5, 0.7), flag_level="red", flag_count=5),
            company_row(
                "Google",
                1e14,
                (0.2, 0.4, 0.6),
                headline_unit="tokens",
                headline_period="monthly",
                flag_level="yellow",
            ),
            company_row("Microsoft", 0.3, (0.05, 0.15, 0.3)),
        ]
    )


# ---------------------------------------------------------------------------- theme


def test_theme_uses_okabe_ito_and_is_registered() -> None:
    config = charts.theme_config()
    assert set(config["range"]["category"]) <= set(charts.OKABE_ITO.values())
    assert "analyzer" in alt.theme.names()
    spec = charts.overview_chart(three_companies()).to_dict()
    assert spec["config"]["range"]["category"] == charts.CATEGORY_RANGE
    assert spec["config"]["title"]["anchor"] == "start"
    assert spec["config"]["axis"]["labelFontSize"] >= 11


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (0.8, "share", "80%"),
        (0.055, "share", "5.5%"),
        (1e14, "tokens", "100T tokens"),
        (2.6e8, "usd", "$260M"),
        (5.0, "multiple", "5x"),
        (1.3e15, "tokens", "1.3 quadrillion tokens"),
        (4500, "developer_years", "4.5K developer-years"),
        (float("nan"), "share", "n/a"),
    ],
)
def test_format_value(value: float, unit: str, expected: str) -> None:
    assert charts.format_value(value, unit) == expected


# ---------------------------------------------------------------------------- overview


def test_overview_plots_genuine_share_of_reported_sorted_by_discount() -> None:
    chart = charts.overview_chart(three_companies(), title="T", subtitle="S", source="Src")
    assert isinstance(chart, alt.LayerChart)
    spec = chart.to_dict()
    assert spec["title"]["text"] == "T"
    assert spec["title"]["subtitle"] == ["S"]
    assert footer_texts(spec) == ["Src"]
    assert spec["usermeta"]["analyzer"]["source"] == "Src"

    rule = with_mark(spec, "rule")[0]
    assert rule["encoding"]["x"]["field"] == "share_low"
    assert rule["encoding"]["x"]["type"] == "quantitative"
    assert rule["encoding"]["x2"]["field"] == "share_high"
    # most discounted first: Amazon keeps 50%, Google 60%, Microsoft 85%
    assert rule["encoding"]["y"]["sort"] == ["Amazon", "Google", "Microsoft"]
    assert rule["encoding"]["y"]["type"] == "nominal"

    rows = {r["company"]: r for r in data_of(spec, rule)}
    assert rows["Amazon"]["share_central"] == pytest.approx(0.5)
    assert rows["Amazon"]["share_low"] == pytest.approx(0.3)
    assert rows["Amazon"]["share_high"] == pytest.approx(0.7)
    assert rows["Google"]["share_central"] == pytest.approx(0.6)
    assert rows["Google"]["headline_label"] == "100T tokens monthly"
    assert rows["Microsoft"]["discount"] == pytest.approx(0.15)

    tick = with_mark(spec, "tick")[0]
    assert tick["encoding"]["x"]["field"] == "reported_share"
    assert tick["mark"]["color"] == charts.REPORTED_COLOUR

    point = with_mark(spec, "point")[0]
    colour = point["encoding"]["color"]
    assert colour["field"] == "flag_level"
    assert colour["scale"]["domain"] == ["none", "yellow", "red"]
    assert set(colour["scale"]["range"]) <= set(charts.OKABE_ITO.values())
    assert point["encoding"]["shape"]["field"] == "flag_level"  # not colour alone
    assert point["encoding"]["x"]["field"] == "share_central"


def test_overview_skips_rows_without_estimate_and_lower_cases_levels() -> None:
    frame = companies_frame(
        [
            company_row("Meta", 0.5, (0.1, 0.2, 0.3), flag_level="RED"),
            company_row("Nadir", 0.0, (0.1, 0.2, 0.3)),
            {**company_row("Nested", 0.4, (0.1, 0.2, 0.3)), "genuine_central": None},
        ]
    )
    spec = charts.overview_chart(frame).to_dict()
    rows = data_of(spec, with_mark(spec, "rule")[0])
    assert [r["company"] for r in rows] == ["Meta"]
    assert rows[0]["flag_level"] == "red"


@pytest.mark.parametrize(
    "frame",
    [
        companies_frame([]),
        companies_frame([{**company_row("X", 0.5, (0.1, 0.2, 0.3)), "reported": None}]),
    ],
    ids=["no rows", "no usable rows"],
)
def test_overview_empty_says_no_data(frame: pd.DataFrame) -> None:
    spec = charts.overview_chart(frame, title="Overview").to_dict()
    texts = [row.get("message") for u in with_mark(spec, "text") for row in data_of(spec, u)]
    assert "No data to show" in texts
    assert spec["title"]["text"] == "Overview"


def test_missing_columns_raise_a_clear_chart_data_error() -> None:
    with pytest.raises(ChartDataError, match="genuine_central") as info:
        charts.overview_chart(pd.DataFrame({"company": ["A"], "reported": [1.0]}))
    assert isinstance(info.value, AnalyzerError)
    assert isinstance(info.value, ValueError)


# ---------------------------------------------------------------------------- timeline

QUARTER_ENDS = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}


def amazon_claims(lower_bound_quarter: int = 3) -> pd.DataFrame:
    rows = [
        claim_row(
            "Amazon",
            f"2024-Q{q}",
            f"2024-{QUARTER_ENDS[q]}",
            0.5 + q * 0.08,
            is_lower_bound=q == lower_bound_quarter,
        )
        for q in range(1, 5)
    ]
    rows += [claim_row("Google", "2024-Q1", "2024-03-31", 0.9)]
    return claims_est_frame(rows)


def test_timeline_single_metric_has_band_lines_and_bound_markers() -> None:
    chart = charts.timeline_chart(amazon_claims(), "Amazon", "user_count", source="Filings")
    assert isinstance(chart, alt.LayerChart)
    spec = chart.to_dict()
    assert spec["title"]["text"] == "Amazon: reported and genuine AI adoption over time"
    assert footer_texts(spec) == ["Filings"]

    area = with_mark(spec, "area")[0]
    assert area["encoding"]["x"] == {
        **area["encoding"]["x"],
        "field": "date",
        "type": "temporal",
    }
    assert area["encoding"]["y"]["field"] == "genuine_low"
    assert area["encoding"]["y2"]["field"] == "genuine_high"
    assert area["encoding"]["y"]["axis"]["format"] == ".0%"

    lines = {u["encoding"]["y"]["field"] for u in with_mark(spec, "line")}
    assert lines == {"genuine_central", "reported"}

    point = with_mark(spec, "point")[0]
    assert point["encoding"]["y"]["field"] == "reported"
    assert point["encoding"]["shape"]["field"] == "bound"
    shapes = dict(
        zip(
            point["encoding"]["shape"]["scale"]["domain"],
            point["encoding"]["shape"]["scale"]["range"],
            strict=True,
        )
    )
    assert shapes["at least (lower bound)"] == "triangle-up"

    rows = data_of(spec, point)
    assert [r["date"] for r in rows] == ["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"]
    assert [r["bound"] for r in rows].count("at least (lower bound)") == 1
    assert rows[2]["bound"] == "at least (lower bound)"
    assert rows[0]["reported"] == pytest.approx(0.58)
    assert rows[0]["genuine_central"] == pytest.approx(0.58 * 0.7)
    assert {r["fiscal_period"] for r in rows} == {"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"}


def test_timeline_uses_fiscal_period_when_period_end_missing_and_panels_per_unit() -> None:
    rows = [claim_row("Amazon", "2024-Q1", "2024-03-31", 0.6)]
    rows += [
        claim_row(
            "Amazon",
            f"2024-Q{q}",
            None,
            1e13 * q,
            unit="tokens",
            metric_kind="usage_activity",
            period="monthly",
        )
        for q in (1, 2)
    ]
    rows += [claim_row("Amazon", "FY2023", None, 2.0, unit="multiple", measure="growth")]
    chart = charts.timeline_chart(claims_est_frame(rows), "Amazon")
    assert isinstance(chart, alt.VConcatChart)
    spec = chart.to_dict()
    panels = spec["vconcat"]
    assert [p["title"]["text"] for p in panels] == [
        "usage activity · monthly",
        "user count · weekly",
    ]
    token_rows = data_of(spec, with_mark(panels[0], "point")[0], panels[0])
    assert [r["date"] for r in token_rows] == ["2024-03-31", "2024-06-30"]
    assert with_mark(panels[0], "area")[0]["encoding"]["y"]["axis"]["format"] == "~s"
    # the growth claim (a multiple) is not a level and is left out
    units = {r["unit"] for p in panels for r in data_of(spec, layers(p)[0], p)}
    assert units == {"tokens", "share"}
    assert footer_texts(spec) == [charts.DEFAULT_SOURCE]
    assert spec["resolve"]["scale"]["y"] == "independent"
    assert spec["resolve"]["scale"]["x"] == "shared"


@pytest.mark.parametrize(
    ("company", "metric_kind"),
    [("Nobody", None), ("Amazon", "outcome")],
)
def test_timeline_without_matching_claims_says_no_data(
    company: str, metric_kind: str | None
) -> None:
    spec = charts.timeline_chart(amazon_claims(), company, metric_kind).to_dict()
    texts = [row.get("message") for u in with_mark(spec, "text") for row in data_of(spec, u)]
    assert texts.count("No data to show") == 1
    assert company in spec["title"]["text"]


def test_timeline_empty_frame() -> None:
    spec = charts.timeline_chart(claims_est_frame([]), "Amazon").to_dict()
    assert "No data to show" in str(spec)


@pytest.mark.parametrize(
    ("period_end", "fiscal", "expected"),
    [
        ("2024-09-30", "2024-Q3", "2024-09-30"),
        (None, "2024-Q2", "2024-06-30"),
        (None, "FY2023", "2023-12-31"),
        ("", "H1 2024", None),
        (None, None, None),
    ],
)
def test_period_date(period_end: str | None, fiscal: str | None, expected: str | None) -> None:
    assert charts.period_date(period_end, fiscal) == expected


# ---------------------------------------------------------------------------- sensitivity


def test_sensitivity_lines_per_company_and_rule_at_current() -> None:
    inflation = np.linspace(0, 0.9, 10)
    frame = pd.DataFrame(
        {
            "inflation": np.r_[inflation, inflation],
            "genuine": np.r_[0.8 * (1 - inflation), 0.5 * (1 - inflation)],
            "company": ["Amazon"] * 10 + ["Google"] * 10,
        }
    )
    spec = charts.sensitivity_chart(frame, current=0.3, title="Sens", y_format=".0%").to_dict()
    assert spec["title"]["text"] == "Sens"
    line = with_mark(spec, "line")[0]
    assert line["encoding"]["x"]["field"] == "inflation"
    assert line["encoding"]["x"]["type"] == "quantitative"
    assert line["encoding"]["y"]["field"] == "genuine"
    assert line["encoding"]["color"]["field"] == "series"
    rows = data_of(spec, line)
    assert len(rows) == 20
    amazon = [r for r in rows if r["series"] == "Amazon"]
    assert amazon[0]["genuine"] == pytest.approx(0.8)
    assert amazon[-1]["genuine"] == pytest.approx(0.08)
    rule = with_mark(spec, "rule")[0]
    assert data_of(spec, rule) == [{"inflation": 0.3, "label": "now 30%"}]
    assert rule["mark"]["strokeDash"]


def test_sensitivity_band_when_low_high_given_single_series_in_blue() -> None:
    frame = pd.DataFrame(
        {
            "inflation": [0.0, 0.5],
            "genuine": [1.0, 0.5],
            "genuine_low": [0.9, 0.4],
            "genuine_high": [1.0, 0.6],
        }
    )
    spec = charts.sensitivity_chart(frame).to_dict()
    area = with_mark(spec, "area")[0]
    assert area["encoding"]["y"]["field"] == "genuine_low"
    assert with_mark(spec, "line")[0]["encoding"]["color"] == {"value": charts.GENUINE_COLOUR}
    assert not with_mark(spec, "rule")  # no current assumption given


def test_sensitivity_empty() -> None:
    spec = charts.sensitivity_chart(pd.DataFrame({"inflation": [], "genuine": []})).to_dict()
    assert "No data to show" in str(spec)


# ---------------------------------------------------------------------------- flags


def test_flags_chart_counts_by_severity_sorted_most_first() -> None:
    frame = flags_df(
        flag_rows("Amazon", ["high", "medium", "low", "high"]) + flag_rows("Google", ["low"])
    )
    spec = charts.flags_chart(frame, companies=["Microsoft"]).to_dict()
    bar = with_mark(spec, "bar")[0]
    assert bar["encoding"]["y"]["sort"] == ["Amazon", "Google", "Microsoft"]
    assert bar["encoding"]["x"]["field"] == "count"
    assert bar["encoding"]["x"]["stack"] == "zero"
    assert bar["encoding"]["color"]["field"] == "group"
    assert bar["encoding"]["color"]["scale"]["domain"] == ["high", "medium", "low"]
    assert bar["encoding"]["color"]["scale"]["range"][0] == charts.OKABE_ITO["vermillion"]
    counts = {(r["company"], r["group"]): r["count"] for r in data_of(spec, bar)}
    assert counts == {
        ("Amazon", "high"): 2,
        ("Amazon", "medium"): 1,
        ("Amazon", "low"): 1,
        ("Google", "low"): 1,
    }


def test_flags_chart_accepts_flag_records_and_level_tables() -> None:
    flags = [
        Flag("Meta", "F1", "mandate", Severity.HIGH, "m", (Evidence("d", 1, "s"),)),
        Flag("Meta", "F2", "leaderboard", Severity.MEDIUM, "m"),
    ]
    spec = charts.flags_chart(flags).to_dict()
    rows = data_of(spec, with_mark(spec, "bar")[0])
    assert sorted((r["group"], r["count"]) for r in rows) == [("high", 1), ("medium", 1)]

    levels = pd.DataFrame(
        {"company": ["A", "B"], "flag_count": [1, 4], "score": [1.0, 6.0], "level": ["none", "red"]}
    )
    spec = charts.flags_chart(levels).to_dict()
    bar = with_mark(spec, "bar")[0]
    assert bar["encoding"]["y"]["sort"] == ["B", "A"]
    assert bar["encoding"]["color"]["scale"]["domain"] == ["none", "yellow", "red"]


def test_flags_chart_empty_and_bad_table() -> None:
    spec = charts.flags_chart(flags_df([])).to_dict()
    assert "No data to show" in str(spec)
    assert "No data to show" in str(charts.flags_chart([]).to_dict())
    with pytest.raises(ChartDataError, match="severity"):
        charts.flags_chart(pd.DataFrame({"company": ["A"]}))


# ---------------------------------------------------------------------------- fast path


def test_to_spec_matches_the_validated_spec_for_every_builder() -> None:
    frame = flags_df(flag_rows("Amazon", ["high", "low"]))
    sens = pd.DataFrame({"inflation": [0.0, 0.5], "genuine": [1.0, 0.5]})
    built = [
        charts.overview_chart(three_companies()),
        charts.overview_chart(companies_frame([])),
        charts.timeline_chart(amazon_claims(), "Amazon"),
        charts.sensitivity_chart(sens, current=0.2),
        charts.flags_chart(frame),
    ]
    for chart in built:
        validated = chart.to_dict()  # raises if the spec breaks the Vega-Lite schema
        assert charts.to_spec(chart) == validated
        assert validated["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")
