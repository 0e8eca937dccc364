"""Small PDFs generated for tests with fpdf2 (our own words, no corpus text)."""

from __future__ import annotations

import io

from fpdf import FPDF


def make_pdf(
    pages: list[str],
    *,
    user_password: str | None = None,
    owner_password: str = "owner",
    encrypt: bool = False,
    image_only_pages: tuple[int, ...] = (),
) -> bytes:
    """A PDF with one page per string; optional encryption and image-only pages (1-based)."""
    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=15)
    if encrypt or user_password is not None:
        pdf.set_encryption(owner_password=owner_password, user_password=user_password or "")
    for number, text in enumerate(pages, start=1):
        pdf.add_page()
        if number in image_only_pages:
            pdf.image(_png(), x=20, y=20, w=150)
            continue
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def _png() -> io.BytesIO:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 300), "white")
    draw = ImageDraw.Draw(image)
    draw.text((20, 20), "A scanned page: 90% of staff use AI.", fill="black")
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    buf.seek(0)
    return buf


REPORT_PAGES = [
    "Examplecorp Reports Third Quarter 2025 Results\n"
    "Examplecorp, Inc. today reported results for the quarter ended September 30, 2025. "
    "Our Helper AI assistant now has more than 40 million monthly active users, up 3x year "
    "over year. Developers using Helper AI wrote about a third of all new code this quarter.",
    "Revenue grew 12% to $4.1 billion. We plan to roll out Helper AI to every customer in 2026. "
    "At least 80% of our engineers must use AI tools weekly. "
    "A note in markup: <script>alert(1)</script> and <img src=x onerror=alert(2)>.",
]


def stream_bomb_pdf(megabytes: int, text: str = "Helper AI has 5 million users.") -> bytes:
    """A one-page PDF whose content stream inflates to ``megabytes`` MB (written by hand)."""
    import zlib

    body = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET\n".encode() + b"q Q\n" * (
        megabytes * 1024 * 1024 // 4
    )
    stream = zlib.compress(body, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def blank_pdf(pages: int) -> bytes:
    """A PDF of ``pages`` empty pages."""
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
    return bytes(pdf.output())
