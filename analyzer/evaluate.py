"""Score the extractor on the labelled corpus: ``python -m analyzer.evaluate``.

Two label files in ``../shared/corpus/labels`` (see its README):

- ``docs_dev.jsonl``: four whole PDFs labelled exhaustively for positives. Each extracted claim is
  matched to a labelled sentence by document, page (±1) and word overlap; an extracted claim that
  matches no positive sentence is a false positive.
- ``sentences_dev.jsonl``: single sentences, each run as a one-page text document.

Detection is scored per figure: within a labelled sentence, extracted claims are paired with the
labelled claims (closest value first); pairs are true positives, unpaired labelled claims false
negatives, unpaired extracted claims false positives. "Without borderline" drops borderline
sentences (and the claims extracted from them) entirely. Value, unit and metric kind accuracy are
measured on the pairs of the with-borderline run.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyzer.claims import extract, extract_path
from analyzer.documents import read_document
from analyzer.records import Claim, Document, Page
from analyzer.text import clean_text

TARGET_F1 = 0.90
TARGET_VALUE_ACCURACY = 0.95

_UNIT_MAP = {
    "percent": "share",
    "share": "share",
    "dollars": "usd",
    "usd": "usd",
    "developer-years": "developer_years",
    "developer_years": "developer_years",
    "seats": "users",
    "users": "users",
    "customers": "customers",
    "tokens": "tokens",
    "multiple": "multiple",
    "requests": "requests",
    "hours": "hours",
}


def label_unit(unit: str) -> str:
    """A label's unit in the extractor's vocabulary (other count nouns -> ``count``)."""
    return _UNIT_MAP.get(unit, "count")


def shared_dir() -> Path | None:
    """The shared corpus folder: ``$ANALYZER_SHARED``, else ``shared`` beside the checkout (or
    beside the folder holding the worktree)."""
    env = os.environ.get("ANALYZER_SHARED")
    root = Path(__file__).resolve().parents[1]
    candidates = [Path(env)] if env else [root.parent / "shared", root.parent.parent / "shared"]
    for c in candidates:
        if (c / "corpus" / "labels").is_dir():
            return c
    return None


@dataclass
class Counts:
    """Detection counts."""

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

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


class _Accuracies:
    """Accuracy of matched pairs, for reports that count ``pairs`` and ``*_ok`` fields."""

    pairs: int
    value_ok: int
    unit_ok: int
    kind_ok: int

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.pairs if self.pairs else 0.0

    @property
    def unit_accuracy(self) -> float:
        return self.unit_ok / self.pairs if self.pairs else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_ok / self.pairs if self.pairs else 0.0


@dataclass
class _Scores(_Accuracies):
    """Detection counts with and without borderline sentences, per document too, and pairs."""

    strict: Counts = field(default_factory=Counts)  # without borderline
    loose: Counts = field(default_factory=Counts)  # with borderline
    pairs: int = 0
    value_ok: int = 0
    unit_ok: int = 0
    kind_ok: int = 0
    per_document: dict[str, tuple[Counts, Counts]] = field(default_factory=dict)


@dataclass
class Report(_Scores):
    """Evaluation results."""

    period_ok: int = 0
    population_ok: int = 0
    errors: list[str] = field(default_factory=list)  # readable lines about each miss

    @property
    def period_accuracy(self) -> float:
        return self.period_ok / self.pairs if self.pairs else 0.0

    @property
    def population_accuracy(self) -> float:
        return self.population_ok / self.pairs if self.pairs else 0.0

    def meets_targets(self) -> bool:
        return self.strict.f1 >= TARGET_F1 and self.value_accuracy >= TARGET_VALUE_ACCURACY


_WORD = re.compile(r"[a-z0-9]+")
_FIGURE_WORD = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")  # keeps "14,500" and "2.5" whole


def _tokens(text: str, pattern: re.Pattern[str] = _WORD) -> list[str]:
    return pattern.findall(text.lower().replace("\u2019", "'"))


def _words(text: str, pattern: re.Pattern[str] = _WORD) -> set[str]:
    return set(_tokens(text, pattern))


def overlap(a: str, b: str, pattern: re.Pattern[str] = _WORD) -> float:
    """Word overlap of two sentences, relative to the shorter one."""
    wa, wb = _words(a, pattern), _words(b, pattern)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def sentences_overlap(extracted: str, labelled: str) -> bool:
    """True when one sentence holds the other word for word, or when at least five words and 80%
    of the shorter one's words are shared (numbers count as whole words: "14,500")."""
    a, b = _tokens(extracted, _FIGURE_WORD), _tokens(labelled, _FIGURE_WORD)
    if not a or not b:
        return False
    ja, jb = f" {' '.join(a)} ", f" {' '.join(b)} "
    if ja in jb or jb in ja:
        return True
    shared = len(set(a) & set(b))
    return shared >= 5 and overlap(extracted, labelled, _FIGURE_WORD) >= 0.8


