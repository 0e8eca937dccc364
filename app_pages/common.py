"""What every screen shares: cached extraction, the current scenario, the analysis, safe text.

Caching lives here, in the UI layer: extraction is cached by file hash, so moving a slider only
recomputes the model.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pandas as pd
import streamlit as st

from analyzer import claims as claims_mod
from analyzer import documents
from analyzer.assumptions import Assumptions, from_params, to_params
from analyzer.errors import AnalyzerError
from analyzer.isolation import IsolatedExtractor
from analyzer.library import Library
from analyzer.pipeline import Analysis, analyze, raise_flags
from analyzer.records import CLAIM_COLUMNS, Extraction, Flag, claims_frame, signals_frame

ROOT = Path(__file__).resolve().parents[1]
DEMO_DIR = ROOT / "data" / "demo"
DOC_SUFFIXES = {".pdf", ".html", ".htm", ".txt", ".md"}
UI_PARAMS = {"company"}  # query parameters that pick a screen's view, not part of the scenario
FICTIONAL_NOTE = (
    "The demo companies are fictional: their filings were written for this product to show "
    "every claim kind and flag. Upload real filings on *Upload and review*."
)


@st.cache_data(show_spinner=False, max_entries=5000)
def extract_bytes(sha256: str, name: str, _data: bytes) -> Extraction:
    """Extract a bundled demo file in process; cached by content hash (``_data`` not rehashed)."""
    document = documents.read_document(_data, name=name)
    return claims_mod.extract(document)


@st.cache_resource(show_spinner=False)
def _isolated() -> IsolatedExtractor:
    return IsolatedExtractor(workers=2)


@st.cache_data(show_spinner=False, max_entries=2000)
def extract_upload(sha256: str, name: str, _data: bytes, ocr: bool = False) -> Extraction:
    """Extract an untrusted upload in a memory- and time-capped worker; cached by content hash."""
    return _isolated().extract(_data, name, ocr=ocr)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def demo_files() -> list[Path]:
    if not DEMO_DIR.is_dir():
        return []
    return sorted(p for p in DEMO_DIR.iterdir() if p.suffix.lower() in DOC_SUFFIXES)


def demo_extractions() -> tuple[list[Extraction], list[tuple[str, str]]]:
    """The bundled demo documents, extracted (cached), and any failures as (name, message)."""
    done, failed = [], []
    for path in demo_files():
        data = path.read_bytes()
        try:
            done.append(extract_bytes(sha256(data), path.name, data))
        except AnalyzerError as exc:
            failed.append((path.name, exc.reason))
    return done, failed


def source_bytes(document_name: str) -> bytes | None:
    """The original bytes of a document, for page images: uploads first, then demo files."""
    uploads: dict[str, bytes] = st.session_state.get("upload_bytes", {})
    if document_name in uploads:
        return uploads[document_name]
    path = DEMO_DIR / document_name
    return path.read_bytes() if path.is_file() else None


def current_assumptions() -> Assumptions:
    """The scenario in force: this session's, else the one encoded in the URL, else defaults."""
    if "assumptions" not in st.session_state:
        try:
            scenario = {k: v for k, v in st.query_params.items() if k not in UI_PARAMS}
            st.session_state["assumptions"] = from_params(scenario)
        except AnalyzerError as exc:
            st.warning(
                f"The scenario in this link could not be read ({escape_markdown(str(exc))}); "
                "using the default assumptions."
            )
            st.session_state["assumptions"] = Assumptions()
    return st.session_state["assumptions"]


def set_assumptions(assumptions: Assumptions) -> None:
    """Make ``assumptions`` current and encode it in the URL so a link reproduces it."""
    st.session_state["assumptions"] = assumptions
    view = {k: v for k, v in st.query_params.items() if k in UI_PARAMS}
    st.query_params.from_dict({**to_params(assumptions), **view})


@st.cache_resource(show_spinner=False)
def _open_library(url: str | None) -> Library:
    return Library.open(url)


def library() -> Library | None:
    """The claims library at ``$ANALYZER_DB`` (or the default), or None with an error shown."""
    try:
        return _open_library(os.environ.get("ANALYZER_DB"))
    except AnalyzerError as exc:
        st.error(f"The claims library is unavailable: {escape_markdown(str(exc))}")
        return None


def library_claims() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Reviewed claims (corrections applied, rejections dropped) and signals from the library."""
    lib = library()
    if lib is None:
        return claims_frame([]), signals_frame([])
    try:
        claims = lib.claims("current", reviewed=False, include_rejected=False)
        return claims, lib.signals()
    except AnalyzerError as exc:
        st.error(f"Could not read the claims library: {escape_markdown(str(exc))}")
        return claims_frame([]), signals_frame([])


def all_claims() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Claims and signals from the demo documents plus those in the claims library."""
    extractions, _ = demo_extractions()
    demo_c = claims_frame([c for e in extractions for c in e.claims])
    demo_s = signals_frame([s for e in extractions for s in e.signals])
    lib_c, lib_s = library_claims()
    claims = pd.concat([demo_c, lib_c[list(CLAIM_COLUMNS)]], ignore_index=True)
    claims = claims.drop_duplicates("claim_id", keep="last").reset_index(drop=True)
    signals = pd.concat([demo_s, lib_s], ignore_index=True)
    return claims, signals


@st.cache_data(show_spinner=False, max_entries=64)
def cached_flags(claims: pd.DataFrame, signals: pd.DataFrame) -> tuple[Flag, ...]:
    """Flags depend on the claims and signals only, so a slider move does not recompute them."""
    return raise_flags(claims, signals)


def current_analysis(
    metric_kinds: list[str] | None = None, periods: list[str] | None = None
) -> Analysis:
    """The analysis of all claims under the current scenario, optionally filtered."""
    claims, signals = all_claims()
    if metric_kinds:
        claims = claims[claims["metric_kind"].isin(metric_kinds)].reset_index(drop=True)
    if periods:
        claims = claims[claims["fiscal_period"].isin(periods)].reset_index(drop=True)
    return analyze(
        claims=claims,
        signals=signals,
        assumptions=current_assumptions(),
        flags=cached_flags(claims, signals),
    )


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def escape_markdown(text: str) -> str:
    """Escape document text for ``st.markdown``: no link, image, HTML or formatting survives."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def quote(text: str, *, page: int | None = None, document: str | None = None) -> None:
    """Show a sentence from a document as plain text with its source."""
    where = " · ".join(x for x in [document, f"page {page}" if page else None] if x)
    st.markdown(f"> {escape_markdown(text)}")
    if where:
        st.caption(escape_markdown(where))


def show_chart(chart: object) -> None:
    """Draw an Altair chart from its spec at its designed (article) size.

    The spec is passed as built (no second schema check on every rerun). Autosize is ``pad``:
    Streamlit's default ``fit`` squeezes titles, legend and source line into the plot's height.
    """
    from analyzer.charts import to_spec

    spec = to_spec(chart)
    spec.setdefault("autosize", {"type": "pad", "contains": "padding"})
    st.vega_lite_chart(spec, width="content", theme=None)
