"""Benchmark ``model.estimate_claims`` on 50 companies x 20 quarters x 3 claims (3,000 claims).

Prints the vectorized model's time and its ratio against a naive baseline run in the same process:
a Python loop that draws and summarises each claim on its own (what the model would cost without
vectorization). Run: ``.venv/bin/python bench/bench_model.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analyzer import model
from analyzer.assumptions import Assumptions
from analyzer.records import CLAIM_COLUMNS, SIGNAL_COLUMNS, to_frame

DRAWS = 2000


def synthetic(companies: int = 50, quarters: int = 20) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Three claims per company-quarter (share of developers, tokens, revenue) and mandates."""
    ends = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}
    rows, sigs = [], []
    for c in range(companies):
        company = f"Company {c:02d}"
        for q in range(quarters):
            year, qn = 2020 + q // 4, q % 4 + 1
            base = {
                "document": f"{company} {year}-Q{qn}",
                "page": 1,
                "sentence": "synthetic",
                "char_start": 0,
                "char_end": 9,
                "company": company,
                "fiscal_period": f"{year}-Q{qn}",
                "period_end": f"{year}-{ends[qn]}",
                "doc_type": "10-Q" if q % 2 else "press_release",
                "confidence": 0.9,
                "qualifier": "exact",
            }
            rows += [
                {
                    **base,
                    "claim_id": f"{c}-{q}-a",
                    "value": 0.5 + q / 50,
                    "unit": "share",
                    "metric_kind": "user_count",
                    "population": "developers",
                    "period": ["weekly", "monthly", "daily"][c % 3],
                    "measure": "level",
                },
                {
                    **base,
                    "claim_id": f"{c}-{q}-b",
                    "value": 1e12 * 1.3**q,
                    "unit": "tokens",
                    "metric_kind": "usage_activity",
                    "population": "none",
                    "period": "quarterly",
                    "measure": "level" if q % 4 else "growth",
                },
                {
                    **base,
                    "claim_id": f"{c}-{q}-c",
                    "value": 1e9 * 1.05**q,
                    "unit": "usd",
                    "metric_kind": "outcome",
                    "population": "customers",
                    "period": "quarterly",
                    "measure": "level",
                },
            ]
        if c % 2 == 0:
            sigs.append(
                {
                    "document": "memo",
                    "page": 1,
                    "sentence": "mandate",
                    "company": company,
                    "kind": "mandate",
                    "value": 0.8,
                    "period_end": f"{2021 + c % 4}-06-30",
                }
            )
        if c % 5 == 0:
            sigs.append(
                {
                    "document": "memo",
                    "page": 1,
                    "sentence": "board",
                    "company": company,
                    "kind": "leaderboard",
                    "period_end": "2022-03-31",
                }
            )
    return to_frame(rows, CLAIM_COLUMNS), to_frame(sigs, SIGNAL_COLUMNS)


def naive(claims: pd.DataFrame, signals: pd.DataFrame, a: Assumptions, seed: int = 0) -> list:
    """Baseline: the same maths, one claim and one set of draws at a time."""
    inputs = model.inflation_inputs(claims, signals, a)
    ceiling = a.modifiers.max_inflation
    out = []
    for row, value in zip(inputs.itertuples(), claims["value"], strict=True):
        rng = np.random.default_rng(seed)
        mean, conc = row.base_mean, row.base_concentration
        b = rng.beta(mean * conc, (1 - mean) * conc, size=DRAWS) if mean > 0 else np.zeros(DRAWS)
        ie = np.clip(b + row.uplift_end, 0, ceiling)
        ist = np.clip(b + row.uplift_start, 0, ceiling)
        f = (1 - ie) / (1 - ist) if row.is_growth else 1 - ie
        out.append((value * f.mean(), *np.quantile(value * f, [0.1, 0.9])))
    return out


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    claims, signals = synthetic()
    a = Assumptions()
    model.estimate_claims(claims, signals, a, draws=DRAWS)  # warm-up
    fast = best_of(lambda: model.estimate_claims(claims, signals, a, draws=DRAWS), 7)
    slow = best_of(lambda: naive(claims, signals, a), 2)
    print(f"claims: {len(claims)}, draws per claim: {DRAWS}")
    print(f"estimate_claims: {fast * 1000:.1f} ms")
    print(f"naive per-claim loop (baseline): {slow * 1000:.1f} ms")
    print(f"speed-up ratio (baseline / vectorized): {slow / fast:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
