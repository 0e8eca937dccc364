"""Command line: ``python -m analyzer extract|analyze|batch ...``.

Library errors become one line on stderr naming the file; other files still run; the exit status
is non-zero when any file failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import pandas as pd

from analyzer.errors import AnalyzerError


def _records_out(frame: pd.DataFrame, fmt: str, out: TextIO) -> None:
    rows = json.loads(frame.to_json(orient="records", force_ascii=False))
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _csv_out(frame, out)


def _csv_out(frame: pd.DataFrame, out: TextIO) -> None:
    """CSV with spreadsheet formulas in document text neutralised (see docs/security.md)."""
    from analyzer.export import data_bytes

    out.write(data_bytes(frame, "csv").decode("utf-8"))


def _extract_all(paths: Sequence[str], *, ocr: bool = False) -> tuple[list[Any], int]:
    from analyzer.claims import extract_path

    results, failures = [], 0
    for path in paths:
        try:
            results.append(extract_path(path, ocr=ocr))
        except (AnalyzerError, OSError) as exc:
            failures += 1
            reason = exc.reason if isinstance(exc, AnalyzerError) else exc.strerror or str(exc)
            if Path(path).is_dir():
                reason = "is a folder; use `python -m analyzer batch FOLDER` for folders"
            print(f"error: {path}: {reason}", file=sys.stderr)
    return results, failures


def cmd_extract(args: argparse.Namespace) -> int:
    from analyzer.records import claims_frame, signals_frame

    results, failures = _extract_all(args.paths, ocr=args.ocr)
    claims = [c for r in results for c in r.claims]
    frame = claims_frame(claims).assign(record="claim")
    if args.signals:
        signals = signals_frame([s for r in results for s in r.signals]).assign(record="signal")
        frame = pd.concat([frame, signals], ignore_index=True) if len(signals) else frame
    _records_out(frame, args.format, sys.stdout)
    return 1 if failures else 0


def _evidence_text(items: list[dict[str, Any]]) -> str:
    """Evidence as one CSV cell: ``document p.N: sentence [note]`` joined by `` | ``."""
    parts = []
    for e in items:
        page = f" p.{e['page']}" if e.get("page") is not None else ""
        note = f" [{e['note']}]" if e.get("note") else ""
        parts.append(f"{e['document']}{page}: {e['sentence']}{note}")
    return " | ".join(parts)


def cmd_analyze(args: argparse.Namespace) -> int:
    from analyzer.assumptions import Assumptions, load_assumptions, preset
    from analyzer.pipeline import analyze
    from analyzer.records import flags_frame

    try:
        # a file tweaks the preset: keys it leaves out keep the preset's values
        assumptions = preset(args.preset) if args.preset else None
        if args.assumptions:
            assumptions = load_assumptions(Path(args.assumptions), base=assumptions)
    except (AnalyzerError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    results, failures = _extract_all(args.paths, ocr=args.ocr)
    analysis = analyze(results, assumptions or Assumptions(), seed=args.seed)
    claims = analysis.claims_with_estimates()
    flags = flags_frame(analysis.flags)
    if args.format == "csv":
        # one table: claim rows, then flag rows (with their evidence as text), told apart by
        # ``record`` like ``extract --signals``
        flag_rows = flags.assign(record="flag", evidence=flags["evidence"].map(_evidence_text))
        table = pd.concat([claims.assign(record="claim"), flag_rows], ignore_index=True)
        _csv_out(table[["record", *[c for c in table.columns if c != "record"]]], sys.stdout)
    else:
        payload = {
            "claims": json.loads(claims.to_json(orient="records", force_ascii=False)),
            "companies": json.loads(
                analysis.companies.to_json(orient="records", force_ascii=False)
            ),
            "flags": json.loads(flags.to_json(orient="records", force_ascii=False)),
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
    return 1 if failures else 0


def cmd_batch(args: argparse.Namespace) -> int:
    from analyzer.batch import main as batch_main

    return batch_main(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analyzer", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract claims from PDF, HTML or text files")
    p.add_argument("paths", nargs="+")
    p.add_argument("--format", choices=["jsonl", "csv", "json"], default="jsonl")
    p.add_argument("--signals", action="store_true", help="also emit mandate/target/... signals")
    p.add_argument("--ocr", action="store_true", help="read scanned PDFs with Tesseract (slow)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("analyze", help="estimate genuine adoption and raise flags")
    p.add_argument("paths", nargs="+")
    p.add_argument(
        "--assumptions", help="assumptions file (TOML or JSON); applied on top of --preset"
    )
    p.add_argument("--preset", help="named preset: believer, base, sceptic")
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--ocr", action="store_true", help="read scanned PDFs with Tesseract (slow)")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("batch", help="extract a folder or glob into the claims library")
    p.add_argument("paths", nargs="+", help="folders, files or glob patterns")
    p.add_argument("--workers", type=int, default=None)
    p.add_argument("--db", default=None, help="library URL (default: $ANALYZER_DB or SQLite)")
    p.add_argument("--engine", choices=["local", "dask"], default="local")
    p.add_argument("--scheduler", default=None, help="Dask scheduler address")
    p.add_argument("--failures-csv", default=None)
    p.set_defaults(func=cmd_batch)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except AnalyzerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
