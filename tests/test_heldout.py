"""Held-out check of the claim extractor on sentences written blind to its rules.

``tests/heldout/sentences.jsonl`` holds invented sentences (fictional companies, our own words) in
the style of calls, 10-K/10-Q text, shareholder letters and press releases, labelled by the policy
in ``../shared/corpus/labels/README.md`` *before* the extractor's code was read. Each sentence is
read on its own as a one-page text document and scored by the shared held-out scorer
(``analyzer.evaluate.evaluate_heldout``, described in ``docs/extraction.md``): claims paired with
labelled claims one-to-one, closest value first; P/R/F1 on non-borderline sentences; value accuracy
on all pairs (a labelled range ``[lo, hi]`` needs ``value`` = lo and ``value_high`` = hi).

The floors below are regression floors, not targets: they were set after measuring, a little below
what the extractor scored when this test was written (measured F1 minus about 0.05, value accuracy
minus about 0.05), so that a change that makes held-out results clearly worse fails. The issue's
targets (F1 >= 0.90, value accuracy >= 0.95) are printed beside the scores for information. Run
with ``-s`` (or ``python -m analyzer.evaluate --heldout tests/heldout``) to see the table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.evaluate import HeldoutReport, evaluate_heldout, format_heldout_report, load_heldout

SET = Path(__file__).resolve().parent / "heldout"

# Measured when this test was written, before the extractor's code was read (without borderline):
# P 0.865, R 0.478, F1 0.615 (TP 32, FP 5, FN 35); value accuracy 1.000 on 32 pairs.
# After the general rules of branch `general` (lexicon, modifiers, "N of our X", levels after
# growth, ...): P 1.000, R 0.851, F1 0.919 (TP 57, FP 0, FN 10); value accuracy 0.983 on 59 pairs
# (the miss is a "between A and B" range, left to the range parser's owner).
# The floors sit about 0.05 below; raise them as the extractor improves.
FLOOR_F1 = 0.87
FLOOR_PRECISION = 0.95
FLOOR_RECALL = 0.80
FLOOR_VALUE_ACCURACY = 0.95


@pytest.fixture(scope="module")
def report() -> HeldoutReport:
    result = evaluate_heldout(SET)
    print("\n" + format_heldout_report(result))
    return result


def test_heldout_set_is_well_formed() -> None:
    labels = load_heldout(SET)
    ids = [lab["id"] for lab in labels]
    assert len(ids) == len(set(ids))
    positives = [lab for lab in labels if lab["is_adoption_claim"]]
    assert 40 <= len(positives) <= 55 and len(labels) - len(positives) >= 30
    for lab in labels:
        assert bool(lab["claims"]) == lab["is_adoption_claim"], lab["id"]
        assert lab["is_adoption_claim"] or lab.get("negative_reason"), lab["id"]


def test_heldout_detection_floor(report: HeldoutReport) -> None:
    s = report.strict
    assert not report.crashes, format_heldout_report(report)
    assert s.f1 >= FLOOR_F1, format_heldout_report(report)
    assert s.precision >= FLOOR_PRECISION, format_heldout_report(report)
    assert s.recall >= FLOOR_RECALL, format_heldout_report(report)


def test_heldout_value_accuracy_floor(report: HeldoutReport) -> None:
    assert report.value_accuracy >= FLOOR_VALUE_ACCURACY, format_heldout_report(report)
