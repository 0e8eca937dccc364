"""Reading documents: PDF, HTML, text; metadata; limits; broken and hostile input."""

from __future__ import annotations

import io
import time
from pathlib import Path

import numpy as np
import pytest
from pdf_factory import REPORT_PAGES, blank_pdf, make_pdf, stream_bomb_pdf

from analyzer.documents import (
    Limits,
    describe,
    normalize_company,
    ocr_available,
    read_document,
    render_page,
)
from analyzer.errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from analyzer.records import DocType, Page


@pytest.fixture(scope="module")
def report_pdf() -> bytes:
    return make_pdf(REPORT_PAGES)


def test_pdf_pages_text_and_metadata(report_pdf: bytes) -> None:
    doc = read_document(report_pdf, name="report.pdf")
    assert doc.kind == "pdf"
    assert [p.number for p in doc.pages] == [1, 2]
    assert "40 million monthly active users" in " ".join(doc.pages[0].text.split())
    assert doc.company == "Examplecorp"
    assert doc.fiscal_period == "2025-Q3"
    assert doc.period_end == "2025-09-30"
    assert doc.doc_type == DocType.PRESS_RELEASE
    assert len(doc.sha256) == 64


def test_markup_in_pdf_text_stays_text(report_pdf: bytes) -> None:
    text = " ".join(read_document(report_pdf, name="r.pdf").pages[1].text.split())
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text


def test_empty_password_pdf_opens(report_pdf: bytes) -> None:
    locked = make_pdf(REPORT_PAGES, encrypt=True)
    assert b"/Encrypt" in locked
    doc = read_document(locked, name="edgar-style.pdf")
    assert doc.pages[0].text == read_document(report_pdf, name="x.pdf").pages[0].text


def test_password_pdf_needs_password() -> None:
    data = make_pdf(REPORT_PAGES, user_password="secret")
    with pytest.raises(EncryptedDocumentError, match="needs a password: upload an unlocked copy"):
        read_document(data, name="locked.pdf")


