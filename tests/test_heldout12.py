"""Held-out set 12: four long earnings-call transcripts in four vendor layouts (names in capitals
with a title line, "Name - Company - Title", bracketed speakers with Question:/Answer:, plain
"Name: text"), labelled blind.

Written by a team member in session 3; ``tests/heldout12/README.md`` says how: the author read
neither the extractor nor the other sets, and every company, product and sentence is invented.
Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, see
``docs/extraction.md``).

Measured on 2026-11-25, non-borderline F1 (``python -m analyzer.evaluate --heldout
tests/heldout12``):
- blind, before any tuning on it: 0.383 with the extractor at the start of session 3 (P 0.783, R
  0.254); 0.524 after every round of session 3 except the one on sets 11 and 12 (P 0.844, R 0.380);
- after tuning on its own misses: see ``docs/extraction.md`` (held-out table). The floors are set
  a little below the last measurement, to catch regressions; they are not targets.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import DocumentSetChecks, Floors


class TestHeldout12(DocumentSetChecks):
    folder = Path(__file__).resolve().parent / "heldout12"
    floors = Floors(
        precision=0.9,
        recall=0.45,
        f1=0.68,
        value_accuracy=0.95,
        metadata=0.9,
    )
