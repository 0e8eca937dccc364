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
class Report(_Accuracies):
    """Evaluation results."""

    strict: Counts = field(default_factory=Counts)  # without borderline
    loose: Counts = field(default_factory=Counts)  # with borderline
    pairs: int = 0
    value_ok: int = 0
    unit_ok: int = 0
    kind_ok: int = 0
    period_ok: int = 0
    population_ok: int = 0
    per_document: dict[str, tuple[Counts, Counts]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # readable lines about each miss

    @property
    def period_accuracy(self) -> float:
        return self.period_ok / self.pairs if self.pairs else 0.0

    @property
    def population_accuracy(self) -> float:
        return self.population_ok / self.pairs if self.pairs else 0.0

    def meets_targets(self) -> bool:
        return self.strict.f1 >= TARGET_F1 and self.value_accuracy >= TARGET_VALUE_ACCURACY


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'")))


def overlap(a: str, b: str) -> float:
    """Word overlap of two sentences, relative to the shorter one."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def values_match(extracted: float, labelled: float) -> bool:
    return math.isclose(extracted, labelled, rel_tol=5e-3, abs_tol=1e-6)


def _score_sentence(
    label: dict[str, Any], claims: Sequence[Claim], report: Report, doc_key: str
) -> None:
    """Pair the claims extracted from one labelled sentence with its labelled claims."""
    borderline = bool(label.get("borderline"))
    wanted = list(label.get("claims") or []) if label.get("is_adoption_claim") else []
    unused = list(claims)
    pairs: list[tuple[dict[str, Any], Claim]] = []
    for lc in wanted:  # closest value first
        best = min(
            unused,
            key=lambda c: abs(
                math.log(max(c.value, 1e-12)) - math.log(max(float(lc["value_normalized"]), 1e-12))
            ),
            default=None,
        )
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


def format_report(report: Report) -> str:
    """A plain-text report: headline scores, per-document table, then each miss."""
    lines = ["AI-adoption claim extraction: evaluation on the dev labels", ""]
    head = f"{'':24}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}"
    lines.append(head)
    for name, c in (("without borderline", report.strict), ("with borderline", report.loose)):
        lines.append(
            f"{name:24}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.tp:5d}{c.fp:5d}{c.fn:5d}"
        )
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
        f"{'document':48}" + _COLS + " |" + _COLS,
    ]
    for doc, (s, lo) in sorted(report.per_document.items()):
        lines.append(
            f"{doc[:48]:48}{s.tp:4d}{s.fp:4d}{s.fn:4d}{s.f1:7.3f} |"
            f"{lo.tp:4d}{lo.fp:4d}{lo.fn:4d}{lo.f1:7.3f}"
        )
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
                want = math.log(max(float(fig["value"]), 1e-12))

                def distance(c: Claim, want: float = want) -> float:
                    return abs(math.log(max(c.value, 1e-12)) - want)

                best = min(unused, key=distance, default=None)
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


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analyzer.evaluate", description=__doc__)
    parser.add_argument("--shared", type=Path, default=None, help="the shared folder")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the targets are not met")
    parser.add_argument("--demo-only", action="store_true", help="score only the demo set")
    args = parser.parse_args(list(argv) if argv is not None else None)
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