def test_zero_bytes(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(CorruptDocumentError, match="empty") as info:
        read_document(path)
    assert "empty.pdf" in str(info.value)


def test_truncated_pdf(report_pdf: bytes) -> None:
    with pytest.raises(DocumentError) as info:
        read_document(report_pdf[: len(report_pdf) // 3], name="cut.pdf")
    assert isinstance(info.value, CorruptDocumentError | NoTextLayerError)


def test_pdf_extension_but_not_pdf(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("just some words, not a PDF at all")
    with pytest.raises(UnsupportedFormatError, match="not a PDF"):
        read_document(path)


def test_wrong_extension_detected_by_content(tmp_path: Path, report_pdf: bytes) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(report_pdf)
    assert read_document(path).kind == "pdf"
    html = tmp_path / "page.dat"
    html.write_text("<html><body><p>Helper AI has 5 million users.</p></body></html>")
    assert read_document(html).kind == "html"


def test_binary_rejected(tmp_path: Path) -> None:
    path = tmp_path / "picture.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(UnsupportedFormatError, match="PNG image"):
        read_document(path)


def test_image_only_pdf_has_no_text_layer() -> None:
    data = make_pdf(["", ""], image_only_pages=(1, 2))
    with pytest.raises(NoTextLayerError, match=r"no text layer: scanned .*OCR"):
        read_document(data, name="scan.pdf")


def test_one_image_page_is_a_warning(report_pdf: bytes) -> None:
    data = make_pdf([*REPORT_PAGES, ""], image_only_pages=(3,))
    doc = read_document(data, name="mixed.pdf")
    assert doc.page_count == 3
    assert any("page 3" in w for w in doc.warnings)


def test_page_limit() -> None:
    data = make_pdf(["a page of words about nothing in particular"] * 30)
    with pytest.raises(DocumentTooLargeError, match="30 pages, over the 20-page limit"):
        read_document(data, name="long.pdf", limits=Limits(max_pages=20))


def test_default_page_limit_on_a_2001_page_pdf() -> None:
    started = time.perf_counter()
    with pytest.raises(DocumentTooLargeError, match="2001 pages, over the 2000-page limit"):
        read_document(blank_pdf(2001), name="huge.pdf")
    assert time.perf_counter() - started < 5  # refused before reading any page


def test_blank_pdf_has_no_text() -> None:
    with pytest.raises(NoTextLayerError, match="no text layer"):
        read_document(blank_pdf(3), name="blank.pdf")


def test_short_text_pdf_is_not_called_a_scan() -> None:
    doc = read_document(make_pdf(["AI use rose."]), name="short.pdf")
    assert doc.pages[0].text == "AI use rose."


def test_huge_decompressed_stream_is_bounded() -> None:
    data = stream_bomb_pdf(20)
    assert len(data) < 100_000  # 20 MB of page content behind a small file
    started = time.perf_counter()
    doc = read_document(data, name="bomb.pdf")
    assert time.perf_counter() - started < 20
    assert "5 million users" in doc.pages[0].text


def test_byte_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    with pytest.raises(DocumentTooLargeError, match="limit"):
        read_document(path, limits=Limits(max_bytes=1000))


def test_time_limit() -> None:
    data = make_pdf(["some words on a page that is long enough to count"] * 5)
    with pytest.raises(DocumentTooLargeError, match="longer than"):
        read_document(data, name="slow.pdf", limits=Limits(max_seconds=-1))


def test_html_drops_scripts_styles_hidden(fixtures_dir: Path) -> None:
    doc = read_document(fixtures_dir / "press_page.html")
    text = doc.pages[0].text
    assert doc.kind == "html" and doc.pages[0].number is None
    assert "more than 40 million monthly active users" in " ".join(text.split())
    for hidden in ("777", "999", "555", "444", "333", "222", "111", "document.write"):
        assert hidden not in text
    assert "<script>alert(1)</script>" in text  # escaped markup is text, shown as text
    assert doc.company == "Examplecorp"
    assert doc.fiscal_period == "2025-Q2"
    assert doc.doc_type == DocType.PRESS_RELEASE


def test_html_drops_text_its_own_style_sheet_hides() -> None:
    """Draft notes hidden by a class or id rule in the page's <style> are not document text."""
    page = (
        b"<html><head><style>/* drafts */ .draft, p#note { display: none }"
        b" .shown { color: red } div.gone{visibility:hidden}</style></head><body>"
        b"<p class='lead draft'>Draft: Orbit reached 99 million users.</p>"
        b"<p id='note'>Note: 88 million.</p><div class='gone'>77 million</div>"
        b"<p class='shown'>Orbit had 4 million weekly users.</p></body></html>"
    )
    text = read_document(page, name="release.html").pages[0].text
    assert "Orbit had 4 million weekly users." in text
    for hidden in ("99 million", "88 million", "77 million"):
        assert hidden not in text


def test_html_long_single_line_is_bounded() -> None:
    body = "<p>" + ("Helper AI has many users. " * 400_000) + "</p>"  # ~10 MB on one line
    started = time.perf_counter()
    doc = read_document(f"<html><body>{body}</body></html>".encode(), name="huge.html")
    assert time.perf_counter() - started < 30
    assert doc.pages[0].text.startswith("Helper AI has many users.")


def test_non_utf8_text_decodes(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 customers: 5 million use our AI \x96 really.".encode("latin-1"))
    doc = read_document(path)
    assert "Café customers" in doc.pages[0].text


def test_markdown_and_text(fixtures_dir: Path) -> None:
    md = read_document(fixtures_dir / "note.md")
    assert md.kind == "text" and "**" not in md.pages[0].text
    letter = read_document(fixtures_dir / "letter.txt")
    assert letter.doc_type == DocType.SHAREHOLDER_LETTER
    assert letter.fiscal_period == "FY2025"


def test_transcript_metadata(fixtures_dir: Path) -> None:
    doc = read_document(fixtures_dir / "call_transcript.txt")
    assert doc.doc_type == DocType.CALL_TRANSCRIPT
    assert doc.company == "Examplecorp"
    assert doc.fiscal_period == "FY2025-Q3"


def test_missing_file_is_oserror(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_document(tmp_path / "nope.pdf")


@pytest.mark.parametrize(
    ("raw", "short"),
    [
        ("Meta Platforms, Inc.", "Meta"),
        ("NVIDIA CORPORATION", "NVIDIA"),
        ("Amazon.com, Inc.", "Amazon"),
        ("Advanced Micro Devices, Inc.", "Advanced Micro Devices"),
        ("Alphabet Inc.", "Alphabet"),
    ],
)
def test_normalize_company(raw: str, short: str) -> None:
    assert normalize_company(raw) == short


def test_describe_10k_and_10q() -> None:
    k = describe(
        [
            Page(
                1,
                "FORM 10-K\nFor the fiscal year ended January 28, 2024\nFoo Corp\n"
                "(Exact name of registrant as specified in its charter)",
            )
        ]
    )
    assert (k.doc_type, k.fiscal_period, k.period_end, k.company) == (
        DocType.FORM_10K,
        "FY2024",
        "2024-01-28",
        "Foo",
    )
    q = describe([Page(1, "FORM 10-Q\nFor the quarterly period ended June 30, 2025\n")])
    assert (q.doc_type, q.fiscal_period, q.period_end) == (
        DocType.FORM_10Q,
        "2025-Q2",
        "2025-06-30",
    )


def test_edgar_style_html_10k() -> None:
    html = (
        "<html><body><p>SECURITIES AND EXCHANGE COMMISSION</p><p>FORM 10-K</p>"
        "<p>For the fiscal year ended December 31, 2024</p><p>Examplecorp Holdings, Inc.</p>"
        "<p>(Exact name of registrant as specified in its charter)</p>"
        "<p>Our Helper AI assistant has 20 million monthly users.</p></body></html>"
    )
    doc = read_document(html.encode(), name="filing.htm")
    assert (doc.company, doc.fiscal_period, doc.period_end, doc.doc_type) == (
        "Examplecorp",
        "FY2024",
        "2024-12-31",
        DocType.FORM_10K,
    )


def test_render_page_highlights(report_pdf: bytes) -> None:
    from PIL import Image

    sentence = "Our Helper AI assistant now has more than 40 million monthly active users"
    plain = render_page(report_pdf, 1, scale=1.0)
    marked = render_page(report_pdf, 1, highlight=sentence, scale=1.0)
    a = np.asarray(Image.open(io.BytesIO(plain)).convert("RGB")).astype(int)
    b = np.asarray(Image.open(io.BytesIO(marked)).convert("RGB")).astype(int)
    assert a.shape == b.shape and a.shape[1] > 500
    changed = int((a != b).any(axis=2).sum())
    assert changed > 1000  # yellow boxes drawn over the sentence
    yellow = int(((b[..., 0] > 200) & (b[..., 1] > 180) & (b[..., 2] < 150)).sum())
    assert yellow > 500
    rows = np.nonzero((a != b).any(axis=2).any(axis=1))[0]
    assert rows.max() - rows.min() < a.shape[0] / 3  # only around the sentence, not the page


def test_render_page_out_of_range(report_pdf: bytes) -> None:
    with pytest.raises(CorruptDocumentError, match="page 9 does not exist"):
        render_page(report_pdf, 9)


# ----------------------------------------------------------------- the awkward real files

AWKWARD = [
    ("ocrmypdf_c02-22_scanned.pdf", NoTextLayerError, "no text layer: scanned"),
    ("ocrmypdf_multipage_scanned.pdf", NoTextLayerError, "no text layer"),
    ("ocrmypdf_encrypted_algo4.pdf", NoTextLayerError, "no text layer"),
    ("ocrmypdf_skew-encrypted.pdf", EncryptedDocumentError, "needs a password"),
    ("ocrmypdf_invalid.pdf", UnsupportedFormatError, "not a PDF"),
]


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "error", "message"), AWKWARD)
def test_awkward_corpus(shared_dir: Path, name: str, error: type, message: str) -> None:
    path = shared_dir / "corpus" / "awkward" / name
    with pytest.raises(error, match=message) as info:
        read_document(path)
    assert info.value.document == name


@pytest.mark.corpus
def test_real_documents_metadata(shared_dir: Path) -> None:
    pdfs = shared_dir / "corpus" / "pdfs"
    expected = {
        "meta_10K_2024.pdf": ("Meta", "FY2024", "2024-12-31", DocType.FORM_10K, 150),
        "alphabet_10Q_Q2-2025.pdf": ("Alphabet", "2025-Q2", "2025-06-30", DocType.FORM_10Q, 60),
        "meta_earnings-press-release_Q3-2024.pdf": (
            "Meta",
            "2024-Q3",
            "2024-09-30",
            DocType.PRESS_RELEASE,
            10,
        ),
        "microsoft_earnings-call-transcript_FY23Q2.pdf": (
            "Microsoft",
            "FY2023-Q2",
            None,
            DocType.CALL_TRANSCRIPT,
            32,
        ),
        "amazon_shareholder-letter_2023.pdf": (
            "Amazon",
            "FY2023",
            None,
            DocType.SHAREHOLDER_LETTER,
            11,
        ),
        "nvidia_10K_FY2024.pdf": ("NVIDIA", "FY2024", "2024-01-28", DocType.FORM_10K, 90),
        "twilio_earnings-presentation_Q4-2023.pdf": (
            "Twilio",
            "2023-Q4",
            None,
            DocType.PRESENTATION,
            27,
        ),
    }
    for name, (company, period, end, doc_type, pages) in expected.items():
        doc = read_document(pdfs / name)
        assert (doc.company, doc.fiscal_period, doc.period_end, doc.doc_type, doc.page_count) == (
            company,
            period,
            end,
            doc_type,
            pages,
        ), name


@pytest.mark.corpus
def test_real_text_is_cleaned(shared_dir: Path) -> None:
    doc = read_document(shared_dir / "corpus/pdfs/microsoft_earnings-call-transcript_FY23Q2.pdf")
    joined = "\n".join(p.text for p in doc.pages)
    assert "\r" not in joined and "\ufffe" not in joined
    assert "year-over-year as strong cloud billings" in " ".join(joined.split())


@pytest.mark.corpus
def test_carvana_image_page(shared_dir: Path) -> None:
    with pytest.raises(NoTextLayerError):
        read_document(shared_dir / "corpus/pdfs/carvana_annual-report_2021.pdf")


@pytest.mark.skipif(not ocr_available(), reason="Tesseract is not installed")
def test_ocr_opt_in_reads_a_scan() -> None:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (1700, 400), "white")
    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.load_default(size=64)
    except TypeError:  # older Pillow
        font = ImageFont.load_default()
    draw.text((40, 120), "Helper AI has 40 million users.", fill="black", font=font)
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    buf.seek(0)
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.image(buf, x=10, y=10, w=190)
    data = bytes(pdf.output())
    with pytest.raises(NoTextLayerError):
        read_document(data, name="scan.pdf")
    doc = read_document(data, name="scan.pdf", ocr=True)
    assert "40 million users" in doc.pages[0].text
    assert doc.warnings and "OCR" in doc.warnings[0]


@pytest.mark.parametrize(
    ("first", "company", "period"),
    [
        # a title in capitals: the verb is not part of the name, the text's casing wins
        (
            "NORTHWIND BANK REPORTS SECOND QUARTER 2025 RESULTS\n\nNorthwind Bank Corp. today "
            "reported results. Northwind Bank grew deposits.",
            "Northwind Bank",
            "2025-Q2",
        ),
        (
            "LARKSPUR FOODS LETTER TO SHAREHOLDERS - THIRD QUARTER 2024\n\nTo our shareholders,\n"
            "In 2025 Larkspur Foods will open stores.",
            "Larkspur Foods",
            "2024-Q3",
        ),
        # a letter titled for a quarter is that quarter, not the year it talks about
        (
            "Ashgrove Systems Letter to Shareholders - Fourth Quarter and Full Year 2024\n"
            "Dear Shareholders,\nIn 2025 we will grow. In 2025 we will hire.",
            "Ashgrove Systems",
            "2024-Q4",
        ),
        # a Markdown-style title with a colon and the year before "Letter to Shareholders"
        (
            "Quarrystone Foods: 2024 Letter to Shareholders\n\nDear shareholders,\n"
            "In 2024 Quarrystone Foods opened stores.",
            "Quarrystone Foods",
            "FY2024",
        ),
    ],
)
def test_describe_titles(first: str, company: str, period: str) -> None:
    facts = describe([Page(None, first)])
    assert (facts.company, facts.fiscal_period) == (company, period)


def test_running_header_is_not_glued_to_the_first_sentence() -> None:
    header = "Ashgrove Systems, Inc. - Quarterly update"
    pages = [
        f"{header}\nAshgrove Systems Quarterly Update\nRevenue grew 4%.\nPage 1",
        f"{header}\nOur AI assistant has 2 million users.\nPage 2",
        f"{header}\nWe opened two offices.\nPage 3",
    ]
    doc = read_document(make_pdf(pages), name="a.pdf")
    assert doc.company == "Ashgrove Systems"  # read before the header is dropped
    assert all(header not in p.text and "Page" not in p.text for p in doc.pages[1:])
    assert doc.pages[1].text.strip().startswith("Our AI assistant")


def test_slide_lines_in_a_pdf_deck_are_read_one_by_one() -> None:
    from pdf_factory import make_pdf

    deck = [
        "Tern: our AI dispatch assistant\nPlans routes for field crews\n"
        "6,800 field employees active on Tern each week\n"
        "212,000 work orders planned by the assistant\nCrew drive time down 14%",
        "Company overview\nFounded in 1931\n4.6M electric customers\n14,200 employees",
    ]
    doc = read_document(make_pdf(deck), name="deck.pdf")
    from analyzer.text import split_sentences

    first = [s.text for s in split_sentences(doc.pages[0].text)]
    assert first == [
        "Tern: our AI dispatch assistant",
        "Plans routes for field crews",
        "6,800 field employees active on Tern each week",
        "212,000 work orders planned by the assistant",
        "Crew drive time down 14%",
    ]


def test_wrapped_prose_in_a_pdf_runs_on() -> None:
    from pdf_factory import make_pdf

    prose = (
        "Artificial Intelligence\n" + "Our engineers adopted the assistant across every product "
        "group during the year, and by December 41,000 of them used it each week, compared with "
        "Q4 2023 levels of 19,000, which we regard as a healthy rate of adoption for a tool that "
        "is optional. " * 3
    )
    doc = read_document(make_pdf([prose]), name="filing.pdf")
    from analyzer.text import split_sentences

    texts = [s.text for s in split_sentences(doc.pages[0].text)]
    assert texts[0] == "Artificial Intelligence"  # the heading stands alone
    assert all(t.endswith(".") for t in texts[1:]), texts  # sentences are not cut at line ends


@pytest.mark.parametrize(
    ("text", "doc_type"),
    [
        ("UNITED STATES\nFORM 8-K\nCURRENT REPORT\n\nExhibit 99.1 Press release: Acme Reports "
         "Second Quarter Results", "8-K"),
        ("ACME SESSIONS 2025\nOpening Keynote - Transcript\n\nWelcome, everyone.", "presentation"),
        ("# Acme Software plc\n\n## Annual Report and Accounts 2025\n\nOur year.", "10-K"),
    ],
)  # fmt: skip
def test_document_types_named_by_their_cover(text: str, doc_type: str) -> None:
    suffix = ".md" if text.startswith("#") else ".txt"
    assert str(read_document(text.encode(), name=f"doc{suffix}").doc_type) == doc_type


def test_an_edgar_table_row_with_divs_in_its_cells_reads_as_one_line() -> None:
    cell = '<td><div><span style="font-size:10pt">{}</span></div></td>'
    row = "<tr>" + "".join(cell.format(v) for v in ("Tokens (trillions)", "1,400", "340")) + "</tr>"
    html = f"<html><body><p>Key metrics</p><table>{row}</table></body></html>".encode()
    text = read_document(html, name="t.html").pages[0].text
    # every cell kept, small numbers too (not taken for page numbers), on one line
    assert "Tokens (trillions) 1,400 340" in text


def test_a_milestone_press_release_is_dated_by_its_dateline() -> None:
    text = (
        b"Press Release\n\nHollin's Pip Assistant Passes 40 Million Weekly Users\n\n"
        b"ALDER BAY, Ore., November 18, 2025 -- Hollin, Inc. (NASDAQ: HLN) today announced that "
        b"Pip, its AI shopping assistant, now has more than 40 million weekly users.\n"
    )
    document = read_document(text, name="release.txt")
    assert str(document.doc_type) == "press_release"
    assert (document.fiscal_period, document.period_end) == ("2025-Q4", "2025-11-18")


def test_side_by_side_html_elements_read_as_separate_words() -> None:
    html = (
        b'<div class="kpi"><span class="label">Claims staff using AI weekly</span>'
        b'<span class="value">90%</span></div>'
    )
    text = read_document(html, name="kpi.html").pages[0].text
    assert "Claims staff using AI weekly 90%" in text
