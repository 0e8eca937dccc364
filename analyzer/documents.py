"""Read PDF, HTML, text and Markdown documents into :class:`~analyzer.records.Document`.

The type comes from the content (magic bytes, markup), not only the file name. PDF text comes from
pypdfium2 (fast; empty-password encrypted files just open); HTML through BeautifulSoup/lxml without
scripts, styles or hidden elements. What the document says about itself (company, fiscal period,
period end, document type) is read from its first pages. Limits on bytes, pages and time are
enforced with :class:`~analyzer.errors.DocumentTooLargeError`; every PDF-library error goes
through :func:`~analyzer.errors.map_pdf_errors`.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import time
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from analyzer.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    NoTextLayerError,
    UnsupportedFormatError,
    map_pdf_errors,
)
from analyzer.records import DocType, Document, Page
from analyzer.text import break_short_lines, clean_text, collapse_ws, strip_running_lines


def _words(text: str) -> frozenset[str]:
    """The set of whitespace-separated words in ``text``."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Limits:
    """Per-document limits. A document over any of them raises ``DocumentTooLargeError``."""

    max_bytes: int = 100 * 1024 * 1024
    max_pages: int = 2000
    max_seconds: float = 60.0
    min_chars_per_page: int = 40
    """Below this many characters per page on average, a PDF is taken to have no text layer."""


DEFAULT_LIMITS = Limits()

_HTML_EXT = {".html", ".htm", ".xhtml", ".xml"}
_DATA_EXT = {".json", ".jsonl", ".csv", ".tsv", ".yaml", ".yml", ".toml", ".py", ".js", ".css"}
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (Word/Excel files are ZIPs)",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x1f\x8b": "a gzip archive",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
}


def read_document(
    source: Path | str | bytes,
    *,
    name: str | None = None,
    limits: Limits | None = None,
    ocr: bool = False,
) -> Document:
    """Read a PDF, HTML or text document from a path or from bytes.

    Raises a :class:`~analyzer.errors.DocumentError` subclass with a message saying what is wrong
    and what to do (empty, not a PDF, damaged, needs a password, no text layer, too large), and
    ``FileNotFoundError`` for a missing path. With ``ocr=True`` a scanned PDF (no text layer) is
    read with Tesseract when it is installed (see :func:`ocr_available`); it is slow (seconds per
    page) and its figures can be misread, so the document carries a warning.
    """
    limits = limits or DEFAULT_LIMITS
    started = time.monotonic()
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        doc_name = name or "document"
        suffix = Path(doc_name).suffix.lower()
    else:
        path = Path(source)
        doc_name = name or path.name
        suffix = path.suffix.lower()
        size = path.stat().st_size  # FileNotFoundError / IsADirectoryError are OSErrors
        if size > limits.max_bytes:
            raise DocumentTooLargeError(_too_big(size, limits), document=doc_name)
        data = path.read_bytes()
    if len(data) > limits.max_bytes:
        raise DocumentTooLargeError(_too_big(len(data), limits), document=doc_name)
    if not data.strip():
        raise CorruptDocumentError(
            "the file is empty (0 bytes of content); re-download or re-export it",
            document=doc_name,
        )
    sha = hashlib.sha256(data).hexdigest()
    kind = sniff(data, suffix)
    ocr_warning: tuple[str, ...] = ()
    if kind == "pdf":
        try:
            pages = _pdf_pages(data, doc_name, limits, started)
        except NoTextLayerError:
            if not ocr:
                raise
            if not ocr_available():
                raise NoTextLayerError(
                    "no text layer: scanned, and OCR was asked for but Tesseract is not "
                    "installed; install tesseract-ocr or upload a PDF with a text layer",
                    document=doc_name,
                ) from None
            pages = _ocr_pages(data, doc_name, limits, started)
            ocr_warning = ("text read by OCR (Tesseract): check figures against the page",)
    elif kind == "html":
        pages = (Page(None, _html_text(data)),)
    elif kind == "text":
        text = _decode(data)
        if suffix in {".md", ".markdown"}:
            text = _strip_markdown(text)
        text = _split_list_items(text)
        pages = (Page(None, clean_text(text)),)
    else:
        raise UnsupportedFormatError(kind, document=doc_name)
    if kind != "pdf" and not any(p.text.strip() for p in pages):
        raise NoTextLayerError("the document holds no text", document=doc_name)
    warnings = ocr_warning + tuple(
        f"page {p.number} has no text layer (image only); its figures cannot be read"
        for p in pages
        if kind == "pdf" and len(p.text.strip()) < 5
    )
    meta = describe(pages, doc_name)
    if kind == "pdf" and len(pages) > 1:  # after describe: a running header may name the company
        texts = strip_running_lines([p.text for p in pages])
        pages = tuple(Page(p.number, t) for p, t in zip(pages, texts, strict=True))
    return Document(
        name=doc_name,
        sha256=sha,
        kind=kind,
        pages=pages,
        company=meta.company,
        fiscal_period=meta.fiscal_period,
        period_end=meta.period_end,
        doc_type=meta.doc_type,
        warnings=warnings,
    )


