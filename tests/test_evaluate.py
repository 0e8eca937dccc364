"""The evaluation: scoring rules on small made-up labels, and the targets on the dev set."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analyzer import evaluate as ev
from analyzer.claims import extract
from analyzer.records import Document, Page

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
