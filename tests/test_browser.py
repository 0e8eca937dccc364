"""One real-browser smoke test: Playwright drives Debian Chromium against a live server."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian 'chromium' (.ci/run does)")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """Start `streamlit run app.py` on a free port; stop it by its own PID."""
    port = _free_port()
    env = {**os.environ, "ANALYZER_DB": str(tmp_path_factory.mktemp("db") / "library.sqlite3")}
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.port", str(port), "--server.headless", "true",
            "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
        ],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail(f"streamlit did not become healthy: {proc.stderr.read().decode()[-2000:]}")
    yield url
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    yield pg
    context.close()


def demo_companies() -> list[str]:
    import json

    manifest = json.loads((ROOT / "data" / "demo" / "MANIFEST.json").read_text())
    return sorted(c["name"] for c in manifest["companies"])


def test_overview_shows_demo_companies_and_saves_screenshot(page, server):
    page.goto(server)
    page.get_by_text("Reported versus genuine AI adoption").wait_for(timeout=60_000)
    page.locator(
        "[data-testid='stVegaLiteChart'], [data-testid='stArrowVegaLiteChart']"
    ).first.wait_for(timeout=60_000)
    body = page.locator("[data-testid='stMain']")
    for company in demo_companies():
        assert company in body.inner_text(timeout=30_000) or page.get_by_text(company).count()
    assert page.locator("[data-testid='stException']").count() == 0
    time.sleep(1.5)  # let the chart finish drawing
    (ROOT / "docs").mkdir(exist_ok=True)
    page.screenshot(path=str(ROOT / "docs" / "screenshot.png"), full_page=False)