def values_match(extracted: float, labelled: float) -> bool:
    return math.isclose(extracted, labelled, rel_tol=5e-3, abs_tol=1e-6)


def _log_gap(a: float, b: float) -> float:
    """Distance of two values on a log scale (closest value first)."""
    return abs(math.log(max(a, 1e-12)) - math.log(max(b, 1e-12)))


def _closest(claims: Sequence[Claim], want: float) -> Claim | None:
    """The claim whose value is nearest ``want`` on a log scale (the first of equals)."""
    return min(claims, key=lambda c: _log_gap(c.value, want), default=None)


def _score_sentence(
    label: dict[str, Any], claims: Sequence[Claim], report: Report, doc_key: str
) -> None:
    """Pair the claims extracted from one labelled sentence with its labelled claims."""
    borderline = bool(label.get("borderline"))
    wanted = list(label.get("claims") or []) if label.get("is_adoption_claim") else []
    unused = list(claims)
    pairs: list[tuple[dict[str, Any], Claim]] = []
    for lc in wanted:  # closest value first
        best = _closest(unused, float(lc["value_normalized"]))
        if best is not None:
            pairs.append((lc, best))
            unused.remove(best)
    c = Counts(tp=len(pairs), fp=len(unused), fn=len(wanted) - len(pairs))
    strict_doc, loose_doc = report.per_document.setdefault(doc_key, (Counts(), Counts()))
    report.loose.add(c)
    loose_doc.add(c)
    if not borderline:
        report.strict.add(c)
        strict_doc.add(c)
    tag = f"[{label['id']}{' borderline' if borderline else ''}]"
    for lc, cl in pairs:
        report.pairs += 1
        ok_v = values_match(cl.value, float(lc["value_normalized"]))
        ok_u = str(cl.unit) == label_unit(lc["unit"])
        ok_k = str(cl.metric_kind) == lc["metric_kind"]
        report.value_ok += ok_v
        report.unit_ok += ok_u
        report.kind_ok += ok_k
        report.period_ok += str(cl.period) == lc.get("period", "none")
        report.population_ok += str(cl.population) == lc.get("population", "none")
        if not (ok_v and ok_u and ok_k):
            report.errors.append(
                f"{tag} {lc['value_as_written']!r}: got value={cl.value:g} unit={cl.unit} "
                f"kind={cl.metric_kind}; want {lc['value_normalized']} "
                f"{label_unit(lc['unit'])} {lc['metric_kind']}"
            )
    for lc in wanted[len(pairs) :]:
        report.errors.append(f"{tag} missed {lc['value_as_written']!r}: {label['text'][:110]}")
    for cl in unused:
        why = label.get("negative_reason") or "extra figure"
        report.errors.append(f"{tag} false positive {cl.value_text!r} ({why}): {cl.sentence[:110]}")


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def evaluate(shared: Path) -> Report:
    """Run the extractor on the labelled documents and sentences and score it."""
    corpus = shared / "corpus"
    report = Report()
    doc_labels = _load(corpus / "labels" / "docs_dev.jsonl")
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for label in doc_labels:
        by_doc.setdefault(label["doc"], []).append(label)
    for doc, labels in sorted(by_doc.items()):
        claims = extract_path(corpus / "pdfs" / doc).claims
        matched: dict[str, list[Claim]] = {lab["id"]: [] for lab in labels}
        for claim in claims:
            best, best_score = None, 0.0
            for lab in labels:
                if claim.page is not None and abs(claim.page - int(lab["page"])) > 1:
                    continue
                score = overlap(claim.sentence, lab["text"])
                if score > best_score:
                    best, best_score = lab, score
            if best is not None and best_score >= 0.7:
                matched[best["id"]].append(claim)
            else:  # a claim in an exhaustively labelled document that no label holds
                report.loose.fp += 1
                report.strict.fp += 1
                s, lo = report.per_document.setdefault(doc, (Counts(), Counts()))
                s.fp += 1
                lo.fp += 1
                report.errors.append(
                    f"[{doc} p{claim.page}] false positive {claim.value_text!r} (unlabelled): "
                    f"{claim.sentence[:110]}"
                )
        for lab in labels:
            _score_sentence(lab, matched[lab["id"]], report, doc)
    for label in _load(corpus / "labels" / "sentences_dev.jsonl"):
        document = Document(
            name=label["id"],
            sha256="",
            kind="text",
            pages=(Page(None, clean_text(label["text"])),),
            company=label.get("company"),
        )
        _score_sentence(label, extract(document).claims, report, "sentences_dev.jsonl")
    return report


