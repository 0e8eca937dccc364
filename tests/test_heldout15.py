"""Held-out set 15: four documents from companies reporting outside US dollars or over unusual
periods (a 20-F-style annual report in euros, a UK half-year statement in pounds, a Swiss call in
francs and dollars, a Canadian press release), labelled blind.

Written by a team member in session 4; ``tests/heldout15/README.md`` says how: the author read
neither the extractor nor the other sets, and every company, product and sentence is invented.
Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, see
``docs/extraction.md``).

Measured on 2026-11-25, non-borderline F1 (``python -m analyzer.evaluate --heldout
tests/heldout15``):
- blind, before any tuning on it: 0.685 (P 0.927, R 0.543) with the extractor of session 4 at the
  time the set arrived;
- after tuning on its own misses: see ``docs/extraction.md`` (held-out table). The floors are set a
  little below the last measurement, to catch regressions; they are not targets.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import DocumentSetChecks, Floors


class TestHeldout15(DocumentSetChecks):
    folder = Path(__file__).resolve().parent / "heldout15"
    floors = Floors(
        precision=0.88,
        recall=0.7,
        f1=0.78,
        value_accuracy=0.95,
        metadata=0.75,
    )
