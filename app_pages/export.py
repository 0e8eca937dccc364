"""Export: every chart as PNG (2x), SVG, PDF or self-contained HTML, the data behind it as CSV,
XLSX or JSON, with title, subtitle, source and a methodology note; or all of it as one zip."""

import datetime as dt

import streamlit as st

from analyzer import charts, export
from analyzer.assumptions import to_dict
from analyzer.errors import AnalyzerError
from analyzer.records import flags_frame
from app_pages.common import current_analysis, current_assumptions, escape_markdown, show_chart

MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


@st.cache_data(show_spinner="Rendering …", max_entries=64)
def rendered(_chart: object, key: str, fmt: str) -> bytes:
    """Chart bytes, cached by the chart's spec (``key``) and format."""
    return export.chart_bytes(_chart, fmt)


st.title("Export")
st.caption("Publication-ready charts in one colour-blind-safe theme, with the data behind them.")
analysis = current_analysis()
claims = analysis.claims_with_estimates()
companies = sorted(analysis.companies["company"].dropna().unique())

c1, c2 = st.columns(2)
title = c1.text_input("Title (overview chart)", "How much of the reported AI adoption is genuine?")
source = c2.text_input("Source line", charts.DEFAULT_SOURCE)
company = st.selectbox("Company for the timeline", companies) if companies else None

chart_set = {
    "overview": (charts.overview_chart(analysis.companies, title=title, source=source),
                 analysis.companies),
    "flags": (charts.flags_chart(list(analysis.flags), companies=companies, source=source),
              flags_frame(analysis.flags)),
}  # fmt: skip
if company:
    chart_set[f"timeline {company}"] = (
        charts.timeline_chart(claims, company, source=source),
        claims.loc[claims["company"] == company],
    )

note = export.methodology_note(to_dict(current_assumptions()), dt.datetime.now(dt.UTC))
for name, (chart, data) in chart_set.items():
    with st.container(border=True):
        st.subheader(name.capitalize())
        show_chart(chart)
        key = str(hash(chart.to_json()))
        slug = export.slug(name)
        cols = st.columns(7)
        for col, fmt in zip(cols[:4], ["png", "svg", "pdf", "html"], strict=True):
            try:
                col.download_button(
                    fmt.upper(), rendered(chart, key, fmt), file_name=f"{slug}.{fmt}",
                    mime=MIME[fmt], key=f"dl_{slug}_{fmt}",
                )  # fmt: skip
            except AnalyzerError as exc:
                col.error(escape_markdown(str(exc)))
        for col, fmt in zip(cols[4:], ["csv", "xlsx", "json"], strict=True):
            col.download_button(
                fmt.upper(), export.data_bytes(data, fmt), file_name=f"{slug}.{fmt}",
                mime=MIME[fmt], key=f"dl_{slug}_data_{fmt}",
            )  # fmt: skip

st.subheader("Everything")
with st.expander("Methodology note included in the bundle"):
    st.text(note)
if st.button("Build the zip"):
    try:
        st.session_state["export_zip"] = export.export_bundle(
            {n: c for n, (c, _) in chart_set.items()},
            {n: d for n, (_, d) in chart_set.items()},
            note,
        )
    except AnalyzerError as exc:
        st.error(escape_markdown(str(exc)))
if "export_zip" in st.session_state:
    st.download_button(
        "Download all (zip)", st.session_state["export_zip"],
        file_name="ai-adoption-export.zip", mime="application/zip",
    )  # fmt: skip
