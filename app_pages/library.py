"""Library: every stored document and reviewed claim, the audit trail of each claim (original
and current values side by side), saved scenarios, and export or import of the whole library."""

import tempfile
from pathlib import Path

import streamlit as st

from analyzer.assumptions import dump_assumptions, load_assumptions
from analyzer.errors import AnalyzerError
from app_pages.common import (
    current_assumptions,
    escape_markdown,
    library,
    set_assumptions,
)

st.title("Claims library")
lib = library()
if lib is None:
    st.stop()
st.caption(f"Stored at {escape_markdown(lib.url.render_as_string(hide_password=True))}")

try:
    docs = lib.documents()
    current = lib.claims("current")
    original = lib.claims("original", reviewed=False)
except AnalyzerError as exc:
    st.error(escape_markdown(str(exc)))
    st.stop()

a, b, c = st.columns(3)
a.metric("Documents", len(docs))
b.metric("Claims", len(current))
c.metric("Reviewed", int((current["status"] != "pending").sum()) if len(current) else 0)

st.subheader("Documents")
st.dataframe(docs, hide_index=True, width="stretch")

st.subheader("Claims")
picked = st.dataframe(
    current[["status", "company", "fiscal_period", "metric_kind", "value", "unit", "period",
             "corrected_fields", "reviewed_by", "document", "page", "sentence", "claim_id"]],
    hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
    key="library_claims",
)  # fmt: skip
if picked and picked.selection.rows:
    row = current.iloc[picked.selection.rows[0]]
    claim_id = str(row["claim_id"])
    st.markdown(f"**Claim {escape_markdown(claim_id)}**: original extraction and current values")
    orig = original.loc[original["claim_id"] == claim_id].iloc[0]
    fields = ["company", "fiscal_period", "value", "value_high", "unit", "metric_kind",
              "population", "period", "qualifier", "doc_type"]  # fmt: skip
    st.table(
        {
            "field": fields,
            "original": [str(orig[f]) for f in fields],
            "current": [str(row[f]) for f in fields],
        }
    )
    st.caption("Review history (the original is never overwritten)")
    st.dataframe(lib.review_history(claim_id), hide_index=True, width="stretch")

st.subheader("Scenarios")
c1, c2 = st.columns(2)
with c1.form("save_scenario"):
    name = st.text_input("Save the current assumptions as")
    if st.form_submit_button("Save scenario") and name.strip():
        lib.save_scenario(name.strip(), dump_assumptions(current_assumptions(), "toml"))
        st.success(f"Saved {escape_markdown(name.strip())}.")
scenarios = lib.scenarios()
if len(scenarios):
    choice = c2.selectbox("Saved scenarios", scenarios["name"].tolist())
    if c2.button("Use this scenario"):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "scenario.toml"
            path.write_text(lib.load_scenario(choice))
            set_assumptions(load_assumptions(path))
        st.success(f"Scenario {escape_markdown(choice)} is now in force.")

st.subheader("Share the library")
c1, c2 = st.columns(2)
if c1.button("Prepare export"):
    with tempfile.TemporaryDirectory() as tmp:
        path = lib.export_bundle(Path(tmp) / "library.zip")
        st.session_state["library_bundle"] = path.read_bytes()
if "library_bundle" in st.session_state:
    c1.download_button(
        "Download library bundle", st.session_state["library_bundle"],
        file_name="claims-library.zip", mime="application/zip",
    )  # fmt: skip
bundle = c2.file_uploader("Import a library bundle", type=["zip"])
if bundle is not None and c2.button("Import"):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bundle.zip"
        path.write_bytes(bundle.getvalue())
        try:
            result = lib.import_bundle(path)
            c2.success(
                f"Imported {result.documents} documents, {result.claims} claims, "
                f"{result.reviews} reviews, {result.scenarios} scenarios (duplicates skipped)."
            )
        except AnalyzerError as exc:
            c2.error(escape_markdown(str(exc)))
