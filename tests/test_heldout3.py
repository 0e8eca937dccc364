"""Blind held-out set 3: the extractor scored on sentences written without reading its rules.

``tests/heldout3/sentences.jsonl`` holds 74 invented sentences (42 positives, a third of them
two-sentence contexts whose figure sits in the second sentence; 32 hard negatives), labelled by
the policy in ``shared/corpus/labels/README.md``. Each text is read as a one-page text document
and scored by the shared held-out scorer (``analyzer.evaluate.evaluate_heldout``, described in
``docs/extraction.md``): claims are matched to labels within each text one-to-one, closest value
first (a range label ``[lo, hi]`` is compared with ``value``/``value_high``). A matched claim has
the right value when it is within 0.5% of the label (both ends for a range).

Precision, recall and F1 count non-borderline items only: claims matched to borderline labels and
claims extracted from borderline negatives are ignored; value accuracy is over all matched pairs.
The floors asserted below were set a little under the scores measured when the set was committed
(P 0.833, R 0.532, F1 0.649, value accuracy 1.000; tp 25, fp 5, fn 22); they guard against
regressions, they are not targets. Run ``python -m pytest tests/test_heldout3.py -q -s`` to see the
table of misses and false positives.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from analyzer.evaluate import (
    evaluate_heldout,
    extract_sentence,
    format_heldout_report,
    load_heldout,
)

SET = Path(__file__).resolve().parent / "heldout3"

# Floors: a little below the measured scores (see module docstring).
# Raised after the general2 rules (2026-11-25), which measured P 1.000, R 1.000, F1 1.000, value
# accuracy 1.000 (tp 47, fp 0, fn 0): about one claim's worth below that.
MIN_PRECISION = 0.95
MIN_RECALL = 0.95
MIN_F1 = 0.95
MIN_VALUE_ACCURACY = 0.95

UNITS = {
    "percent",
    "tokens",
    "users",
    "customers",
    "requests",
    "dollars",
    "hours",
    "seats",
    "developers",
    "developer_years",
    "multiple",
    "count",
}
PERIODS = {"daily", "weekly", "monthly", "quarterly", "annual", "per_minute", "cumulative", "none"}
KINDS = {"usage_activity", "user_count", "share_of_work", "outcome"}


def test_set_is_well_formed() -> None:
    items = load_heldout(SET)
    assert len({i["id"] for i in items}) == len(items)
    positives = [i for i in items if i["is_adoption_claim"]]
    assert len(positives) >= 35 and len(items) - len(positives) >= 25
    for item in items:
        if item["is_adoption_claim"]:
            assert item["claims"], item["id"]
            for lab in item["claims"]:
                assert lab["unit"] in UNITS and lab["period"] in PERIODS, item["id"]
                assert lab["metric_kind"] in KINDS, item["id"]
                value = lab["value_normalized"]
                assert not isinstance(value, list) or value[0] < value[1], item["id"]
        else:
            assert not item["claims"] and item["negative_reason"], item["id"]


def test_heldout3_scores_stay_above_floors() -> None:
    score = evaluate_heldout(SET)
    msg = format_heldout_report(score)
    print("\n" + msg)
    assert not score.crashes, msg
    assert score.strict.precision >= MIN_PRECISION, msg
    assert score.strict.recall >= MIN_RECALL, msg
    assert score.strict.f1 >= MIN_F1, msg
    assert score.value_accuracy >= MIN_VALUE_ACCURACY, msg


@pytest.mark.parametrize(
    "item",
    [i for i in load_heldout(SET) if not i["is_adoption_claim"] and not i["borderline"]],
    ids=lambda i: i["id"],
)
def test_extract_runs_on_every_negative(item: dict[str, Any]) -> None:
    # every text is readable and extraction returns claims with finite values
    assert all(math.isfinite(c.value) for c in extract_sentence(item["text"], "heldout3.txt"))