_COLS = f"{'TP':>4}{'FP':>4}{'FN':>4}{'F1':>7}"


def _detection_table(report: _Scores) -> list[str]:
    """P/R/F1 and counts without and with borderline sentences."""
    lines = [f"{'':24}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}"]
    for name, c in (("without borderline", report.strict), ("with borderline", report.loose)):
        lines.append(
            f"{name:24}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.tp:5d}{c.fp:5d}{c.fn:5d}"
        )
    return lines


def _per_document_table(report: _Scores) -> list[str]:
    """One line a document: counts and F1 without | with borderline."""
    lines = [f"{'document':48}" + _COLS + " |" + _COLS]
    for doc, (s, lo) in sorted(report.per_document.items()):
        lines.append(
            f"{doc[:48]:48}{s.tp:4d}{s.fp:4d}{s.fn:4d}{s.f1:7.3f} |"
            f"{lo.tp:4d}{lo.fp:4d}{lo.fn:4d}{lo.f1:7.3f}"
        )
    return lines


def format_report(report: Report) -> str:
    """A plain-text report: headline scores, per-document table, then each miss."""
    lines = ["AI-adoption claim extraction: evaluation on the dev labels", ""]
    lines += _detection_table(report)
    lines += [
        "",
        f"on {report.pairs} matched claims: value accuracy {report.value_accuracy:.3f}, "
        f"unit accuracy {report.unit_accuracy:.3f}, metric_kind accuracy "
        f"{report.kind_accuracy:.3f}",
        f"  (not targets: period accuracy {report.period_accuracy:.3f}, population accuracy "
        f"{report.population_accuracy:.3f}; the labels' populations are looser than ours)",
        f"targets: F1 (without borderline) >= {TARGET_F1}, value accuracy >= "
        f"{TARGET_VALUE_ACCURACY}: {'met' if report.meets_targets() else 'NOT met'}",
        "",
        "per document (without borderline | with borderline)",
        *_per_document_table(report),
    ]
    if report.errors:
        lines += ["", "misses and mismatches:"]
        lines += [f"  {e}" for e in report.errors]
    return "\n".join(lines)


DEMO_MANIFEST = Path(__file__).resolve().parents[1] / "data" / "demo" / "MANIFEST.json"
TARGET_DEMO_F1 = 0.90


@dataclass
class DemoReport(_Accuracies):
    """Scores on the bundled demo set, against the intended truth in its manifest."""

    claims: Counts = field(default_factory=Counts)
    pairs: int = 0
    value_ok: int = 0
    unit_ok: int = 0
    kind_ok: int = 0
    signals_wanted: int = 0
    signals_found: int = 0  # found with the right kind
    signals_extra: int = 0  # extracted signals no manifest signal holds
    documents: int = 0
    company_ok: int = 0
    period_ok: int = 0
    doc_type_ok: int = 0
    per_document: dict[str, Counts] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def signal_recall(self) -> float:
        return self.signals_found / self.signals_wanted if self.signals_wanted else 1.0


