"""Held-out set 24: four documents from large technology companies (a call dense with AI metrics and
five analysts, a 10-K excerpt in HTML with a units row, a Markdown shareholder letter, a milestone
press release), labelled blind.

Written by a team member in session 4; ``tests/heldout24/README.md`` says how: the author read
neither the extractor nor the other sets, and every company, product and sentence is invented.
Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, see
``docs/extraction.md``).

Measured on 2026-11-25, non-borderline F1 (``python -m analyzer.evaluate --heldout
tests/heldout24``):
- blind, before any tuning on it: 0.713 (P 0.911, R 0.586), with the extractor of session 4 after
  the rounds on sets 13-22;
- after tuning on its own misses: see ``docs/extraction.md`` (held-out table). The floors are set a
  little below the last measurement, to catch regressions; they are not targets.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import DocumentSetChecks, Floors


class TestHeldout24(DocumentSetChecks):
    folder = Path(__file__).resolve().parent / "heldout24"
    floors = Floors(
        precision=0.88,
        recall=0.67,
        f1=0.76,
        value_accuracy=0.92,
        metadata=0.8,
    )
