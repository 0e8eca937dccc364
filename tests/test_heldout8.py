"""Held-out set 8: five documents from large enterprise-software, chip, consumer-internet and
IT-services companies (a 10-K, a call, an investor-day deck in Markdown, a newswire release, an
HTML letter), labelled blind.

Written by a team member in session 3; ``tests/heldout8/README.md`` says how: the author read
neither the extractor nor the other sets, and every company, product and sentence is invented.
Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, see
``docs/extraction.md``).

Measured on 2026-11-25, non-borderline F1 (``python -m analyzer.evaluate --heldout
tests/heldout8``):
- blind, before any tuning on it: 0.400 with the extractor at the start of session 3 (P 0.700, R
  0.280); 0.513 after the round tuned on sets 5 and 7 (P 0.763, R 0.387);
- after tuning on its own misses: see ``docs/extraction.md`` (held-out table). The floors are set
  a little below the last measurement, to catch regressions; they are not targets.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from heldout_support import misquoted_labels, scored

from analyzer.evaluate import HeldoutReport, format_heldout_report, load_heldout

HERE = Path(__file__).resolve().parent / "heldout8"

FLOOR_PRECISION = 0.93
FLOOR_RECALL = 0.78
FLOOR_F1 = 0.87
FLOOR_VALUE_ACCURACY = 0.95
FLOOR_METADATA = 0.9


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
