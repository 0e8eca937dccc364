"""The demo data in data/demo: reproducible, fully described by its manifest, fictional, ours."""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pypdfium2 as pdfium
import pytest
from bs4 import BeautifulSoup

from analyzer.records import (
    DocType,
    Measure,
    MetricKind,
    Period,
    Population,
    Qualifier,
    SignalKind,
    Unit,
)

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
DEMO = DATA / "demo"
MANIFEST = DEMO / "MANIFEST.json"
FLAG_NAMES = {
    "usage_mandate",
    "leaderboard",
    "activity_headline",
    "low_bar_frequency",
    "no_denominator",
    "count_no_window",
    "definition_switch",
    "hugging_target",
    "activity_outgrows_outcome",
    "mandate_step",
    "internal_only",
    "vague_magnitude",
}


def _shared_dir() -> Path | None:
    """``../shared`` beside the checkout (or beside the folder of git worktrees)."""
    for base in (REPO.parent, REPO.parent.parent):
        if (base / "shared" / "corpus").is_dir():
            return base / "shared"
    return None


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_demo", DATA / "make_demo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _pdf_pages(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    try:
        return [_collapse(page.get_textpage().get_text_range()) for page in pdf]
    finally:
        pdf.close()


def _visible_html_text(path: Path) -> str:
    soup = BeautifulSoup(path.read_bytes(), "lxml")
    for tag in soup(["script", "style", "head"]):
        tag.decompose()
    for tag in soup.select("[hidden]"):
        tag.decompose()
    return _collapse(soup.get_text(" "))


def _text(path: Path) -> str:
    """The readable text of a demo document, whitespace collapsed."""
    if path.suffix == ".pdf":
        return " ".join(_pdf_pages(path))
    if path.suffix == ".html":
        return _visible_html_text(path)
    return _collapse(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    _load_generator().generate(out)
    return out


def _sentences(entry: dict[str, Any]) -> list[dict[str, Any]]:
    return [*entry["claims"], *entry["signals"], *entry["non_claims"]]


# ---------------------------------------------------------------------------- reproducible


def test_regenerating_gives_the_committed_files(regenerated: Path) -> None:
    committed = sorted(p.name for p in DEMO.iterdir())
    assert sorted(p.name for p in regenerated.iterdir()) == committed
    for name in committed:
        fresh, old = regenerated / name, DEMO / name
        if name.endswith(".pdf"):
            assert _pdf_pages(fresh) == _pdf_pages(old), (
                f"{name}: PDF text differs; rerun make demo-data"
            )
        else:
            assert fresh.read_bytes() == old.read_bytes(), f"{name} differs; rerun make demo-data"


# ---------------------------------------------------------------------------- manifest


def test_manifest_lists_every_file_and_every_file_exists(manifest: dict[str, Any]) -> None:
    listed = [f["file"] for f in manifest["files"]]
    assert len(listed) == len(set(listed))
    on_disk = {p.name for p in DEMO.iterdir()} - {"MANIFEST.json"}
    assert set(listed) == on_disk
    for company in manifest["companies"]:
        for name in company["files"]:
            assert (DEMO / name).is_file(), name


def test_file_names_and_periods_follow_the_convention(manifest: dict[str, Any]) -> None:
    for entry in manifest["files"]:
        assert re.fullmatch(r"\d{4}-Q[1-4]|FY\d{4}", entry["fiscal_period"]), entry["file"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["period_end"]), entry["file"]
        assert entry["period_end"][:4] == re.search(r"\d{4}", entry["fiscal_period"]).group()
        DocType(entry["doc_type"])
        slug = entry["doc_type"].lower().replace("_", "-")
        expected = f"{entry['company_slug']}_{slug}_{entry['fiscal_period']}.{entry['format']}"
        assert entry["file"] == expected


def test_formats_are_mixed_and_every_company_has_a_pdf(manifest: dict[str, Any]) -> None:
    formats = [f["format"] for f in manifest["files"]]
    assert formats.count("pdf") >= 5
    assert formats.count("html") >= 3
    assert formats.count("txt") + formats.count("md") >= 3
    assert 4 <= len(manifest["companies"]) <= 5
    for company in manifest["companies"]:
        exts = {name.rsplit(".", 1)[1] for name in company["files"]}
        assert "pdf" in exts, company["name"]


def test_pdfs_have_several_pages_with_claims_beyond_page_one(manifest: dict[str, Any]) -> None:
    pdfs = [f for f in manifest["files"] if f["format"] == "pdf"]
    assert all(f["pages"] >= 2 for f in pdfs)
    later = [c for f in pdfs for c in f["claims"] if c["page"] >= 2]
    assert len(later) >= 10


def test_every_vocabulary_value_is_valid(manifest: dict[str, Any]) -> None:
    for entry in manifest["files"]:
        for c in entry["claims"]:
            assert c["figures"], c["sentence"]
            for f in c["figures"]:
                Unit(f["unit"])
                MetricKind(f["metric_kind"])
                Population(f["population"])
                Period(f["period"])
                Qualifier(f["qualifier"])
                Measure(f["measure"])
                assert isinstance(f["value"], int | float)
                if f["unit"] == "share" and f["measure"] == "level":
                    assert 0 < f["value"] <= 1, c["sentence"]
        for s in entry["signals"]:
            SignalKind(s["kind"])
            Period(s["period"])
            Population(s["population"])
        for name in entry["flags_exercised"]:
            assert name in FLAG_NAMES
    for company in manifest["companies"]:
        assert set(company["expected_flags"]) <= FLAG_NAMES


def test_every_claim_kind_signal_kind_and_flag_is_exercised(manifest: dict[str, Any]) -> None:
    kinds = {f["metric_kind"] for e in manifest["files"] for c in e["claims"] for f in c["figures"]}
    assert kinds == {k.value for k in MetricKind}
    signals = {s["kind"] for e in manifest["files"] for s in e["signals"]}
    assert signals == {k.value for k in SignalKind}
    expected = {name for c in manifest["companies"] for name in c["expected_flags"]}
    assert expected == FLAG_NAMES
    clean = [c for c in manifest["companies"] if not c["expected_flags"]]
    assert clean, "one company must be the no-flag control"


def test_every_sentence_is_in_its_document_on_its_page(manifest: dict[str, Any]) -> None:
    for entry in manifest["files"]:
        path = DEMO / entry["file"]
        pages = _pdf_pages(path) if entry["format"] == "pdf" else None
        text = " ".join(pages) if pages is not None else _text(path)
        for item in _sentences(entry):
            sentence = _collapse(item["sentence"])
            assert sentence in text, f"{entry['file']}: {sentence!r}"
            if pages is not None:
                start = max(
                    p for p in range(1, len(pages) + 1) if sentence in " ".join(pages[p - 1 :])
                )
                assert item["page"] == start, f"{entry['file']}: wrong page for {sentence!r}"
            else:
                assert item["page"] is None
        for hidden in entry.get("hidden_text_must_not_be_extracted", []):
            assert _collapse(hidden) not in text
            assert hidden in (DEMO / entry["file"]).read_text(encoding="utf-8")


def test_every_figure_is_written_in_its_sentence(manifest: dict[str, Any]) -> None:
    for entry in manifest["files"]:
        for c in entry["claims"]:
            for f in c["figures"]:
                assert f["value_text"] and f["value_text"] in c["sentence"], c["sentence"]


# ---------------------------------------------------------------------------- fictional


def test_every_document_says_it_is_fictional_at_the_top(manifest: dict[str, Any]) -> None:
    for entry in manifest["files"]:
        path = DEMO / entry["file"]
        if entry["format"] == "pdf":
            pages = _pdf_pages(path)
            top = pages[0][:400]
            assert all("fictional demo document" in page.lower() for page in pages)
        else:
            top = _text(path)[:400]
        assert "FICTIONAL DEMO DOCUMENT" in top, entry["file"]
        assert f"{entry['company']} is an invented company" in top


# ---------------------------------------------------------------------------- the stories


def _claims(manifest: dict[str, Any], company: str) -> list[tuple[dict, dict, dict]]:
    return [
        (e, c, f)
        for e in manifest["files"]
        if e["company"] == company
        for c in e["claims"]
        for f in c["figures"]
    ]


def test_mandate_company_reports_a_figure_hugging_its_mandate(manifest: dict[str, Any]) -> None:
    company = "Quillon Systems"
    mandates = [
        s
        for e in manifest["files"]
        if e["company"] == company
        for s in e["signals"]
        if s["kind"] == "mandate"
    ]
    assert mandates and all(m["value"] == 0.8 and m["period"] == "weekly" for m in mandates)
    since = mandates[0]["since"]
    after = [
        f
        for e, _, f in _claims(manifest, company)
        if e["period_end"] > since and f["unit"] == "share" and f["period"] == "weekly"
    ]
    assert after and all(0.8 <= f["value"] <= 0.85 for f in after)
    tokens = sorted(
        (e["period_end"], f["value"])
        for e, _, f in _claims(manifest, company)
        if f["unit"] == "tokens" and f["period"] == "quarterly"
    )
    assert len(tokens) >= 6
    before = [v for d, v in tokens if d < since]
    post = [v for d, v in tokens if d > since]
    step = post[0] / before[-1]
    usual = max(b / a for a, b in itertools.pairwise(before))
    assert step > 2 * usual, "tokens should jump at the mandate"
    populations = {f["population"] for _, _, f in _claims(manifest, company)}
    assert populations <= {"developers", "employees", "code"}, "evidence must be internal only"


def test_token_company_activity_outgrows_revenue(manifest: dict[str, Any]) -> None:
    rows = _claims(manifest, "Brightmere Cloud")
    tokens = {
        e["fiscal_period"]: f["value"]
        for e, _, f in rows
        if f["unit"] == "tokens" and f["period"] == "quarterly"
    }
    revenue = {
        e["fiscal_period"]: f["value"]
        for e, _, f in rows
        if f["unit"] == "usd" and f["measure"] == "level"
    }
    assert len(tokens) >= 6 and tokens.keys() == revenue.keys()
    first, last = min(tokens), max(tokens)
    assert tokens[last] / tokens[first] > 10 * revenue[last] / revenue[first]


def test_switching_company_changes_the_active_user_window(manifest: dict[str, Any]) -> None:
    rows = sorted(
        (e["period_end"], f["period"], f["value"])
        for e, c, f in _claims(manifest, "Orvane Retail")
        if c["subject"] == "Orvane Ask" and f["unit"] == "users"
    )
    windows = [w for _, w, _ in rows]
    assert windows[0] == "monthly" and windows[-1] == "weekly"
    assert windows == sorted(windows, key=lambda w: w == "weekly"), "one switch, monthly to weekly"
    values = [v for _, _, v in rows]
    assert values == sorted(values), "the switch must look like growth"
    bare = [f for _, _, f in _claims(manifest, "Orvane Retail") if f["period"] == "none"]
    assert {f["unit"] for f in bare} == {"share", "users"}


def test_clean_company_has_outcomes_and_no_signals(manifest: dict[str, Any]) -> None:
    company = "Tessel Labs"
    entries = [e for e in manifest["files"] if e["company"] == company]
    assert not any(e["signals"] for e in entries)
    figs = [f for _, _, f in _claims(manifest, company)]
    assert {"outcome", "user_count", "share_of_work"} <= {f["metric_kind"] for f in figs}
    assert all(f["period"] != "none" and f["qualifier"] == "exact" for f in figs)
    assert any("audited" in c["sentence"] for e in entries for c in e["claims"])


def test_analyst_figures_are_non_claims(manifest: dict[str, Any]) -> None:
    questions = [
        n for e in manifest["files"] for n in e["non_claims"] if n["reason"] == "analyst_question"
    ]
    assert len(questions) >= 2
    assert all(n["speaker"] and "Analyst" in n["speaker"] for n in questions)


# ---------------------------------------------------------------------------- ours, not copied


@pytest.mark.corpus
def test_no_demo_sentence_appears_in_the_corpus_labels() -> None:
    shared = _shared_dir()
    if shared is None:
        pytest.skip("../shared/corpus is absent (it sits beside the checkout in CI)")
    labels = []
    for path in sorted((shared / "corpus" / "labels").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                labels.append(_collapse(json.loads(line)["text"]).lower())
    assert labels
    corpus_text = "\n".join(labels)
    ours = " ".join(_text(p) for p in sorted(DEMO.iterdir()) if p.name != "MANIFEST.json")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", ours) if len(s) >= 30]
    assert len(sentences) > 100
    copied = [s for s in sentences if s.lower() in corpus_text]
    assert not copied
    ours_lower = ours.lower()
    assert not [t for t in labels if len(t) >= 30 and t in ours_lower]


def test_case_file_states_the_facts_and_names_its_source() -> None:
    case = _collapse((DATA / "cases" / "amazon-tokenmaxxing.md").read_text(encoding="utf-8"))
    facts = json.loads((DATA / "cases" / "amazon-tokenmaxxing.json").read_text(encoding="utf-8"))
    assert 'press report on "tokenmaxxing" at Amazon' in case
    assert "seed material" in case and "seed material" in facts["source"]["description"]
    for needle in ("80%", "leaderboard", "MeshClaw", "36 engineers", "tokenmaxxing", "Meta"):
        assert needle in case
    assert "Microsoft" in case and "performance reviews" in case
    mandate = [s for s in facts["signals"] if s["kind"] == "mandate"]
    assert len(mandate) == 1
    assert (mandate[0]["value"], mandate[0]["period"], mandate[0]["population"]) == (
        0.8,
        "weekly",
        "developers",
    )
    assert {s["kind"] for s in facts["signals"]} == {"mandate", "leaderboard"}


@pytest.mark.corpus
def test_case_file_does_not_copy_the_press_report() -> None:
    shared = _shared_dir()
    if shared is None:
        pytest.skip("../shared/seed is absent (it sits beside the checkout in CI)")
    seed = _collapse((shared / "seed" / "tokenmaxxing-press-report.txt").read_text("utf-8"))
    words = seed.lower().split()
    runs = {" ".join(words[i : i + 8]) for i in range(len(words) - 7)}
    for name in ("amazon-tokenmaxxing.md", "amazon-tokenmaxxing.json"):
        ours = _collapse((DATA / "cases" / name).read_text(encoding="utf-8")).lower()
        assert not [r for r in runs if r in ours], f"{name} must not copy the report"
