"""The evaluation: scoring rules on small made-up labels, and the targets on the dev set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from claim_factory import claim

from analyzer import evaluate as ev
from analyzer.claims import extract
from analyzer.errors import CorruptDocumentError
from analyzer.records import Claim, DocType, Document, Extraction, MetricKind, Page, Unit

ROOT = Path(__file__).resolve().parents[1]


def _claims(text: str):  # type: ignore[no-untyped-def]
    doc = Document(name="t", sha256="", kind="text", pages=(Page(None, text),))
    return extract(doc).claims


def test_counts_f1() -> None:
    c = ev.Counts(tp=8, fp=2, fn=2)
    assert (c.precision, c.recall) == (0.8, 0.8)
    assert abs(c.f1 - 0.8) < 1e-12
    assert ev.Counts(fp=3).precision == 0.0 and ev.Counts(fp=3).f1 == 0.0


@pytest.mark.parametrize(
    ("unit", "mapped"),
    [
        ("percent", "share"),
        ("dollars", "usd"),
        ("developer-years", "developer_years"),
        ("seats", "users"),
        ("images", "count"),
        ("interactions", "count"),
        ("tokens", "tokens"),
    ],
)
def test_label_units(unit: str, mapped: str) -> None:
    assert ev.label_unit(unit) == mapped


def test_score_sentence_pairs_by_value() -> None:
    text = "Our AI assistant has 5 million users, up 3x year over year."
    label = {
        "id": "x1",
        "text": text,
        "is_adoption_claim": True,
        "borderline": False,
        "claims": [
            {
                "value_as_written": "3x",
                "value_normalized": 3,
                "unit": "multiple",
                "metric_kind": "user_count",
            },
            {
                "value_as_written": "5 million",
                "value_normalized": 5e6,
                "unit": "users",
                "metric_kind": "user_count",
            },
        ],
    }
    report = ev.Report()
    ev._score_sentence(label, _claims(text), report, "d")
    assert (report.strict.tp, report.strict.fp, report.strict.fn) == (2, 0, 0)
    assert report.value_ok == report.unit_ok == report.kind_ok == 2


def test_score_negative_and_borderline() -> None:
    text = "Our AI assistant has 5 million users."
    negative = {
        "id": "n1",
        "text": text,
        "is_adoption_claim": False,
        "borderline": True,
        "claims": [],
        "negative_reason": "non_ai_figure",
    }
    report = ev.Report()
    ev._score_sentence(negative, _claims(text), report, "d")
    assert report.loose.fp == 1 and report.strict.fp == 0  # borderline: only counted "with"
    assert "false positive" in report.errors[0]


def test_overlap_matching() -> None:
    assert (
        ev.overlap(
            "Over 200 million images have been created to date.",
            "Over 200 million images have been created to date. We",
        )
        >= 0.9
    )
    assert ev.overlap("Revenue grew.", "AI usage doubled.") < 0.3


def test_main_without_shared(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(ev, "shared_dir", lambda: None)
    assert ev.main([]) == 2
    assert "labelled corpus was not found" in capsys.readouterr().err
    assert ev.main(["--shared", str(tmp_path)]) == 2


@pytest.mark.corpus
def test_dev_set_meets_targets(shared_dir: Path) -> None:
    report = ev.evaluate(shared_dir)
    assert report.strict.f1 >= ev.TARGET_F1, ev.format_report(report)
    assert report.value_accuracy >= ev.TARGET_VALUE_ACCURACY, ev.format_report(report)
    assert report.unit_accuracy >= 0.9 and report.kind_accuracy >= 0.85
    # all four whole documents and the sentence set are scored
    assert len(report.per_document) == 5
    assert report.strict.tp + report.strict.fn >= 30


@pytest.mark.corpus
def test_module_runs(shared_dir: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "analyzer.evaluate", "--shared", str(shared_dir), "--strict"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "without borderline" in out.stdout and "per document" in out.stdout


# ----------------------------------------------------------------------------- the demo set


def test_demo_set_meets_targets() -> None:
    """The extractor on data/demo against the truth its generator wrote into MANIFEST.json."""
    import json

    manifest = json.loads(ev.DEMO_MANIFEST.read_text(encoding="utf-8"))
    report = ev.evaluate_demo()
    text = ev.format_demo_report(report)
    assert report.documents == len(manifest["files"]) >= 20
    assert report.claims.tp + report.claims.fn == sum(
        len(c["figures"]) for f in manifest["files"] for c in f["claims"]
    )
    assert report.claims.f1 >= ev.TARGET_DEMO_F1, text
    assert report.value_accuracy >= ev.TARGET_VALUE_ACCURACY, text
    assert report.unit_accuracy >= 0.95 and report.kind_accuracy >= 0.95, text
    assert report.company_ok == report.period_ok == report.doc_type_ok == report.documents, text
    assert report.signals_wanted >= 8 and report.signals_found == report.signals_wanted, text


def test_demo_scoring_counts_what_the_manifest_says_but_the_document_lacks(tmp_path: Path) -> None:
    """A manifest that disagrees with its document scores misses, not a pass."""
    import json
    import shutil

    manifest = json.loads(ev.DEMO_MANIFEST.read_text(encoding="utf-8"))
    entry = next(f for f in manifest["files"] if f["file"].endswith(".txt") and f["signals"] == [])
    shutil.copy(ev.DEMO_MANIFEST.parent / entry["file"], tmp_path / entry["file"])
    wrong = dict(entry, company="Someone Else", doc_type="10-K")
    wrong["claims"] = [
        *entry["claims"],
        {
            "sentence": "Our AI helper answered 12 million questions in the quarter.",
            "page": None,
            "figures": [{"value_text": "12 million", "value": 12e6, "unit": "requests",
                         "metric_kind": "usage_activity"}],
        },
    ]  # fmt: skip
    wrong["signals"] = [
        {
            "sentence": "All staff must use the AI helper every week.",
            "page": None,
            "kind": "mandate",
        }
    ]
    path = tmp_path / "MANIFEST.json"
    path.write_text(json.dumps({"files": [wrong]}), encoding="utf-8")
    report = ev.evaluate_demo(path)
    assert report.company_ok == 0 and report.doc_type_ok == 0 and report.period_ok == 1
    assert report.claims.fn >= 1 and report.claims.f1 < 1.0
    assert report.signals_wanted == 1 and report.signals_found == 0
    text = ev.format_demo_report(report)
    assert "missed '12 million'" in text and "missed signal mandate" in text


def test_main_prints_the_demo_set(capsys: pytest.CaptureFixture[str]) -> None:
    assert ev.main(["--demo-only"]) == 0
    assert "evaluation on the demo set" in capsys.readouterr().out


# ------------------------------------------------------------------------- the held-out scorer

_S1 = "Our AI helper answered 12 million questions and served 3 million users this quarter."
_S2 = "Between 20% and 25% of orders were booked with the AI assistant in the quarter."
_S3 = "Bookings tied to AI reached $57 million in the quarter, about 11% of all bookings."
_S4 = "We want every engineer to use the AI agent for at least 90% of their work by next year."
_S5 = "The loyalty app, which now includes the AI assistant, has 38 million members."
_S6 = "Advisers say the assistant saves them 1.5 to 2 hours a week each."
_UNLABELLED = "Revenue was $400 million in the quarter, up 10% on the year."


def _fig(value: Any, unit: str, kind: str = "usage_activity") -> dict[str, Any]:
    return {"value_as_written": str(value), "value_normalized": value, "unit": unit,
            "metric_kind": kind}  # fmt: skip


def _row(rid: str, doc: str, text: str, figs: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    row = {"id": rid, "doc": doc, "page": None, "text": text, "is_adoption_claim": bool(figs),
           "borderline": False, "claims": figs, "negative_reason": None if figs else "non_ai",
           "company": "Acme Corp", "fiscal_period": "2025-Q1",
           "doc_type": "call_transcript"}  # fmt: skip
    row.update(kw)
    return row


def _write_set(folder: Path, rows: list[dict[str, Any]], name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return folder


@pytest.fixture
def doc_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A two-document set whose extraction is stubbed: a.txt yields chosen claims, b.txt crashes."""
    rows = [
        _row("a1", "a.txt", _S1, [_fig(12e6, "requests"), _fig(3e6, "users", "user_count")]),
        _row("a2", "a.txt", _S2, [_fig([0.2, 0.25], "percent", "share_of_work")]),
        _row("a3", "a.txt", _S3, [_fig(0.11, "percent", "outcome")], borderline=True),
        _row("a4", "a.txt", _S4, [], negative_reason="mandate_target"),
        _row("a5", "a.txt", _S5, [], negative_reason="population_size", borderline=True),
        _row("a6", "a.txt", _S6, [_fig([1.5, 2.0], "hours", "outcome")]),
        _row("b1", "b.txt", "Our AI agent closed 9,000 tickets in May.", [_fig(9000, "tickets")]),
    ]
    folder = _write_set(tmp_path / "heldout9", rows, "labels.jsonl")
    (folder / "documents").mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / "documents" / name).write_text("placeholder", encoding="utf-8")

    def c(sentence: str, value: float, unit: Unit = Unit.SHARE, **kw: Any) -> Claim:
        kind = kw.pop("metric_kind", MetricKind.USAGE_ACTIVITY)
        return claim(sentence=sentence, value=value, unit=unit, metric_kind=kind,
                     value_text=f"{value:g}", **kw)  # fmt: skip

    claims = (
        c(_S1, 3e6, Unit.USERS, metric_kind=MetricKind.USER_COUNT),
        c(_S1, 11e6, Unit.REQUESTS),  # listed before the closer 12e6: must not take its label
        c(_S1, 12e6, Unit.REQUESTS),
        c(_S2, 0.2, value_high=0.25, metric_kind=MetricKind.SHARE_OF_WORK),
        c(_UNLABELLED, 4e8, Unit.USD),
        c(_S4, 0.9),
        c(_S5, 38e6, Unit.USERS),
        c(
            "Advisers say the assistant saves them 1.5",
            1.5,
            Unit.HOURS,
            metric_kind=MetricKind.OUTCOME,
        ),  # a clipped sentence: contained in the label's
    )

    def fake_extract_path(path: Path) -> Extraction:
        if Path(path).name == "b.txt":
            raise CorruptDocumentError("b.txt is damaged; re-export it")
        document = Document(name="a.txt", sha256="", kind="text", pages=(Page(None, "x"),),
                            company="Acme Corporation", fiscal_period="2025-Q1",
                            doc_type=DocType.PRESS_RELEASE)  # fmt: skip
        return Extraction(document=document, claims=claims)

    monkeypatch.setattr(ev, "extract_path", fake_extract_path)
    return folder


