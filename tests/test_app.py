"""The app, driven by Streamlit's AppTest: every page renders and responds."""

from __future__ import annotations

import hashlib
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


def _genuine_lines(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if "genuine" in m.value]


def test_moving_a_slider_changes_the_numbers_and_the_url(app):
    before = _genuine_lines(app)
    app.switch_page("app_pages/assumptions.py").run()
    app.slider(key="mean_usage_activity").set_value(0.8).run()
    assert not app.exception
    assert dict(app.query_params), "the scenario is not in the URL"
    app.switch_page("app_pages/overview.py").run()
    after = _genuine_lines(app)
    assert before and after and before != after


def test_a_preset_is_applied_to_every_slider(app):
    from analyzer.assumptions import preset

    app.switch_page("app_pages/assumptions.py").run()
    app.selectbox(key="preset_name").set_value("sceptic").run()
    app.button[0].click().run()
    sceptic = preset("sceptic")
    assert app.slider(key="mean_usage_activity").value == sceptic.usage_activity.mean
    assert app.slider(key="mean_outcome").value == sceptic.outcome.mean


FIXTURE_TEXT = (
    "Fixture Widgets Inc. - Second Quarter 2025 Results\n\n"
    "Fixture Widgets Inc. today reported results for the quarter ended June 30, 2025.\n"
    "More than 40,000 customers used Widget Copilot, our AI assistant, in the quarter.\n"
    "Our AI agents processed 12 billion tokens in the quarter, up 3x year over year.\n"
)


def test_upload_yields_claims_and_a_broken_file_only_gets_a_message(app):
    app.switch_page("app_pages/upload.py").run()
    app.file_uploader(key="uploads").set_value(
        [
            ("fixture-widgets_press-release_2025-Q2.txt", FIXTURE_TEXT.encode(), "text/plain"),
            ("broken.pdf", b"%PDF-1.7\n1 0 obj <<>> garbage", "application/pdf"),
        ]
    ).run()
    assert not app.exception, [e.value for e in app.exception]
    errors = [e.value for e in app.error]
    assert any("broken" in e and "PDF" in e for e in errors), errors
    key = hashlib.sha256(FIXTURE_TEXT.encode()).hexdigest()[:12]
    editor = app.data_editor(key=f"claims_{key}")
    assert len(editor.value) >= 2
    assert set(editor.value["unit"]) >= {"customers", "tokens"}

    app.button(key=f"add_{key}").click().run()
    assert not app.exception
    assert any("accepted" in s.value for s in app.success), [s.value for s in app.success]
    app.switch_page("app_pages/library.py").run()
    docs = next(m for m in app.metric if m.label == "Documents")
    assert int(docs.value) == 1


def test_company_page_draws_the_pdf_page_of_a_claim(app):
    from analyzer.claims import extract_path

    pdfs = sorted((ROOT / "data" / "demo").glob("*.pdf"))
    claim = next(c for p in pdfs for c in extract_path(p).claims if c.page and c.company)
    app.switch_page("app_pages/company.py").run()
    app.selectbox(key="company_claim")  # the picker exists before a company is chosen
    app.selectbox[0].set_value(claim.company).run()
    app.selectbox(key="company_claim").set_value(claim.claim_id).run()
    assert not app.exception, [e.value for e in app.exception]
    images = app.image
    assert len(images) == 1, "no page image shown"
    assert f"Page {claim.page} of" in str(images[0].proto)


def test_too_many_files_get_a_message_and_the_first_ones_are_read(app, monkeypatch):
    monkeypatch.setenv("ANALYZER_MAX_UPLOAD_FILES", "2")
    app.switch_page("app_pages/upload.py").run()
    texts = [FIXTURE_TEXT.replace("40,000", f"4{i},000").encode() for i in range(3)]
    files = [(f"note-{i}.txt", text, "text/plain") for i, text in enumerate(texts)]
    app.file_uploader(key="uploads").set_value(files).run()
    assert not app.exception
    assert any("at most 2" in e.value for e in app.error), [e.value for e in app.error]
    keys = [hashlib.sha256(text).hexdigest()[:12] for text in texts]
    assert len(app.data_editor(key=f"claims_{keys[0]}").value) >= 1
    assert len(app.data_editor(key=f"claims_{keys[1]}").value) >= 1
    with pytest.raises(KeyError):
        app.data_editor(key=f"claims_{keys[2]}")


def test_typed_company_stays_with_its_document_when_another_file_is_removed(app):
    alpha = FIXTURE_TEXT.replace("Fixture Widgets", "Alpha Gadgets").encode()
    beta = FIXTURE_TEXT.replace("Fixture Widgets", "Beta Gadgets").encode()
    app.switch_page("app_pages/upload.py").run()
    uploader = app.file_uploader(key="uploads")
    uploader.set_value([("alpha.txt", alpha, "text/plain"), ("beta.txt", beta, "text/plain")])
    app.run()
    a_key, b_key = (hashlib.sha256(x).hexdigest()[:12] for x in (alpha, beta))
    app.text_input(key=f"co_{a_key}").input("Alpha Corporation (typed)").run()
    app.file_uploader(key="uploads").set_value([("beta.txt", beta, "text/plain")]).run()
    assert not app.exception
    assert "Alpha" not in app.text_input(key=f"co_{b_key}").value


def test_markdown_in_untrusted_text_is_escaped():
    from app_pages.common import escape_markdown

    hostile = "[Click here](https://evil.example) ![x](https://evil.example/x.png) <b>hi</b>\n# H"
    escaped = escape_markdown(hostile)
    assert "[Click here](" not in escaped and "![x](" not in escaped
    assert "\\[Click here\\]\\(https" in escaped
    assert "\\<b\\>" in escaped
    assert "\n" not in escaped and "\\# H" in escaped


def test_a_scenario_link_with_markdown_keys_shows_it_escaped(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYZER_DB", str(tmp_path / "library.sqlite3"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["[Click here](https://evil.example/login)"] = "1"
    at.run()
    warnings = [w.value for w in at.warning]
    assert any("could not be read" in w for w in warnings), warnings
    assert not any("[Click here](https" in w for w in warnings), warnings


def test_review_shows_how_money_in_another_currency_became_usd(app):
    text = (
        "Norrsken AG Reports Full Year 2025 Results\n\n"
        "Revenue from Lumen, our AI assistant, was €64 million in 2025, up 38%. Solely for "
        "convenience, euro amounts are translated at €1.00 = $1.10.\n"
    ).encode()
    app.switch_page("app_pages/upload.py").run()
    app.file_uploader(key="uploads").set_value([("norrsken_2025.txt", text, "text/plain")]).run()
    assert not app.exception, [e.value for e in app.exception]
    editor = app.data_editor(key=f"claims_{hashlib.sha256(text).hexdigest()[:12]}")
    money = editor.value[editor.value["unit"] == "usd"]
    assert list(money["value"]) == pytest.approx([70.4e6])
    assert list(money["converted"]) == ["EUR at 1.1 USD (document)"]
