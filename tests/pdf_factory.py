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
