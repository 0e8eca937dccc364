"""Held-out set 25: five short documents from mid-size companies (an 8-K with investor-day remarks,
a Markdown press release, a call in 'Name: text' layout, an HTML letter with a hidden element, a
text slide deck), labelled blind.

Written by a team member in session 4; ``tests/heldout25/README.md`` says how: the author read
neither the extractor nor the other sets, and every company, product and sentence is invented.
Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, see
``docs/extraction.md``).

Measured on 2026-11-25, non-borderline F1 (``python -m analyzer.evaluate --heldout
tests/heldout25``):
- blind, before any tuning on it: 0.660 (P 1.000, R 0.493), with the extractor of session 4 after
  the rounds on sets 13-22;
- after tuning on its own misses: see ``docs/extraction.md`` (held-out table). The floors are set a
  little below the last measurement, to catch regressions; they are not targets.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import DocumentSetChecks, Floors


class TestHeldout25(DocumentSetChecks):
    folder = Path(__file__).resolve().parent / "heldout25"
    floors = Floors(
        precision=0.93,
        recall=0.64,
        f1=0.76,
        value_accuracy=0.95,
        metadata=0.9,
    )
