"""Upload and review: drop filings, check the detected company, period and type, accept, reject
or correct each extracted claim, then add the document to the claims library."""

import dataclasses
import os

import pandas as pd
import streamlit as st

from analyzer import documents
from analyzer.errors import AnalyzerError
from analyzer.records import DocType, Extraction, MetricKind, Period, Population, Qualifier, Unit
from app_pages.common import escape_markdown, extract_upload, library, sha256

MAX_FILES = int(os.environ.get("ANALYZER_MAX_UPLOAD_FILES", "20"))
EDITABLE = ["value", "value_high", "unit", "metric_kind", "population", "period", "qualifier"]


def review_frame(extraction: Extraction) -> pd.DataFrame:
    """One row per claim, indexed by claim id, with an ``accept`` tick and the editable fields."""
    rows = [
        {
            "claim_id": c.claim_id,
            "accept": True,
            "page": c.page,
            "sentence": c.sentence,
            "value_text": c.value_text,
            **{f: (str(getattr(c, f)) if f not in ("value", "value_high") else getattr(c, f))
               for f in EDITABLE},
            "converted": (f"{c.currency} at {c.fx_rate:.4g} USD ({c.fx_source})"
                          if c.fx_source and c.fx_rate else ""),
            "confidence": c.confidence,
        }
        for c in extraction.claims
    ]  # fmt: skip
    columns = [
        "claim_id", "accept", "page", "sentence", "value_text", *EDITABLE, "converted",
        "confidence",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns).set_index("claim_id")


def with_hash(extraction: Extraction) -> Extraction:
    """Claims carry their document's hash, so their ids match the library's."""
    sha = extraction.document.sha256
    claims = tuple(
        dataclasses.replace(c, doc_sha256=c.doc_sha256 or sha) for c in extraction.claims
    )
    return dataclasses.replace(extraction, claims=claims)


def add_to_library(
    extraction: Extraction, edited: pd.DataFrame, meta: dict[str, str], reviewer: str
) -> str:
    """Ingest the extraction as read, then record each decision and correction as a review."""
    lib = library()
    if lib is None:
        return "the library is unavailable"
    doc = extraction.document
    changed_meta = {k: v for k, v in meta.items() if v and v != str(getattr(doc, k) or "")}
    if changed_meta:  # the document and its signals carry the corrected details
        fixed: dict[str, object] = {**changed_meta}
        if "doc_type" in fixed:
            fixed["doc_type"] = DocType(changed_meta["doc_type"])
        extraction = dataclasses.replace(
            extraction,
            document=dataclasses.replace(doc, **fixed),  # type: ignore[arg-type]
            signals=tuple(dataclasses.replace(s, **fixed) for s in extraction.signals),  # type: ignore[arg-type]
        )
    result = lib.ingest(extraction)
    original = review_frame(extraction)
    for claim_id, row in edited.iterrows():
        if not bool(row["accept"]):
            lib.review(claim_id, "reject", reviewer=reviewer, reason="rejected at upload review")
            continue
        for field in EDITABLE:
            new, old = row[field], original.at[claim_id, field]
            if not (pd.isna(new) and pd.isna(old)) and new != old:
                lib.review(claim_id, "correct", reviewer=reviewer, field=field, new_value=new,
                           reason="corrected at upload review")  # fmt: skip
        for field, value in changed_meta.items():
            lib.review(claim_id, "correct", reviewer=reviewer, field=field, new_value=value,
                       reason="document details corrected at upload review")  # fmt: skip
        lib.review(claim_id, "accept", reviewer=reviewer)
    kept = int(edited["accept"].sum())
    status = "added" if result.added else "was already in the library; reviews recorded"
    return f"{doc.name} {status}: {kept} claims accepted, {len(edited) - kept} rejected."


st.title("Upload and review")
st.caption(
    "Drop PDF, HTML or text filings (10-K/10-Q, transcripts, letters, press releases). Each is "
    "read on its own: a broken, scanned or locked file gets a message and the others go through."
)
left, right = st.columns([2, 1])
reviewer = left.text_input("Reviewer", value="analyst", help="Recorded with every decision.")
ocr = right.toggle(
    "Read scanned PDFs with OCR",
    value=False,
    disabled=not documents.ocr_available(),
    help="Tesseract reads pages with no text layer: slow (seconds a page) and figures can be "
    "misread, so check them."
    if documents.ocr_available()
    else "OCR is not available: install Tesseract (Debian package tesseract-ocr) to enable it.",
)
files = st.file_uploader(
    "Filings", type=["pdf", "html", "htm", "txt", "md"], accept_multiple_files=True, key="uploads"
)
if len(files) > MAX_FILES:
    st.error(
        f"{len(files)} files were dropped; at most {MAX_FILES} are read at once. "
        f"The first {MAX_FILES} are shown: remove some and add the rest afterwards."
    )
    files = files[:MAX_FILES]