def _best_label(
    sentence: str, page: int | None, labels: Sequence[dict[str, Any]]
) -> dict[str, Any] | None:
    """The manifest entry whose sentence the extracted sentence holds (page ±1, overlap >= 0.7)."""
    best, best_score = None, 0.0
    for lab in labels:
        if page is not None and lab.get("page") is not None and abs(page - lab["page"]) > 1:
            continue
        score = overlap(sentence, lab["sentence"])
        if score > best_score:
            best, best_score = lab, score
    return best if best_score >= 0.7 else None


def evaluate_demo(manifest_path: Path = DEMO_MANIFEST) -> DemoReport:
    """Run the extractor on each demo file and score it against the manifest's intended truth:
    claims by sentence and value, signals by sentence and kind, and the document's company,
    fiscal period and type."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    report = DemoReport()
    for entry in manifest["files"]:
        name = entry["file"]
        ex = extract_path(manifest_path.parent / name)
        doc = ex.document
        report.documents += 1
        for attr, want, got in (
            ("company", entry["company"], doc.company),
            ("fiscal_period", entry["fiscal_period"], doc.fiscal_period),
            ("doc_type", entry["doc_type"], str(doc.doc_type)),
        ):
            ok = want == got
            if attr == "company":
                report.company_ok += ok
            elif attr == "fiscal_period":
                report.period_ok += ok
            else:
                report.doc_type_ok += ok
            if not ok:
                report.errors.append(f"[{name}] {attr}: got {got!r}; want {want!r}")
        labels = list(entry["claims"])
        matched: dict[int, list[Claim]] = {i: [] for i in range(len(labels))}
        counts = report.per_document.setdefault(name, Counts())
        for claim in ex.claims:
            lab = _best_label(claim.sentence, claim.page, labels)
            if lab is None:
                counts.fp += 1
                report.claims.fp += 1
                report.errors.append(
                    f"[{name}] false positive {claim.value_text!r}: {claim.sentence[:110]}"
                )
            else:
                matched[labels.index(lab)].append(claim)
        for i, lab in enumerate(labels):
            unused = list(matched[i])
            for fig in lab["figures"]:
                best = _closest(unused, float(fig["value"]))
                if best is None:
                    counts.fn += 1
                    report.claims.fn += 1
                    report.errors.append(
                        f"[{name}] missed {fig['value_text']!r}: {lab['sentence'][:110]}"
                    )
                    continue
                unused.remove(best)
                counts.tp += 1
                report.claims.tp += 1
                report.pairs += 1
                ok_v = values_match(best.value, float(fig["value"]))
                ok_u = str(best.unit) == fig["unit"]
                ok_k = str(best.metric_kind) == fig["metric_kind"]
                report.value_ok += ok_v
                report.unit_ok += ok_u
                report.kind_ok += ok_k
                if not (ok_v and ok_u and ok_k):
                    report.errors.append(
                        f"[{name}] {fig['value_text']!r}: got value={best.value:g} "
                        f"unit={best.unit} kind={best.metric_kind}; want {fig['value']:g} "
                        f"{fig['unit']} {fig['metric_kind']}"
                    )
            for cl in unused:
                counts.fp += 1
                report.claims.fp += 1
                report.errors.append(
                    f"[{name}] false positive {cl.value_text!r} (extra figure): {cl.sentence[:110]}"
                )
        wanted = list(entry["signals"])
        found: set[int] = set()
        for sig in ex.signals:
            lab = _best_label(sig.sentence, sig.page, wanted)
            if lab is None:
                report.signals_extra += 1
                report.errors.append(f"[{name}] extra signal {sig.kind}: {sig.sentence[:110]}")
            elif str(sig.kind) == lab["kind"]:
                found.add(wanted.index(lab))
        report.signals_wanted += len(wanted)
        report.signals_found += len(found)
        for i, lab in enumerate(wanted):
            if i not in found:
                report.errors.append(
                    f"[{name}] missed signal {lab['kind']}: {lab['sentence'][:110]}"
                )
    return report


def format_demo_report(report: DemoReport) -> str:
    """A plain-text report of the demo-set scores, then each miss."""
    c = report.claims
    n = report.documents
    lines = [
        "AI-adoption claim extraction: evaluation on the demo set (data/demo/MANIFEST.json)",
        "",
        f"claims: P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  "
        f"(TP {c.tp}, FP {c.fp}, FN {c.fn})",
        f"on {report.pairs} matched claims: value accuracy {report.value_accuracy:.3f}, "
        f"unit accuracy {report.unit_accuracy:.3f}, metric_kind accuracy "
        f"{report.kind_accuracy:.3f}",
        f"signals: {report.signals_found}/{report.signals_wanted} found with the right kind, "
        f"{report.signals_extra} extra",
        f"documents: company {report.company_ok}/{n}, fiscal period {report.period_ok}/{n}, "
        f"doc type {report.doc_type_ok}/{n}",
        "",
        f"{'document':48}{'TP':>4}{'FP':>4}{'FN':>4}{'F1':>7}",
    ]
    for doc, k in sorted(report.per_document.items()):
        lines.append(f"{doc[:48]:48}{k.tp:4d}{k.fp:4d}{k.fn:4d}{k.f1:7.3f}")
    if report.errors:
        lines += ["", "misses and mismatches:"]
        lines += [f"  {e}" for e in report.errors]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- held-out sets

HELDOUT_ROOT = Path(__file__).resolve().parents[1] / "tests"
_COMPANY_SUFFIXES = {"inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "the"}


@dataclass(frozen=True)
class HeldoutRow:
    """One line of a held-out report's table: a miss, a false positive or a wrong figure."""

    kind: str  # "missed", "false positive", "wrong value", "wrong unit/kind"
    where: str  # document name, or the sentence's id in a sentence set
    label_id: str  # id of the labelled sentence ("" for an unlabelled one)
    figure: str
    detail: str
    borderline: bool = False


