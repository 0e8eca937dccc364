"""Held-out set 11: four documents from non-US companies reporting in English (an Indian IT-services
integrated annual report and a Japanese half-year deck as PDFs, a Dutch telecom press release in
HTML, an Australian bank's results call with a moderator), labelled blind.

Written by a team member in session 3; ``tests/heldout11/README.md`` says how: the author read
neither the extractor nor the other sets, and every company, product and sentence is invented.
Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, see
``docs/extraction.md``).

Measured on 2026-11-25, non-borderline F1 (``python -m analyzer.evaluate --heldout
tests/heldout11``):
- blind, before any tuning on it: 0.672 with the extractor at the start of session 3 (P 0.837, R
  0.562); 0.731 after every round of session 3 except the one on sets 11 and 12 (P 0.803, R 0.671);
- after tuning on its own misses: see ``docs/extraction.md`` (held-out table). The floors are set
  a little below the last measurement, to catch regressions; they are not targets.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import DocumentSetChecks, Floors


class TestHeldout11(DocumentSetChecks):
    folder = Path(__file__).resolve().parent / "heldout11"
    floors = Floors(
        precision=0.86,
        recall=0.63,
        f1=0.79,
        value_accuracy=0.85,
        metadata=0.7,
    )
