"""Held-out set 14: four documents that are not quarterly filings (an investor-conference fireside
chat, a Markdown shareholder letter, a landscape investor-day PDF, a hard-wrapped 10-Q converted to
text), with AI products described by what they do rather than by a brand, labelled blind.

Written by a team member in session 4; ``tests/heldout14/README.md`` says how: the author read
neither the extractor nor the other sets, and every company, product and sentence is invented.
Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, see
``docs/extraction.md``).

Measured on 2026-11-25, non-borderline F1 (``python -m analyzer.evaluate --heldout
tests/heldout14``):
- blind, before any tuning on it: 0.447 (P 0.955, R 0.292) with the extractor of session 4 at the
  time the set arrived;
- after tuning on its own misses: see ``docs/extraction.md`` (held-out table). The floors are set a
  little below the last measurement, to catch regressions; they are not targets.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import DocumentSetChecks, Floors


class TestHeldout14(DocumentSetChecks):
    folder = Path(__file__).resolve().parent / "heldout14"
    floors = Floors(
        precision=0.9,
        recall=0.62,
        f1=0.74,
        value_accuracy=0.95,
        metadata=0.9,
    )