@dataclass(frozen=True)
class MetadataCheck:
    """A document's company, fiscal period or type against its label."""

    document: str
    field: str
    want: str | None
    got: str | None
    ok: bool


@dataclass(kw_only=True)
class HeldoutReport(_Scores):
    """Scores of the extractor on one held-out set (see :func:`evaluate_heldout`);
    ``per_document`` is filled for document sets only."""

    name: str
    layout: str  # "documents" or "sentences"
    items: int = 0  # documents or sentences scored
    metadata: list[MetadataCheck] = field(default_factory=list)
    crashes: dict[str, str] = field(default_factory=dict)  # document or sentence id -> error
    rows: list[HeldoutRow] = field(default_factory=list)

    @property
    def metadata_ok(self) -> int:
        return sum(m.ok for m in self.metadata)

    @property
    def metadata_accuracy(self) -> float:
        return self.metadata_ok / len(self.metadata) if self.metadata else 0.0


def heldout_layout(folder: Path) -> str:
    """``"sentences"`` (``sentences.jsonl``) or ``"documents"`` (``labels.jsonl`` and
    ``documents/``); a folder with neither raises ``FileNotFoundError`` saying what is needed."""
    if (folder / "sentences.jsonl").is_file():
        return "sentences"
    if (folder / "labels.jsonl").is_file() and (folder / "documents").is_dir():
        return "documents"
    raise FileNotFoundError(
        f"{folder} is not a held-out set: it needs sentences.jsonl (a sentence set) or "
        "labels.jsonl with a documents/ folder (a document set)"
    )


def load_heldout(folder: Path) -> list[dict[str, Any]]:
    """The label rows of a held-out set, in file order."""
    name = "sentences.jsonl" if heldout_layout(folder) == "sentences" else "labels.jsonl"
    return _load(folder / name)


def heldout_folders(root: Path = HELDOUT_ROOT) -> list[Path]:
    """The held-out sets under ``root`` (``heldout*/``), heldout, heldout2, ..., heldout10."""
    found = [p for p in root.glob("heldout*") if p.is_dir()]

    def key(p: Path) -> tuple[int, str]:
        digits = p.name.removeprefix("heldout")
        return (int(digits) if digits.isdigit() else 1, p.name)

    return sorted(found, key=key)


def extract_sentence(text: str, name: str = "heldout.txt") -> tuple[Claim, ...]:
    """The claims in ``text`` read on its own as a one-page text document."""
    return extract(read_document(text.encode("utf-8"), name=name)).claims


def _bounds(label_claim: dict[str, Any]) -> tuple[float, float | None]:
    v = label_claim["value_normalized"]
    return (float(v[0]), float(v[1])) if isinstance(v, list) else (float(v), None)


