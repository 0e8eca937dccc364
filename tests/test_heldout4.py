"""Held-out set 4: four invented-company documents, labelled blind, scored against the extractor.

The documents in ``tests/heldout4/documents`` (a call transcript, a press release, a shareholder
letter and a 10-Q excerpt, all fictional and written in our own words) were labelled exhaustively in
``tests/heldout4/labels.jsonl`` *without reading the extractor or the other test sets*: every
sentence carrying an AI-adoption claim, and the hard negatives (mandates, targets, leaderboards,
capex, headcount, installed bases, guidance, hypotheticals, specs, years, hidden/script text).

Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, described in
``docs/extraction.md``): each document goes through ``analyzer.claims.extract_path``. An extracted
claim is a candidate for a labelled claim when their sentences overlap (containment, or most words
shared); candidate pairs are then assigned one-to-one, closest value first (a labelled range
matches ``value``/``value_high``). Unassigned extracted claims are false positives, unassigned
labelled claims are misses. Claims in borderline sentences count neither way in the non-borderline
scores. Value accuracy is over assigned pairs. Company, fiscal period and document type are checked
per document.

The floors asserted below were set AFTER measuring, a little below the measured numbers, so that
they catch regressions rather than describe a target; run with ``-s`` to see the scores and the
table of misses and false positives.
"""

from __future__ import annotations

from pathlib import Path

from heldout_support import DocumentSetChecks, Floors

# Floors: measured first, then set slightly lower. Measured on 2026-11-25 (non-borderline):
# blind, F1 0.375 (P 0.750, R 0.250); after two rounds tuned on sets 1-3, 0.587 (P 0.815,
# R 0.458); this set was then tuned on: 0.968 (P 1.000, R 0.938; value accuracy 51/51;
# metadata 12/12). It is no longer blind; sets 5 and 6 carry the later blind measurements.


class TestHeldout4(DocumentSetChecks):
    folder = Path(__file__).resolve().parent / "heldout4"
    floors = Floors(
        precision=0.95,
        recall=0.88,
        f1=0.92,
        value_accuracy=0.95,
        metadata=0.90,
    )