def _too_big(size: int, limits: Limits) -> str:
    return (
        f"the file is {size / 1e6:.1f} MB, over the {limits.max_bytes / 1e6:.0f} MB limit; "
        "split it or raise the limit"
    )


def sniff(data: bytes, suffix: str = "") -> str:
    """``"pdf"``, ``"html"`` or ``"text"`` from the content; else why it is unsupported."""
    head = data[:2048]
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if suffix == ".pdf":
        return (
            "not a PDF (the file does not start with a PDF header); check that it is the "
            "right file, or export it again as PDF"
        )
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return f"unsupported format: the file is {what}; upload a PDF, HTML or text file"
    if suffix in _DATA_EXT:
        return (
            f"unsupported format: a {suffix} file holds data or code, not a filing; "
            "upload a PDF, HTML, text or Markdown document"
        )
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return "unsupported format: the file is binary, not a PDF, HTML or text file"
    lowered = head.lower().lstrip()
    if suffix in _HTML_EXT or re.search(
        rb"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]|<div[\s>]|<p[\s>]|<table[\s>]", lowered
    ):
        return "html"
    return "text"


# ------------------------------------------------------------------------------------- PDF


def _pdf_pages(data: bytes, name: str, limits: Limits, started: float) -> tuple[Page, ...]:
    import pypdfium2 as pdfium

    pages: list[Page] = []
    try:
        with map_pdf_errors(name):
            pdf = pdfium.PdfDocument(data)
    except UnsupportedFormatError as exc:
        if b"%%EOF" not in data[-2048:]:
            raise CorruptDocumentError(
                "the PDF is truncated or damaged (it has a PDF header but no end-of-file marker, "
                "and PDFium cannot repair it); re-download or re-export it",
                document=name,
            ) from exc
        raise
    with map_pdf_errors(name):
        try:
            count = len(pdf)
            if count == 0:
                raise CorruptDocumentError(
                    "the PDF has no pages; re-download or re-export it", document=name
                )
            if count > limits.max_pages:
                raise DocumentTooLargeError(
                    f"the PDF has {count} pages, over the {limits.max_pages}-page limit; "
                    "split it or raise the limit",
                    document=name,
                )
            image_pages = 0
            for index in range(count):
                if time.monotonic() - started > limits.max_seconds:
                    raise DocumentTooLargeError(
                        f"reading took longer than the {limits.max_seconds:g} s limit "
                        f"(stopped at page {index + 1} of {count}); split it or raise the limit",
                        document=name,
                    )
                page = pdf[index]
                textpage = page.get_textpage()
                raw = textpage.get_text_range()
                textpage.close()
                if len(raw.strip()) < limits.min_chars_per_page and _has_image(page):
                    image_pages += 1
                page.close()
                pages.append(Page(index + 1, _lines(raw)))
        finally:
            pdf.close()
    texts = break_short_lines([p.text for p in pages])
    pages = [Page(p.number, clean_text(t)) for p, t in zip(pages, texts, strict=True)]
    chars = sum(len("".join(p.text.split())) for p in pages)
    if chars == 0:
        raise NoTextLayerError(
            f"no text layer: scanned ({len(pages)} page(s) without text); {_ocr_advice()}",
            document=name,
        )
    if chars < limits.min_chars_per_page * len(pages) and image_pages * 2 >= len(pages):
        # little text and mostly pictures of pages: a scan without OCR
        raise NoTextLayerError(
            f"no text layer: scanned ({len(pages)} page(s), {chars} characters of text); "
            f"{_ocr_advice()}",
            document=name,
        )
    return tuple(pages)


