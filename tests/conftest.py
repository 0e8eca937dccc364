"""Shared fixtures. Corpus tests use ``shared_dir`` and skip when the shared folder is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _find_shared() -> Path | None:
    env = os.environ.get("ANALYZER_SHARED")
    # $ANALYZER_SHARED when set; else ../shared beside the checkout (a worktree sits one level
    # deeper, wt/<name>, so its grandparent is tried too)
    candidates = [Path(env)] if env else [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    for candidate in candidates:
        if (candidate / "corpus").is_dir():
            return candidate
    return None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared corpus folder (``../shared``); skips the test when it is absent."""
    found = _find_shared()
    if found is None:
        pytest.skip("../shared/corpus is absent (real filings are not part of the checkout)")
    return found


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """Our own small fixture files, written for these tests."""
    return FIXTURES
