"""Held-out set 8: five documents from large enterprise-software, chip, consumer-internet and
IT-services companies (a 10-K, a call, an investor-day deck in Markdown, a newswire release, an
HTML letter), labelled blind.

Written by a team member in session 3; ``tests/heldout8/README.md`` says how: the author read
neither the extractor nor the other sets, and every company, product and sentence is invented.
Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, see
``docs/extraction.md``).

Measured on 2026-11-25, non-borderline F1 (``python -m analyzer.evaluate --heldout
tests/heldout8``):
- blind, before any tuning on it: 0.400 with the extractor at the start of session 3 (P 0.700, R
  0.280); 0.513 after the round tuned on sets 5 and 7 (P 0.763, R 0.387);
- after tuning on its own misses: see ``docs/extraction.md`` (held-out table). The floors are set
  a little below the last measurement, to catch regressions; they are not targets.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import DocumentSetChecks, Floors


class TestHeldout8(DocumentSetChecks):
    folder = Path(__file__).resolve().parent / "heldout8"
    floors = Floors(
        precision=0.93,
        recall=0.78,
        f1=0.87,
        value_accuracy=0.95,
        metadata=0.9,
    )
