"""Batch extraction into the claims library: ``python -m analyzer batch DIR|GLOB...``.

Files are found (folders are walked for PDF, HTML, text and Markdown), hashed, and those already
in the library are skipped, so running the same command again resumes. The rest are extracted in
a process pool (or on a Dask cluster) with a bounded number in flight, and each result is written
to the library, in its own transaction, as soon as it arrives: a crash or Ctrl-C loses at most the
files in flight. A file that fails, even one that kills its worker process, is reported and the
batch goes on. The summary lists failures (also written as CSV); the exit status is 1 if any failed.

The per-file work is :func:`process_file`, a picklable module-level function that calls an
injectable extractor (default :func:`analyzer.claims.extract_path`, imported in the worker).
"""

from __future__ import annotations

import argparse
import csv
import glob
import hashlib
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from analyzer.errors import AnalyzerError

if TYPE_CHECKING:
    from analyzer.library import Library
    from analyzer.records import Extraction

SUFFIXES = frozenset({".pdf", ".html", ".htm", ".txt", ".md"})
"""File types a folder walk or glob picks up (an explicitly named file is always tried)."""

DEFAULT_FAILURES_CSV = "batch-failures.csv"
FAILURE_COLUMNS = ("path", "error_type", "message")

ExtractFn = Callable[[str], "Extraction"]


@dataclass(frozen=True)
class FileResult:
    """What a worker returns for one file: the extraction, or why there is none."""

    path: str
    sha256: str
    extraction: Extraction | None
    error_type: str | None = None
    message: str | None = None
    seconds: float = 0.0


@dataclass(frozen=True)
class Failure:
    """A file the batch could not extract or store."""

    path: str
    error_type: str
    message: str


@dataclass
class BatchReport:
    """Counts and failures of one batch run."""

    found: int = 0
    ingested: int = 0
    skipped: int = 0  # already in the library (earlier run, or another writer)
    duplicates: int = 0  # same content as another file in this run
    claims: int = 0
    signals: int = 0
    pages: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures and not self.interrupted


@dataclass(frozen=True)
class _Task:
    path: str
    sha256: str
    alone: bool = False  # re-run by itself after a worker crash


# ---------------------------------------------------------------------------- the work


def process_file(path: str, sha256: str, extract: ExtractFn | None = None) -> FileResult:
    """Extract one file; never raises for a bad file (the error is in the result)."""
    start = time.perf_counter()
    try:
        if extract is None:
            from analyzer.claims import extract_path

            extract = extract_path
        extraction = extract(path)
    except AnalyzerError as exc:
        return FileResult(path, sha256, None, type(exc).__name__, exc.reason, _since(start))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return FileResult(path, sha256, None, type(exc).__name__, reason, _since(start))
    except Exception as exc:  # noqa: BLE001 - one broken file never stops the batch
        message = f"unexpected error while extracting ({exc}); please report this file"
        return FileResult(path, sha256, None, type(exc).__name__, message, _since(start))
    return FileResult(path, sha256, extraction, seconds=_since(start))


def _worker_init() -> None:
    """Workers leave Ctrl-C to the parent, which stops handing out files and saves what is done."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _since(start: float) -> float:
    return time.perf_counter() - start


# ---------------------------------------------------------------------------- finding files


def find_files(patterns: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Failure]]:
    """Files named by folders, files and glob patterns (sorted, each once) and the misses."""
    found: dict[Path, None] = {}
    missing: list[Failure] = []
    for raw in patterns:
        text = os.fspath(raw)
        if any(ch in text for ch in "*?["):
            matches = sorted(glob.glob(os.path.expanduser(text), recursive=True))
            for match in matches:
                path = Path(match)
                if path.is_dir():
                    found.update(dict.fromkeys(_walk(path)))
                elif path.suffix.lower() in SUFFIXES:
                    found[path.resolve()] = None
            if not matches:
                missing.append(Failure(text, "FileNotFoundError", "no file matches this pattern"))
            continue
        path = Path(text).expanduser()
        if path.is_dir():
            found.update(dict.fromkeys(_walk(path)))
        elif path.is_file():
            found[path.resolve()] = None
        else:
            missing.append(Failure(text, "FileNotFoundError", "no such file or folder"))
    return list(found), missing


def _walk(folder: Path) -> list[Path]:
    out: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(
            Path(root, f).resolve()
            for f in sorted(files)
            if not f.startswith(".") and Path(f).suffix.lower() in SUFFIXES
        )
    return out


def file_sha256(path: Path) -> str:
    """SHA-256 of the file's bytes (the library's content hash)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# ---------------------------------------------------------------------------- running


