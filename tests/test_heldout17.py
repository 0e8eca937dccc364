"""Held-out set 17: four documents from companies outside tech (a consulting firm's shareholder
letter about an internal AI push, a bank's 10-K risk factors and MD&A, a grocer's sustainability
report in HTML, a telecom's slide deck in text), heavy with mandates, rankings and other hard
negatives, labelled blind.

Written by a team member in session 4; ``tests/heldout17/README.md`` says how: the author read
neither the extractor nor the other sets, and every company, product and sentence is invented.
Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, see
``docs/extraction.md``).

Measured on 2026-11-25, non-borderline F1 (``python -m analyzer.evaluate --heldout
tests/heldout17``):
- blind, before any tuning on it: 0.712 (P 0.875, R 0.600) with the extractor of session 4 at the
  time the set arrived;
- after tuning on its own misses: see ``docs/extraction.md`` (held-out table). The floors are set a
  little below the last measurement, to catch regressions; they are not targets.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import DocumentSetChecks, Floors


class TestHeldout17(DocumentSetChecks):
    folder = Path(__file__).resolve().parent / "heldout17"
    floors = Floors(
        precision=0.88,
        recall=0.67,
        f1=0.76,
        value_accuracy=0.95,
        metadata=0.75,
    )
