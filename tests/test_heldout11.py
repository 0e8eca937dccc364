"""Held-out set 11: four documents from non-US companies reporting in English (an Indian IT-services
integrated annual report and a Japanese half-year deck as PDFs, a Dutch telecom press release in
HTML, an Australian bank's results call with a moderator), labelled blind.

Written by a team member in session 3; ``tests/heldout11/README.md`` says how: the author read
neither the extractor nor the other sets, and every company, product and sentence is invented.
Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, see
``docs/extraction.md``).

Measured on 2026-11-25, non-borderline F1 (``python -m analyzer.evaluate --heldout
tests/heldout11``):
- blind, before any tuning on it: 0.672 with the extractor at the start of session 3 (P 0.837, R
  0.562); 0.731 after every round of session 3 except the one on sets 11 and 12 (P 0.803, R 0.671);
- after tuning on its own misses: see ``docs/extraction.md`` (held-out table). The floors are set
  a little below the last measurement, to catch regressions; they are not targets.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from heldout_support import misquoted_labels, scored

from analyzer.evaluate import HeldoutReport, format_heldout_report, load_heldout

HERE = Path(__file__).resolve().parent / "heldout11"

FLOOR_PRECISION = 0.86
FLOOR_RECALL = 0.63
FLOOR_F1 = 0.79
FLOOR_VALUE_ACCURACY = 0.85
FLOOR_METADATA = 0.7


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
    assert report.metadata_accuracy >= FLOOR_METADATA, format_heldout_report(report)


@pytest.mark.parametrize("doc", sorted({r["doc"] for r in load_heldout(HERE)}))
def test_document_is_read_without_error(report: HeldoutReport, doc: str) -> None:
    assert doc in report.per_document and doc not in report.crashes, report.crashes.get(doc)
