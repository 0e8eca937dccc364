"""Untrusted documents are read in a capped worker: a bomb gets a message, the next file works."""

from __future__ import annotations

import pytest
from pdf_factory import make_pdf, stream_bomb_pdf

from analyzer.errors import DocumentError, DocumentTooLargeError
from analyzer.isolation import IsolatedExtractor, WorkerLimits

TEXT = "Helper AI, our assistant, now has more than 5 million monthly active users."


@pytest.fixture(scope="module")
def capped():
    extractor = IsolatedExtractor(WorkerLimits(memory_mb=700, seconds=60))
    yield extractor
    extractor.close()


def test_a_normal_document_is_extracted_in_the_worker(capped):
    extraction = capped.extract(TEXT.encode(), "note.txt")
    assert [c.value for c in extraction.claims] == [5_000_000]


def test_a_decompression_bomb_gets_a_clear_message_and_the_worker_recovers(capped):
    with pytest.raises(DocumentTooLargeError) as info:
        capped.extract(stream_bomb_pdf(1200), "bomb.pdf")
    assert "bomb.pdf" in str(info.value)
    assert "memory" in str(info.value)
    extraction = capped.extract(TEXT.encode(), "after.txt")
    assert len(extraction.claims) == 1


def test_library_errors_come_back_unchanged(capped):
    with pytest.raises(DocumentError) as info:
        capped.extract(b"", "empty.pdf")
    assert "empty.pdf" in str(info.value)


def test_a_slow_document_is_stopped_at_the_time_limit():
    extractor = IsolatedExtractor(WorkerLimits(memory_mb=2048, seconds=0.05))
    try:
        with pytest.raises(DocumentTooLargeError, match="longer than"):
            extractor.extract(make_pdf([TEXT] * 3), "slow.pdf")
    finally:
        extractor.close()
