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
        raw = path.read_text(encoding="utf-8")
        read = " ".join(p.text for p in read_document(path).pages)
        texts = [re.sub(r"\s+", " ", t) for t in (html.unescape(raw), raw, read)]
        if not any(row["text"] in t for t in texts) or row["is_adoption_claim"] != bool(
            row["claims"]
        ):
            bad.append(row["id"])
    return bad