def _lines(raw: str) -> str:
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def _ocr_advice() -> str:
    if ocr_available():
        return (
            "read it with OCR (the upload screen's OCR switch, or --ocr), "
            "or upload a PDF with a text layer"
        )
    return "OCR not available (install tesseract-ocr); upload a PDF with a text layer"


def ocr_available() -> bool:
    """Whether the Tesseract OCR program is installed."""
    return shutil.which("tesseract") is not None


def _ocr_pages(data: bytes, name: str, limits: Limits, started: float) -> tuple[Page, ...]:
    """Page texts of a scanned PDF through Tesseract (300 dpi renders), within the time limit."""
    import pypdfium2 as pdfium

    pages: list[Page] = []
    with map_pdf_errors(name):
        pdf = pdfium.PdfDocument(data)
        try:
            for index in range(len(pdf)):
                remaining = limits.max_seconds - (time.monotonic() - started)
                if remaining <= 0:
                    raise DocumentTooLargeError(
                        f"OCR took longer than the {limits.max_seconds:g} s limit (stopped at "
                        f"page {index + 1} of {len(pdf)}); raise the limit or split the file",
                        document=name,
                    )
                page = pdf[index]
                png = io.BytesIO()
                page.render(scale=300 / 72, grayscale=True).to_pil().save(png, format="PNG")
                page.close()
                try:
                    out = subprocess.run(
                        ["tesseract", "stdin", "stdout"],
                        input=png.getvalue(),
                        capture_output=True,
                        timeout=remaining,
                        check=False,
                    )
                except subprocess.TimeoutExpired:
                    raise DocumentTooLargeError(
                        f"OCR took longer than the {limits.max_seconds:g} s limit at page "
                        f"{index + 1}; raise the limit or split the file",
                        document=name,
                    ) from None
                text = out.stdout.decode("utf-8", errors="replace")
                pages.append(Page(index + 1, clean_text(text)))
        finally:
            pdf.close()
    if not any(p.text.strip() for p in pages):
        raise NoTextLayerError(
            "no text layer: scanned, and OCR found no text either; upload a clearer copy",
            document=name,
        )
    return tuple(pages)


def _has_image(page: object) -> bool:
    import pypdfium2.raw as pdfium_c

    objects = page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3)  # type: ignore[attr-defined]
    return next(iter(objects), None) is not None


