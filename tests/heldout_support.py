"""What every held-out document-set test shares: its report, the guard on its labels, and the
checks against its floors (:class:`DocumentSetChecks`)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from analyzer.documents import read_document
from analyzer.evaluate import HeldoutReport, evaluate_heldout, format_heldout_report, load_heldout


def scored(folder: Path) -> HeldoutReport:
    """The set's report, printed (run pytest with ``-s`` to read the misses)."""
    report = evaluate_heldout(folder)
    print("\n" + format_heldout_report(report))
    return report


def misquoted_labels(folder: Path) -> list[str]:
    """Ids of labels whose sentence is not in their document, or whose claims contradict
    ``is_adoption_claim``. A sentence may be found in the text read from the document (table
    rows as one line of cells), or in the raw file (hidden and script negatives)."""
    bad = []
    for row in load_heldout(folder):
        path = folder / "documents" / row["doc"]
        read = " ".join(p.text for p in read_document(path).pages)
        if path.suffix.lower() == ".pdf":  # the labels quote the PDF's own text layer
            raw = _pdf_text(path, row.get("page"))
            texts = [re.sub(r"\s+", " ", t) for t in (raw, read)]
        else:
            raw = path.read_text(encoding="utf-8")
            texts = [re.sub(r"\s+", " ", t) for t in (html.unescape(raw), raw, read)]
        if not any(row["text"] in t for t in texts) or row["is_adoption_claim"] != bool(
            row["claims"]
        ):
            bad.append(row["id"])
    return bad


def _pdf_text(path: Path, page: int | None) -> str:
    """The text layer of one page (or all pages) as pypdfium2 reads it."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        numbers = [page - 1] if page else range(len(pdf))
        return " ".join(pdf[i].get_textpage().get_text_range() for i in numbers)
    finally:
        pdf.close()


@dataclass(frozen=True)
class Floors:
    """Scores a held-out document set must keep: measured first, then set a little lower."""

    precision: float
    recall: float
    f1: float
    value_accuracy: float
    metadata: float


class DocumentSetChecks:
    """The checks every held-out document set runs. A test module subclasses it as
    ``TestHeldoutN`` with ``folder`` (the set) and ``floors``; pytest collects the subclass."""

    folder: Path
    floors: Floors

    @pytest.fixture(scope="class")
    @classmethod
    def report(cls) -> HeldoutReport:
        return scored(cls.folder)

    def test_labels_quote_their_documents(self) -> None:
        """Every labelled sentence is really in its document (guards the labels, not the
        extractor)."""
        assert misquoted_labels(self.folder) == []

    def test_claim_detection_floor(self, report: HeldoutReport) -> None:
        s = report.strict
        assert s.precision >= self.floors.precision, format_heldout_report(report)
        assert s.recall >= self.floors.recall, format_heldout_report(report)
        assert s.f1 >= self.floors.f1, format_heldout_report(report)

    def test_value_accuracy_floor(self, report: HeldoutReport) -> None:
        assert report.pairs > 0, format_heldout_report(report)
        assert report.value_accuracy >= self.floors.value_accuracy, format_heldout_report(report)

    def test_document_metadata_floor(self, report: HeldoutReport) -> None:
        assert report.metadata_accuracy >= self.floors.metadata, format_heldout_report(report)

    def test_document_is_read_without_error(self, report: HeldoutReport, doc: str) -> None:
        assert doc in report.per_document and doc not in report.crashes, report.crashes.get(doc)

    @staticmethod
    def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
        """One ``test_document_is_read_without_error`` per document of the set."""
        if "doc" in metafunc.fixturenames and metafunc.cls is not None:
            docs = sorted({r["doc"] for r in load_heldout(metafunc.cls.folder)})
            metafunc.parametrize("doc", docs)