def _distance(claim: Claim, label_claim: dict[str, Any]) -> float:
    """How far an extracted figure is from a labelled one (log scale; a labelled range is
    compared with ``value``/``value_high``, or with its nearer end when the claim is a point)."""
    lo, hi = _bounds(label_claim)
    if hi is None:
        return _log_gap(claim.value, lo)
    if claim.value_high is not None:
        return _log_gap(claim.value, lo) + _log_gap(claim.value_high, hi)
    return min(_log_gap(claim.value, lo), _log_gap(claim.value, hi))


def value_correct(claim: Claim, label_claim: dict[str, Any]) -> bool:
    """The claim's value is the label's (a range needs both ends) within 0.5%."""
    lo, hi = _bounds(label_claim)
    if hi is None:
        return values_match(claim.value, lo)
    return (
        values_match(claim.value, lo)
        and claim.value_high is not None
        and values_match(claim.value_high, hi)
    )


def _row_overlaps(claim: Claim, row: dict[str, Any]) -> bool:
    page = row.get("page")
    if claim.page is not None and page is not None and abs(claim.page - int(page)) > 1:
        return False
    return sentences_overlap(claim.sentence, row["text"])


def _figure(claim: Claim) -> str:
    high = "" if claim.value_high is None else f"-{claim.value_high:g}"
    return f"{claim.value:g}{high}"


