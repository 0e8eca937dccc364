"""Held-out set 23: four documents from agriculture, construction, pharmaceuticals distribution and
advertising (a plain-text 10-K with a space-aligned table, a call with speaker names in capitals on
their own line, an HTML press release, a shareholder-letter PDF with a 'Year in numbers' box),
labelled blind.

Written by a team member in session 4; ``tests/heldout23/README.md`` says how: the author read
neither the extractor nor the other sets, and every company, product and sentence is invented.
Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, see
``docs/extraction.md``).

Measured on 2026-11-25, non-borderline F1 (``python -m analyzer.evaluate --heldout
tests/heldout23``):
- blind, before any tuning on it: 0.748 (P 0.935, R 0.623), with the extractor of session 4 after
  the rounds on sets 13-22;
- after tuning on its own misses: see ``docs/extraction.md`` (held-out table). The floors are set a
  little below the last measurement, to catch regressions; they are not targets.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import DocumentSetChecks, Floors


class TestHeldout23(DocumentSetChecks):
    folder = Path(__file__).resolve().parent / "heldout23"
    floors = Floors(
        precision=0.88,
        recall=0.58,
        f1=0.7,
        value_accuracy=0.95,
        metadata=0.8,
    )
