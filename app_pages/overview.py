"""Overview: every company side by side, reported versus genuine adoption, flag level."""

import pandas as pd
import streamlit as st

from analyzer import charts
from analyzer.charts import format_value
from app_pages.common import (
    FICTIONAL_NOTE,
    all_claims,
    current_analysis,
    demo_extractions,
    escape_markdown,
    quote,
    show_chart,
)

LEVEL_BADGE = {
    "red": ":red-badge[:material/flag: red]",
    "yellow": ":orange-badge[:material/flag: yellow]",
    "none": ":green-badge[:material/check: none]",
}

st.title("Reported versus genuine AI adoption")
st.caption(FICTIONAL_NOTE)

claims, _ = all_claims()
left, right = st.columns(2)
kinds = left.multiselect(
    "Metric kind", sorted(claims["metric_kind"].dropna().unique()), placeholder="All metric kinds"
)
periods = right.multiselect(
    "Fiscal period", sorted(claims["fiscal_period"].dropna().unique()), placeholder="All periods"
)
analysis = current_analysis(kinds, periods)
companies = analysis.companies

a, b, c = st.columns(3)
a.metric("Companies", len(companies))
b.metric("Claims", len(analysis.claims))
c.metric("Flags raised", len(analysis.flags))

if companies.empty:
    st.info("No claims match these filters. Clear a filter, or add filings on *Upload and review*.")
else:
    show_chart(charts.overview_chart(companies))
    st.subheader("Headline claims")
    for _, row in companies.iterrows():
        with st.container(border=True):
            name, level, numbers = st.columns([2, 1, 2])
            name.markdown(f"**{escape_markdown(str(row['company']))}**")
            level.markdown(LEVEL_BADGE.get(str(row["flag_level"]), str(row["flag_level"]))
                           + f" · {int(row['flag_count'])} flags")  # fmt: skip
            if pd.isna(row["headline_claim_id"]):
                numbers.caption("No adoption level reported: signals or growth figures only.")
                continue
            numbers.markdown(
                escape_markdown(
                    f"reported {format_value(row['reported'], row['headline_unit'])} → genuine "
                    f"{format_value(row['genuine_central'], row['headline_unit'])} "
                    f"({format_value(row['genuine_low'], row['headline_unit'])}–"
                    f"{format_value(row['genuine_high'], row['headline_unit'])})"
                )
            )
            quote(
                str(row["headline_sentence"]),
                page=None if pd.isna(row["headline_page"]) else int(row["headline_page"]),
                document=str(row["headline_document"]),
            )
    st.subheader("Companies")
    st.dataframe(
        companies[
            [
                "company",
                "flag_level",
                "flag_count",
                "headline_metric_kind",
                "headline_period",
                "reported",
                "genuine_low",
                "genuine_central",
                "genuine_high",
                "discount",
                "claims",
                "headline_sentence",
            ]
        ],
        hide_index=True,
        width="stretch",
        column_config={
            "company": "Company",
            "flag_level": "Flag level",
            "flag_count": st.column_config.NumberColumn("Flags", format="%d"),
            "headline_metric_kind": "Headline metric",
            "headline_period": "Period",
            "reported": st.column_config.NumberColumn("Reported", format="%.4g"),
            "genuine_low": st.column_config.NumberColumn("Genuine (P10)", format="%.4g"),
            "genuine_central": st.column_config.NumberColumn("Genuine", format="%.4g"),
            "genuine_high": st.column_config.NumberColumn("Genuine (P90)", format="%.4g"),
            "discount": st.column_config.NumberColumn("Discount", format="percent"),
            "claims": st.column_config.NumberColumn("Claims", format="%d"),
            "headline_sentence": st.column_config.TextColumn("Headline claim", width="large"),
        },
    )

_, failed = demo_extractions()
for name, message in failed:
    st.warning(f"Demo file {name} could not be read: {message}", icon=":material/error:")
