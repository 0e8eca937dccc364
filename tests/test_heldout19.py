"""Held-out set 19: four call transcripts (cybersecurity, airline, medical devices, a bank) in four
speaker-line layouts ('NAME, TITLE:', 'Name (Company):', '[Name - Title]' lines, 'Name, Title' lines
with 'Q - Name' / 'A - Name'), labelled blind.

Written by a team member in session 4; ``tests/heldout19/README.md`` says how: the author read
neither the extractor nor the other sets, and every company, product and sentence is invented.
Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, see
``docs/extraction.md``).

Measured on 2026-11-25, non-borderline F1 (``python -m analyzer.evaluate --heldout
tests/heldout19``):
- blind, before any tuning on it: 0.250 (P 0.733, R 0.151): three of the four layouts were not read
  as speakers, so everything after the operator was taken for the operator's, with the extractor of
  session 4 after the rounds on sets 13-18;
- after tuning on its own misses: see ``docs/extraction.md`` (held-out table). The floors are set a
  little below the last measurement, to catch regressions; they are not targets.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import DocumentSetChecks, Floors


class TestHeldout19(DocumentSetChecks):
    folder = Path(__file__).resolve().parent / "heldout19"
    floors = Floors(
        precision=0.85,
        recall=0.47,
        f1=0.6,
        value_accuracy=0.9,
        metadata=0.9,
    )
