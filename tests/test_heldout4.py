"""Held-out set 4: four invented-company documents, labelled blind, scored against the extractor.

The documents in ``tests/heldout4/documents`` (a call transcript, a press release, a shareholder
letter and a 10-Q excerpt, all fictional and written in our own words) were labelled exhaustively in
``tests/heldout4/labels.jsonl`` *without reading the extractor or the other test sets*: every
sentence carrying an AI-adoption claim, and the hard negatives (mandates, targets, leaderboards,
capex, headcount, installed bases, guidance, hypotheticals, specs, years, hidden/script text).

Scoring: each document goes through ``analyzer.claims.extract_path``. An extracted claim is a
candidate for a labelled claim when their sentences overlap (containment, or most words shared);
candidate pairs are then assigned one-to-one, closest value first (a labelled range matches
``value``/``value_high``). Unassigned extracted claims are false positives, unassigned labelled
claims are misses. Claims in borderline sentences count neither way in the non-borderline scores.
Value accuracy is over assigned pairs. Company, fiscal period and document type are checked per
document.

The floors asserted below were set AFTER measuring, a little below the measured numbers, so that
they catch regressions rather than describe a target; run with ``-s`` to see the scores and the
table of misses and false positives.
"""

from __future__ import annotations

import functools
import html
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from analyzer.claims import extract_path
from analyzer.records import Claim, Extraction

HERE = Path(__file__).resolve().parent / "heldout4"
DOCS = HERE / "documents"
LABELS = HERE / "labels.jsonl"

# Floors: measured first, then set slightly lower. Measured on 2026-11-25 (non-borderline):
# TP=12 FP=4 FN=36, P=0.750 R=0.250 F1=0.375; value accuracy 18/18 = 1.000; metadata 11/12 = 0.917.
# Low recall is the honest measurement, not a target: raise these floors as the extractor improves.
FLOOR_F1 = 0.33
FLOOR_PRECISION = 0.70
FLOOR_RECALL = 0.22
FLOOR_VALUE_ACCURACY = 0.95
FLOOR_METADATA = 0.90

_WORD = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")
_COMPANY_SUFFIX = re.compile(r"\b(inc|corp|corporation|co|ltd|llc|plc|the)\b\.?")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def _norm(text: str) -> str:
    return " ".join(_words(text))


def sentences_overlap(extracted: str, labelled: str) -> bool:
    """True when one sentence contains the other, or most words of the shorter are shared."""
    a, b = _norm(extracted), _norm(labelled)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa, wb = set(a.split()), set(b.split())
    shared = len(wa & wb)
    return shared >= 5 and shared / min(len(wa), len(wb)) >= 0.8


def _close(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return False
    return math.isclose(x, y, rel_tol=5e-3, abs_tol=1e-9)


@dataclass
class LabelClaim:
    row: dict[str, Any]
    index: int
    lo: float
    hi: float | None

    @property
    def borderline(self) -> bool:
        return bool(self.row["borderline"])

    def distance(self, claim: Claim) -> float:
        """Relative distance of the extracted figure from this labelled one (0 = same)."""
        if self.hi is not None and claim.value_high is not None:
            return _rel(claim.value, self.lo) + _rel(claim.value_high, self.hi)
        if self.hi is not None:
            return min(_rel(claim.value, self.lo), _rel(claim.value, self.hi))
        return _rel(claim.value, self.lo)

    def value_correct(self, claim: Claim) -> bool:
        if self.hi is not None:
            return _close(claim.value, self.lo) and _close(claim.value_high, self.hi)
        return _close(claim.value, self.lo)


def _rel(x: float, y: float) -> float:
    return abs(x - y) / max(abs(x), abs(y), 1e-12)


@dataclass
class DocScore:
    doc: str
    extraction: Extraction | None = None
    error: str | None = None
    pairs: list[tuple[Claim, LabelClaim]] = field(default_factory=list)
    misses: list[LabelClaim] = field(default_factory=list)
    false_positives: list[tuple[Claim, dict[str, Any] | None]] = field(default_factory=list)
    borderline_fp: list[Claim] = field(default_factory=list)


def load_labels() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LABELS.read_text().splitlines() if line.strip()]


