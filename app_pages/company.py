"""Company: claims over time with reported and genuine bands, the flags with their evidence,
and each claim next to its sentence and an image of its PDF page with the claim highlighted."""

import pandas as pd
import streamlit as st

from analyzer import charts, documents
from analyzer.errors import AnalyzerError
from app_pages.common import current_analysis, escape_markdown, quote, show_chart, source_bytes

st.title("Company")
analysis = current_analysis()
companies = sorted(analysis.companies["company"].dropna().unique())
if not companies:
    st.info("No companies yet: add filings on *Upload and review*.")
    st.stop()

default = st.query_params.get("company")
company = st.selectbox(
    "Company", companies, index=companies.index(default) if default in companies else 0
)
row = analysis.companies.loc[analysis.companies["company"] == company].iloc[0]
claims = analysis.claims_with_estimates()
claims = claims.loc[claims["company"] == company]
flags = [f for f in analysis.flags if f.company == company]

a, b, c = st.columns(3)
a.metric("Flag level", str(row["flag_level"]).title())
b.metric("Flags", int(row["flag_count"]))
c.metric("Claims", len(claims))

# metrics with the most level claims first: they are the ones with a story over time
levels = claims.loc[claims["measure"] == "level", "metric_kind"].value_counts()
kinds = sorted(claims["metric_kind"].dropna().unique(), key=lambda k: (-levels.get(k, 0), k))
kind = st.segmented_control(
    "Metric", kinds, default=kinds[0] if kinds else None, key=f"metric_{company}"
)
show_chart(charts.timeline_chart(claims, company, kind))

st.subheader(f"Flags ({len(flags)})")
if not flags:
    st.success("No yellow flags raised on this company's claims.")
for flag in flags:
    with st.expander(f"{flag.severity.upper()} · {escape_markdown(flag.name)}"):
        st.write(escape_markdown(flag.message))
        for ev in flag.evidence:
            quote(ev.sentence, page=ev.page, document=ev.document)
            if ev.note:
                st.caption(escape_markdown(ev.note))

st.subheader("Claims")
table = claims[
    ["fiscal_period", "metric_kind", "value_text", "reported", "genuine_low", "genuine_central",
     "genuine_high", "unit", "period", "document", "page", "sentence", "claim_id"]
].sort_values(["fiscal_period", "metric_kind"])  # fmt: skip
st.dataframe(table.drop(columns=["claim_id"]), hide_index=True, width="stretch")

st.subheader("Claim and its source")
labels = {
    row.claim_id: f"{row.fiscal_period} · {row.metric_kind} · {row.value_text or row.reported} · "
    f"{row.document}" + (f" p. {row.page}" if pd.notna(row.page) else "")
    for row in table.itertuples()
}
picked = st.selectbox("Claim", list(labels), format_func=labels.get, key="company_claim")
if picked:
    claim = table.loc[table["claim_id"] == picked].iloc[0]
    page = None if pd.isna(claim["page"]) else int(claim["page"])
    quote(str(claim["sentence"]), page=page, document=str(claim["document"]))
    data = source_bytes(str(claim["document"]))
    if data is None:
        st.caption("The original file is not in this session, so its page cannot be drawn.")
    elif str(claim["document"]).lower().endswith(".pdf") and page:
        try:
            png = documents.render_page(data, page, highlight=str(claim["sentence"]))
            caption = escape_markdown(f"Page {page} of {claim['document']}, claim highlighted")
            st.image(png, caption=caption)
        except AnalyzerError as exc:
            st.warning(f"Could not draw the page: {escape_markdown(exc.reason)}")