def test_heldout_document_set_counts(doc_set: Path) -> None:
    report = ev.evaluate_heldout(doc_set)
    text = ev.format_heldout_report(report)
    assert (report.layout, report.items) == ("documents", 2)
    # pairs: 3e6, 12e6, the 20-25% range, and 1.5 paired with the 1.5-2 hour range
    # strict FP: the 11e6 extra figure, the unlabelled sentence and the mandate (not the
    # borderline negative); strict FN: the crashed document's figure (not the borderline miss)
    s, lo = report.strict, report.loose
    assert (s.tp, s.fp, s.fn) == (4, 3, 1), text
    assert (lo.tp, lo.fp, lo.fn) == (4, 4, 2), text
    # value accuracy over pairs: a point claim against a labelled range is wrong
    assert (report.pairs, report.value_ok) == (4, 3), text
    assert report.unit_ok == 4 and report.kind_ok == 4, text
    assert report.per_document["a.txt"][0].fp == 3 and report.per_document["b.txt"][1].fn == 1
    by_kind = {(r.kind, r.figure) for r in report.rows}
    assert ("false positive", "1.1e+07 (extra figure)") in by_kind, text
    assert ("false positive", "4e+08 (unlabelled sentence)") in by_kind, text
    assert ("false positive", "0.9 (mandate_target)") in by_kind, text
    assert ("wrong value", "[1.5, 2.0]") in by_kind, text
    borderline = {r.label_id for r in report.rows if r.borderline}
    assert borderline == {"a3", "a5"}, text
    assert "wrong value" in text and "mandate_target" in text and "CRASH b.txt" in text