def _label_claims(rows: list[dict[str, Any]]) -> list[LabelClaim]:
    out: list[LabelClaim] = []
    for row in rows:
        for i, claim in enumerate(row["claims"]):
            v = claim["value_normalized"]
            lo, hi = (float(v[0]), float(v[1])) if isinstance(v, list) else (float(v), None)
            out.append(LabelClaim(row, i, lo, hi))
    return out


def score_document(doc: str, rows: list[dict[str, Any]]) -> DocScore:
    result = DocScore(doc)
    try:
        result.extraction = extract_path(DOCS / doc)
    except Exception as exc:  # noqa: BLE001 - a crash is scored as "everything missed"
        result.error = f"{type(exc).__name__}: {exc}"
        result.misses = _label_claims(rows)
        return result
    claims = list(result.extraction.claims)
    labelled = _label_claims(rows)
    candidates = [
        (lab.distance(c), ci, li)
        for ci, c in enumerate(claims)
        for li, lab in enumerate(labelled)
        if sentences_overlap(c.sentence, lab.row["text"])
    ]
    used_c: set[int] = set()
    used_l: set[int] = set()
    for _, ci, li in sorted(candidates):
        if ci in used_c or li in used_l:
            continue
        used_c.add(ci)
        used_l.add(li)
        result.pairs.append((claims[ci], labelled[li]))
    result.misses = [lab for li, lab in enumerate(labelled) if li not in used_l]
    for ci, c in enumerate(claims):
        if ci in used_c:
            continue
        row = next((r for r in rows if sentences_overlap(c.sentence, r["text"])), None)
        if row is not None and row["borderline"]:
            result.borderline_fp.append(c)
        else:
            result.false_positives.append((c, row))
    return result


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _company_key(name: str | None) -> set[str]:
    return set(_COMPANY_SUFFIX.sub(" ", (name or "").lower().replace(",", " ")).split())


def metadata_checks(
    scores: list[DocScore], rows: list[dict[str, Any]]
) -> list[tuple[str, str, Any, Any, bool]]:
    """(doc, field, expected, got, ok) for company, fiscal period and doc type of each document."""
    out = []
    for s in scores:
        row = next(r for r in rows if r["doc"] == s.doc)
        d = s.extraction.document if s.extraction else None
        got_company = d.company if d else None
        exp_key, got_key = _company_key(row["company"]), _company_key(got_company)
        company_ok = bool(got_key) and (exp_key <= got_key or got_key <= exp_key)
        got_period = d.fiscal_period if d else None
        got_type = str(d.doc_type) if d else None
        out += [
            (s.doc, "company", row["company"], got_company, company_ok),
            (s.doc, "fiscal_period", row["period"], got_period, got_period == row["period"]),
            (s.doc, "doc_type", row["doc_type"], got_type, got_type == row["doc_type"]),
        ]
    return out


@functools.lru_cache(maxsize=1)
def evaluate() -> dict[str, Any]:
    rows = load_labels()
    docs = sorted({r["doc"] for r in rows})
    scores = [score_document(d, [r for r in rows if r["doc"] == d]) for d in docs]
    pairs = [p for s in scores for p in s.pairs]
    tp = sum(1 for _, lab in pairs if not lab.borderline)
    fn = sum(1 for s in scores for lab in s.misses if not lab.borderline)
    fp = sum(len(s.false_positives) for s in scores)
    p, r, f = _prf(tp, fp, fn)
    tp_all = len(pairs)
    fn_all = sum(len(s.misses) for s in scores)
    fp_all = fp + sum(len(s.borderline_fp) for s in scores)
    p_all, r_all, f_all = _prf(tp_all, fp_all, fn_all)
    value_ok = sum(1 for c, lab in pairs if lab.value_correct(c))
    meta = metadata_checks(scores, rows)
    return {
        "scores": scores,
        "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f,
        "precision_all": p_all, "recall_all": r_all, "f1_all": f_all,
        "value_accuracy": value_ok / len(pairs) if pairs else 0.0,
        "value_ok": value_ok, "matched": len(pairs),
        "metadata": meta,
        "metadata_accuracy": sum(ok for *_, ok in meta) / len(meta),
    }  # fmt: skip


