"""Second held-out set: six invented documents, labelled blind to the extractor.

``tests/heldout2/documents`` holds two call transcripts, two HTML press releases (with a script and
a hidden element whose figures must not be extracted), a shareholder letter (Markdown) and a 10-Q
excerpt, all about fictional companies and written in our own words. ``tests/heldout2/labels.jsonl``
labels every claim-bearing sentence in them (exhaustive for positives) and the hard negatives met
along the way, with each document's company, fiscal period and type.

Scoring, like ``analyzer.evaluate``: each extracted claim goes to the labelled sentence of its
document with the highest word overlap (relative to the shorter sentence, at least 0.7); an
extracted claim that reaches no positive sentence is a false positive. Within a sentence, extracted
and labelled figures are paired closest-first by log value; unpaired labelled figures are misses,
unpaired extracted ones false positives. "Strict" drops borderline sentences and the claims that
land on them. A paired value is right when it equals the label (the low end of a labelled range,
and then ``value_high`` must equal the high end) within 0.5%. Company names are compared ignoring
case, punctuation and legal suffixes (Inc., Corp., ...); fiscal period and doc type exactly.

The floors were set AFTER measuring, a little below the numbers measured on the first run (see the
constants): they catch regressions; they are not targets. The issue's targets (F1 0.90, value
accuracy 0.95) are printed beside them.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from analyzer.claims import extract_path
from analyzer.records import Claim

HERE = Path(__file__).resolve().parent / "heldout2"
DOCS = HERE / "documents"
LABELS = HERE / "labels.jsonl"
MIN_OVERLAP = 0.7

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

_SUFFIXES = {"inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "the"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'")))


def _overlap(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _company_key(name: str | None) -> str:
    return " ".join(w for w in re.findall(r"[a-z0-9]+", (name or "").lower()) if w not in _SUFFIXES)


def _bounds(label_claim: dict[str, Any]) -> tuple[float, float | None]:
    v = label_claim["value_normalized"]
    return (float(v[0]), float(v[1])) if isinstance(v, list) else (float(v), None)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=5e-3, abs_tol=1e-9)


def _log_gap(a: float, b: float) -> float:
    return abs(math.log(max(a, 1e-12)) - math.log(max(b, 1e-12)))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Result:
    strict: Score = field(default_factory=Score)
    loose: Score = field(default_factory=Score)
    pairs: int = 0
    value_ok: int = 0
    unit_ok: int = 0
    doc_fields_ok: int = 0
    doc_fields: int = 0
    lines: list[str] = field(default_factory=list)

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.pairs if self.pairs else 0.0


def _load() -> dict[str, list[dict[str, Any]]]:
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            lab = json.loads(line)
            by_doc.setdefault(lab["doc"], []).append(lab)
    return by_doc


def _count(result: Result, borderline: bool, tp: int, fp: int, fn: int) -> None:
    for score in (result.loose,) if borderline else (result.loose, result.strict):
        score.tp += tp
        score.fp += fp
        score.fn += fn


def _score_document(name: str, labels: list[dict[str, Any]], result: Result) -> None:
    ex = extract_path(DOCS / name)
    doc = ex.document
    first = labels[0]
    checks = (
        ("company", first["company"], doc.company),
        ("fiscal_period", first["fiscal_period"], doc.fiscal_period),
        ("doc_type", first["doc_type"], str(doc.doc_type)),
    )
    for attr, want, value in checks:
        good = _company_key(value) == _company_key(want) if attr == "company" else value == want
        result.doc_fields += 1
        result.doc_fields_ok += good
        if not good:
            result.lines.append(f"[{name}] {attr}: got {value!r}; want {want!r}")
    landed: dict[int, list[Claim]] = {i: [] for i in range(len(labels))}
    for claim in ex.claims:
        scores = [_overlap(claim.sentence, lab["text"]) for lab in labels]
        best = max(range(len(labels)), key=scores.__getitem__)
        if scores[best] >= MIN_OVERLAP:
            landed[best].append(claim)
        else:
            _count(result, False, 0, 1, 0)
            result.lines.append(
                f"[{name}] FP unlabelled {claim.value_text!r} ({claim.unit}): {claim.sentence[:90]}"
            )
    for i, lab in enumerate(labels):
        wanted = lab["claims"] if lab["is_adoption_claim"] else []
        got = landed[i]
        gaps = sorted(
            (_log_gap(c.value, _bounds(w)[0]), wi, ci)
            for wi, w in enumerate(wanted)
            for ci, c in enumerate(got)
        )
        used_w: set[int] = set()
        used_c: set[int] = set()
        for _, wi, ci in gaps:  # closest first
            if wi in used_w or ci in used_c:
                continue
            used_w.add(wi)
            used_c.add(ci)
            w, c = wanted[wi], got[ci]
            lo, hi = _bounds(w)
            ok = _close(c.value, lo) and (hi is None or _close(c.value_high, hi))
            result.pairs += 1
            result.value_ok += ok
            if not ok:
                result.lines.append(
                    f"[{name}] VALUE {w['value_as_written']!r}: got {c.value:g}"
                    f"{'' if c.value_high is None else f'-{c.value_high:g}'}; want "
                    f"{w['value_normalized']}: {lab['text'][:80]}"
                )
        tag = " (borderline)" if lab["borderline"] else ""
        for wi, w in enumerate(wanted):
            if wi not in used_w:
                result.lines.append(
                    f"[{name}] MISS{tag} {w['value_as_written']!r}: {lab['text'][:100]}"
                )
        for ci, c in enumerate(got):
            if ci not in used_c:
                why = lab["negative_reason"] or "extra figure"
                result.lines.append(
                    f"[{name}] FP{tag} {c.value_text!r} ({why}): {lab['text'][:100]}"
                )
        _count(
            result,
            bool(lab["borderline"]),
            len(used_w),
            len(got) - len(used_c),
            len(wanted) - len(used_w),
        )


@pytest.fixture(scope="module")
def result() -> Result:
    res = Result()
    for name, labels in sorted(_load().items()):
        _score_document(name, labels, res)
    s, lo = res.strict, res.loose
    print()
    print(f"{'heldout2':20}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}")
    for tag, c in (("strict", s), ("with borderline", lo)):
        print(f"{tag:20}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.tp:5d}{c.fp:5d}{c.fn:5d}")
    print(
        f"value accuracy {res.value_accuracy:.3f} on {res.pairs} pairs (issue target 0.95); "
        f"document fields {res.doc_fields_ok}/{res.doc_fields}"
    )
    print("misses, false positives and wrong values:")
    for line in res.lines:
        print("  " + line)
    return res


def test_labels_cover_six_documents_that_exist() -> None:
    by_doc = _load()
    assert sorted(by_doc) == sorted(p.name for p in DOCS.iterdir())
    assert len(by_doc) == 6
    assert sum(len(lab["claims"]) for labs in by_doc.values() for lab in labs) >= 60


def test_detection_floors(result: Result) -> None:
    s = result.strict
    assert s.precision >= FLOOR_STRICT_PRECISION, s
    assert s.recall >= FLOOR_STRICT_RECALL, s
    assert s.f1 >= FLOOR_STRICT_F1, s


def test_value_accuracy_floor(result: Result) -> None:
    assert result.pairs > 0
    assert result.value_accuracy >= FLOOR_VALUE_ACCURACY


def test_document_fields_floor(result: Result) -> None:
    assert result.doc_fields == 18
    assert result.doc_fields_ok >= FLOOR_DOC_FIELDS