def run_batch(
    paths: Sequence[str | os.PathLike[str]],
    *,
    library: Library | None = None,
    db: str | None = None,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    extract: ExtractFn | None = None,
    progress: bool = True,
    max_in_flight: int | None = None,
    dask_processes: bool = True,
    connect_timeout: float = 15.0,
    out: TextIO | None = None,
) -> BatchReport:
    """Extract ``paths`` into the library (``library``, or opened from ``db``).

    ``extract`` must be picklable (a module-level function); ``None`` means
    :func:`analyzer.claims.extract_path`. At most ``max_in_flight`` files (default: twice the
    workers) are out at once, which bounds what an interruption can lose.
    """
    from analyzer.library import Library

    started = time.perf_counter()
    report = BatchReport()
    own_library = library is None
    lib = Library.open(db) if library is None else library
    try:
        files, report.failures = find_files(paths)
        report.found = len(files)
        known = lib.document_hashes()
        tasks: list[_Task] = []
        seen: set[str] = set()
        for path in files:
            try:
                sha = file_sha256(path)
            except OSError as exc:
                report.failures.append(
                    Failure(str(path), type(exc).__name__, exc.strerror or str(exc))
                )
                continue
            if sha in known:
                report.skipped += 1
            elif sha in seen:
                report.duplicates += 1
            else:
                seen.add(sha)
                tasks.append(_Task(str(path), sha))
        n_workers = max(1, workers or _cpu_count())
        limit = max(1, max_in_flight or 2 * n_workers)
        bar = _progress_bar(len(tasks), progress, out)
        sink = _Sink(lib, report, bar, started)
        try:
            if engine == "dask":
                _run_dask(
                    tasks,
                    sink,
                    extract,
                    n_workers,
                    limit,
                    scheduler,
                    dask_processes,
                    connect_timeout,
                )
            elif engine == "local":
                _run_local(tasks, sink, extract, n_workers, limit)
            else:
                raise AnalyzerError(f"unknown engine {engine!r}; use 'local' or 'dask'")
        except KeyboardInterrupt:
            report.interrupted = True
        finally:
            if bar is not None:
                bar.close()
    finally:
        if own_library:
            lib.close()
    report.seconds = time.perf_counter() - started
    return report


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _progress_bar(total: int, enabled: bool, out: TextIO | None) -> Any:
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="file", desc="batch", file=out or sys.stderr, smoothing=0.1)


class _Sink:
    """Writes each result to the library as it arrives and keeps the report and bar current."""

    def __init__(self, library: Library, report: BatchReport, bar: Any, started: float) -> None:
        self.library, self.report, self.bar, self.started = library, report, bar, started
        self.warned = False

    def failed(self, task: _Task, error_type: str, message: str) -> None:
        self.report.failures.append(Failure(task.path, error_type, message))
        self._tick()

    def __call__(self, task: _Task, result: FileResult) -> None:
        if result.extraction is None:
            self.failed(task, result.error_type or "Error", result.message or "unknown error")
            return
        from analyzer.errors import LibraryError

        if result.extraction.document.sha256 != task.sha256 and not self.warned:
            self.warned = True
            print(
                f"warning: {task.path}: the extractor's document hash differs from the file's "
                "SHA-256, so reruns cannot skip this file; Document.sha256 should hash the bytes",
                file=sys.stderr,
            )
        try:
            stored = self.library.ingest(result.extraction)
        except LibraryError as exc:
            self.failed(task, type(exc).__name__, exc.reason)
            return
        if stored.added:
            self.report.ingested += 1
            self.report.claims += stored.claims
            self.report.signals += stored.signals
        else:
            self.report.skipped += 1
        self.report.pages += stored.pages
        self._tick()

    def _tick(self) -> None:
        if self.bar is None:
            return
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        self.bar.set_postfix_str(
            f"{self.report.pages / elapsed:.1f} pages/s, {len(self.report.failures)} failed",
            refresh=False,
        )
        self.bar.update(1)


_CRASHED = (
    "the worker process died while reading this file (a crash in a PDF library or out of "
    "memory); check the file or process it alone"
)