def report(res: dict[str, Any]) -> str:
    lines = [
        f"non-borderline: TP={res['tp']} FP={res['fp']} FN={res['fn']} "
        f"P={res['precision']:.3f} R={res['recall']:.3f} F1={res['f1']:.3f}",
        f"with borderline: P={res['precision_all']:.3f} R={res['recall_all']:.3f} "
        f"F1={res['f1_all']:.3f}",
        f"value accuracy: {res['value_ok']}/{res['matched']} = {res['value_accuracy']:.3f}",
        f"metadata: {res['metadata_accuracy']:.3f}",
    ]
    for doc, fld, exp, got, ok in res["metadata"]:
        if not ok:
            lines.append(f"  META  {doc} {fld}: expected {exp!r}, got {got!r}")
    for s in res["scores"]:
        if s.error:
            lines.append(f"  ERROR {s.doc}: {s.error}")
        for lab in s.misses:
            tag = "MISS(b)" if lab.borderline else "MISS"
            cl = lab.row["claims"][lab.index]
            lines.append(
                f"  {tag:8} {s.doc} {cl['value_as_written']!r}={cl['value_normalized']} "
                f"| {lab.row['text'][:90]}"
            )
        for c, row in s.false_positives:
            why = (
                row["negative_reason"]
                if row and not row["is_adoption_claim"]
                else ("extra figure in a positive sentence" if row else "unlabelled sentence")
            )
            lines.append(
                f"  FP       {s.doc} {c.value_text!r}={c.value} [{why}] | {c.sentence[:90]}"
            )  # fmt: skip
        for c, lab in s.pairs:
            if not lab.value_correct(c):
                cl = lab.row["claims"][lab.index]
                lines.append(
                    f"  VALUE    {s.doc} got {c.value}/{c.value_high} want "
                    f"{cl['value_normalized']} | {lab.row['text'][:80]}"
                )
    return "\n".join(lines)


# ----------------------------------------------------------------------------------- tests


def test_labels_quote_their_documents() -> None:
    """Every labelled sentence is really in its document (guards the labels, not the extractor)."""
    for row in load_labels():
        raw = (DOCS / row["doc"]).read_text(encoding="utf-8")
        text = re.sub(r"\s+", " ", html.unescape(raw))
        assert row["text"] in text, row["id"]
        assert row["is_adoption_claim"] == bool(row["claims"]), row["id"]


def test_sentence_overlap_rule() -> None:
    label = "Ledger closed over 180,000 dispute cases to date."
    assert sentences_overlap("Ledger closed over 180,000 dispute cases to date.", label)
    assert sentences_overlap("x. " + label + " More text follows here.", label)
    assert not sentences_overlap("Tally supports 14 languages and many banks.", label)


def test_claim_detection_floor() -> None:
    res = evaluate()
    print("\n" + report(res))
    assert res["precision"] >= FLOOR_PRECISION, report(res)
    assert res["recall"] >= FLOOR_RECALL, report(res)
    assert res["f1"] >= FLOOR_F1, report(res)


def test_value_accuracy_floor() -> None:
    res = evaluate()
    assert res["matched"] > 0, report(res)
    assert res["value_accuracy"] >= FLOOR_VALUE_ACCURACY, report(res)


def test_document_metadata_floor() -> None:
    res = evaluate()
    assert res["metadata_accuracy"] >= FLOOR_METADATA, report(res)


@pytest.mark.parametrize("doc", sorted({r["doc"] for r in load_labels()}))
def test_document_is_read_without_error(doc: str) -> None:
    res = evaluate()
    score = next(s for s in res["scores"] if s.doc == doc)
    assert score.error is None, score.error
