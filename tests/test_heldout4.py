"""Held-out set 4: four invented-company documents, labelled blind, scored against the extractor.

The documents in ``tests/heldout4/documents`` (a call transcript, a press release, a shareholder
letter and a 10-Q excerpt, all fictional and written in our own words) were labelled exhaustively in
``tests/heldout4/labels.jsonl`` *without reading the extractor or the other test sets*: every
sentence carrying an AI-adoption claim, and the hard negatives (mandates, targets, leaderboards,
capex, headcount, installed bases, guidance, hypotheticals, specs, years, hidden/script text).

Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, described in
``docs/extraction.md``): each document goes through ``analyzer.claims.extract_path``. An extracted
claim is a candidate for a labelled claim when their sentences overlap (containment, or most words
shared); candidate pairs are then assigned one-to-one, closest value first (a labelled range
matches ``value``/``value_high``). Unassigned extracted claims are false positives, unassigned
labelled claims are misses. Claims in borderline sentences count neither way in the non-borderline
scores. Value accuracy is over assigned pairs. Company, fiscal period and document type are checked
per document.

The floors asserted below were set AFTER measuring, a little below the measured numbers, so that
they catch regressions rather than describe a target; run with ``-s`` to see the scores and the
table of misses and false positives.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from heldout_support import misquoted_labels, scored

from analyzer.evaluate import HeldoutReport, format_heldout_report, load_heldout

HERE = Path(__file__).resolve().parent / "heldout4"

# Floors: measured first, then set slightly lower. Measured on 2026-11-25 (non-borderline):
# blind, F1 0.375 (P 0.750, R 0.250); after two rounds tuned on sets 1-3, 0.587 (P 0.815,
# R 0.458); this set was then tuned on: 0.968 (P 1.000, R 0.938; value accuracy 51/51;
# metadata 12/12). It is no longer blind; sets 5 and 6 carry the later blind measurements.
FLOOR_F1 = 0.92
FLOOR_PRECISION = 0.95
FLOOR_RECALL = 0.88
FLOOR_VALUE_ACCURACY = 0.95
FLOOR_METADATA = 0.90


@pytest.fixture(scope="module")
def report() -> HeldoutReport:
    return scored(HERE)


def test_labels_quote_their_documents() -> None:
    """Every labelled sentence is really in its document (guards the labels, not the extractor)."""
    assert misquoted_labels(HERE) == []


def test_claim_detection_floor(report: HeldoutReport) -> None:
    s = report.strict
    assert s.precision >= FLOOR_PRECISION, format_heldout_report(report)
    assert s.recall >= FLOOR_RECALL, format_heldout_report(report)
    assert s.f1 >= FLOOR_F1, format_heldout_report(report)


def test_value_accuracy_floor(report: HeldoutReport) -> None:
    assert report.pairs > 0, format_heldout_report(report)
    assert report.value_accuracy >= FLOOR_VALUE_ACCURACY, format_heldout_report(report)


def test_document_metadata_floor(report: HeldoutReport) -> None:
    assert len(report.metadata) == 12, format_heldout_report(report)
    assert report.metadata_accuracy >= FLOOR_METADATA, format_heldout_report(report)


@pytest.mark.parametrize("doc", sorted({r["doc"] for r in load_heldout(HERE)}))
def test_document_is_read_without_error(report: HeldoutReport, doc: str) -> None:
    assert doc in report.per_document and doc not in report.crashes, report.crashes.get(doc)
