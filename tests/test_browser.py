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


def test_overview_shows_demo_companies_and_saves_screenshot(page, server, tmp_path):
    """Also takes the README's screenshot: written to docs/ when it is missing or when
    UPDATE_SCREENSHOT=1, so an ordinary test run leaves the checkout clean."""
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
    shot = tmp_path / "screenshot.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    readme_shot = ROOT / "docs" / "screenshot.png"
    if os.environ.get("UPDATE_SCREENSHOT") or not readme_shot.exists():
        readme_shot.write_bytes(shot.read_bytes())


SHARED = ROOT.parent / "shared"


def _wait_idle(page, timeout: float = 60.0) -> None:
    """Wait until Streamlit has finished the current run: the page text stops changing."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        page.wait_for_timeout(1000)
        running = page.locator("[data-testid='stStatusWidget']").count() > 0
        text = page.locator("[data-testid='stMain']").inner_text()
        if text == last and not running:
            return
        last = text
    raise AssertionError("the app did not settle")


def _main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text(timeout=30_000)


def test_upload_a_real_pdf_accept_its_claims_and_see_the_company(page, server):
    pdf = SHARED / "corpus" / "pdfs" / "microsoft_earnings-call-transcript_FY23Q2.pdf"
    if not pdf.exists():
        pytest.skip(f"{pdf} is absent: the real-document corpus lives in ../shared")
    page.goto(f"{server}/upload")
    page.get_by_text("Upload and review").first.wait_for(timeout=60_000)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(pdf))
    page.get_by_role("button", name="Add to library").wait_for(timeout=90_000)
    _wait_idle(page)
    page.get_by_role("button", name="Add to library").click()
    page.get_by_text("claims accepted").wait_for(timeout=60_000)
    page.goto(server)
    page.get_by_text("Headline claims").wait_for(timeout=60_000)
    assert "Microsoft" in _main_text(page)


def test_export_png_is_a_valid_image_twice_the_chart_size(page, server, tmp_path):
    import struct
    import xml.etree.ElementTree as ET

    page.goto(f"{server}/export")
    page.get_by_text("Everything").wait_for(timeout=90_000)
    _wait_idle(page)
    with page.expect_download(timeout=60_000) as png_dl:
        page.locator("[data-testid='stDownloadButton'] button", has_text="PNG").first.click()
    with page.expect_download(timeout=60_000) as svg_dl:
        page.locator("[data-testid='stDownloadButton'] button", has_text="SVG").first.click()
    png = tmp_path / "chart.png"
    svg = tmp_path / "chart.svg"
    png_dl.value.save_as(png)
    svg_dl.value.save_as(svg)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    root = ET.parse(svg).getroot()
    svg_w, svg_h = float(root.get("width")), float(root.get("height"))
    assert (width, height) == (round(svg_w * 2), round(svg_h * 2))
    assert width >= 1000


def test_a_scenario_url_reproduces_the_same_numbers(browser, server):
    def genuine_lines(url: str) -> list[str]:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        pg = context.new_page()
        pg.goto(url)
        pg.get_by_text("Headline claims").wait_for(timeout=60_000)
        _wait_idle(pg)
        lines = [ln for ln in _main_text(pg).splitlines() if "genuine" in ln]
        context.close()
        return lines

    default = genuine_lines(server)
    scenario = f"{server}/?ua=0.8,8.0&uc=0.6,12.0&sw=0.6,12.0"
    first, second = genuine_lines(scenario), genuine_lines(scenario)
    assert first and first == second
    assert first != default


def test_document_text_is_shown_as_text_and_runs_no_script(page, server, tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from pdf_factory import make_pdf

    payload = "<script>window.__xss=1</script> <img src=x onerror=window.__xss=2>"
    html = tmp_path / "hostile-corp_press-release_2025-Q2.html"
    html.write_text(
        "<html><body><h1>Hostile Corp Reports Second Quarter 2025 Results</h1>"
        "<p>More than 5,000 customers used Hostile Copilot, our AI assistant "
        "&lt;script&gt;window.__xss=1&lt;/script&gt; &lt;img src=x onerror=window.__xss=2&gt; "
        "in the quarter.</p><script>window.__xss=3</script></body></html>"
    )
    pdf = tmp_path / "hostile-corp_10-q_2025-Q2.pdf"
    pdf.write_bytes(
        make_pdf(
            [
                "Hostile Corp\nQuarterly report for the quarter ended June 30, 2025\n"
                f"Our AI agents processed 9 billion tokens in the quarter {payload}."
            ]
        )
    )
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/upload")
    page.get_by_text("Upload and review").first.wait_for(timeout=60_000)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        [str(html), str(pdf)]
    )
    page.get_by_role("button", name="Add to library").nth(1).wait_for(timeout=60_000)
    _wait_idle(page)
    for i, name in enumerate([html.name, pdf.name]):
        company = page.get_by_label("Company").nth(i)
        company.fill("Hostile Corp")  # the analyst corrects or fills in the detected company
        company.press("Enter")
        _wait_idle(page)
        page.get_by_role("button", name="Add to library").nth(i).click()
        page.get_by_text(f"{name} added").wait_for(timeout=60_000)
        _wait_idle(page)
    page.goto(f"{server}/company?company=Hostile%20Corp")
    page.get_by_text("Claim and its source").wait_for(timeout=60_000)
    _wait_idle(page)
    text = _main_text(page)
    assert "<script>window.__xss=1</script>" in text or "<img src=x" in text, text[-2000:]
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    assert page.locator("img[src='x']").count() == 0
