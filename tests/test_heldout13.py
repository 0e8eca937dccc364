"""Held-out set 13: four documents from fictional large technology companies (an EDGAR-style 10-K in
HTML, a two-column shareholder-letter PDF rendered by Chromium, a press release with a text table,
an earnings call), labelled blind.

Written by a team member in session 4; ``tests/heldout13/README.md`` says how: the author read
neither the extractor nor the other sets, and every company, product and sentence is invented.
Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, see
``docs/extraction.md``).

Measured on 2026-11-25, non-borderline F1 (``python -m analyzer.evaluate --heldout
tests/heldout13``):
- blind, before any tuning on it: 0.800 (P 0.885, R 0.730) with the extractor of session 4 at the
  time the set arrived;
- after tuning on its own misses: see ``docs/extraction.md`` (held-out table). The floors are set a
  little below the last measurement, to catch regressions; they are not targets.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import DocumentSetChecks, Floors


class TestHeldout13(DocumentSetChecks):
    folder = Path(__file__).resolve().parent / "heldout13"
    floors = Floors(
        precision=0.9,
        recall=0.8,
        f1=0.85,
        value_accuracy=0.95,
        metadata=0.9,
    )
