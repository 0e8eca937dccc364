"""Held-out set 9: four PDF documents rendered from HTML by Chromium (a pharmaceutical 10-K, a
carmaker's call, a consumer-goods press release, a utility's landscape slide deck), labelled blind
against the PDF text layer with page numbers.

Written by a team member in session 3; ``tests/heldout9/README.md`` says how: the author read
neither the extractor nor the other sets, and every company, product and sentence is invented.
Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, see
``docs/extraction.md``).

Measured on 2026-11-25, non-borderline F1 (``python -m analyzer.evaluate --heldout
tests/heldout9``):
- blind, before any tuning on it: 0.552 with the extractor at the start of session 3 (P 0.879, R
  0.403); 0.625 after the rounds tuned on sets 5, 7, 8 and 10 (P 0.875, R 0.486);
- after tuning on its own misses: see ``docs/extraction.md`` (held-out table). The floors are set
  a little below the last measurement, to catch regressions; they are not targets.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import DocumentSetChecks, Floors


class TestHeldout9(DocumentSetChecks):
    folder = Path(__file__).resolve().parent / "heldout9"
    floors = Floors(
        precision=0.85,
        recall=0.6,
        f1=0.77,
        value_accuracy=0.95,
        metadata=0.85,
    )
