"""What every held-out document-set test shares: its report, and the guard on its labels."""

from __future__ import annotations

import html
import re
from pathlib import Path

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
