"""Read untrusted documents in a separate, memory-capped worker process.

PDFium inflates a page's content streams itself, so a hostile PDF (a "decompression bomb") can
use far more memory than its size suggests, and the page/time limits of
:class:`analyzer.documents.Limits` are only checked between pages. The app therefore extracts
uploads here: in a worker process whose address space is capped (``RLIMIT_AS``) and whose wall
time is bounded. A worker that runs out of memory or time is killed and replaced; the caller gets
a :class:`DocumentTooLargeError` naming the file and the limit, and every other file goes on.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import threading
from dataclasses import dataclass

from analyzer.errors import AnalyzerError, DocumentTooLargeError
from analyzer.records import Extraction


@dataclass(frozen=True)
class WorkerLimits:
    """Caps for one extraction in a worker: memory (MiB of address space) and wall seconds."""

    memory_mb: int = int(os.environ.get("ANALYZER_MAX_MEMORY_MB", "3072"))
    seconds: float = float(os.environ.get("ANALYZER_MAX_SECONDS", "120"))


def _cap_memory(memory_mb: int) -> None:
    try:
        import resource

        cap = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ImportError, ValueError, OSError):  # not on this platform: run uncapped
        pass


def _extract(data: bytes, name: str, ocr: bool) -> Extraction:
    from analyzer.claims import extract
    from analyzer.documents import read_document

    try:
        return extract(read_document(data, name=name, ocr=ocr))
    except MemoryError:
        raise DocumentTooLargeError(
            "reading it needed more memory than the limit allows (a PDF whose compressed "
            "content inflates enormously); split or re-export the document",
            document=name,
        ) from None


class IsolatedExtractor:
    """A small pool of capped worker processes; thread-safe; replaces workers that die."""

    def __init__(self, limits: WorkerLimits | None = None, workers: int = 1) -> None:
        self.limits = limits or WorkerLimits()
        self.workers = workers
        self._lock = threading.Lock()
        self._pool: cf.ProcessPoolExecutor | None = None

    def _get_pool(self) -> cf.ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = cf.ProcessPoolExecutor(
                    max_workers=self.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_cap_memory,
                    initargs=(self.limits.memory_mb,),
                )
            return self._pool

    def _reset(self, pool: cf.ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def extract(self, data: bytes, name: str, *, ocr: bool = False) -> Extraction:
        """Extract ``data`` in a worker; raise an :class:`AnalyzerError` for any failure."""
        pool = self._get_pool()
        try:
            future = pool.submit(_extract, data, name, ocr)
        except cf.BrokenExecutor:
            self._reset(pool)
            pool = self._get_pool()
            future = pool.submit(_extract, data, name, ocr)
        try:
            return future.result(timeout=self.limits.seconds)
        except AnalyzerError:
            raise
        except cf.TimeoutError:
            self._reset(pool)
            raise DocumentTooLargeError(
                f"reading it took longer than the {self.limits.seconds:g} s limit; split the "
                "document or raise ANALYZER_MAX_SECONDS",
                document=name,
            ) from None
        except cf.BrokenExecutor:
            self._reset(pool)
            raise DocumentTooLargeError(
                f"the reader process died on it, most likely over the "
                f"{self.limits.memory_mb} MiB memory limit; split or re-export the document, "
                "or raise ANALYZER_MAX_MEMORY_MB",
                document=name,
            ) from None
        except MemoryError:
            raise DocumentTooLargeError(
                f"reading it needed more than the {self.limits.memory_mb} MiB memory limit",
                document=name,
            ) from None

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