def render_page(
    source: Path | str | bytes,
    page_number: int,
    *,
    highlight: str | None = None,
    scale: float = 2.0,
) -> bytes:
    """A PNG of one PDF page (1-based), with the boxes of ``highlight``'s text marked in yellow."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    name = "document" if isinstance(source, bytes) else Path(source).name
    with map_pdf_errors(name):
        pdf = pdfium.PdfDocument(data)
        try:
            if not 1 <= page_number <= len(pdf):
                raise CorruptDocumentError(
                    f"page {page_number} does not exist (the PDF has {len(pdf)} pages)",
                    document=name,
                )
            page = pdf[page_number - 1]
            image = page.render(scale=scale).to_pil().convert("RGBA")
            boxes: list[tuple[float, float, float, float]] = []
            if highlight:
                height = page.get_height()
                textpage = page.get_textpage()
                boxes = [
                    (x0 * scale, (height - top) * scale, x1 * scale, (height - bottom) * scale)
                    for x0, bottom, x1, top in _highlight_boxes(textpage, highlight)
                ]
                textpage.close()
            page.close()
        finally:
            pdf.close()
    if boxes:
        overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)
        for x0, y0, x1, y1 in boxes:
            draw.rectangle((x0 - 2, y0 - 2, x1 + 2, y1 + 2), fill=(255, 221, 0, 90))
            draw.rectangle((x0 - 2, y0 - 2, x1 + 2, y1 + 2), outline=(230, 160, 0, 255), width=2)
        image = Image.alpha_composite(image, overlay)
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG")
    return out.getvalue()


def _highlight_boxes(textpage: object, sentence: str) -> list[tuple[float, float, float, float]]:
    """Line boxes (left, bottom, right, top; PDF units) of ``sentence`` on the page, or []."""
    raw: str = textpage.get_text_range()  # type: ignore[attr-defined]
    # a whitespace-collapsed, hyphen-normalised copy of the page with a map back to char indices
    norm_chars: list[str] = []
    index_map: list[int] = []
    prev_space = True
    for i, ch in enumerate(raw):
        c = "-" if ch in "\ufffe\u2010\u2011\u00ad" else ch
        if c.isspace():
            if prev_space:
                continue
            c = " "
            prev_space = True
        else:
            prev_space = False
        norm_chars.append(c.lower())
        index_map.append(i)
    norm = "".join(norm_chars)
    target = collapse_ws(sentence).lower()
    pos = norm.find(target)
    length = len(target)
    if pos < 0:  # fall back to the longest prefix that is found
        for cut in (120, 80, 40):
            if len(target) > cut and (pos := norm.find(target[:cut])) >= 0:
                length = cut
                break
    if pos < 0:
        return []
    lines: list[list[float]] = []
    for k in range(pos, min(pos + length, len(index_map))):
        i = index_map[k]
        if raw[i].isspace():
            continue
        x0, y0, x1, y1 = textpage.get_charbox(i, loose=True)  # type: ignore[attr-defined]
        if x1 <= x0 or y1 <= y0:
            continue
        if lines and abs(lines[-1][1] - y0) < max(2.0, (y1 - y0) * 0.5):
            box = lines[-1]
            box[0], box[1], box[2], box[3] = (
                min(box[0], x0),
                min(box[1], y0),
                max(box[2], x1),
                max(box[3], y1),
            )
        else:
            lines.append([x0, y0, x1, y1])
    return [(b[0], b[1], b[2], b[3]) for b in lines]


# ------------------------------------------------------------------------------------ HTML

_BLOCK_TAGS = (
    "p", "div", "li", "ul", "ol", "tr", "table", "section", "article", "header", "footer", "h1",
    "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "br", "hr", "title",
    "main", "aside", "nav", "figure", "figcaption",
)  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _html_text(data: bytes) -> str:
    from bs4 import BeautifulSoup, Comment, Tag, XMLParsedAsHTMLWarning

    with warnings.catch_warnings():
        # EDGAR's inline XBRL filings are XHTML with an XML prolog: HTML is the right reading
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(_decode(data), "lxml")
    classes, ids = _hidden_selectors(" ".join(t.get_text() for t in soup("style")))
    for tag in soup(["script", "style", "noscript", "template", "iframe", "object", "svg", "head"]):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    hidden = [
        t
        for t in soup.find_all(True)
        if isinstance(t, Tag)
        and t.attrs is not None
        and (
            t.has_attr("hidden")
            or str(t.get("aria-hidden", "")).lower() == "true"
            or _HIDDEN_STYLE.search(str(t.get("style", "")))
            or str(t.get("type", "")).lower() == "hidden"
            or bool(classes.intersection(t.get_attribute_list("class")))
            or (ids and t.get("id") in ids)
        )
    ]
    for tag in hidden:
        if not tag.decomposed:
            tag.decompose()
    for tag in soup.find_all(["span", "strong", "b", "em", "i", "a", "label", "small", "sup"]):
        # two elements side by side with nothing between them are two things on screen
        # ("<span>Claims staff using AI weekly</span><span>90%</span>"), not one word
        if isinstance(tag.next_sibling, Tag) and tag.get_text() and tag.next_sibling.get_text():
            tag.insert_after(" ")
    for row in soup.find_all("tr"):
        # a table row reads as one line of cells, even when EDGAR wraps each cell's text in
        # <div>s ("Forge tokens processed (trillions) 1,400 340 312%")
        cells = row.find_all(["td", "th"], recursive=False)
        if cells and not row.find("table"):
            for block in row.find_all(["div", "p", "br", "li"]):
                block.insert_after(" ")  # blocks inside a cell are words apart; inline parts
                # ("intervention<sup>(1)</sup>") stay as written
            line = " ".join(t for c in cells if (t := " ".join(c.get_text("").split())))
            row.clear()
            row.append(line)
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    for tag in soup.find_all(["td", "th"]):  # (cells of rows that hold a nested table)
        tag.insert_after(" ")
    text = soup.get_text("")
    text = re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v\n]*\n[ \t\r\f\v\n]*", "\n\n", text)
    return clean_text(text)


_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"^[a-z0-9]*([.#])([\w\-]+)$", re.IGNORECASE)


def _hidden_selectors(css: str) -> tuple[set[str], set[str]]:
    """Classes and ids that a page's own style sheet hides (``.draft { display: none }``);
    only simple selectors are read, which is what hides text in filings and releases."""
    classes: set[str] = set()
    ids: set[str] = set()
    for selectors, body in _CSS_RULE.findall(re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        if not _HIDDEN_STYLE.search(body):
            continue
        for selector in selectors.split(","):
            m = _SIMPLE_SELECTOR.match(selector.strip())
            if m:
                (classes if m.group(1) == "." else ids).add(m.group(2))
    return classes, ids


def _decode(data: bytes) -> str:
    """Bytes as text: BOMs, a declared charset, UTF-8, then Windows-1252; never raises."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"charset=[\"']?([A-Za-z0-9_\-]+)", data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


def _strip_markdown(text: str) -> str:
    text = re.sub(r"^#{1,6}[ ]+(.*)$", r"\1\n", text, flags=re.MULTILINE)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return text


# "- item", "* item", "+ item": each list item is its own paragraph, so a slide's terse
# "Assistant MAUs: 4.2M" lines are never run together into one sentence
_LIST_ITEM = re.compile(r"^[ ]*[-*+][ ]+(?=\S)", re.MULTILINE)


# "| Ask MAUs (M) | 4.2 | 3.6 |": each row of a pipe table is read on its own
_PIPE_ROW = re.compile(r"^([ ]*\|[^\n]*\|[ ]*)$", re.MULTILINE)


def _split_list_items(text: str) -> str:
    return _PIPE_ROW.sub("\\1\n", _LIST_ITEM.sub("\n", text))


# ------------------------------------------------------------------------------- metadata


@dataclass(frozen=True)
class DocumentFacts:
    """What a document says about itself."""

    company: str | None
    fiscal_period: str | None
    period_end: str | None
    doc_type: DocType


_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}  # fmt: skip
_DATE = r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)"
_ORD_Q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_SUFFIXES = re.compile(
    r"[,]?\s+(?:Inc\.?|Incorporated|Corporation|Corp\.?|Co\.?|Company|Ltd\.?|Limited|plc|PLC|"
    r"LLC|L\.P\.|Holdings|Platforms|Group|S\.A\.|N\.V\.|AG|SE|Aktiengesellschaft)\s*$",
    re.IGNORECASE,
)
_TITLE_WORDS = _words(
    "chief executive officer financial president chairman director founder the of and by from "
    "at for vice senior ceo cfo our"
)