def _run_local(
    tasks: Sequence[_Task], sink: _Sink, extract: ExtractFn | None, workers: int, limit: int
) -> None:
    """Process pool; a file that kills its worker is retried alone, then reported."""
    queue = deque(tasks)
    suspects: deque[_Task] = deque()
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_init)
    pending: dict[Future[FileResult], _Task] = {}
    clean_exit = False

    def submit(task: _Task) -> bool:
        try:
            pending[pool.submit(process_file, task.path, task.sha256, extract)] = task
        except BrokenProcessPool:  # a worker died since the last look
            return False
        return True

    try:
        while queue or suspects or pending:
            broken = False
            if suspects:
                if not pending:  # run files that were in flight at a crash one at a time
                    task = suspects.popleft()
                    if not submit(task):
                        suspects.appendleft(task)
                        broken = True
            else:
                while queue and len(pending) < limit:
                    task = queue.popleft()
                    if not submit(task):
                        queue.appendleft(task)
                        broken = True
                        break
            if not broken:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    task = pending.pop(fut)
                    try:
                        result = fut.result()
                    except BrokenProcessPool:
                        broken = True
                        if task.alone:
                            sink.failed(task, "WorkerCrashed", _CRASHED)
                        else:
                            suspects.append(_Task(task.path, task.sha256, alone=True))
                        continue
                    sink(task, result)
            if broken:
                for fut, task in list(pending.items()):
                    if fut.done() and not fut.cancelled() and fut.exception() is None:
                        sink(task, fut.result())
                    else:
                        suspects.append(_Task(task.path, task.sha256, alone=True))
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_init)
        clean_exit = True
    finally:
        pool.shutdown(wait=clean_exit, cancel_futures=True)


def _run_dask(
    tasks: Sequence[_Task],
    sink: _Sink,
    extract: ExtractFn | None,
    workers: int,
    limit: int,
    scheduler: str | None,
    processes: bool,
    connect_timeout: float,
) -> None:
    """The same work on a Dask cluster: ``scheduler`` address, or a new LocalCluster."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=f"{connect_timeout}s")
        else:
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=processes,
                dashboard_address=None,
            )
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise AnalyzerError(
            f"cannot reach the Dask scheduler at {scheduler}: {exc}; check the address "
            "(e.g. tcp://host:8786) or leave out --scheduler to use a local cluster"
        ) from exc
    queue = deque(tasks)
    by_key: dict[Any, _Task] = {}
    try:
        running = as_completed()

        def submit() -> None:
            task = queue.popleft()
            fut = client.submit(process_file, task.path, task.sha256, extract, pure=False)
            by_key[fut.key] = task
            running.add(fut)

        while queue and len(by_key) < limit:
            submit()
        for fut in running:
            task = by_key.pop(fut.key)
            try:
                result = fut.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker must not stop the batch
                sink.failed(task, type(exc).__name__, f"{_CRASHED} ({exc})")
            else:
                sink(task, result)
            fut.release()
            if queue:
                submit()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ---------------------------------------------------------------------------- reporting


def write_failures_csv(failures: Sequence[Failure], path: str | os.PathLike[str]) -> Path:
    """Write failures as CSV with :data:`FAILURE_COLUMNS`."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(FAILURE_COLUMNS)
        writer.writerows((f.path, f.error_type, f.message) for f in failures)
    return target


def format_summary(report: BatchReport) -> str:
    """A short summary and a table of failures."""
    lines = [
        f"batch: {report.found} files: {report.ingested} added, {report.skipped} already in "
        f"the library, {report.duplicates} duplicate, {len(report.failures)} failed; "
        f"{report.claims} claims, {report.signals} signals, {report.pages} pages "
        f"in {report.seconds:.1f} s"
    ]
    if report.interrupted:
        lines.append("interrupted: finished files are saved; run the same command to resume")
    if report.failures:
        names = [f.path for f in report.failures]
        w_path = min(max(len(n) for n in names), 50)
        w_type = max(len("error"), *(len(f.error_type) for f in report.failures))
        lines.append(f"{'file':<{w_path}}  {'error':<{w_type}}  message")
        for f in report.failures:
            shown = f.path if len(f.path) <= w_path else "…" + f.path[-(w_path - 1) :]
            lines.append(f"{shown:<{w_path}}  {f.error_type:<{w_type}}  {f.message}")
    return "\n".join(lines)


def main(args: argparse.Namespace) -> int:
    """The ``batch`` subcommand: 0 when every file is in the library, 1 if any failed."""
    if args.workers is not None and args.workers < 1:
        print("error: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    report = run_batch(
        args.paths,
        db=args.db,
        workers=args.workers,
        engine=args.engine,
        scheduler=args.scheduler,
    )
    print(format_summary(report), file=sys.stderr)
    if report.failures:
        target = write_failures_csv(report.failures, args.failures_csv or DEFAULT_FAILURES_CSV)
        print(f"failures written to {target}", file=sys.stderr)
    elif args.failures_csv:
        write_failures_csv([], args.failures_csv)
    if report.interrupted:
        return 130
    return 1 if report.failures else 0