def test_heldout_crash_scores_all_missed(doc_set: Path) -> None:
    report = ev.evaluate_heldout(doc_set)
    assert list(report.crashes) == ["b.txt"]
    assert "CorruptDocumentError" in report.crashes["b.txt"]
    assert [r.label_id for r in report.rows if r.where == "b.txt"] == ["b1"]


def test_heldout_metadata_checks(doc_set: Path) -> None:
    report = ev.evaluate_heldout(doc_set)
    got = {(m.document, m.field): m.ok for m in report.metadata}
    # "Acme Corporation" is "Acme Corp" (legal suffixes ignored); the type is wrong; the crashed
    # document has nothing right
    assert got == {
        ("a.txt", "company"): True,
        ("a.txt", "fiscal_period"): True,
        ("a.txt", "doc_type"): False,
        ("b.txt", "company"): False,
        ("b.txt", "fiscal_period"): False,
        ("b.txt", "doc_type"): False,
    }
    assert report.metadata_ok == 2 and abs(report.metadata_accuracy - 2 / 6) < 1e-12
    assert "META  a.txt doc_type: got 'press_release'; want 'call_transcript'" in (
        ev.format_heldout_report(report)
    )


def test_heldout_company_needs_the_whole_name() -> None:
    assert ev._company_key("Acme Corp.") == ev._company_key("ACME Corporation") == ("acme",)
    assert ev._company_key("Cinder Media") != ev._company_key("Cinder Media Group")