def _iso(m: re.Match[str]) -> str | None:
    month = _MONTHS.get(m.group("month").lower())
    if not month:
        return None
    try:
        return date(int(m.group("year")), month, int(m.group("day"))).isoformat()
    except ValueError:
        return None


def normalize_company(raw: str) -> str:
    """A short company name: "Meta Platforms, Inc." -> "Meta", "NVIDIA CORPORATION" -> "NVIDIA"."""
    name = collapse_ws(raw).strip(" ,.;:")
    for _ in range(3):
        shorter = _SUFFIXES.sub("", name).strip(" ,")
        if shorter == name or not shorter:
            break
        name = shorter
    name = re.sub(r"\.com$", "", name)
    if name.isupper() and len(name) > 6:
        words = name.split()
        name = " ".join(w if len(w) <= 4 else w.title() for w in words)
    return name


def describe(pages: Iterable[Page], name: str = "") -> DocumentFacts:
    """Company, fiscal period, period end and document type from the first pages, else the name."""
    pages = list(pages)
    head = "\n".join(p.text for p in pages[:3])[:20000]
    first = pages[0].text[:3000] if pages else ""
    doc_type = _doc_type(first, head, pages)
    wide = "\n".join(p.text for p in pages[:12])[:60000]
    company = _company(first, head, wide)
    if company and any(len(w) > 1 and w.isupper() for w in company.split()):
        # "TWILIO INC." on a cover, "Twilio" in the text: prefer the way the text writes it
        variants = Counter(re.findall(rf"\b{re.escape(company)}\b", wide, re.IGNORECASE))
        mixed = {v: n for v, n in variants.items() if v[0].isupper() and not v.isupper()}
        company = max(mixed, key=lambda v: mixed[v], default=company)
    period, period_end = _period(head, doc_type)
    if period is None:  # the file name, only when it names a quarter or fiscal year
        period = _period_from_filename(name)
    if period is None and doc_type == DocType.PRESS_RELEASE:
        # a milestone release ("Tova surpasses 300 million weekly shoppers") speaks as of its
        # dateline: "PORT ALDER, Wash., November 18, 2025 —"
        dated = re.search(_DATE, head[:3000])
        if dated and (day := _iso(dated)):
            period, period_end = f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}", day
    return DocumentFacts(company, period, period_end, doc_type)