extractions: list[Extraction] = []
seen: dict[str, str] = {}
for upload in files:
    data = upload.getvalue()
    digest = sha256(data)
    if digest in seen:
        st.info(
            f"{escape_markdown(upload.name)} has the same content as "
            f"{escape_markdown(seen[digest])}: read once."
        )
        continue
    seen[digest] = upload.name
    bar = st.progress(0.0, text=f"Reading {escape_markdown(upload.name)} …")
    try:
        extraction = with_hash(extract_upload(digest, upload.name, data, ocr))
    except AnalyzerError as exc:
        bar.empty()
        st.error(f"**{escape_markdown(upload.name)}**: {escape_markdown(exc.reason)}")
        continue
    st.session_state.setdefault("upload_bytes", {})[upload.name] = data
    doc = extraction.document
    bar.progress(
        1.0,
        text=escape_markdown(
            f"{upload.name}: {doc.page_count} pages, {len(extraction.claims)} claims, "
            f"{len(extraction.signals)} signals"
        ),
    )
    extractions.append(extraction)

for extraction in extractions:
    doc = extraction.document
    i = doc.sha256[:12]  # widgets follow the document, not its position in the list
    with st.container(border=True):
        st.subheader(escape_markdown(doc.name))
        for warning in doc.warnings:
            st.warning(escape_markdown(warning))
        c1, c2, c3 = st.columns(3)
        types = [str(t) for t in DocType]
        meta = {
            "company": c1.text_input("Company", doc.company or "", key=f"co_{i}"),
            "fiscal_period": c2.text_input("Fiscal period", doc.fiscal_period or "", key=f"fp_{i}"),
            "doc_type": c3.selectbox(
                "Document type", types, index=types.index(str(doc.doc_type)), key=f"dt_{i}"
            ),
        }
        if not meta["company"]:
            st.warning("No company detected: type it above before adding, or claims stay unowned.")
        if not extraction.claims:
            st.info("No quantified AI-adoption claims found in this document.")
        edited = st.data_editor(
            review_frame(extraction),
            key=f"claims_{i}",
            width="stretch",
            disabled=["page", "sentence", "value_text", "converted", "confidence"],
            column_config={
                "accept": st.column_config.CheckboxColumn("Accept", default=True),
                "sentence": st.column_config.TextColumn("Sentence", width="large"),
                "value": st.column_config.NumberColumn("Value", format="%.6g"),
                "converted": st.column_config.TextColumn(
                    "Converted", help="Money written in another currency: the rate used for USD"
                ),
                "value_high": st.column_config.NumberColumn("High", format="%.6g"),
                "unit": st.column_config.SelectboxColumn("Unit", options=[str(u) for u in Unit]),
                "metric_kind": st.column_config.SelectboxColumn(
                    "Kind", options=[str(k) for k in MetricKind]
                ),
                "population": st.column_config.SelectboxColumn(
                    "Population", options=[str(p) for p in Population]
                ),
                "period": st.column_config.SelectboxColumn(
                    "Period", options=[str(p) for p in Period]
                ),
                "qualifier": st.column_config.SelectboxColumn(
                    "Qualifier", options=[str(q) for q in Qualifier]
                ),
                "confidence": st.column_config.ProgressColumn(
                    "Confidence", min_value=0, max_value=1
                ),
            },
        )
        if extraction.signals:
            st.caption(
                "Signals (mandates, targets, leaderboards, plans): not claims, used for flags"
            )
            st.dataframe(
                pd.DataFrame([{"kind": str(s.kind), "page": s.page, "sentence": s.sentence}
                              for s in extraction.signals]),
                hide_index=True, width="stretch",
            )  # fmt: skip
        if st.button("Add to library", key=f"add_{i}", type="primary"):
            try:
                st.success(escape_markdown(add_to_library(extraction, edited, meta, reviewer)))
            except AnalyzerError as exc:
                st.error(f"Could not add {escape_markdown(doc.name)}: {escape_markdown(str(exc))}")
