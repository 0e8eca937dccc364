"""Held-out check of the claim extractor on sentences written blind to its rules.

``tests/heldout/sentences.jsonl`` holds invented sentences (fictional companies, our own words) in
the style of calls, 10-K/10-Q text, shareholder letters and press releases, labelled by the policy
in ``../shared/corpus/labels/README.md`` *before* the extractor's code was read. Each sentence is
read as a one-page text document and scored like ``analyzer.evaluate``: within a sentence,
extracted claims are paired with labelled claims closest value first (log distance); pairs are
true positives, unpaired labels false negatives, unpaired extractions false positives. Detection
P/R/F1 are on non-borderline sentences; value accuracy is on the pairs of all sentences (a labelled
range ``[lo, hi]`` needs ``value`` = lo and ``value_high`` = hi).

The floors below are regression floors, not targets: they were set after measuring, a little below
what the extractor scored when this test was written (measured F1 minus about 0.05, value accuracy
minus about 0.05), so that a change that makes held-out results clearly worse fails. The issue's
targets (F1 >= 0.90, value accuracy >= 0.95) are printed beside the scores for information.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from analyzer.claims import extract
from analyzer.documents import read_document
from analyzer.evaluate import TARGET_F1, TARGET_VALUE_ACCURACY, Counts, label_unit, values_match
from analyzer.records import Claim

SENTENCES = Path(__file__).resolve().parent / "heldout" / "sentences.jsonl"

# Measured when this test was written, before the extractor's code was read (without borderline):
# P 0.865, R 0.478, F1 0.615 (TP 32, FP 5, FN 35); value accuracy 1.000 on 32 pairs.
# After the general rules of branch `general` (lexicon, modifiers, "N of our X", levels after
# growth, ...): P 1.000, R 0.851, F1 0.919 (TP 57, FP 0, FN 10); value accuracy 0.983 on 59 pairs
# (the miss is a "between A and B" range, left to the range parser's owner).
# The floors sit about 0.05 below; raise them as the extractor improves.
FLOOR_F1 = 0.87
FLOOR_PRECISION = 0.95
FLOOR_RECALL = 0.80
FLOOR_VALUE_ACCURACY = 0.95


def _load() -> list[dict[str, Any]]:
    lines = SENTENCES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _bounds(label_claim: dict[str, Any]) -> tuple[float, float | None]:
    v = label_claim["value_normalized"]
    if isinstance(v, list):
        return float(v[0]), float(v[1])
    return float(v), None


def _value_ok(claim: Claim, label_claim: dict[str, Any]) -> bool:
    lo, hi = _bounds(label_claim)
    if not values_match(claim.value, lo):
        return False
    if hi is None:
        return True
    return claim.value_high is not None and values_match(claim.value_high, hi)


@dataclass
class HeldoutReport:
    strict: Counts = field(default_factory=Counts)  # without borderline
    loose: Counts = field(default_factory=Counts)  # with borderline
    pairs: int = 0
    value_ok: int = 0
    unit_ok: int = 0
    kind_ok: int = 0
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)  # id, kind, figure, detail

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.pairs if self.pairs else 0.0

    def table(self) -> str:
        s, lo = self.strict, self.loose
        out = [
            "held-out extraction scores",
            f"  without borderline: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} "
            f"(TP {s.tp}, FP {s.fp}, FN {s.fn})",
            f"  with borderline:    P {lo.precision:.3f} R {lo.recall:.3f} F1 {lo.f1:.3f} "
            f"(TP {lo.tp}, FP {lo.fp}, FN {lo.fn})",
            f"  on {self.pairs} pairs: value accuracy {self.value_accuracy:.3f}, unit "
            f"{self.unit_ok}/{self.pairs}, metric_kind {self.kind_ok}/{self.pairs}",
            f"  (issue targets: F1 >= {TARGET_F1}, value accuracy >= {TARGET_VALUE_ACCURACY})",
            "",
            f"{'id':14}{'kind':16}{'figure':34}detail",
        ]
        out += [f"{i:14}{k:16}{f[:33]:34}{d}" for i, k, f, d in self.rows]
        return "\n".join(out)


def _pair(wanted: list[dict[str, Any]], claims: list[Claim]) -> list[tuple[dict[str, Any], Claim]]:
    """Pair labelled and extracted claims, closest value (log distance) first over all pairs, so
    that a lone extracted "8x" pairs with the labelled "8x" rather than the level listed before it.
    """
    candidates = sorted(
        (abs(math.log(max(cl.value, 1e-12)) - math.log(max(_bounds(lc)[0], 1e-12))), i, j)
        for i, lc in enumerate(wanted)
        for j, cl in enumerate(claims)
    )
    used_l: set[int] = set()
    used_c: set[int] = set()
    pairs: list[tuple[dict[str, Any], Claim]] = []
    for _, i, j in candidates:
        if i not in used_l and j not in used_c:
            used_l.add(i)
            used_c.add(j)
            pairs.append((wanted[i], claims[j]))
    return pairs


def score(labels: list[dict[str, Any]]) -> HeldoutReport:
    """Run the extractor on each labelled sentence and score it."""
    report = HeldoutReport()
    for label in labels:
        document = read_document(label["text"].encode("utf-8"), name="heldout.txt")
        claims = list(extract(document).claims)
        borderline = bool(label.get("borderline"))
        tag = label["id"] + (" (b)" if borderline else "")
        wanted = list(label["claims"]) if label["is_adoption_claim"] else []
        pairs = _pair(wanted, claims)
        paired = {id(cl) for _, cl in pairs}
        unused = [cl for cl in claims if id(cl) not in paired]
        c = Counts(tp=len(pairs), fp=len(unused), fn=len(wanted) - len(pairs))
        report.loose.add(c)
        if not borderline:
            report.strict.add(c)
        for lc, cl in pairs:
            report.pairs += 1
            ok_v = _value_ok(cl, lc)
            ok_u = str(cl.unit) == label_unit(lc["unit"])
            ok_k = str(cl.metric_kind) == lc["metric_kind"]
            report.value_ok += ok_v
            report.unit_ok += ok_u
            report.kind_ok += ok_k
            if not ok_v:
                got = f"{cl.value:g}" + (f"-{cl.value_high:g}" if cl.value_high else "")
                report.rows.append(
                    (
                        tag,
                        "wrong value",
                        lc["value_as_written"],
                        f"got {got}, want {lc['value_normalized']} ({cl.value_text!r})",
                    )
                )
            elif not (ok_u and ok_k):
                report.rows.append(
                    (
                        tag,
                        "wrong unit/kind",
                        lc["value_as_written"],
                        f"got {cl.unit}/"
                        f"{cl.metric_kind}, want {label_unit(lc['unit'])}/{lc['metric_kind']}",
                    )
                )
        for lc in [lc for lc in wanted if not any(lc is p for p, _ in pairs)]:
            report.rows.append((tag, "missed", lc["value_as_written"], label["text"][:90]))
        for cl in unused:
            why = label.get("negative_reason") or "extra figure"
            report.rows.append((tag, f"FP:{why}"[:15], cl.value_text, label["text"][:90]))
    return report


@pytest.fixture(scope="module")
def report() -> HeldoutReport:
    result = score(_load())
    print("\n" + result.table())
    return result


def test_heldout_set_is_well_formed() -> None:
    labels = _load()
    ids = [lab["id"] for lab in labels]
    assert len(ids) == len(set(ids))
    positives = [lab for lab in labels if lab["is_adoption_claim"]]
    assert 40 <= len(positives) <= 55 and len(labels) - len(positives) >= 30
    for lab in labels:
        assert bool(lab["claims"]) == lab["is_adoption_claim"], lab["id"]
        assert lab["is_adoption_claim"] or lab.get("negative_reason"), lab["id"]


def test_heldout_detection_floor(report: HeldoutReport) -> None:
    s = report.strict
    assert s.f1 >= FLOOR_F1, report.table()
    assert s.precision >= FLOOR_PRECISION, report.table()
    assert s.recall >= FLOOR_RECALL, report.table()


def test_heldout_value_accuracy_floor(report: HeldoutReport) -> None:
    assert report.value_accuracy >= FLOOR_VALUE_ACCURACY, report.table()
