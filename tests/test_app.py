"""The app, driven by Streamlit's AppTest: every page renders and responds."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [
    "app_pages/overview.py",
    "app_pages/company.py",
    "app_pages/assumptions.py",
    "app_pages/upload.py",
    "app_pages/library.py",
    "app_pages/export.py",
]


@pytest.fixture
def app(tmp_path, monkeypatch) -> AppTest:
    monkeypatch.setenv("ANALYZER_DB", str(tmp_path / "library.sqlite3"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_exception(app, page):
    app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title, f"{page} shows no title"


def test_overview_lists_the_demo_companies(app):
    import json

    manifest = json.loads((ROOT / "data" / "demo" / "MANIFEST.json").read_text())
    expected = {c["name"] for c in manifest["companies"]}
    shown = " ".join(m.value for m in app.markdown) + " ".join(s.value for s in app.subheader)
    for company in expected:
        assert company in shown
    companies_metric = next(m for m in app.metric if m.label == "Companies")
    assert int(companies_metric.value) == len(expected)