def _score_heldout_unit(
    where: str,
    rows: Sequence[dict[str, Any]],
    claims: Sequence[Claim],
    report: HeldoutReport,
    *,
    by_sentence: bool,
) -> None:
    """Assign the claims extracted from one document (or one labelled sentence) to its labelled
    claims one-to-one, closest value first, among pairs whose sentences overlap; count and list.

    With ``by_sentence`` every claim is a candidate for every labelled claim of the unit (a
    sentence set: the unit is one labelled text)."""
    labelled = [
        (row, lc) for row in rows if row.get("is_adoption_claim") for lc in row.get("claims") or []
    ]
    overlaps = [[by_sentence or _row_overlaps(claim, row) for row in rows] for claim in claims]
    row_index = {id(row): i for i, row in enumerate(rows)}
    candidates = sorted(
        (_distance(claim, lc), ci, li)
        for ci, claim in enumerate(claims)
        for li, (row, lc) in enumerate(labelled)
        if overlaps[ci][row_index[id(row)]]
    )
    used_c: set[int] = set()
    used_l: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, ci, li in candidates:
        if ci not in used_c and li not in used_l:
            used_c.add(ci)
            used_l.add(li)
            pairs.append((ci, li))
    strict_doc, loose_doc = (
        report.per_document.setdefault(where, (Counts(), Counts()))
        if not by_sentence
        else (Counts(), Counts())
    )

    def count(borderline: bool, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        c = Counts(tp=tp, fp=fp, fn=fn)
        report.loose.add(c)
        loose_doc.add(c)
        if not borderline:
            report.strict.add(c)
            strict_doc.add(c)

    for ci, li in sorted(pairs, key=lambda p: p[1]):
        claim, (row, lc) = claims[ci], labelled[li]
        borderline = bool(row.get("borderline"))
        count(borderline, tp=1)
        ok_v = value_correct(claim, lc)
        ok_u = str(claim.unit) == label_unit(lc["unit"])
        ok_k = str(claim.metric_kind) == lc["metric_kind"]
        report.pairs += 1
        report.value_ok += ok_v
        report.unit_ok += ok_u
        report.kind_ok += ok_k
        if not ok_v:
            detail = f"got {_figure(claim)} ({claim.value_text!r}), want {lc['value_normalized']}"
        elif not (ok_u and ok_k):
            detail = (
                f"got {claim.unit}/{claim.metric_kind}, want "
                f"{label_unit(lc['unit'])}/{lc['metric_kind']}"
            )
        else:
            continue
        kind = "wrong value" if not ok_v else "wrong unit/kind"
        report.rows.append(
            HeldoutRow(kind, where, row["id"], lc["value_as_written"], detail, borderline)
        )
    for li, (row, lc) in enumerate(labelled):
        if li not in used_l:
            borderline = bool(row.get("borderline"))
            count(borderline, fn=1)
            report.rows.append(
                HeldoutRow(
                    "missed", where, row["id"], lc["value_as_written"], row["text"], borderline
                )
            )
    for ci, claim in enumerate(claims):
        if ci in used_c:
            continue
        hits = [row for row, hit in zip(rows, overlaps[ci], strict=True) if hit]
        row_hit = max(hits, key=lambda r: overlap(claim.sentence, r["text"]), default=None)
        if row_hit is None:
            why, label_id, borderline = "unlabelled sentence", "", False
        else:
            label_id, borderline = row_hit["id"], bool(row_hit.get("borderline"))
            why = (
                "extra figure"
                if row_hit.get("is_adoption_claim")
                else row_hit.get("negative_reason") or "labelled negative"
            )
        count(borderline, fp=1)
        report.rows.append(
            HeldoutRow(
                "false positive",
                where,
                label_id,
                f"{claim.value_text or _figure(claim)} ({why})",
                claim.sentence,
                borderline,
            )
        )


def _period_key(period: str | None) -> str | None:
    """A fiscal quarter written either way: "FY2026-Q1" and "2026-Q1" are the same."""
    return re.sub(r"^FY(?=\d{4}-Q[1-4]$)", "", period) if period else period


def _company_key(name: str | None) -> tuple[str, ...]:
    return tuple(w for w in _tokens(name or "") if w not in _COMPANY_SUFFIXES)


def _check_metadata(
    name: str, row: dict[str, Any], document: Document | None, report: HeldoutReport
) -> None:
    """Company (ignoring case, punctuation and legal suffixes; the document's name may be the
    first words of the labelled one), fiscal period ("FY2026-Q1" = "2026-Q1") and doc type."""
    got_doc_type = str(document.doc_type) if document is not None else None
    checks = (
        ("company", row.get("company"), document.company if document else None),
        (
            "fiscal_period",
            row.get("fiscal_period", row.get("period")),
            document.fiscal_period if document else None,
        ),
        ("doc_type", row.get("doc_type"), got_doc_type),
    )
    for attr, want, got in checks:
        if want is None:  # the labels do not say
            continue
        if attr == "company":
            # the name a document goes by may drop trailing words of the legal name
            # ("Parallax" for "Parallax Holdings, Inc."), never change or add any
            g, w = _company_key(got), _company_key(want)
            ok = bool(g) and w[: len(g)] == g
        elif attr == "fiscal_period":
            ok = _period_key(got) == _period_key(want)
        else:
            ok = got == want
        report.metadata.append(MetadataCheck(name, attr, want, got, ok))


def _crash(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"


def evaluate_heldout(folder: Path) -> HeldoutReport:
    """Score the extractor on a held-out set: a document set (``documents/`` and
    ``labels.jsonl``, each document read with :func:`extract_path`, exhaustive for positives) or
    a sentence set (``sentences.jsonl``, each text read on its own as a one-page text document).

    An extracted claim is a candidate for a labelled claim when their sentences overlap
    (:func:`sentences_overlap`; in a sentence set, any claim of that text); candidates are
    assigned one-to-one, closest value first (:func:`_distance`). Unassigned extracted claims are
    false positives, unassigned labelled claims misses; borderline sentences count only in the
    "with borderline" scores. Value, unit and metric-kind accuracy are over all assigned pairs.
    A document or sentence that cannot be read scores all its labels as missed and is listed in
    ``crashes``. Document sets also check each document's company, fiscal period and type.
    """
    layout = heldout_layout(folder)
    report = HeldoutReport(name=folder.name, layout=layout)
    rows = load_heldout(folder)
    if layout == "sentences":
        for row in rows:
            report.items += 1
            try:
                claims: Sequence[Claim] = extract_sentence(row["text"], f"{folder.name}.txt")
            except Exception as exc:  # noqa: BLE001 - a crash is scored as all missed
                report.crashes[row["id"]] = _crash(exc)
                claims = ()
            _score_heldout_unit(row["id"], [row], claims, report, by_sentence=True)
        return report
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_doc.setdefault(row["doc"], []).append(row)
    for name, doc_rows in sorted(by_doc.items()):
        report.items += 1
        document: Document | None = None
        try:
            ex = extract_path(folder / "documents" / name)
            document, claims = ex.document, ex.claims
        except Exception as exc:  # noqa: BLE001 - a crash is scored as all missed
            report.crashes[name] = _crash(exc)
            claims = ()
        _check_metadata(name, doc_rows[0], document, report)
        _score_heldout_unit(name, doc_rows, claims, report, by_sentence=False)
    return report


def format_heldout_report(report: HeldoutReport) -> str:
    """A plain-text report: scores, then every miss, false positive and wrong figure."""
    unit = "documents" if report.layout == "documents" else "sentences"
    lines = [f"held-out set {report.name}: {report.items} {unit}", *_detection_table(report)]
    lines.append(
        f"on {report.pairs} assigned pairs: value accuracy {report.value_accuracy:.3f} "
        f"({report.value_ok}/{report.pairs}), unit {report.unit_ok}/{report.pairs}, "
        f"metric_kind {report.kind_ok}/{report.pairs}"
    )
    if report.metadata:
        lines.append(
            f"document metadata (company, fiscal period, doc type): "
            f"{report.metadata_ok}/{len(report.metadata)} = {report.metadata_accuracy:.3f}"
        )
    lines.append(
        f"(issue targets: F1 without borderline >= {TARGET_F1}, value accuracy >= "
        f"{TARGET_VALUE_ACCURACY})"
    )
    for where, error in report.crashes.items():
        lines.append(f"  CRASH {where}: {error}")
    for m in report.metadata:
        if not m.ok:
            lines.append(f"  META  {m.document} {m.field}: got {m.got!r}; want {m.want!r}")
    if report.per_document:
        lines += ["", "per document (without borderline | with borderline)"]
        lines += _per_document_table(report)
    if report.rows:
        width = max(len(r.where) for r in report.rows)
        width = min(max(width, 8), 40)
        lines += ["", "misses, false positives and wrong values ((b): borderline sentence):"]
        docs = report.layout == "documents"  # a sentence set's "where" is the label's id
        where = f"{'document':{width}} " if docs else ""
        lines.append(f"  {where}{'id':10} {'kind':18} {'figure':44} detail")
        for r in report.rows:
            kind = r.kind + (" (b)" if r.borderline else "")
            where = f"{r.where[:width]:{width}} " if docs else ""
            lines.append(
                f"  {where}{r.label_id[:10]:10} {kind:18} {r.figure[:44]:44} {r.detail[:100]}"
            )
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analyzer.evaluate", description=__doc__)
    parser.add_argument("--shared", type=Path, default=None, help="the shared folder")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the targets are not met")
    parser.add_argument("--demo-only", action="store_true", help="score only the demo set")
    parser.add_argument(
        "--heldout",
        type=Path,
        action="append",
        default=[],
        metavar="FOLDER",
        help="score only this held-out set (tests/heldout*/); repeatable",
    )
    parser.add_argument(
        "--heldout-all", action="store_true", help="score only every held-out set in tests/"
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.heldout or args.heldout_all:
        folders = list(args.heldout) + (heldout_folders() if args.heldout_all else [])
        if not folders:
            print(f"error: no held-out sets (heldout*/) in {HELDOUT_ROOT}", file=sys.stderr)
            return 2
        for i, folder in enumerate(folders):
            try:
                text = format_heldout_report(evaluate_heldout(folder))
            except (FileNotFoundError, ValueError, KeyError) as exc:
                print(f"error: {folder}: {exc}", file=sys.stderr)
                return 2
            print(("\n" if i else "") + text)
        return 0
    if DEMO_MANIFEST.is_file():
        print(format_demo_report(evaluate_demo()))
        print()
    if args.demo_only:
        return 0
    shared = args.shared or shared_dir()
    if shared is None or not (shared / "corpus" / "labels").is_dir():
        print(
            "error: the labelled corpus was not found (looked for ../shared/corpus/labels beside "
            "the checkout; set ANALYZER_SHARED or pass --shared)",
            file=sys.stderr,
        )
        return 2
    report = evaluate(shared)
    print(format_report(report))
    return 1 if args.strict and not report.meets_targets() else 0


if __name__ == "__main__":
    raise SystemExit(main())
