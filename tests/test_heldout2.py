"""Second held-out set: six invented documents, labelled blind to the extractor.

``tests/heldout2/documents`` holds two call transcripts, two HTML press releases (with a script and
a hidden element whose figures must not be extracted), a shareholder letter (Markdown) and a 10-Q
excerpt, all about fictional companies and written in our own words. ``tests/heldout2/labels.jsonl``
labels every claim-bearing sentence in them (exhaustive for positives) and the hard negatives met
along the way, with each document's company, fiscal period and type.

Scoring is the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, described in
``docs/extraction.md``): extracted and labelled claims whose sentences overlap are paired
one-to-one, closest value first; unpaired labelled figures are misses, unpaired extracted ones
false positives (also when they land on no labelled sentence). "Strict" drops borderline
sentences. A paired value is right within 0.5% (both ends of a labelled range). Company names are
compared ignoring case, punctuation and legal suffixes (Inc., Corp., ...); fiscal period and doc
type exactly.

The floors were set AFTER measuring, a little below the numbers measured on the first run (see the
constants): they catch regressions; they are not targets. The issue's targets (F1 0.90, value
accuracy 0.95) are printed beside them. Run with ``-s`` to see the scores and the table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.evaluate import HeldoutReport, evaluate_heldout, format_heldout_report, load_heldout

HERE = Path(__file__).resolve().parent / "heldout2"
DOCS = HERE / "documents"

# Measured on the first run (2026-11-25): strict P 0.897 (26/29), R 0.448 (26/58), F1 0.598;
# with borderline P 0.871, R 0.370, F1 0.519; value accuracy 0.889 (24/27 pairs); document
# fields 16/18. The floors sit a little below (about one claim's worth), to catch regressions.
# Raised after the general2 rules (2026-11-25), which measured strict P 1.000 (51/51), R 0.879
# (51/58), F1 0.936; value accuracy 1.000 (56 pairs); document fields 16/18.
FLOOR_STRICT_PRECISION = 0.95
FLOOR_STRICT_RECALL = 0.85
FLOOR_STRICT_F1 = 0.90
FLOOR_VALUE_ACCURACY = 0.95
FLOOR_DOC_FIELDS = 16  # of 18 (company, period, type for six documents)


@pytest.fixture(scope="module")
def result() -> HeldoutReport:
    res = evaluate_heldout(HERE)
    print("\n" + format_heldout_report(res))
    return res


def test_labels_cover_six_documents_that_exist() -> None:
    rows = load_heldout(HERE)
    docs = {row["doc"] for row in rows}
    assert sorted(docs) == sorted(p.name for p in DOCS.iterdir())
    assert len(docs) == 6
    assert sum(len(row["claims"]) for row in rows) >= 60


def test_detection_floors(result: HeldoutReport) -> None:
    s = result.strict
    assert not result.crashes, format_heldout_report(result)
    assert s.precision >= FLOOR_STRICT_PRECISION, format_heldout_report(result)
    assert s.recall >= FLOOR_STRICT_RECALL, format_heldout_report(result)
    assert s.f1 >= FLOOR_STRICT_F1, format_heldout_report(result)


def test_value_accuracy_floor(result: HeldoutReport) -> None:
    assert result.pairs > 0
    assert result.value_accuracy >= FLOOR_VALUE_ACCURACY, format_heldout_report(result)


def test_document_fields_floor(result: HeldoutReport) -> None:
    assert len(result.metadata) == 18
    assert result.metadata_ok >= FLOOR_DOC_FIELDS, format_heldout_report(result)
