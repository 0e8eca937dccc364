"""Altair charts of claims, genuine-adoption estimates and flags, in one colour-blind-safe theme.

Every builder returns a finished, top-level Vega-Lite chart (``alt.LayerChart``, or an
``alt.VConcatChart`` when a timeline needs one panel per unit) that carries its own theme config,
a title and subtitle, and a source line drawn as a footer under the plot, so the same spec looks
the same in the app and in every export. Builders never raise on empty input: they return a chart
that says "No data". Missing required columns raise :class:`~analyzer.errors.ChartDataError`.

Colours are the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies);
flag levels and bounds are also told apart by shape, never by colour alone. The default size fits
an article column of about 700 px.

A chart returned here cannot be layered or concatenated again while its config is set (an Altair
rule); to compose, take ``chart.copy()`` and set ``.config = alt.Undefined`` first, or enable the
registered ``"analyzer"`` theme for charts you build yourself.
"""

from __future__ import annotations

import functools
import json
import math
import textwrap
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, ParamSpec, TypeVar

import altair as alt
import numpy as np
import pandas as pd
from altair.utils.schemapi import debug_mode

from analyzer.errors import ChartDataError
from analyzer.records import Flag, flags_frame

# ---------------------------------------------------------------------------- theme

OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
"""The eight Okabe–Ito colours."""