def _doc_type(first: str, head: str, pages: list[Page]) -> DocType:
    title = next((line for line in first.splitlines() if line.strip()), "")
    if re.search(
        r"\b(?:investor|analyst|capital markets) day\b|\binvestor presentation\b|\bkeynote\b",
        title,
        re.I,
    ):
        return DocType.PRESENTATION  # "Tandem Freightways -- 2025 Investor Day"
    if re.search(r"\b(?:reports|announces|posts)\b.{0,80}\bresults\b", title, re.I) and not (
        re.search(r"^\[?(?:operator|moderator)\]?\s*(?:$|[-–—:]\s)", head, re.I | re.M)
    ):
        return DocType.PRESS_RELEASE  # its title says so, whatever call it invites readers to
    if re.search(
        r"earnings (?:conference )?call|conference call transcript|(?:results|analyst|investor) "
        r"call\b|^(?:operator|moderator)\b|\bfireside chat\b",
        first,
        re.IGNORECASE | re.MULTILINE,
    ) and (
        re.search(r"^[A-Z][A-Za-z .'-]+:", head, re.M)
        or re.search(r"^\[?(?:operator|moderator)\]?\s*(?:$|[-–—:]\s)", head, re.I | re.M)
        # speaker lines "Jane Roe - Chief Executive Officer"
        or len(re.findall(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} [-–—] [A-Z]", head, re.M)) >= 3
    ):
        return DocType.CALL_TRANSCRIPT
    if re.search(r"^\W*(?:integrated\s)?annual report(?: and accounts)?\b", first, re.I | re.M):
        return DocType.FORM_10K  # a non-US annual report plays the 10-K's part
    if re.search(
        r"dear (?:shareholders|shareowners|stockholders)|to our (?:shareholders|"
        r"shareowners|stockholders)|letter to (?:shareholders|shareowners)",
        head[:8000],
        re.IGNORECASE,
    ):
        return DocType.SHAREHOLDER_LETTER
    if re.search(r"FORM\s+10-K\b", head) or re.search(r"annual report pursuant", head, re.I):
        return DocType.FORM_10K
    if re.search(r"^\s*FORM\s+8-K\s*$|current report on form 8-K", head[:6000], re.M | re.I):
        return DocType.FORM_8K  # an 8-K that furnishes a press release is still an 8-K
    if re.search(r"FORM\s+10-Q\b", head) or re.search(r"quarterly report pursuant", head, re.I):
        return DocType.FORM_10Q
    if re.search(
        r"\b(?:reports|announces)\b.{0,60}\bresults\b|press release|for immediate "
        r"release",
        first,
        re.IGNORECASE,
    ):
        return DocType.PRESS_RELEASE
    if re.search(r"FORM\s+8-K\b", head):
        return DocType.FORM_8K
    if re.search(
        r"\b(?:earnings|investor) presentation\b|\bslide \d|\bkeynote\b|\binvestor day\b",
        head[:3000],
        re.IGNORECASE,
    ):
        return DocType.PRESENTATION
    if len(pages) >= 5:
        avg = sum(len(p.text) for p in pages) / len(pages)
        if avg < 900:
            return DocType.PRESENTATION
    if re.search(r"^operator\b", head, re.IGNORECASE | re.MULTILINE) and re.search(
        r"\bquestion", head, re.IGNORECASE
    ):
        return DocType.CALL_TRANSCRIPT
    return DocType.OTHER


def _company(first: str, head: str, wide: str) -> str | None:
    m = re.search(
        r"(?:^|\n)([^\n]{2,80})\n\s*(?:_+\s*)?\(Exact name of registrant", head, re.IGNORECASE
    )
    if m:
        return normalize_company(m.group(1))
    # a title line that is a legal name ("MURMURATE, INC.", "Cobaltline Cloud, Inc. (NASDAQ: CB)")
    m = re.match(
        r"\s*([A-Z][\w.&'’\- ]{1,50}?,?\s(?i:inc\.?|corp\.?|corporation|ltd\.?|limited|plc|"
        r"holdings|group|n\.v\.|s\.a\.|ag|se))\s*(?:\([^)\n]{1,30}\))?\s*\n",
        first,
    )
    if m:
        return normalize_company(m.group(1))
    m = re.search(
        r"^([A-Z][\w.&'’\- ]{1,40}?)\s+(?i:Reports|Announces|Posts)\b", first, re.MULTILINE
    )
    if m:
        return normalize_company(m.group(1))
    m = re.search(
        r"^([A-Z][\w.&'’\- ]{1,40}?)(?:\s*[:\-–—|]\s*|\s+)(?:(?:FY\s?)?\d{4}\s+)?"
        r"(?i:(?:Annual\s+)?Letter\s+to\s+(?:Shareholders|"
        r"Shareowners|Stockholders)|Shareholder\s+Letter)\b",
        first,
        re.MULTILINE,
    )
    if m:
        return normalize_company(m.group(1))
    m = re.search(
        r"^(?!(?i:first|second|third|fourth|full|fiscal)\b)"
        r"([A-Z][\w.&'’\- ]{1,40}?)\s+(?:\([A-Z.:\s]{1,20}\)\s+)?"
        r"(?:FY\s?\d{2,4}|Q[1-4]|First|Second|Third|Fourth|Full[- ]Year)"
        r"\b[^\n]{0,60}(?:Earnings|Conference Call|Results|Presentation)",
        first,
        re.MULTILINE | re.IGNORECASE,
    )
    if m:
        return normalize_company(m.group(1))
    m = re.match(
        r"\s*([A-Z][\w.&'’\- ]{1,40}?)\s*\n\s*(?:\d{4}\s)?(?:Investor|Analyst|Capital Markets)"
        r"\s(?:Day|Update|Presentation)\b",
        first,
    )
    if m:
        return normalize_company(m.group(1))  # "Vantrell Therapeutics" over "Investor Day 2025"
    m = re.search(r"^([A-Z][\w.&'’\- ]{1,40}?)\s+Earnings Presentation", first, re.MULTILINE)
    if m:
        return normalize_company(m.group(1))
    m = re.search(r"©\s?\d{4}\s+([A-Z][\w.&\- ]{1,40}?)(?:\.|,|\s+All rights)", first, re.I)
    if m:
        return normalize_company(m.group(1))
    # an operator welcoming callers ("welcome to the Murmurate second quarter 2025 earnings call")
    m = re.search(
        r"\bwelcome (?:everyone |you |all )?to (?:the )?([A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,3}?)"
        r"(?:['’]s)? (?:(?:first|second|third|fourth|Q[1-4]|fiscal|full[- ]year|\d{4})\b)",
        first,
    )
    if m:
        return normalize_company(m.group(1))
    incs = Counter(
        normalize_company(_drop_titles(x))
        for x in re.findall(
            r"\b([A-Z][\w&.\-]+(?:\s[A-Z][\w&.\-]+){0,3}),?\s+(?:Inc\.|Corporation)", wide
        )
    )
    if incs:
        return incs.most_common(1)[0][0]
    return None


def _drop_titles(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower() in _TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


def _period(head: str, doc_type: DocType) -> tuple[str | None, str | None]:
    end: str | None = None
    m = re.search(r"(?:fiscal )?year ended\s+" + _DATE, head, re.IGNORECASE)
    if m and doc_type in {DocType.FORM_10K, DocType.OTHER, DocType.SHAREHOLDER_LETTER}:
        end = _iso(m)
        return (f"FY{m.group('year')}", end)
    m = re.search(r"(?:quarterly period|quarter|three months) ended\s+" + _DATE, head, re.I)
    if m:
        end = _iso(m)
    if doc_type == DocType.SHAREHOLDER_LETTER:
        # a letter titled for a quarter ("Letter to Shareholders - Fourth Quarter 2024")
        title = _CALENDAR_QUARTER.search(head[:600])
        if title:
            return (_calendar_quarter(title), end)
        years = Counter(re.findall(r"\b[Ii]n ((?:19|20)\d\d)\b", head))
        if years:
            return (f"FY{years.most_common(1)[0][0]}", end)
    fq = re.search(
        r"\b(?:FY\s?'?|Fiscal\s(?:Year\s)?)(\d{2}|\d{4})\s+(First|Second|Third|Fourth|Q[1-4])"
        r"\s+Quarter\b|"
        r"\bFY\s?'?(\d{2}|\d{4})\s*Q([1-4])\b|\bQ([1-4])\s+FY\s?'?(\d{2}|\d{4})\b",
        head,
        re.IGNORECASE,
    )
    if fq:
        if fq.group(1):
            year, q = fq.group(1), _ORD_Q.get(fq.group(2).lower()) or int(fq.group(2)[1])
        elif fq.group(3):
            year, q = fq.group(3), int(fq.group(4))
        else:
            year, q = fq.group(6), int(fq.group(5))
        year = f"20{year}" if len(year) == 2 else year
        return (f"FY{year}-Q{q}", end)
    cq = _CALENDAR_QUARTER.search(head)
    if cq and not (end and _calendar_quarter(cq)[:4] < end[:4]):
        # (a 10-Q's "second quarter of 2024" before its cover's 2025 date is a comparison)
        return (_calendar_quarter(cq), end)
    day = re.search(
        r"\b(?:Investor|Analyst|Capital Markets) Day,?\s((?:19|20)\d\d)\b|"
        r"\b((?:19|20)\d\d)\s(?:Investor|Analyst|Capital Markets) Day\b",
        head,
    )
    if day and doc_type == DocType.PRESENTATION:
        return (f"FY{day.group(1) or day.group(2)}", end)
    half = _HALF_YEAR.search(head)
    if half:
        return _half_year(half)
    if end:
        month = int(end[5:7])
        return (f"{end[:4]}-Q{(month - 1) // 3 + 1}", end)
    return (None, None)


_CALENDAR_QUARTER = re.compile(
    r"\b(First|Second|Third|Fourth|1st|2nd|3rd|4th)\s+Quarter\s+(?:and\s+(?:Full|Fiscal)(?:-|\s+)"
    r"Year\s+)?(?:of\s+)?(?:Fiscal\s+)?((?:19|20)\d\d)\b|\bQ([1-4])\s*'?\s*((?:19|20)?\d\d)\b",
    re.IGNORECASE,
)


_HALF_YEAR = re.compile(
    r"\b(?:six months|half[- ]year|first half)\s(?:results\s)?(?:to|ended|ending)\s"
    r"(?P<day>\d{1,2})\s(?P<month>June|December)\s(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _half_year(m: re.Match[str]) -> tuple[str, str | None]:
    """ "six months to 30 June 2025" -> ("2025-H1", "2025-06-30")."""
    half = "H1" if m.group("month").lower() == "june" else "H2"
    return (f"{m.group('year')}-{half}", _iso(m))


def _calendar_quarter(cq: re.Match[str]) -> str:
    if cq.group(1):
        q, year = _ORD_Q[cq.group(1).lower()], cq.group(2)
    else:
        q, year = int(cq.group(3)), cq.group(4)
    year = f"20{year}" if len(year) == 2 else year
    return f"{year}-Q{q}"


def _period_from_filename(name: str) -> str | None:
    stem = Path(name).stem
    if m := re.search(r"FY[-_ ]?(\d{2})[-_ ]?Q([1-4])", stem, re.IGNORECASE):
        return f"FY20{m.group(1)}-Q{m.group(2)}"
    if m := re.search(r"Q([1-4])[-_ ]?((?:19|20)\d\d)", stem):
        return f"{m.group(2)}-Q{m.group(1)}"
    if m := re.search(r"FY[-_ ]?((?:19|20)\d\d)", stem, re.IGNORECASE):
        return f"FY{m.group(1)}"
    return None
