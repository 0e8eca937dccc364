"""Held-out set 10: five documents from large tech and platform companies in different voices (a
terse call, a British annual report in Markdown, an 8-K in HTML, a developer keynote with spoken
numbers, a 10-Q), labelled blind.

Written by a team member in session 3; ``tests/heldout10/README.md`` says how: the author read
neither the extractor nor the other sets, and every company, product and sentence is invented.
Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, see
``docs/extraction.md``).

Measured on 2026-11-25, non-borderline F1 (``python -m analyzer.evaluate --heldout
tests/heldout10``):
- blind, before any tuning on it: 0.654 with the extractor at the start of session 3 (P 0.897, R
  0.515); 0.709 after the rounds tuned on sets 5, 7 and 8 (P 0.929, R 0.574);
- after tuning on its own misses: see ``docs/extraction.md`` (held-out table). The floors are set
  a little below the last measurement, to catch regressions; they are not targets.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import DocumentSetChecks, Floors


class TestHeldout10(DocumentSetChecks):
    folder = Path(__file__).resolve().parent / "heldout10"
    floors = Floors(
        precision=0.9,
        recall=0.66,
        f1=0.8,
        value_accuracy=0.9,
        metadata=0.9,
    )