CATEGORY_RANGE: list[str] = [
    OKABE_ITO[k]
    for k in ("blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "black")
]
"""Nominal colour order (Okabe–Ito yellow is left out: too pale on white for lines and points)."""

REPORTED_COLOUR = OKABE_ITO["black"]
GENUINE_COLOUR = OKABE_ITO["blue"]

FLAG_LEVELS = ("none", "yellow", "red")
# "Yellow" flags are drawn in Okabe–Ito orange: the palette's yellow is unreadable on white.
FLAG_LEVEL_COLOURS = (OKABE_ITO["bluish_green"], OKABE_ITO["orange"], OKABE_ITO["vermillion"])
FLAG_LEVEL_SHAPES = ("circle", "triangle-up", "diamond")

SEVERITIES = ("high", "medium", "low")
SEVERITY_COLOURS = (OKABE_ITO["vermillion"], OKABE_ITO["orange"], OKABE_ITO["sky_blue"])

FONT = "Helvetica, Arial, 'Liberation Sans', sans-serif"
TEXT_COLOUR = "#222222"
MUTED_COLOUR = "#555555"

WIDTH = 520
"""Plot width in px; with axis labels and legends the chart is about 700 px wide."""
HEIGHT = 300
ROW_STEP = 26
FOOTER_OFFSET = 46  # px below the plot area: clears x-axis labels and title

DEFAULT_SOURCE = "Source: company filings and earnings materials; AI Adoption Claims Analyzer"


def theme_config() -> dict[str, Any]:
    """The Vega-Lite ``config`` shared by every chart."""
    return {
        "background": "white",
        "padding": 12,
        "font": FONT,
        "view": {"stroke": None},
        "title": {
            "anchor": "start",
            "fontSize": 18,
            "fontWeight": "bold",
            "color": TEXT_COLOUR,
            "subtitleFontSize": 13,
            "subtitleColor": MUTED_COLOUR,
            "subtitlePadding": 4,
            "offset": 14,
        },
        "axis": {
            "labelFontSize": 12,
            "titleFontSize": 12,
            "labelColor": TEXT_COLOUR,
            "titleColor": TEXT_COLOUR,
            "titleFontWeight": "normal",
            "gridColor": "#E6E6E6",
            "domainColor": "#888888",
            "tickColor": "#888888",
            "labelLimit": 180,
        },
        "legend": {
            "orient": "top",
            "direction": "horizontal",
            "labelFontSize": 12,
            "titleFontSize": 12,
            "titleFontWeight": "normal",
            "labelColor": TEXT_COLOUR,
            "titleColor": TEXT_COLOUR,
            "labelLimit": 260,
        },
        "header": {"labelFontSize": 12, "titleFontSize": 12},
        "text": {"fontSize": 12, "color": TEXT_COLOUR, "font": FONT},
        "range": {"category": CATEGORY_RANGE},
        "line": {"strokeWidth": 2},
        "point": {"size": 60, "filled": True},
    }


@alt.theme.register("analyzer", enable=False)
def _analyzer_theme() -> alt.theme.ThemeConfig:
    return {"config": theme_config(), "width": WIDTH, "height": HEIGHT}  # type: ignore[typeddict-item]


def to_spec(chart: alt.TopLevelMixin, *, validate: bool = False) -> dict[str, Any]:
    """The chart's Vega-Lite dict, e.g. for ``st.vega_lite_chart``.

    Schema validation is off by default: it costs about as much as building the chart, and every
    builder's output is validated in ``tests/test_charts.py``. Pass ``validate=True`` for charts
    built elsewhere.
    """
    return dict(chart.to_dict(validate=validate))


# ---------------------------------------------------------------------------- formatting

_SCALES = ((1e15, "quadrillion"), (1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
_UNIT_WORDS = {
    "tokens": "tokens",
    "users": "users",
    "customers": "customers",
    "requests": "requests",
    "hours": "hours",
    "developer_years": "developer-years",
    "count": "",
}


def _short_number(value: float) -> str:
    for size, suffix in _SCALES:
        if abs(value) >= size:
            scaled = value / size
            text = f"{scaled:.1f}".rstrip("0").rstrip(".")
            return f"{text} {suffix}" if len(suffix) > 1 else f"{text}{suffix}"
    return f"{value:,.0f}" if abs(value) >= 10 else f"{value:.3g}"


def format_value(value: float | None, unit: str | None) -> str:
    """A figure as a reader would write it: ``0.8, share`` -> ``80%``; ``1e14, tokens`` -> ``100T
    tokens``; ``2.6e8, usd`` -> ``$260M``; ``5, multiple`` -> ``5x``. Missing -> ``"n/a"``."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "n/a"
    value = float(value)
    unit = str(unit) if unit is not None and unit is not pd.NA else ""
    if unit == "share":
        return f"{value * 100:.0f}%" if abs(value) >= 0.1 else f"{value * 100:.1f}%"
    if unit == "multiple":
        return f"{value:.3g}x"
    if unit == "usd":
        return f"${_short_number(value)}"
    word = _UNIT_WORDS.get(unit, unit.replace("_", " "))
    return f"{_short_number(value)} {word}".strip()


def _pretty(name: Any) -> str:
    if name is None or name is pd.NA or (isinstance(name, float) and math.isnan(name)):
        return ""
    return str(name).replace("_", " ")


def _y_format(unit: str) -> str:
    return {"share": ".0%", "usd": "$~s", "multiple": "~gx"}.get(unit, "~s")


# ---------------------------------------------------------------------------- scaffolding

_DEBUG_LOCK = threading.RLock()
_P = ParamSpec("_P")
_R = TypeVar("_R")


def _fast(builder: Callable[_P, _R]) -> Callable[_P, _R]:
    """Build without Altair's per-object validation (it validates each ``alt.X`` etc. as it is
    made, which costs most of the build time); the whole spec is still validated by
    ``to_dict()``."""

    @functools.wraps(builder)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        # debug_mode is process-global; the lock keeps concurrent app sessions from restoring
        # it out of order (which could leave it off for good).
        with _DEBUG_LOCK, debug_mode(False):
            return builder(*args, **kwargs)

    return wrapper


def _require(df: pd.DataFrame, columns: Iterable[str], chart: str) -> None:
    if not isinstance(df, pd.DataFrame):
        raise ChartDataError(f"{chart} needs a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ChartDataError(
            f"{chart} needs the column(s) {', '.join(missing)}; "
            f"the table has {', '.join(map(str, df.columns)) or 'no columns'}"
        )


SUBTITLE_CHARS = 88
"""Subtitles are wrapped at this many characters so they fit the article width."""


def _title(title: str, subtitle: str | None) -> alt.Title:
    lines = textwrap.wrap(subtitle, SUBTITLE_CHARS) if subtitle else []
    return alt.Title(title, subtitle=lines or alt.Undefined)


def _footer(source: str | None, height: float, offset: float = FOOTER_OFFSET) -> alt.Chart | None:
    if not source:
        return None
    return (
        alt.Chart(alt.Data(values=[{"source": source}]))
        .mark_text(
            align="left",
            baseline="top",
            fontSize=11,
            color=MUTED_COLOUR,
            font=FONT,
        )
        .encode(
            text=alt.Text("source:N"),
            x=alt.XValue(0),
            y=alt.YValue(height + offset),
        )
    )


def _meta(kind: str, title: str, subtitle: str | None, source: str | None) -> dict[str, Any]:
    return {"analyzer": {"chart": kind, "title": title, "subtitle": subtitle, "source": source}}


def _finish(
    layers: Sequence[alt.Chart | alt.LayerChart],
    *,
    kind: str,
    title: str,
    subtitle: str | None,
    source: str | None,
    width: float,
    height: float,
    data: pd.DataFrame | None = None,
    footer_offset: float = FOOTER_OFFSET,
) -> alt.LayerChart:
    """One top-level layered chart, made by a single constructor call: every ``.properties()``
    or ``.configure()`` would deep-copy the whole chart, which dominates build time."""
    footer = _footer(source, height, footer_offset)
    parts = [*layers, *([footer] if footer is not None else [])]
    return alt.LayerChart(
        data=_inline(data) if data is not None else alt.Undefined,
        layer=parts,
        title=_title(title, subtitle),
        width=width,
        height=height,
        usermeta=_meta(kind, title, subtitle, source),
        config=alt.Config(**theme_config()),
    )


@_fast
def no_data_chart(
    *,
    title: str,
    subtitle: str | None = None,
    source: str | None = DEFAULT_SOURCE,
    message: str = "No data to show",
    kind: str = "empty",
    width: float = WIDTH,
    height: float = 120,
) -> alt.LayerChart:
    """A chart with only its title, a centred ``message`` and the source line."""
    text = (
        alt.Chart(alt.Data(values=[{"message": message}]))
        .mark_text(fontSize=14, color=MUTED_COLOUR, align="center", baseline="middle")
        .encode(text=alt.Text("message:N"), x=alt.XValue(width / 2), y=alt.YValue(height / 2))
    )
    return _finish(
        [text],
        kind=kind,
        title=title,
        subtitle=subtitle,
        source=source,
        width=width,
        height=height,
        footer_offset=12,
    )


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """``df`` as JSON-ready rows (missing and non-finite values as ``None``).

    Charts carry their data as these inline values rather than as DataFrames: Altair would
    otherwise sanitize the frame column by column on every ``to_dict()``, which is slower.
    """
    columns: dict[str, list[Any]] = {}
    for name in df.columns:
        series = df[name]
        dtype = series.dtype
        values: list[Any]
        if pd.api.types.is_bool_dtype(dtype):
            values = [None if v is pd.NA or v is None else bool(v) for v in series.tolist()]
        elif pd.api.types.is_integer_dtype(dtype):
            values = [None if v is pd.NA or v is None else int(v) for v in series.tolist()]
        elif pd.api.types.is_float_dtype(dtype):
            floats = series.to_numpy(dtype="float64", na_value=np.nan).tolist()
            values = [v if math.isfinite(v) else None for v in floats]
        else:
            values = [_json_scalar(v) for v in series.tolist()]
        columns[str(name)] = values
    names = list(columns)
    return [dict(zip(names, row, strict=True)) for row in zip(*columns.values(), strict=True)]


def _inline(df: pd.DataFrame) -> alt.Data:
    """``df`` as inline chart data. The rows are held in a tuple: Altair deep-copies lists and
    dicts inside a chart each time it is layered, concatenated or serialized, but passes other
    objects by reference, and serializes a tuple as a JSON array."""
    return alt.Data(values=tuple(records(df)))


def _json_scalar(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if hasattr(value, "item"):  # numpy scalar
        return _json_scalar(value.item())
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _finite(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series, errors="coerce").astype("float64")


# ---------------------------------------------------------------------------- overview

OVERVIEW_SUBTITLE = (
    "Genuine adoption as a share of each company's headline figure (reported = 100%). "
    "Bar: low–high interval; dot: central estimate, coloured and shaped by flag level."
)


@_fast
def overview_chart(
    companies_df: pd.DataFrame,
    *,
    title: str = "How much of the reported AI adoption is genuine?",
    subtitle: str | None = OVERVIEW_SUBTITLE,
    source: str | None = DEFAULT_SOURCE,
    width: float = WIDTH,
) -> alt.LayerChart:
    """Companies side by side: genuine adoption as a share of reported, with flag levels.

    Headline figures come in different units (a share of developers, tokens a month, users), so
    they cannot share an axis. The chart therefore plots the *discount view*: each company's
    genuine estimate divided by its reported headline figure, so 100% means "all of it is genuine"
    and the distance from the black reported tick at 100% is the discount. An investor compares
    companies on one scale and reads the headline figure itself in the label at the right.
    Companies are sorted from the largest discount (top) to the smallest. The central estimate's
    colour and shape give the flag level. Rows without a positive reported figure or a central
    estimate are left out.

    ``companies_df`` has :data:`analyzer.records.COMPANY_COLUMNS` (at least ``company``,
    ``reported``, ``genuine_low``, ``genuine_central``, ``genuine_high``; ``flag_level``,
    ``headline_unit``, ``headline_period`` and the rest are used when present).
    """
    _require(
        companies_df,
        ("company", "reported", "genuine_low", "genuine_central", "genuine_high"),
        "overview_chart",
    )
    df = pd.DataFrame(
        {
            "company": companies_df["company"].astype("string"),
            "reported": _finite(companies_df["reported"]),
            "genuine_low": _finite(companies_df["genuine_low"]),
            "genuine_central": _finite(companies_df["genuine_central"]),
            "genuine_high": _finite(companies_df["genuine_high"]),
        }
    )
    optional = {
        "flag_level": "none",
        "flag_count": 0,
        "headline_unit": None,
        "headline_period": None,
        "headline_metric_kind": None,
        "headline_sentence": None,
    }
    for column, default in optional.items():
        df[column] = companies_df[column] if column in companies_df.columns else default
    df["flag_level"] = df["flag_level"].astype("string").fillna("none").str.lower()
    df = df.loc[
        df["company"].notna() & (df["reported"] > 0) & df["genuine_central"].notna()
    ].reset_index(drop=True)
    if df.empty:
        return no_data_chart(
            title=title,
            subtitle="No company has a reported figure with a genuine estimate yet.",
            source=source,
            kind="overview",
            width=width,
        )

    low = df["genuine_low"].fillna(df["genuine_central"])
    high = df["genuine_high"].fillna(df["genuine_central"])
    df["share_low"] = low / df["reported"]
    df["share_central"] = df["genuine_central"] / df["reported"]
    df["share_high"] = high / df["reported"]
    df["reported_share"] = 1.0
    df["discount"] = 1.0 - df["share_central"]
    df["reported_label"] = [
        format_value(v, u) for v, u in zip(df["reported"], df["headline_unit"], strict=True)
    ]
    df["genuine_label"] = [
        format_value(v, u) for v, u in zip(df["genuine_central"], df["headline_unit"], strict=True)
    ]
    df["headline_label"] = [
        f"{r} {_pretty(p)}".strip() if _pretty(p) not in ("", "none") else r
        for r, p in zip(df["reported_label"], df["headline_period"], strict=True)
    ]
    df = df.sort_values(["share_central", "company"], ascending=[True, True])
    order = df["company"].tolist()
    data = df.astype({"company": "object", "flag_level": "object"}).drop(
        columns=["headline_period"]
    )

    x_max = max(1.0, float(df["share_high"].max()))
    x_scale = alt.Scale(domain=[0, x_max], nice=False, clamp=False)
    y = alt.Y("company:N", sort=order, title=None, axis=alt.Axis(labelFontSize=12))
    height = max(ROW_STEP * len(df), 90)
    tooltip = [
        alt.Tooltip("company:N", title="Company"),
        alt.Tooltip("headline_label:N", title="Reported"),
        alt.Tooltip("genuine_label:N", title="Genuine (central)"),
        alt.Tooltip("share_low:Q", title="Genuine share, low", format=".0%"),
        alt.Tooltip("share_high:Q", title="Genuine share, high", format=".0%"),
        alt.Tooltip("discount:Q", title="Discount", format=".0%"),
        alt.Tooltip("flag_level:N", title="Flag level"),
        alt.Tooltip("flag_count:Q", title="Flags"),
        alt.Tooltip("headline_sentence:N", title="Headline claim"),
    ]

    base = alt.Chart()
    interval = base.mark_rule(strokeWidth=5, color=GENUINE_COLOUR, opacity=0.45).encode(
        x=alt.X(
            "share_low:Q",
            scale=x_scale,
            title="Genuine adoption as a share of the reported figure",
            axis=alt.Axis(format=".0%"),
        ),
        x2=alt.X2("share_high"),
        y=y,
        tooltip=tooltip,
    )
    reported = base.mark_tick(color=REPORTED_COLOUR, thickness=2, size=18).encode(
        x=alt.X("reported_share:Q", scale=x_scale),
        y=y,
        tooltip=tooltip,
    )
    central = base.mark_point(filled=True, size=110, stroke="white", strokeWidth=0.8).encode(
        x=alt.X("share_central:Q", scale=x_scale),
        y=y,
        color=alt.Color(
            "flag_level:N",
            title="Flag level",
            scale=alt.Scale(domain=list(FLAG_LEVELS), range=list(FLAG_LEVEL_COLOURS)),
        ),
        shape=alt.Shape(
            "flag_level:N",
            title="Flag level",
            scale=alt.Scale(domain=list(FLAG_LEVELS), range=list(FLAG_LEVEL_SHAPES)),
        ),
        tooltip=tooltip,
    )
    label = base.mark_text(align="left", dx=10, fontSize=11, color=MUTED_COLOUR).encode(
        x=alt.X("reported_share:Q", scale=x_scale),
        y=y,
        text=alt.Text("headline_label:N"),
    )
    return _finish(
        [interval, reported, central, label],
        data=data,
        kind="overview",
        title=title,
        subtitle=subtitle,
        source=source,
        width=width,
        height=height,
    )


# ---------------------------------------------------------------------------- timeline

_QUARTER_END = {"1": "03-31", "2": "06-30", "3": "09-30", "4": "12-31"}


@functools.lru_cache(maxsize=4096)
def _iso_date(text: str) -> str | None:
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        stamp = pd.to_datetime(text, errors="coerce")
        return None if pd.isna(stamp) else str(stamp.date())


def period_date(period_end: Any, fiscal_period: Any) -> str | None:
    """An ISO date for a claim: ``period_end`` when set, else the end of ``fiscal_period``
    (``2024-Q3`` -> ``2024-09-30``, ``FY2024`` -> ``2024-12-31``), else ``None``."""
    if isinstance(period_end, str) and period_end.strip():
        parsed = _iso_date(period_end.strip())
        if parsed is not None:
            return parsed
    if isinstance(fiscal_period, str):
        text = fiscal_period.strip().upper()
        if len(text) == 7 and text[4:6] == "-Q" and text[:4].isdigit() and text[6] in _QUARTER_END:
            return f"{text[:4]}-{_QUARTER_END[text[6]]}"
        if text.startswith("FY") and text[2:].isdigit() and len(text) == 6:
            return f"{text[2:]}-12-31"
    return None


def _bound(row_lower: Any, row_upper: Any, qualifier: Any) -> str:
    if row_lower is True or qualifier == "at_least":
        return "at least (lower bound)"
    if row_upper is True or qualifier == "at_most":
        return "at most (upper bound)"
    return "reported figure"


_BOUNDS = ("reported figure", "at least (lower bound)", "at most (upper bound)")
_BOUND_SHAPES = ("circle", "triangle-up", "triangle-down")
_SERIES = ("Reported", "Genuine (central)", "Genuine (low–high)")
_SERIES_COLOURS = (REPORTED_COLOUR, GENUINE_COLOUR, OKABE_ITO["sky_blue"])


def _timeline_panel(
    data: pd.DataFrame, unit: str, label: str, width: float, height: float
) -> list[alt.Chart]:
    fmt = _y_format(unit)
    ticks = min(8, max(2, data["date"].nunique()))
    x = alt.X(
        "date:T",
        title="Period end",
        axis=alt.Axis(format="%b %Y", labelAngle=0, tickCount=ticks, labelOverlap=True),
    )
    y_title = _pretty(unit).capitalize() or label
    tooltip = [
        alt.Tooltip("fiscal_period:N", title="Period"),
        alt.Tooltip("date:T", title="Period end"),
        alt.Tooltip("metric:N", title="Metric"),
        alt.Tooltip("reported_label:N", title="Reported"),
        alt.Tooltip("genuine_label:N", title="Genuine (central)"),
        alt.Tooltip("genuine_low:Q", title="Genuine, low", format=fmt),
        alt.Tooltip("genuine_high:Q", title="Genuine, high", format=fmt),
        alt.Tooltip("bound:N", title="Bound"),
        alt.Tooltip("document:N", title="Document"),
        alt.Tooltip("page:Q", title="Page"),
        alt.Tooltip("sentence:N", title="Sentence"),
    ]
    base = alt.Chart()
    colour_scale = alt.Scale(domain=list(_SERIES), range=list(_SERIES_COLOURS))
    colour = alt.Color(
        "series:N",
        scale=colour_scale,
        title=None,
        legend=alt.Legend(symbolType="square", symbolOpacity=1),
    )

    def series(name: str) -> alt.Chart:
        return base.transform_calculate(series=json.dumps(name))

    band = (
        series("Genuine (low–high)")
        .mark_area(opacity=0.35)
        .encode(
            x=x,
            y=alt.Y("genuine_low:Q", title=y_title, axis=alt.Axis(format=fmt)),
            y2=alt.Y2("genuine_high"),
            color=colour,
        )
    )
    genuine = (
        series("Genuine (central)")
        .mark_line()
        .encode(x=x, y=alt.Y("genuine_central:Q"), color=colour)
    )
    reported_line = (
        series("Reported")
        .mark_line(strokeDash=[4, 3], strokeWidth=1.5)
        .encode(x=x, y=alt.Y("reported:Q"), color=colour)
    )
    reported_points = base.mark_point(filled=True, size=80, color=REPORTED_COLOUR).encode(
        x=x,
        y=alt.Y("reported:Q"),
        shape=alt.Shape(
            "bound:N",
            title="Reported figure",
            scale=alt.Scale(domain=list(_BOUNDS), range=list(_BOUND_SHAPES)),
        ),
        tooltip=tooltip,
    )
    return [band, genuine, reported_line, reported_points]


@_fast
def timeline_chart(
    claims_est_df: pd.DataFrame,
    company: str,
    metric_kind: str | None = None,
    *,
    title: str | None = None,
    subtitle: str | None = (
        "Dashed black: reported; blue line: genuine (central); light band: genuine low–high. "
        "Triangles mark lower- or upper-bound claims."
    ),
    source: str | None = DEFAULT_SOURCE,
    width: float = WIDTH,
    height: float = 220,
) -> alt.LayerChart | alt.VConcatChart:
    """One company's claims over time, per metric: reported points and line, genuine band.

    ``claims_est_df`` is ``Analysis.claims_with_estimates()`` (claim and estimate columns). Only
    level claims of ``company`` (and of ``metric_kind`` when given) with a date are drawn; the
    date is ``period_end``, else the end of ``fiscal_period``. Claims whose units differ cannot
    share an axis, so each (metric kind, unit, period) series gets its own panel and the result is
    a vertical concatenation; with one series it is a single layered chart. ``is_lower_bound``
    (or qualifier ``at_least``) claims are drawn as upward triangles.
    """
    _require(
        claims_est_df,
        ("company", "value", "unit", "metric_kind", "period_end", "fiscal_period"),
        "timeline_chart",
    )
    title = title or f"{company}: reported and genuine AI adoption over time"
    df = claims_est_df.loc[claims_est_df["company"].astype("string") == company]
    if metric_kind is not None:
        df = df.loc[df["metric_kind"].astype("string") == str(metric_kind)]
    if "measure" in df.columns:
        df = df.loc[df["measure"].astype("string").fillna("level") == "level"]

    def column(name: str, default: Any = None) -> pd.Series:
        if name in df.columns:
            return df[name]
        return pd.Series([default] * len(df), index=df.index, dtype="object")

    value = _finite(df["value"])
    reported = _finite(column("reported")).fillna(value)
    data = pd.DataFrame(
        {
            "date": [
                period_date(e, f)
                for e, f in zip(
                    df["period_end"].astype("object"),
                    df["fiscal_period"].astype("object"),
                    strict=True,
                )
            ],
            "fiscal_period": df["fiscal_period"].astype("object"),
            "metric_kind": df["metric_kind"].astype("object"),
            "unit": df["unit"].astype("object"),
            "period": column("period", "none").astype("object"),
            "reported": reported,
            "genuine_central": _finite(column("genuine_central")),
            "genuine_low": _finite(column("genuine_low")),
            "genuine_high": _finite(column("genuine_high")),
            "bound": [
                _bound(lo, up, q)
                for lo, up, q in zip(
                    column("is_lower_bound", False).astype("object"),
                    column("is_upper_bound", False).astype("object"),
                    column("qualifier", None).astype("object"),
                    strict=True,
                )
            ],
            "document": column("document").astype("object"),
            "page": _finite(column("page")),
            "sentence": column("sentence").astype("object"),
        }
    )
    data = data.loc[data["date"].notna() & data["reported"].notna()]
    if data.empty:
        what = f" for {_pretty(metric_kind)}" if metric_kind else ""
        return no_data_chart(
            title=title,
            subtitle=f"No dated claims{what} for {company}.",
            source=source,
            kind="timeline",
            width=width,
        )
    data = data.where(data.notna(), None)
    data["genuine_low"] = data["genuine_low"].fillna(data["genuine_central"])
    data["genuine_high"] = data["genuine_high"].fillna(data["genuine_central"])
    data["metric"] = [
        " · ".join(p for p in (_pretty(k), _pretty(per) if per != "none" else "") if p)
        for k, per in zip(data["metric_kind"], data["period"], strict=True)
    ]
    data["reported_label"] = [
        format_value(v, u) for v, u in zip(data["reported"], data["unit"], strict=True)
    ]
    data["genuine_label"] = [
        format_value(v, u) for v, u in zip(data["genuine_central"], data["unit"], strict=True)
    ]
    data = data.sort_values("date").reset_index(drop=True)

    groups = list(data.groupby(["metric_kind", "unit", "period"], sort=True, dropna=False))
    groups.sort(key=lambda g: -len(g[1]))  # the longest series (the story over time) first
    if len(groups) == 1:
        (_, unit, _), part = groups[0]
        return _finish(
            _timeline_panel(part, str(unit), str(part["metric"].iloc[0]), width, height),
            data=part,
            kind="timeline",
            title=title,
            subtitle=subtitle,
            source=source,
            width=width,
            height=height,
        )
    panels: list[Any] = []
    for i, ((_, unit, _), part) in enumerate(groups):
        layers: list[alt.Chart] = _timeline_panel(
            part, str(unit), str(part["metric"].iloc[0]), width, height
        )
        footer = _footer(source, height) if i == len(groups) - 1 else None
        if footer is not None:
            layers.append(footer)
        panels.append(
            alt.LayerChart(
                data=_inline(part),
                layer=layers,
                width=width,
                height=height,
                title=alt.Title(str(part["metric"].iloc[0])),
            )
        )
    return alt.VConcatChart(
        vconcat=panels,
        spacing=28,
        resolve=alt.Resolve(
            scale=alt.ScaleResolveMap(x="shared", y="independent", shape="shared", color="shared")
        ),
        title=_title(title, subtitle),
        usermeta=_meta("timeline", title, subtitle, source),
        config=alt.Config(**theme_config()),
    )


# ---------------------------------------------------------------------------- sensitivity


@_fast
def sensitivity_chart(
    sensitivity_df: pd.DataFrame,
    *,
    current: float | None = None,
    title: str = "Genuine adoption against the assumed inflation rate",
    subtitle: str | None = (
        "Each line re-estimates genuine adoption as the inflation rate varies; "
        "the dashed rule marks the current assumption."
    ),
    source: str | None = DEFAULT_SOURCE,
    y_title: str = "Genuine adoption",
    y_format: str = "~s",
    width: float = WIDTH,
    height: float = HEIGHT,
) -> alt.LayerChart:
    """Genuine adoption (y) against the inflation rate (x, a fraction), one line per series.

    ``sensitivity_df`` has columns ``inflation`` and ``genuine``; ``genuine_low`` and
    ``genuine_high`` add a band; the first of ``company``, ``claim``, ``claim_id`` or ``label``
    present names the series (coloured lines). ``current`` draws a dashed rule at the inflation
    rate now assumed. Pass ``y_format=".0%"`` when ``genuine`` is a share.
    """
    _require(sensitivity_df, ("inflation", "genuine"), "sensitivity_chart")
    series_col = next(
        (c for c in ("company", "claim", "claim_id", "label") if c in sensitivity_df.columns), None
    )
    data = pd.DataFrame(
        {
            "inflation": _finite(sensitivity_df["inflation"]),
            "genuine": _finite(sensitivity_df["genuine"]),
        }
    )
    has_band = {"genuine_low", "genuine_high"} <= set(sensitivity_df.columns)
    if has_band:
        data["genuine_low"] = _finite(sensitivity_df["genuine_low"])
        data["genuine_high"] = _finite(sensitivity_df["genuine_high"])
    data["series"] = (
        sensitivity_df[series_col].astype("string").fillna("(unnamed)").astype("object")
        if series_col
        else "All"
    )
    data = data.dropna(subset=["inflation", "genuine"]).sort_values(["series", "inflation"])
    if data.empty:
        return no_data_chart(
            title=title,
            subtitle="No sensitivity values to plot.",
            source=source,
            kind="sensitivity",
            width=width,
        )
    multi = data["series"].nunique() > 1
    x = alt.X(
        "inflation:Q",
        title="Assumed inflation rate (share of reported usage that is performative)",
        axis=alt.Axis(format=".0%"),
        scale=alt.Scale(domain=[0, max(1.0, float(data["inflation"].max()))], nice=False),
    )
    colour: Any = (
        alt.Color("series:N", title=_pretty(series_col).capitalize() or None)
        if multi
        else alt.ColorValue(GENUINE_COLOUR)
    )
    tooltip = [
        alt.Tooltip("series:N", title=_pretty(series_col).capitalize() or "Series"),
        alt.Tooltip("inflation:Q", title="Inflation", format=".0%"),
        alt.Tooltip("genuine:Q", title="Genuine", format=y_format),
    ]
    base = alt.Chart()
    layers: list[alt.Chart] = []
    if has_band:
        layers.append(
            base.mark_area(opacity=0.18).encode(
                x=x,
                y=alt.Y("genuine_low:Q"),
                y2=alt.Y2("genuine_high"),
                color=colour,
                detail=alt.Detail("series:N"),
            )
        )
    layers.append(
        base.mark_line().encode(
            x=x,
            y=alt.Y("genuine:Q", title=y_title, axis=alt.Axis(format=y_format)),
            color=colour,
            detail=alt.Detail("series:N"),
            tooltip=tooltip,
        )
    )
    if current is not None and math.isfinite(current):
        marker = alt.Data(values=[{"inflation": float(current), "label": f"now {current:.0%}"}])
        layers.append(
            alt.Chart(marker)
            .mark_rule(color=REPORTED_COLOUR, strokeDash=[5, 4], strokeWidth=1.5)
            .encode(x=alt.X("inflation:Q"))
        )
        layers.append(
            alt.Chart(marker)
            .mark_text(align="left", dx=4, dy=-4, baseline="bottom", fontSize=11)
            .encode(x=alt.X("inflation:Q"), y=alt.YValue(0), text=alt.Text("label:N"))
        )
    return _finish(
        layers,
        data=data,
        kind="sensitivity",
        title=title,
        subtitle=subtitle,
        source=source,
        width=width,
        height=height,
    )


# ---------------------------------------------------------------------------- flags


@_fast
def flags_chart(
    flags: pd.DataFrame | Sequence[Flag],
    *,
    companies: Iterable[str] | None = None,
    title: str = "Yellow flags per company",
    subtitle: str | None = "Number of flags raised, by severity. Most-flagged companies first.",
    source: str | None = DEFAULT_SOURCE,
    width: float = WIDTH,
) -> alt.LayerChart:
    """Flag counts per company as stacked horizontal bars.

    ``flags`` is a flags frame (:data:`analyzer.records.FLAG_COLUMNS`, one row per flag; bars are
    split by ``severity``), a sequence of :class:`~analyzer.records.Flag`, or a per-company
    levels frame (``company``, ``flag_count`` and ``level`` or ``flag_level``; bars are coloured
    by level). ``companies`` adds companies with no flags as zero rows. Sorted by count, most
    first.
    """
    frame = flags if isinstance(flags, pd.DataFrame) else flags_frame(list(flags))
    _require(frame, ("company",), "flags_chart")
    if "severity" in frame.columns:
        counts = (
            frame.dropna(subset=["company"])
            .assign(
                company=lambda d: d["company"].astype("string"),
                group=lambda d: d["severity"].astype("string").str.lower().fillna("low"),
            )
            .groupby(["company", "group"], observed=True)
            .size()
            .rename("count")
            .reset_index()
        )
        domain, colours, legend = list(SEVERITIES), list(SEVERITY_COLOURS), "Severity"
    else:
        level_col = next((c for c in ("level", "flag_level") if c in frame.columns), None)
        if level_col is None or "flag_count" not in frame.columns:
            raise ChartDataError(
                "flags_chart needs a flags table (company, severity) or a company levels table "
                f"(company, flag_count, level); the table has {', '.join(map(str, frame.columns))}"
            )
        counts = pd.DataFrame(
            {
                "company": frame["company"].astype("string"),
                "group": frame[level_col].astype("string").str.lower().fillna("none"),
                "count": pd.to_numeric(frame["flag_count"], errors="coerce").fillna(0),
            }
        ).dropna(subset=["company"])
        domain, colours, legend = list(FLAG_LEVELS), list(FLAG_LEVEL_COLOURS), "Flag level"
    known = set(counts["company"])
    extra = [c for c in (companies or ()) if c not in known]
    totals = counts.groupby("company")["count"].sum()
    totals = pd.concat([totals, pd.Series(0, index=pd.Index(extra, dtype="string"))])
    if totals.empty:
        return no_data_chart(
            title=title, subtitle="No flags raised.", source=source, kind="flags", width=width
        )
    order_frame = totals.rename("total").rename_axis("company").reset_index()
    order = order_frame.sort_values(["total", "company"], ascending=[False, True])[
        "company"
    ].tolist()
    rank = {g: i for i, g in enumerate(domain)}
    data = counts.assign(
        company=counts["company"].astype("object"),
        group=counts["group"].astype("object"),
        count=counts["count"].astype("int64"),
        stack_order=counts["group"].map(rank).fillna(len(domain)).astype("int64"),
    )
    data = data.loc[data["count"] > 0]
    height = max(ROW_STEP * len(order), 90)
    max_total = int(totals.max()) if len(totals) else 0
    y = alt.Y("company:N", sort=order, title=None, scale=alt.Scale(domain=order))
    bars = (
        alt.Chart()
        .mark_bar(height={"band": 0.7})
        .encode(
            x=alt.X(
                "count:Q",
                stack="zero",
                title="Flags raised",
                axis=alt.Axis(tickMinStep=1, format="d"),
                scale=alt.Scale(domain=[0, max(max_total, 1)]),
            ),
            y=y,
            color=alt.Color("group:N", title=legend, scale=alt.Scale(domain=domain, range=colours)),
            order=alt.Order("stack_order:Q", sort="ascending"),
            tooltip=[
                alt.Tooltip("company:N", title="Company"),
                alt.Tooltip("group:N", title=legend),
                alt.Tooltip("count:Q", title="Flags"),
            ],
        )
    )
    return _finish(
        [bars],
        data=data,
        kind="flags",
        title=title,
        subtitle=subtitle,
        source=source,
        width=width,
        height=height,
    )
