"""Batch throughput on ``../shared/corpus/pdfs`` with 1 and 2 workers, and the scaling ratio.

The corpus folder can be overridden with ``$ANALYZER_CORPUS_PDFS``.

Runs ``analyzer.batch.run_batch`` (process pool, real extractor ``analyzer.claims.extract_path``)
into a fresh SQLite library per run, in the same process, and prints files/s, pages/s and
``2-worker pages/s / 1-worker pages/s`` (ideal: 2.0 on a 2-core machine). Skips, saying why, when
the corpus or the extractor is absent. Not a unit test: nothing here asserts a speed.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = Path(os.environ.get("ANALYZER_CORPUS_PDFS") or ROOT.parent / "shared" / "corpus" / "pdfs")

from analyzer.batch import BatchReport, ExtractFn, run_batch  # noqa: E402


def measure(
    files: list[Path], workers: int, folder: Path, extract: ExtractFn | None = None
) -> tuple[float, BatchReport]:
    """Seconds to batch ``files`` into a new library with ``workers`` processes."""
    db = f"sqlite:///{folder / f'bench-{workers}.sqlite3'}"
    start = time.perf_counter()
    report = run_batch(
        [str(f) for f in files], db=db, workers=workers, extract=extract, progress=False
    )
    return time.perf_counter() - start, report


def main() -> int:
    if not CORPUS.is_dir():
        print(f"skip: corpus not found at {CORPUS} (../shared beside the checkout)")
        return 0
    if importlib.util.find_spec("analyzer.claims") is None:
        print("skip: analyzer.claims (the extractor) is not installed in this checkout yet")
        return 0
    files = sorted(CORPUS.glob("*.pdf"))
    if not files:
        print(f"skip: no PDFs in {CORPUS}")
        return 0
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for workers in (1, 2):
            seconds, report = measure(files, workers, Path(tmp))
            rows.append((workers, seconds, report))
    print(f"batch throughput on {len(files)} PDFs in {CORPUS}")
    print(
        f"{'workers':>7} {'files':>5} {'pages':>6} {'failed':>6} {'seconds':>8} "
        f"{'files/s':>8} {'pages/s':>8}"
    )
    for workers, seconds, report in rows:
        done = report.ingested + report.skipped
        print(
            f"{workers:>7} {done:>5} {report.pages:>6} {len(report.failures):>6} "
            f"{seconds:>8.2f} {done / seconds:>8.2f} {report.pages / seconds:>8.1f}"
        )
        for failure in report.failures:
            print(
                f"        failed: {Path(failure.path).name}: {failure.error_type}: "
                f"{failure.message}"
            )
    (_, s1, r1), (_, s2, r2) = rows
    ratio = (r2.pages / s2) / (r1.pages / s1) if r1.pages and r2.pages else float("nan")
    print(f"scaling (2 workers / 1 worker, pages/s): {ratio:.2f}x  (ideal 2.00x on 2 cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