def test_heldout_sentence_set_with_real_extraction(tmp_path: Path) -> None:
    text = "Our AI assistant has 5 million users, up 3x year over year."
    rows = [
        {"id": "s1", "text": text, "is_adoption_claim": True, "borderline": False,
         "claims": [_fig(3, "multiple", "user_count"), _fig(5e6, "users", "user_count")]},
        {"id": "s2", "text": "Our AI assistant has 5 million users.", "is_adoption_claim": False,
         "borderline": True, "claims": [], "negative_reason": "population_size"},
        {"id": "s3", "text": "Our AI assistant has 5 million users.", "is_adoption_claim": True,
         "borderline": False, "claims": [_fig(5e6, "users", "user_count"),
                                         _fig(7e6, "users", "user_count")]},
    ]  # fmt: skip
    folder = _write_set(tmp_path / "heldout8", rows, "sentences.jsonl")
    report = ev.evaluate_heldout(folder)
    text_report = ev.format_heldout_report(report)
    assert (report.layout, report.items) == ("sentences", 3)
    # s1: both figures; s2: a borderline negative counted only with borderline; s3: one figure
    # can pair with one label only, so 7 million is a miss
    assert (report.strict.tp, report.strict.fp, report.strict.fn) == (3, 0, 1), text_report
    assert (report.loose.tp, report.loose.fp, report.loose.fn) == (3, 1, 1), text_report
    assert report.pairs == report.value_ok == 3, text_report
    assert not report.metadata and not report.per_document and not report.crashes
    assert [(r.label_id, r.kind) for r in report.rows] == [
        ("s2", "false positive"),
        ("s3", "missed"),
    ], text_report


def test_heldout_sentence_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"id": "s1", "text": "Our AI assistant has 5 million users.", "is_adoption_claim": True,
             "borderline": False, "claims": [_fig(5e6, "users", "user_count")]}]  # fmt: skip
    folder = _write_set(tmp_path / "heldout7", rows, "sentences.jsonl")

    def boom(text: str, name: str = "") -> tuple[()]:
        raise ValueError("cannot read")

    monkeypatch.setattr(ev, "extract_sentence", boom)
    report = ev.evaluate_heldout(folder)
    assert report.crashes == {"s1": "ValueError: cannot read"}
    assert (report.strict.tp, report.strict.fn) == (0, 1)


def test_heldout_range_distance_and_value() -> None:
    label = _fig([0.2, 0.25], "percent")
    assert ev.value_correct(claim(value=0.2, value_high=0.25), label)
    assert not ev.value_correct(claim(value=0.2), label)
    assert not ev.value_correct(claim(value=0.2, value_high=0.3), label)
    assert ev._distance(claim(value=0.25), label) == 0.0  # a point at either end is a candidate
    assert ev.value_correct(claim(value=0.2004), _fig(0.2, "percent"))  # within 0.5%
    assert not ev.value_correct(claim(value=0.202), _fig(0.2, "percent"))


def test_sentences_overlap_rule() -> None:
    label = "Ledger closed over 180,000 dispute cases to date."
    assert ev.sentences_overlap("Ledger closed over 180,000 dispute cases to date.", label)
    assert ev.sentences_overlap("x. " + label + " More text follows here.", label)
    assert not ev.sentences_overlap("Tally supports 14 languages and many banks.", label)
    # containment is by whole words, and numbers are whole words
    assert not ev.sentences_overlap("80,000 dispute cases", label)
    assert not ev.sentences_overlap("Ledger closed 120,000 cases.", label)  # 3 words: too few
    assert ev.sentences_overlap("Ledger closed over 120,000 dispute cases to date.", label)


def test_heldout_folder_errors_and_discovery(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="not a held-out set"):
        ev.evaluate_heldout(tmp_path)
    for name in ("heldout10", "heldout2", "heldout", "other"):
        (tmp_path / name).mkdir()
    assert [p.name for p in ev.heldout_folders(tmp_path)] == ["heldout", "heldout2", "heldout10"]


def test_main_prints_heldout_reports(
    doc_set: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ev.main(["--heldout", str(doc_set)]) == 0
    out = capsys.readouterr().out
    assert "held-out set heldout9: 2 documents" in out and "evaluation on the demo set" not in out
    assert ev.main(["--heldout", str(tmp_path / "missing")]) == 2
    assert "not a held-out set" in capsys.readouterr().err


def test_main_heldout_all_scans_tests(capsys: pytest.CaptureFixture[str]) -> None:
    assert ev.main(["--heldout-all"]) == 0
    out = capsys.readouterr().out
    for name in ("heldout", "heldout2", "heldout3", "heldout4"):
        assert f"held-out set {name}:" in out
