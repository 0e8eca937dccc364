"""A slider move in the app, 50 companies x 20 quarters: what the app recomputes, against a full
re-analysis (flags included) as the baseline, both measured in this process.

The app caches extraction by file hash and flags by claim content (they do not depend on the
assumptions), so a slider move runs the model, the company table and the chart specs only.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_render import synthetic_claims, synthetic_signals

from analyzer import charts, pipeline
from analyzer.assumptions import Assumptions, Dist


def timed(fn: Callable[[], object], repeats: int) -> float:
    """Median wall time in milliseconds."""
    fn()
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main() -> int:
    claims, signals = synthetic_claims(50, 20), synthetic_signals(50)
    flags = pipeline.raise_flags(claims, signals)
    moved = Assumptions(usage_activity=Dist(0.5, 8.0))

    def full() -> object:
        return pipeline.analyze(claims=claims, signals=signals, assumptions=moved)

    def slider() -> object:
        analysis = pipeline.analyze(claims=claims, signals=signals, assumptions=moved, flags=flags)
        charts.to_spec(charts.overview_chart(analysis.companies))
        return analysis

    base = timed(full, 3)
    fast = timed(slider, 9)
    print(f"claims: {len(claims)}, companies: {claims['company'].nunique()}")
    print(f"{'step':<52}{'median ms':>10}{'ratio':>8}")
    print(f"{'baseline: full re-analysis (flags recomputed)':<52}{base:>10.1f}{1.0:>8.2f}")
    print(f"{'slider move: model + table + overview spec':<52}{fast:>10.1f}{base / fast:>8.2f}")
    print("target: about 100 ms for the slider move:", "met" if fast <= 100 else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
