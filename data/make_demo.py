"""Write the demo earnings materials of five fictional companies to ``data/demo/``.

Run ``python data/make_demo.py [--out DIR]``. Every company, person, product and figure here is
invented; every document says so at its top. The texts are written for this project and copy no
real filing. Each document is described in ``MANIFEST.json`` together with the claims, signals and
non-claims it was written to contain (the intended ground truth for the extractor and the flags).

The output is deterministic: PDFs carry a fixed creation date, so the same fpdf2 version gives the
same bytes on every run.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import html
import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

ROOT = Path(__file__).resolve().parent
DEFAULT_OUT = ROOT / "demo"
CREATION_DATE = dt.datetime(2025, 8, 1, 12, 0, 0, tzinfo=dt.UTC)
FICTION_NOTICE = (
    "FICTIONAL DEMO DOCUMENT: {company} is an invented company. This document was written for the "
    "AI Adoption Claims Analyzer demo; its people, products and figures are made up and describe "
    "no real business."
)

QUARTER_END = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}
QUARTER_WORD = {1: "First", 2: "Second", 3: "Third", 4: "Fourth"}
MONTH_END = {1: "March 31", 2: "June 30", 3: "September 30", 4: "December 31"}
DOC_SLUG = {
    "10-K": "10-k",
    "10-Q": "10-q",
    "press_release": "press-release",
    "call_transcript": "call-transcript",
    "shareholder_letter": "shareholder-letter",
}


# ---------------------------------------------------------------------------- sentence items


@dataclass(frozen=True)
class Fig:
    """One intended figure of a claim sentence (the ground truth for the extractor)."""

    value: float
    unit: str
    metric_kind: str
    population: str
    period: str
    qualifier: str = "exact"
    measure: str = "level"
    value_high: float | None = None
    value_text: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "value_text": self.value_text,
            "value": self.value,
            "value_high": self.value_high,
            "unit": self.unit,
            "metric_kind": self.metric_kind,
            "population": self.population,
            "period": self.period,
            "qualifier": self.qualifier,
            "measure": self.measure,
        }


@dataclass(frozen=True)
class Claim:
    """A sentence that states one or more AI-adoption figures (main figure first)."""

    text: str
    figs: tuple[Fig, ...]
    subject: str | None = None
    exercises: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sig:
    """A sentence that is a signal (mandate, target, leaderboard, plan), not a claim."""

    text: str
    kind: str
    value: float | None = None
    period: str = "none"
    population: str = "none"
    subject: str | None = None
    since: str | None = None  # ISO date a mandate applies from
    exercises: tuple[str, ...] = ()


@dataclass(frozen=True)
class Non:
    """A sentence with a figure that must NOT become a claim, and why."""

    text: str
    reason: str


Item = str | Claim | Sig | Non


def claim(
    text: str,
    *figs: Fig,
    subject: str | None = None,
    exercises: Sequence[str] = (),
) -> Claim:
    return Claim(text, tuple(figs), subject, tuple(exercises))


def fig(
    value_text: str, value: float, unit: str, kind: str, pop: str, period: str, **kw: Any
) -> Fig:
    return Fig(value, unit, kind, pop, period, value_text=value_text, **kw)


def text_of(item: Item) -> str:
    return item if isinstance(item, str) else item.text


# ---------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Block:
    kind: str  # h1, h2, p, speaker, table, pagebreak, small, hidden
    items: tuple[Item, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    row_claims: tuple[Claim, ...] = ()  # table rows that are claims (their cells, spaced)

    @property
    def text(self) -> str:
        return " ".join(text_of(i) for i in self.items)


def h1(text: str) -> Block:
    return Block("h1", (text,))


def h2(text: str) -> Block:
    return Block("h2", (text,))


def p(*items: Item) -> Block:
    return Block("p", tuple(items))


def small(text: str) -> Block:
    return Block("small", (text,))


def speaker(line: str) -> Block:
    return Block("speaker", (line,))


def table(*rows: Sequence[str]) -> Block:
    return Block("table", rows=tuple(tuple(r) for r in rows))


def hidden(*items: Item) -> Block:
    """Text inside a hidden HTML element: a reader must skip it (HTML only)."""
    return Block("hidden", tuple(items))


PAGEBREAK = Block("pagebreak")


@dataclass(frozen=True)
class Company:
    name: str
    legal: str
    slug: str
    city: str
    ceo: str
    cfo: str
    ir: str
    role: str  # what the company is in the demo
    expected_flags: tuple[str, ...]
    notes: str


@dataclass
class Doc:
    company: Company
    doc_type: str
    period: str  # "2024-Q3" or "FY2024"
    ext: str  # pdf, html, txt, md
    title: str
    blocks: list[Block]
    exercises: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def period_end(self) -> str:
        if self.period.startswith("FY"):
            return f"{self.period[2:]}-12-31"
        year, q = self.period.split("-Q")
        return f"{year}-{QUARTER_END[int(q)]}"

    @property
    def filename(self) -> str:
        return f"{self.company.slug}_{DOC_SLUG[self.doc_type]}_{self.period}.{self.ext}"


def quarter_parts(period: str) -> tuple[int, int]:
    year, q = period.split("-Q")
    return int(year), int(q)


def quarter_title(period: str) -> str:
    year, q = quarter_parts(period)
    return f"{QUARTER_WORD[q]} Quarter {year}"


def quarter_ended(period: str) -> str:
    year, q = quarter_parts(period)
    return f"{MONTH_END[q]}, {year}"


# ---------------------------------------------------------------------------- renderers


def _latin1(text: str) -> str:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError as exc:  # pragma: no cover - a content bug, caught at build time
        raise SystemExit(f"non latin-1 text in demo content: {text!r}") from exc
    return text


class _DemoPDF(FPDF):
    def __init__(self, header_text: str) -> None:
        super().__init__(format="Letter")
        self._header_text = header_text
        self.set_margins(22, 20, 22)
        self.set_auto_page_break(True, margin=20)
        self.set_creation_date(CREATION_DATE)

    def header(self) -> None:
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 5, self._header_text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.ln(3)

    def para(self, line_height: float, text: str) -> None:
        """A left-aligned block of text across the full width; the cursor ends at the margin."""
        self.multi_cell(
            self.epw, line_height, _latin1(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, str(self.page_no()), align="C")


def render_pdf(doc: Doc) -> bytes:
    pdf = _DemoPDF(f"{doc.company.legal} - fictional demo document")
    pdf.set_title(doc.title)
    pdf.set_author(f"{doc.company.name} (fictional)")
    pdf.set_creator("AI Adoption Claims Analyzer demo data (data/make_demo.py)")
    pdf.set_producer("fpdf2")
    pdf.add_page()
    width = pdf.epw
    for block in doc.blocks:
        if block.kind == "pagebreak":
            pdf.add_page()
        elif block.kind == "h1":
            pdf.set_font("Helvetica", "B", 15)
            pdf.para(7, block.text)
            pdf.ln(2)
        elif block.kind == "h2":
            pdf.ln(1)
            pdf.set_font("Helvetica", "B", 11)
            pdf.para(6, block.text)
            pdf.ln(1)
        elif block.kind == "speaker":
            pdf.ln(1)
            pdf.set_font("Helvetica", "B", 10)
            pdf.para(5.5, block.text)
        elif block.kind == "small":
            pdf.set_font("Helvetica", "I", 8.5)
            pdf.para(4.5, block.text)
            pdf.ln(2)
        elif block.kind == "p":
            pdf.set_font("Helvetica", "", 10)
            pdf.para(5.2, block.text)
            pdf.ln(2.5)
        elif block.kind == "table":
            pdf.set_font("Helvetica", "", 9)
            first = width * 0.46
            rest = (width - first) / max(1, len(block.rows[0]) - 1)
            for r, row in enumerate(block.rows):
                pdf.set_font("Helvetica", "B" if r == 0 else "", 9)
                for c, cell in enumerate(row):
                    pdf.cell(
                        first if c == 0 else rest,
                        5.5,
                        _latin1(cell),
                        border="B" if r == 0 else 0,
                        align="L" if c == 0 else "R",
                    )
                pdf.ln(5.5)
            pdf.ln(3)
        elif block.kind == "hidden":
            continue
        else:  # pragma: no cover
            raise ValueError(block.kind)
    return bytes(pdf.output())


HTML_STYLE = (
    "body{font-family:Georgia,serif;max-width:46em;margin:2em auto;line-height:1.45}"
    ".notice{font-size:.85em;font-style:italic;border:1px solid #999;padding:.5em}"
    "table{border-collapse:collapse}td,th{padding:.2em .8em;text-align:right}"
    "td:first-child,th:first-child{text-align:left}.speaker{font-weight:bold;margin-top:1.2em}"
    ".draft{display:none}"
)


def render_html(doc: Doc) -> bytes:
    esc = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{esc(doc.title)}</title>",
        f"<style>{HTML_STYLE}</style>",
        "<script>window.dataLayer = window.dataLayer || []; /* page analytics stub */</script>",
        "</head>",
        "<body>",
        '<nav aria-label="site">Investors | News | Events | Contact</nav>',
        "<main>",
    ]
    for block in doc.blocks:
        if block.kind == "pagebreak":
            continue
        if block.kind == "h1":
            out.append(f"<h1>{esc(block.text)}</h1>")
        elif block.kind == "h2":
            out.append(f"<h2>{esc(block.text)}</h2>")
        elif block.kind == "speaker":
            out.append(f'<p class="speaker">{esc(block.text)}</p>')
        elif block.kind == "small":
            out.append(f'<p class="notice">{esc(block.text)}</p>')
        elif block.kind == "p":
            out.append(f"<p>{esc(block.text)}</p>")
        elif block.kind == "hidden":
            out.append(f'<div class="draft" hidden><p>{esc(block.text)}</p></div>')
        elif block.kind == "table":
            out.append("<table>")
            for r, row in enumerate(block.rows):
                tag = "th" if r == 0 else "td"
                out.append("<tr>" + "".join(f"<{tag}>{esc(c)}</{tag}>" for c in row) + "</tr>")
            out.append("</table>")
    out += ["</main>", "<footer>Fictional demo content. Not investment advice.</footer>"]
    out += ["</body>", "</html>", ""]
    return "\n".join(out).encode("utf-8")


def _wrap(text: str, width: int = 96) -> str:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "\n".join(lines)


def _table_lines(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def render_text(doc: Doc) -> bytes:
    markdown = doc.ext == "md"
    out: list[str] = []
    for block in doc.blocks:
        if block.kind == "pagebreak":
            continue
        if block.kind == "h1":
            out += [f"# {block.text}" if markdown else block.text.upper(), ""]
        elif block.kind == "h2":
            out += [
                f"## {block.text}" if markdown else f"{block.text}\n{'-' * len(block.text)}",
                "",
            ]
        elif block.kind == "speaker":
            out += [block.text, ""]
        elif block.kind in ("p", "small"):
            body = block.text
            if markdown and block.kind == "small":
                body = f"> {body}"
            out += [_wrap(body), ""]
        elif block.kind == "table":
            lines = _table_lines(block.rows)
            out += (["```", *lines, "```"] if markdown else lines) + [""]
    return ("\n".join(out).rstrip() + "\n").encode("utf-8")


def render(doc: Doc) -> bytes:
    if doc.ext == "pdf":
        return render_pdf(doc)
    if doc.ext == "html":
        return render_html(doc)
    return render_text(doc)


# ---------------------------------------------------------------------------- ground truth


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_page_texts(data: bytes) -> list[str]:
    """Text of each page as pypdfium2 reads it, whitespace collapsed."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        texts = []
        for page in pdf:
            textpage = page.get_textpage()
            texts.append(_collapse(textpage.get_text_range()))
            textpage.close()
            page.close()
        return texts
    finally:
        pdf.close()


def _page_of(sentence: str, pages: list[str], name: str) -> int:
    target = _collapse(sentence)
    for number, text in enumerate(pages, start=1):
        if target in text:
            return number
    joined = ""
    starts = []
    for text in pages:
        starts.append(len(joined))
        joined += text + " "
    at = joined.find(target)
    if at < 0:
        raise SystemExit(f"{name}: sentence not found in the PDF text layer: {sentence!r}")
    return max(i for i, s in enumerate(starts, start=1) if s <= at)


def _walk(doc: Doc) -> Iterator[tuple[Block, Item, str | None]]:
    current_speaker: str | None = None
    for block in doc.blocks:
        if block.kind == "speaker":
            current_speaker = block.text
            continue
        for item in (*block.items, *block.row_claims):
            yield block, item, current_speaker


def describe(doc: Doc, data: bytes) -> dict[str, Any]:
    """The manifest entry of one rendered document."""
    pages = pdf_page_texts(data) if doc.ext == "pdf" else None

    def page(sentence: str) -> int | None:
        return None if pages is None else _page_of(sentence, pages, doc.filename)

    claims: list[dict[str, Any]] = []
    signals: list[dict[str, Any]] = []
    non_claims: list[dict[str, Any]] = []
    must_not_extract: list[str] = []
    for block, item, who in _walk(doc):
        if block.kind == "hidden":
            must_not_extract.append(text_of(item))
            continue
        if isinstance(item, Claim):
            claims.append(
                {
                    "sentence": item.text,
                    "page": page(item.text),
                    "speaker": who,
                    "subject": item.subject,
                    "figures": [f.as_dict() for f in item.figs],
                    "exercises": list(item.exercises),
                }
            )
        elif isinstance(item, Sig):
            signals.append(
                {
                    "sentence": item.text,
                    "page": page(item.text),
                    "speaker": who,
                    "kind": item.kind,
                    "value": item.value,
                    "period": item.period,
                    "population": item.population,
                    "subject": item.subject,
                    "since": item.since,
                    "exercises": list(item.exercises),
                }
            )
        elif isinstance(item, Non):
            non_claims.append(
                {
                    "sentence": item.text,
                    "page": page(item.text),
                    "speaker": who,
                    "reason": item.reason,
                }
            )
    exercised = sorted(
        {*doc.exercises}
        | {e for c in claims for e in c["exercises"]}
        | {e for s in signals for e in s["exercises"]}
    )
    entry: dict[str, Any] = {
        "file": doc.filename,
        "format": doc.ext,
        "company": doc.company.name,
        "company_slug": doc.company.slug,
        "fiscal_period": doc.period,
        "period_end": doc.period_end,
        "doc_type": doc.doc_type,
        "title": doc.title,
        "pages": None if pages is None else len(pages),
        "flags_exercised": exercised,
        "claims": claims,
        "signals": signals,
        "non_claims": non_claims,
    }
    if must_not_extract:
        entry["hidden_text_must_not_be_extracted"] = must_not_extract
    return entry


# ---------------------------------------------------------------------------- content: shared

# Flag names used in the manifest (see data/README.md for what each means).
USAGE_MANDATE = "usage_mandate"
LEADERBOARD = "leaderboard"
ACTIVITY_HEADLINE = "activity_headline"
LOW_BAR_FREQUENCY = "low_bar_frequency"
NO_DENOMINATOR = "no_denominator"
NO_TIME_WINDOW = "count_no_window"
DEFINITION_SWITCH = "definition_switch"
HUGGING_TARGET = "hugging_target"
ACTIVITY_OUTPACES_OUTCOME = "activity_outgrows_outcome"
MANDATE_STEP_CHANGE = "mandate_step"
INTERNAL_ONLY = "internal_only"
VAGUE_MAGNITUDE = "vague_magnitude"

MDA = "Management's Discussion and Analysis of Financial Condition and Results of Operations"
RELEASE_DATE = {1: "April 24", 2: "July 24", 3: "October 23", 4: "February 6"}


def release_date(period: str) -> str:
    year, q = quarter_parts(period)
    return f"{RELEASE_DATE[q]}, {year + 1 if q == 4 else year}"


def notice(company: Company) -> Block:
    return small(FICTION_NOTICE.format(company=company.name))


def forward_looking(company: Company) -> Block:
    return small(
        f"Forward-looking statements: this document contains statements by {company.legal} about "
        "its future plans and expectations. They rest on assumptions that may prove wrong, and "
        "actual results could differ materially. The company assumes no duty to update them."
    )


def press_release_opening(
    company: Company, period: str, quote: str, quote_claim: Claim | None = None
) -> list[Block]:
    """``quote_claim``: the figures of a quote that makes a claim (its text is filled in)."""
    said = f'"{quote}," said {company.ceo}, Chief Executive Officer of {company.name}.'
    return [
        notice(company),
        h1(f"{company.name} Reports {quarter_title(period)} Results"),
        p(
            f"{company.city} - {release_date(period)} - {company.legal} today reported financial "
            f"results for the quarter ended {quarter_ended(period)}."
        ),
        p(dataclasses.replace(quote_claim, text=said) if quote_claim else said),
    ]


def cover_10q(company: Company, period: str, state: str) -> list[Block]:
    return [
        notice(company),
        p("UNITED STATES SECURITIES AND EXCHANGE COMMISSION", "Washington, D.C. 20549"),
        h1("FORM 10-Q"),
        p(
            "QUARTERLY REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF "
            "1934"
        ),
        p(f"For the quarterly period ended {quarter_ended(period)}"),
        h1(company.legal),
        p("(Exact name of registrant as specified in its charter)"),
        p(
            f"State of incorporation: {state}. "
            "I.R.S. Employer Identification Number: none (fictional)."
        ),
        p(f"Principal executive offices: {company.city.title()}"),
        small(
            "This is an excerpt prepared for a demo. It reproduces the layout of a quarterly "
            "report but was never filed with any regulator."
        ),
        PAGEBREAK,
    ]


def cover_10k(company: Company, year: int, state: str) -> list[Block]:
    return [
        notice(company),
        p("UNITED STATES SECURITIES AND EXCHANGE COMMISSION", "Washington, D.C. 20549"),
        h1("FORM 10-K"),
        p("ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934"),
        p(f"For the fiscal year ended December 31, {year}"),
        h1(company.legal),
        p("(Exact name of registrant as specified in its charter)"),
        p(
            f"State of incorporation: {state}. "
            "I.R.S. Employer Identification Number: none (fictional)."
        ),
        p(f"Principal executive offices: {company.city.title()}"),
        small(
            "This is an excerpt prepared for a demo. It reproduces the layout of an annual "
            "report but was never filed with any regulator."
        ),
        PAGEBREAK,
    ]


def transcript_opening(
    company: Company, period: str, date: str, analysts: Sequence[str]
) -> list[Block]:
    return [
        notice(company),
        h1(f"{company.name} {quarter_title(period)} Earnings Conference Call"),
        p(f"Call date: {date}"),
        h2("Company participants"),
        p(f"{company.ir} -- Vice President, Investor Relations"),
        p(f"{company.ceo} -- Chief Executive Officer"),
        p(f"{company.cfo} -- Chief Financial Officer"),
        h2("Other participants"),
        *[p(a) for a in analysts],
        h2("Presentation"),
        speaker("Operator"),
        p(
            f"Good afternoon, and welcome to the {company.name} {quarter_title(period).lower()} "
            "earnings call. All lines are muted for now; we will open the line for questions "
            f"after the prepared remarks. I will now hand the call to {company.ir}."
        ),
        speaker(f"{company.ir} -- Vice President, Investor Relations"),
        p(
            "Thank you, and good afternoon. Our remarks today include forward-looking statements "
            "that are subject to risks and uncertainties, and actual results may differ "
            "materially. Unless we say otherwise, growth rates compare with the same quarter "
            f"last year. With that, over to {company.ceo.split()[0]}."
        ),
    ]


# ---------------------------------------------------------------------------- Quillon Systems

QUILLON = Company(
    name="Quillon Systems",
    legal="Quillon Systems, Inc.",
    slug="quillon-systems",
    city="HARROW POINT, Wash.",
    ceo="Mara Ellison",
    cfo="Devin Oyelaran",
    ir="Theo Lindqvist",
    role=(
        "Workflow-software vendor whose AI figures are all about its own engineers: an 80% "
        "weekly-use mandate for its AI coding assistant (from March 3, 2025), team leaderboards, "
        "a weekly-use figure that lands just above the mandated level, internal token counts that "
        "jump after the mandate, and vague magnitudes for agent runs."
    ),
    expected_flags=(
        USAGE_MANDATE,
        LEADERBOARD,
        HUGGING_TARGET,
        MANDATE_STEP_CHANGE,
        INTERNAL_ONLY,
        VAGUE_MAGNITUDE,
        LOW_BAR_FREQUENCY,
        ACTIVITY_HEADLINE,
    ),
    notes=(
        "Quarterly Q-Assist token counts (billions): 2024-Q1 1.8, Q2 2.1, Q3 2.4, Q4 2.8, "
        "2025-Q1 6.9, Q2 8.1; the mandate applies from 2025-03-03. No AI revenue, customer or "
        "outcome figure appears anywhere."
    ),
)

QA = "Q-Assist"
LOOM = "Loomwork"


def q_tokens(text: str, value_text: str, value: float, *extra: Fig) -> Claim:
    return claim(
        text,
        fig(value_text, value, "tokens", "usage_activity", "developers", "quarterly"),
        *extra,
        subject=QA,
        exercises=(MANDATE_STEP_CHANGE, INTERNAL_ONLY, ACTIVITY_HEADLINE),
    )


def quillon_2024q1() -> Doc:
    c, per = QUILLON, "2024-Q1"
    blocks = [
        *press_release_opening(
            c,
            per,
            "We started the year with steady subscription growth and with our own engineers "
            "putting AI to work across the code base",
        ),
        h2("First Quarter 2024 Financial Highlights"),
        table(
            ("In millions, except percentages", "Q1 2024", "Q1 2023", "Change"),
            ("Total revenue", "$548", "$507", "8%"),
            ("Subscription revenue", "$471", "$428", "10%"),
            ("Operating income", "$61", "$49", "24%"),
        ),
        p(
            Non("Total revenue was $548 million, up 8% year over year.", "revenue_growth"),
            Non("Subscription revenue grew 10% to $471 million.", "revenue_growth"),
        ),
        h2("Engineering and AI"),
        p(
            "In January we made Q-Assist, the AI coding assistant we built for our own "
            "engineering organization, available to every team in the company.",
            q_tokens(
                "Our engineers sent 1.8 billion tokens through Q-Assist during the first quarter.",
                "1.8 billion",
                1.8e9,
            ),
            claim(
                "In a typical week of the quarter, 38% of our developers used Q-Assist at least "
                "once.",
                fig("38%", 0.38, "share", "user_count", "developers", "weekly"),
                subject=QA,
                exercises=(LOW_BAR_FREQUENCY, INTERNAL_ONLY),
            ),
        ),
        hidden(
            "Draft for review, do not publish: 95% of engineers use Q-Assist every day.",
        ),
        h2("Business Highlights"),
        p(
            Non(
                "Quillon's workflow software is now installed at more than 19,000 organizations.",
                "installed_base",
            ),
            Non("We ended the quarter with 7,120 employees.", "headcount"),
            Non(
                "Capital expenditures were $31 million, including GPU servers that host our "
                "internal AI tools.",
                "capex",
            ),
        ),
        h2("Outlook"),
        p(
            Non(
                "For the second quarter of 2024, Quillon expects total revenue between $560 "
                "million and $570 million.",
                "revenue_guidance",
            ),
        ),
        forward_looking(c),
    ]
    return Doc(
        c, "press_release", per, "html", f"{c.name} Reports {quarter_title(per)} Results", blocks
    )


def quillon_2024q2() -> Doc:
    c, per = QUILLON, "2024-Q2"
    blocks = [
        *cover_10q(c, per, "Delaware"),
        h1("PART I. FINANCIAL INFORMATION"),
        h2(f"Item 2. {MDA}"),
        p(
            "Quillon Systems, Inc. sells workflow software that helps operations teams plan, "
            "route and approve work.",
            Non("The company was incorporated in Delaware in 2009.", "year_only"),
            Non(
                "Total revenue for the three months ended June 30, 2024 was $559 million, "
                "compared with $516 million for the same period of 2023.",
                "revenue_growth",
            ),
        ),
        table(
            ("In millions", "Three months ended June 30, 2024", "2023"),
            ("Subscription", "$481", "$437"),
            ("Professional services", "$78", "$79"),
            ("Total revenue", "$559", "$516"),
        ),
        PAGEBREAK,
        h2("Internal use of artificial intelligence"),
        p(
            "We use AI tools in our own software development and track their use as an "
            "operating measure for engineering.",
            q_tokens(
                "During the three months ended June 30, 2024, our engineers processed 2.1 billion "
                "tokens through Q-Assist, our internal AI coding assistant.",
                "2.1 billion",
                2.1e9,
            ),
            claim(
                "In an average week of the quarter, 41% of developers used Q-Assist at least once.",
                fig("41%", 0.41, "share", "user_count", "developers", "weekly"),
                subject=QA,
                exercises=(LOW_BAR_FREQUENCY, INTERNAL_ONLY),
            ),
        ),
        p(
            "These measures describe internal activity only. They are not a measure of "
            "revenue, and Q-Assist is not sold to customers.",
        ),
        h2("Employees and infrastructure"),
        p(
            Non("As of June 30, 2024, we had 7,260 full-time employees.", "headcount"),
            Non(
                "Purchases of property and equipment were $36 million in the quarter, mostly "
                "servers for AI model hosting and developer environments.",
                "capex",
            ),
        ),
        h2("Risk factors"),
        p(
            "Our use of AI tools in software development may introduce defects or security "
            "weaknesses that our reviews do not catch, and the rules that govern AI are "
            "changing quickly.",
        ),
    ]
    return Doc(
        c, "10-Q", per, "pdf", f"{c.legal} Form 10-Q (excerpt) for {quarter_title(per)}", blocks
    )


def quillon_2024q3() -> Doc:
    c, per = QUILLON, "2024-Q3"
    blocks = [
        *press_release_opening(
            c,
            per,
            "Customers kept expanding their use of our workflow platform this quarter",
        ),
        h2("Third Quarter 2024 Highlights"),
        p(
            Non(
                "Revenue was $579 million, an increase of 9% from a year earlier.", "revenue_growth"
            ),
            Non("Operating margin was 12%, compared with 10% a year ago.", "non_ai_figure"),
            Non(
                "The number of customers with more than $1 million in annual spend rose to 312.",
                "non_ai_figure",
            ),
        ),
        h2("Engineering"),
        p(
            "Q-Assist, our internal AI coding assistant, continued to spread through our "
            "engineering teams.",
            q_tokens(
                "Engineers ran 2.4 billion tokens through Q-Assist in the third quarter, up 14% "
                "from the second quarter.",
                "2.4 billion",
                2.4e9,
                fig(
                    "14%",
                    0.14,
                    "share",
                    "usage_activity",
                    "developers",
                    "quarterly",
                    measure="growth",
                ),
            ),
        ),
        h2("Other information"),
        p(
            Non(
                "Quillon's software is installed at more than 20,000 organizations in 41 "
                "countries.",
                "installed_base",
            ),
            Non("Headcount was 7,380 at the end of September.", "headcount"),
            Non(
                "We expect fourth-quarter revenue of $595 million to $605 million.",
                "revenue_guidance",
            ),
        ),
        forward_looking(c),
    ]
    return Doc(
        c, "press_release", per, "txt", f"{c.name} Reports {quarter_title(per)} Results", blocks
    )


def quillon_2024q4() -> Doc:
    c, per = QUILLON, "2024-Q4"
    blocks = [
        notice(c),
        h1("Quillon Systems Letter to Shareholders - Fourth Quarter and Full Year 2024"),
        p("Dear Shareholders,"),
        p(
            "2024 was a year of steady execution for Quillon.",
            Non(
                "Revenue for the year reached $2.29 billion, up 9%, and we closed the fourth "
                "quarter with revenue of $602 million.",
                "revenue_growth",
            ),
            "Our customers renewed at high rates, and our largest accounts kept adding workflows.",
        ),
        p(
            Non(
                "We also invested: capital expenditures were $139 million for the year, a large "
                "part of it for AI computing capacity in our own data centers.",
                "capex",
            ),
        ),
        PAGEBREAK,
        h2("How we build software"),
        p(
            "Inside Quillon, AI has become part of how our engineers write and review code.",
            "Q-Assist is the AI coding assistant we built for our own engineers.",
            q_tokens(
                "In the fourth quarter our engineers processed 2.8 billion tokens through "
                "Q-Assist.",
                "2.8 billion",
                2.8e9,
            ),
            claim(
                "For the full year 2024, Q-Assist handled 9.1 billion tokens.",
                fig("9.1 billion", 9.1e9, "tokens", "usage_activity", "developers", "annual"),
                subject=QA,
                exercises=(INTERNAL_ONLY, ACTIVITY_HEADLINE),
            ),
            claim(
                "In the average week of the fourth quarter, 47% of our developers used it at "
                "least once.",
                fig("47%", 0.47, "share", "user_count", "developers", "weekly"),
                subject=QA,
                exercises=(LOW_BAR_FREQUENCY, INTERNAL_ONLY),
            ),
        ),
        p(
            Sig(
                "In 2025 we intend to make AI assistance part of every engineer's working week.",
                "plan",
                population="developers",
                subject=QA,
            ),
            "We will say more about how we plan to do that on our next call.",
        ),
        h2("Our people"),
        p(
            Non(
                "We ended 2024 with 7,450 employees, about 3,900 of them in engineering.",
                "headcount",
            ),
            "Thank you for your support.",
        ),
        p(f"{c.ceo}, Chief Executive Officer"),
    ]
    return Doc(
        c,
        "shareholder_letter",
        per,
        "pdf",
        "Quillon Systems Letter to Shareholders - Fourth Quarter and Full Year 2024",
        blocks,
    )


def quillon_2025q1() -> Doc:
    c, per = QUILLON, "2025-Q1"
    analyst = "Rosalind Achebe -- Analyst, Quarrystone Partners"
    blocks = [
        *transcript_opening(c, per, "April 24, 2025", [analyst]),
        speaker(f"{c.ceo} -- Chief Executive Officer"),
        p(
            "Thanks, Theo.",
            Non(
                "Revenue for the quarter was $611 million, up 9%, in line with our outlook.",
                "revenue_growth",
            ),
            "I want to spend most of my time today on how we are changing the way we build "
            "software.",
        ),
        PAGEBREAK,
        p(
            Sig(
                "Since March 3, 2025, at least 80% of our engineers have been required to use "
                "Q-Assist, our AI coding assistant, in every working week.",
                "mandate",
                value=0.8,
                period="weekly",
                population="developers",
                subject=QA,
                since="2025-03-03",
                exercises=(USAGE_MANDATE,),
            ),
            Sig(
                "To keep that visible, each engineering team now appears on leaderboards that "
                "track its weekly Q-Assist sessions and token volume.",
                "leaderboard",
                period="weekly",
                population="developers",
                subject=QA,
                exercises=(LEADERBOARD,),
            ),
        ),
        p(
            "The response was immediate.",
            q_tokens(
                "Our engineers processed 6.9 billion tokens through Q-Assist in the first "
                "quarter, more than double the fourth quarter.",
                "6.9 billion",
                6.9e9,
                fig(
                    "more than double",
                    2.0,
                    "multiple",
                    "usage_activity",
                    "developers",
                    "quarterly",
                    qualifier="at_least",
                    measure="growth",
                ),
            ),
            claim(
                "Loomwork, the internal platform our engineers use to build AI agents, handled "
                "tens of thousands of agent runs in March alone.",
                fig(
                    "tens of thousands",
                    1e4,
                    "requests",
                    "usage_activity",
                    "developers",
                    "monthly",
                    qualifier="at_least",
                ),
                subject=LOOM,
                exercises=(VAGUE_MAGNITUDE, INTERNAL_ONLY),
            ),
        ),
        speaker(f"{c.cfo} -- Chief Financial Officer"),
        p(
            "Thank you, Mara.",
            Non(
                "Subscription revenue was $528 million, up 10%, and operating margin was 13%.",
                "revenue_growth",
            ),
            Non(
                "We now expect full-year revenue of $2.50 billion to $2.54 billion.",
                "revenue_guidance",
            ),
            Non(
                "Capital expenditures were $44 million, mostly for AI servers that support our "
                "engineers.",
                "capex",
            ),
        ),
        h2("Questions and Answers"),
        speaker("Operator"),
        p("Our first question comes from Rosalind Achebe with Quarrystone Partners."),
        speaker(analyst),
        p(
            "Thanks for taking the question.",
            "Is any of this engineering usage showing up in revenue or margins yet, or is it "
            "too early to tell?",
        ),
        speaker(f"{c.cfo} -- Chief Financial Officer"),
        p(
            "It is early.",
            "Q-Assist is an internal tool, so we do not attribute revenue to it, and we are "
            "not yet ready to put a number on productivity.",
        ),
        speaker("Operator"),
        p("That concludes today's call. Thank you for joining."),
    ]
    return Doc(
        c,
        "call_transcript",
        per,
        "pdf",
        f"{c.name} {quarter_title(per)} Earnings Conference Call",
        blocks,
    )


def quillon_2025q2() -> Doc:
    c, per = QUILLON, "2025-Q2"
    blocks = [
        *press_release_opening(
            c,
            per,
            "Our engineering organization has embraced AI faster than we expected",
        ),
        h2("Second Quarter 2025 Financial Highlights"),
        table(
            ("In millions, except percentages", "Q2 2025", "Q2 2024", "Change"),
            ("Total revenue", "$641", "$559", "15%"),
            ("Subscription revenue", "$556", "$481", "16%"),
        ),
        p(
            Non("Total revenue was $641 million, up 15% year over year.", "revenue_growth"),
        ),
        h2("AI in Quillon Engineering"),
        p(
            "Q-Assist is the AI coding assistant we built for our own engineers, and Loomwork, "
            "our internal AI agent platform, runs the agents they build.",
            claim(
                "In the second quarter, 82% of our developers used Q-Assist at least once a week.",
                fig("82%", 0.82, "share", "user_count", "developers", "weekly"),
                subject=QA,
                exercises=(HUGGING_TARGET, LOW_BAR_FREQUENCY, INTERNAL_ONLY),
            ),
            Sig(
                "That is above the 80% weekly-use requirement we introduced for engineers in "
                "March.",
                "mandate",
                value=0.8,
                period="weekly",
                population="developers",
                subject=QA,
                since="2025-03-03",
                exercises=(USAGE_MANDATE, HUGGING_TARGET),
            ),
            q_tokens(
                # after the step at the mandate the series grows at its old pace again, so
                # that a trend-with-step fit can tell the step from the trend
                "Engineers processed 8.1 billion tokens through Q-Assist in the quarter, up "
                "about fourfold from the second quarter of 2024.",
                "8.1 billion",
                8.1e9,
                fig(
                    "about fourfold",
                    4.0,
                    "multiple",
                    "usage_activity",
                    "developers",
                    "quarterly",
                    qualifier="approx",
                    measure="growth",
                ),
            ),
        ),
        p(
            claim(
                "Teams launched hundreds of thousands of agent runs on Loomwork during the "
                "quarter.",
                fig(
                    "hundreds of thousands",
                    1e5,
                    "requests",
                    "usage_activity",
                    "developers",
                    "quarterly",
                    qualifier="at_least",
                ),
                subject=LOOM,
                exercises=(VAGUE_MAGNITUDE, INTERNAL_ONLY),
            ),
            claim(
                "By our count, Q-Assist suggestions made up about a quarter of the code merged "
                "in June.",
                fig(
                    "about a quarter",
                    0.25,
                    "share",
                    "share_of_work",
                    "code",
                    "monthly",
                    qualifier="approx",
                ),
                subject=QA,
                exercises=(INTERNAL_ONLY,),
            ),
            Sig(
                "Team leaderboards now rank every engineering group by weekly Q-Assist "
                "activity, and the rankings are reviewed at our monthly engineering meeting.",
                "leaderboard",
                period="weekly",
                population="developers",
                subject=QA,
                exercises=(LEADERBOARD,),
            ),
        ),
        h2("Other Highlights"),
        p(
            Non(
                "Quillon's platform is installed at more than 21,000 organizations.",
                "installed_base",
            ),
            Non("We had 7,510 employees at the end of June.", "headcount"),
            Non(
                "Capital expenditures were $52 million, mostly AI servers for internal "
                "development.",
                "capex",
            ),
            Non(
                "For the third quarter of 2025, we expect revenue between $650 million and $662 "
                "million.",
                "revenue_guidance",
            ),
        ),
        forward_looking(c),
    ]
    return Doc(
        c, "press_release", per, "md", f"{c.name} Reports {quarter_title(per)} Results", blocks
    )


# ---------------------------------------------------------------------------- Brightmere Cloud

BRIGHTMERE = Company(
    name="Brightmere Cloud",
    legal="Brightmere Cloud, Inc.",
    slug="brightmere-cloud",
    city="CALLOWAY, Texas",
    ceo="Tomas Reyland",
    cfo="Priya Vantongeren",
    ir="Lena Osterfeld",
    role=(
        "Cloud provider whose headline AI figure is tokens processed: token volume grows about "
        "tenfold a year while its AI-related revenue grows about 18-24%. Every quarter from "
        "2024-Q1 to 2025-Q2 reports both, so a trend test has six points."
    ),
    expected_flags=(ACTIVITY_OUTPACES_OUTCOME, ACTIVITY_HEADLINE),
    notes=(
        "Quarterly tokens (trillions) 12, 20, 34, 58, 120, 190; AI-related revenue ($ million) "
        "290, 305, 322, 340, 342, 360 for 2024-Q1..2025-Q2."
    ),
)

KILN = "Brightmere Kiln"
# Each document says once what its AI product is, as real filings do, so that it reads alone.
KILN_INTRO = "Brightmere Kiln is our AI model hosting service."

# period: tokens (trillions), tokens yoy text, yoy factor, AI revenue ($M), AI revenue yoy %,
# total revenue ($M), total yoy %, capex ($M), Kiln customers (or None)
BRIGHTMERE_Q = {
    "2024-Q1": (12, "3x", 3.0, 290, 24, 2140, 11, 610, None),
    "2024-Q2": (20, "4x", 4.0, 305, 22, 2190, 11, 655, 5400),
    "2024-Q3": (34, "5x", 5.0, 322, 21, 2260, 12, 702, None),
    "2024-Q4": (58, "6x", 6.0, 340, 19, 2330, 12, 744, 6300),
    "2025-Q1": (120, "10x", 10.0, 342, 18, 2370, 11, 781, None),
    "2025-Q2": (190, "more than ninefold", 9.0, 360, 18, 2420, 10, 806, 7100),
}


def b_tokens(per: str, text: str | None = None) -> Claim:
    tok, yoy_text, yoy, *_ = BRIGHTMERE_Q[per]
    sentence = text or (
        f"We processed {tok} trillion tokens in the quarter, up {yoy_text} year over year."
    )
    qualifier = "at_least" if yoy_text.startswith("more than") else "exact"
    return claim(
        sentence,
        fig(f"{tok} trillion", tok * 1e12, "tokens", "usage_activity", "customers", "quarterly"),
        fig(
            yoy_text,
            yoy,
            "multiple",
            "usage_activity",
            "customers",
            "quarterly",
            qualifier=qualifier,
            measure="growth",
        ),
        subject=KILN,
        exercises=(ACTIVITY_HEADLINE, ACTIVITY_OUTPACES_OUTCOME),
    )


def b_revenue(per: str, text: str | None = None) -> Claim:
    _, _, _, rev, growth, *_ = BRIGHTMERE_Q[per]
    sentence = text or f"AI-related revenue was ${rev} million, up {growth}% year over year."
    return claim(
        sentence,
        fig(f"${rev} million", rev * 1e6, "usd", "outcome", "customers", "quarterly"),
        fig(
            f"{growth}%",
            growth / 100,
            "share",
            "outcome",
            "customers",
            "quarterly",
            measure="growth",
        ),
        subject=KILN,
        exercises=(ACTIVITY_OUTPACES_OUTCOME,),
    )


def b_customers(per: str) -> Claim:
    n = BRIGHTMERE_Q[per][8]
    return claim(
        f"More than {n:,} customers ran workloads on Brightmere Kiln during the quarter.",
        fig(
            f"More than {n:,}",
            float(n),
            "customers",
            "user_count",
            "customers",
            "quarterly",
            qualifier="at_least",
        ),
        subject=KILN,
    )


def b_other(per: str) -> list[Item]:
    _, _, _, _, _, total, total_g, capex, _ = BRIGHTMERE_Q[per]
    return [
        Non(
            f"Total revenue was ${total:,} million, up {total_g}% year over year.", "revenue_growth"
        ),
        Non(
            f"Capital expenditures were ${capex} million, most of it for AI accelerators and new "
            "data center capacity.",
            "capex",
        ),
    ]


def b_table(per: str) -> Block:
    tok, _, _, rev, growth, total, total_g, *_ = BRIGHTMERE_Q[per]
    rows = table(
        ("In millions, except tokens and percentages", quarter_title(per), "Change"),
        ("Total revenue", f"${total:,}", f"{total_g}%"),
        ("AI-related revenue", f"${rev}", f"{growth}%"),
        ("Tokens processed (trillions)", f"{tok}", ""),
    )
    # the token row cites the figure the text gave: a claim of its own, with its own citation
    row = claim(
        f"Tokens processed (trillions) {tok}",
        fig(f"{tok}", tok * 1e12, "tokens", "usage_activity", "customers", "quarterly"),
    )
    return dataclasses.replace(rows, row_claims=(row,))


def brightmere_release(
    per: str,
    ext: str,
    quote: str,
    extra_ai: Sequence[Item],
    extra_other: Sequence[Item],
    quote_claim: Claim | None = None,
) -> Doc:
    c = BRIGHTMERE
    blocks = [
        *press_release_opening(c, per, quote, quote_claim),
        h2(f"{quarter_title(per)} Highlights"),
        p(b_tokens(per), b_revenue(per), *extra_ai),
        b_table(per),
        PAGEBREAK,
        h2("Financial Results"),
        p(*b_other(per)),
        p(*extra_other),
        forward_looking(c),
    ]
    return Doc(
        c, "press_release", per, ext, f"{c.name} Reports {quarter_title(per)} Results", blocks
    )


def brightmere_2024q1() -> Doc:
    return brightmere_release(
        "2024-Q1",
        "pdf",
        "Demand for AI workloads on Brightmere Kiln set the tone for the quarter",
        [
            "Brightmere Kiln lets customers run open and proprietary AI models on our "
            "infrastructure and pay by usage.",
        ],
        [
            Non(
                "Brightmere now operates 12 cloud regions across North America and Europe.",
                "infrastructure_capacity",
            ),
            Non("We had 11,800 employees at the end of March.", "headcount"),
            Non(
                "For the second quarter we expect total revenue of $2.17 billion to $2.21 billion.",
                "revenue_guidance",
            ),
        ],
    )


def brightmere_2024q2() -> Doc:
    return brightmere_release(
        "2024-Q2",
        "html",
        "Token volume on Kiln keeps climbing as more customers move AI into production",
        [KILN_INTRO, b_customers("2024-Q2")],
        [
            Non(
                "Brightmere opened its 13th cloud region, in Lisbon, in May.",
                "infrastructure_capacity",
            ),
            Non(
                "Our general compute business serves more than 240,000 customers.",
                "non_ai_figure",
            ),
            Non(
                "For the third quarter we expect total revenue of $2.24 billion to $2.28 billion.",
                "revenue_guidance",
            ),
        ],
    )


def brightmere_2024q3() -> Doc:
    c, per = BRIGHTMERE, "2024-Q3"
    blocks = [
        *cover_10q(c, per, "Texas"),
        h1("PART I. FINANCIAL INFORMATION"),
        h2(f"Item 2. {MDA}"),
        h2("Overview"),
        p(
            "Brightmere Cloud provides compute, storage and AI services to businesses.",
            Non(
                "Total revenue for the three months ended September 30, 2024 was $2,260 million, "
                "an increase of 12% compared with the same period of 2023.",
                "revenue_growth",
            ),
        ),
        PAGEBREAK,
        h2("Key metrics"),
        p(
            "We monitor the following measures of our AI business.",
            KILN_INTRO,
            b_tokens(
                per,
                "Brightmere Kiln processed 34 trillion tokens in the third quarter of 2024, up "
                "5x year over year.",
            ),
            b_revenue(
                per,
                "AI-related revenue, which consists of Kiln usage fees and AI model hosting, "
                "was $322 million, up 21% year over year.",
            ),
        ),
        p(
            "Tokens processed include tokens from free-tier accounts and from our own product "
            "teams, which do not generate revenue.",
        ),
        h2("Liquidity and capital resources"),
        p(
            Non(
                "Purchases of property and equipment were $702 million, primarily AI "
                "accelerators and data center buildings.",
                "capex",
            ),
            Non(
                "As of September 30, 2024, we had 12,150 full-time employees.",
                "headcount",
            ),
        ),
    ]
    return Doc(
        c, "10-Q", per, "pdf", f"{c.legal} Form 10-Q (excerpt) for {quarter_title(per)}", blocks
    )


def brightmere_2024q4() -> Doc:
    return brightmere_release(
        "2024-Q4",
        "txt",
        "2024 was the year AI became our fastest-growing workload",
        [KILN_INTRO, b_customers("2024-Q4")],
        [
            Non("Full-year 2024 revenue was $8.92 billion, up 12%.", "revenue_growth"),
            Non(
                "We expect 2025 capital expenditures of about $3.2 billion, weighted toward AI "
                "infrastructure.",
                "capex",
            ),
            Non("Brightmere was founded in 2011.", "year_only"),
        ],
    )


def brightmere_2025q1() -> Doc:
    per = "2025-Q1"
    return brightmere_release(
        per,
        "pdf",
        "Kiln token volume grew tenfold from a year ago",
        [
            KILN_INTRO,
            claim(
                "At its busiest, Kiln handled more than 2.1 billion tokens per minute.",
                fig(
                    "more than 2.1 billion",
                    2.1e9,
                    "tokens",
                    "usage_activity",
                    "customers",
                    "per_minute",
                    qualifier="at_least",
                ),
                subject=KILN,
                exercises=(ACTIVITY_HEADLINE,),
            ),
        ],
        [
            Non("Brightmere now operates 14 cloud regions.", "infrastructure_capacity"),
            Non("We had 12,400 employees at the end of March.", "headcount"),
            Non(
                "For the second quarter we expect total revenue of $2.40 billion to $2.44 billion.",
                "revenue_guidance",
            ),
        ],
        quote_claim=claim(
            "",
            fig(
                "tenfold",
                10.0,
                "multiple",
                "usage_activity",
                "customers",
                "annual",
                measure="growth",
            ),
            subject=KILN,
            exercises=(ACTIVITY_HEADLINE,),
        ),
    )


def brightmere_2025q2() -> Doc:
    c, per = BRIGHTMERE, "2025-Q2"
    analyst = "Marcus Feld -- Analyst, Wrenfield Capital"
    blocks = [
        *transcript_opening(c, per, "July 24, 2025", [analyst]),
        speaker(f"{c.ceo} -- Chief Executive Officer"),
        p(
            "Thank you, Lena, and good afternoon.",
            "AI remains the center of our strategy.",
            KILN_INTRO,
            b_tokens(per),
            b_customers(per),
        ),
        p(
            Sig(
                "We plan to bring Kiln to our government cloud regions in the first half of 2026.",
                "plan",
                population="customers",
                subject=KILN,
            ),
        ),
        PAGEBREAK,
        speaker(f"{c.cfo} -- Chief Financial Officer"),
        p(
            "Thanks, Tomas.",
            b_revenue(per),
            *b_other(per),
            Non(
                "For the third quarter we expect total revenue of $2.45 billion to $2.50 billion.",
                "revenue_guidance",
            ),
        ),
        h2("Questions and Answers"),
        speaker("Operator"),
        p("Our first question comes from the line of Marcus Feld with Wrenfield Capital."),
        speaker(analyst),
        p(
            Non(
                "Tokens are up almost tenfold while AI revenue is up 18%, so why is the "
                "revenue not following the volume?",
                "analyst_question",
            ),
        ),
        speaker(f"{c.cfo} -- Chief Financial Officer"),
        p(
            "A good share of the growth comes from free-tier accounts and from our own teams "
            "testing new models, and the price per token has fallen sharply.",
            "We expect revenue to track volume more closely as paid workloads mature.",
        ),
        speaker("Operator"),
        p("There are no further questions. This concludes the call."),
    ]
    return Doc(
        c,
        "call_transcript",
        per,
        "md",
        f"{c.name} {quarter_title(per)} Earnings Conference Call",
        blocks,
    )


# ---------------------------------------------------------------------------- Orvane Retail

ORVANE = Company(
    name="Orvane Retail",
    legal="Orvane Retail Group, Inc.",
    slug="orvane-retail",
    city="LINDEN FALLS, Ohio",
    ceo="Celia Marchetti",
    cfo="Owen Braddock",
    ir="Hana Whitcombe",
    role=(
        "Retailer whose AI shopping assistant is reported as monthly active users in 2024 and as "
        "weekly active users (with a broader definition) from 2025, so the series looks like "
        "growth only because the metric changed; also a bare '40% adoption' with no denominator "
        "and a user count with no time window."
    ),
    expected_flags=(DEFINITION_SWITCH, NO_DENOMINATOR, NO_TIME_WINDOW),
    notes=(
        "Orvane Ask: 8.2M monthly actives (2024-Q3), 9.6M monthly actives (2024-Q4), then 12.4M "
        "weekly actives (2025-Q1) and 13.1M weekly actives (2025-Q2) under a new definition "
        "that includes answers shown inside site search."
    ),
)

ASK = "Orvane Ask"
STYLIST = "Orvane Stylist"


def orvane_2024q3() -> Doc:
    c, per = ORVANE, "2024-Q3"
    blocks = [
        *press_release_opening(
            c, per, "Shoppers are finding what they want faster, in our stores and online"
        ),
        h2("Third Quarter 2024 Highlights"),
        p(
            Non("Net sales were $3.41 billion, up 4% from a year earlier.", "revenue_growth"),
            Non("Comparable sales rose 3.1%.", "non_ai_figure"),
            Non("Digital sales grew 11% and made up 22% of net sales.", "revenue_mix"),
        ),
        table(
            ("In millions", "Q3 2024", "Q3 2023", "Change"),
            ("Net sales", "$3,410", "$3,279", "4%"),
            ("Operating income", "$188", "$171", "10%"),
        ),
        PAGEBREAK,
        h2("Orvane Ask"),
        p(
            "Orvane Ask is the AI shopping assistant in our app and on our website.",
            claim(
                "Orvane Ask had 8.2 million monthly active users in September.",
                fig("8.2 million", 8.2e6, "users", "user_count", "users", "monthly"),
                subject=ASK,
                exercises=(DEFINITION_SWITCH,),
            ),
            "Customers use it to compare products, check stock at nearby stores and plan "
            "larger purchases.",
        ),
        h2("Stores and Members"),
        p(
            Non("We operated 1,184 stores at the end of the quarter.", "installed_base"),
            Non("Our loyalty program has 41 million members.", "non_ai_figure"),
            Non(
                "Capital spending of $212 million included new AI-driven demand forecasting "
                "systems for our distribution centers.",
                "capex",
            ),
            Non(
                "For the fourth quarter we expect comparable sales growth of 2% to 3%.",
                "revenue_guidance",
            ),
        ),
        forward_looking(c),
    ]
    return Doc(
        c, "press_release", per, "pdf", f"{c.name} Reports {quarter_title(per)} Results", blocks
    )


def orvane_2024q4() -> Doc:
    c, per = ORVANE, "2024-Q4"
    blocks = [
        *press_release_opening(c, per, "Our holiday season was the strongest in five years"),
        h2("Fourth Quarter 2024 Highlights"),
        p(
            Non("Net sales were $4.62 billion, up 5%.", "revenue_growth"),
            Non("Comparable sales increased 3.8%.", "non_ai_figure"),
        ),
        h2("AI Shopping"),
        p(
            "Orvane Ask is the AI shopping assistant in our app and on our website.",
            claim(
                "Orvane Ask reached 9.6 million monthly active users in December, up 17% from "
                "September.",
                fig("9.6 million", 9.6e6, "users", "user_count", "users", "monthly"),
                fig("17%", 0.17, "share", "user_count", "users", "monthly", measure="growth"),
                subject=ASK,
                exercises=(DEFINITION_SWITCH,),
            ),
            claim(
                "Orvane Ask has reached 40% adoption.",
                fig("40%", 0.4, "share", "user_count", "none", "none"),
                subject=ASK,
                exercises=(NO_DENOMINATOR,),
            ),
        ),
        h2("Other Highlights"),
        p(
            Non("We opened 14 new stores and closed 6 during the quarter.", "installed_base"),
            Non("Loyalty membership grew to 42 million.", "non_ai_figure"),
            Non(
                "For fiscal 2025 we expect net sales growth of 3% to 4%.",
                "revenue_guidance",
            ),
        ),
        forward_looking(c),
    ]
    return Doc(
        c, "press_release", per, "html", f"{c.name} Reports {quarter_title(per)} Results", blocks
    )


def orvane_2025q1() -> Doc:
    c, per = ORVANE, "2025-Q1"
    blocks = [
        notice(c),
        h1("Orvane Retail Letter to Shareholders - First Quarter 2025"),
        p("To our shareholders,"),
        p(
            Non(
                "First-quarter net sales were $3.22 billion, up 3%, and comparable sales rose "
                "2.6%.",
                "revenue_growth",
            ),
            "Spring categories started well, and our stores kept gaining share in home goods.",
        ),
        h2("Orvane Ask and Orvane Stylist"),
        p(
            "Orvane Ask is the AI shopping assistant in our app and on our website.",
            claim(
                "Orvane Ask now has 12.4 million weekly active users, the highest figure we have "
                "reported for the assistant.",
                fig("12.4 million", 12.4e6, "users", "user_count", "users", "weekly"),
                subject=ASK,
                exercises=(DEFINITION_SWITCH,),
            ),
            "Starting this quarter we count weekly active users, defined as customers who saw "
            "an Ask answer during the week, including answers shown inside site search results.",
        ),
        p(
            claim(
                "Orvane Stylist, the AI outfit planner we launched in February, already has 2 "
                "million users.",
                fig("2 million", 2e6, "users", "user_count", "users", "none"),
                subject=STYLIST,
                exercises=(NO_TIME_WINDOW,),
            ),
        ),
        h2("Investing for the long term"),
        p(
            Non(
                "Capital spending for the year should come to about $850 million, including AI "
                "tools for store replenishment.",
                "capex",
            ),
            Non("We ended the quarter with 1,191 stores and 96,000 associates.", "installed_base"),
            "Thank you for your continued trust.",
        ),
        p(f"{c.ceo}, Chief Executive Officer"),
    ]
    return Doc(
        c,
        "shareholder_letter",
        per,
        "txt",
        "Orvane Retail Letter to Shareholders - First Quarter 2025",
        blocks,
    )


def orvane_2025q2() -> Doc:
    c, per = ORVANE, "2025-Q2"
    blocks = [
        *cover_10q(c, per, "Ohio"),
        h1("PART I. FINANCIAL INFORMATION"),
        h2(f"Item 2. {MDA}"),
        p(
            "Orvane Retail Group, Inc. operates general merchandise stores and a digital "
            "storefront in the U.S. and Canada.",
            Non(
                "Net sales for the three months ended June 30, 2025 were $3.57 billion, compared "
                "with $3.45 billion in the prior-year period.",
                "revenue_growth",
            ),
        ),
        table(
            ("In millions", "Three months ended June 30, 2025", "2024"),
            ("Net sales", "$3,570", "$3,450"),
            ("Gross margin", "$1,035", "$990"),
        ),
        PAGEBREAK,
        h2("Digital and AI measures"),
        p(
            "Orvane Ask is the AI shopping assistant in our app and on our website, and "
            "Orvane Stylist, our AI outfit planner, suggests complete looks.",
            claim(
                "Orvane Ask averaged 13.1 million weekly active users in the second quarter of "
                "2025.",
                fig("13.1 million", 13.1e6, "users", "user_count", "users", "weekly"),
                subject=ASK,
                exercises=(DEFINITION_SWITCH,),
            ),
            claim(
                "Adoption of Orvane Ask stands at 40%.",
                fig("40%", 0.4, "share", "user_count", "none", "none"),
                subject=ASK,
                exercises=(NO_DENOMINATOR,),
            ),
            claim(
                "Orvane Stylist has passed 2.5 million users.",
                fig(
                    "2.5 million",
                    2.5e6,
                    "users",
                    "user_count",
                    "users",
                    "none",
                    qualifier="at_least",
                ),
                subject=STYLIST,
                exercises=(NO_TIME_WINDOW,),
            ),
        ),
        p(
            "Beginning with the first quarter of 2025, active users of Orvane Ask are measured "
            "weekly rather than monthly, and the measure includes answers shown inside site "
            "search.",
            "Figures for earlier periods have not been restated.",
        ),
        h2("Stores, employees and capital spending"),
        p(
            Non("As of June 30, 2025, we operated 1,196 stores.", "installed_base"),
            Non("We employed approximately 97,500 associates.", "headcount"),
            Non(
                "Capital expenditures were $231 million, including AI-based pricing systems.",
                "capex",
            ),
        ),
    ]
    return Doc(
        c, "10-Q", per, "pdf", f"{c.legal} Form 10-Q (excerpt) for {quarter_title(per)}", blocks
    )


# ---------------------------------------------------------------------------- Tessel Labs

TESSEL = Company(
    name="Tessel Labs",
    legal="Tessel Labs, Inc.",
    slug="tessel-labs",
    city="BRENNOCK, Mass.",
    ceo="Ines Hartwell",
    cfo="Rafael Quenby",
    ir="Sam Okonjo",
    role=(
        "Customer-support software company whose AI figures are outcomes: audited, recognized "
        "revenue of its AI product, paying customers per quarter, the share of support tickets "
        "resolved by AI with a stated population and period, and daily actives. No mandate, no "
        "leaderboard, no vague figure: the clean control case that should raise no flag."
    ),
    expected_flags=(),
    notes=(
        "Tessel Resolve revenue: $161.0M in FY2024 (audited), $46.3M in 2025-Q1, $51.7M in "
        "2025-Q2 (recognized revenue). Paying customers per quarter: 1,080, 1,150, 1,240."
    ),
)

RESOLVE = "Tessel Resolve"


def tessel_fy2024() -> Doc:
    c, per = TESSEL, "FY2024"
    blocks = [
        *cover_10k(c, 2024, "Delaware"),
        h1("PART I"),
        h2("Item 1. Business"),
        p(
            "Tessel Labs, Inc. makes software for customer support teams.",
            "Tessel Resolve, our AI support agent, answers and closes support tickets on "
            "behalf of our customers and hands harder cases to their human agents.",
            Non("Tessel was founded in 2014 and went public in 2021.", "year_only"),
            Non("As of December 31, 2024, we had 1,320 full-time employees.", "headcount"),
        ),
        PAGEBREAK,
        h1("PART II"),
        h2(f"Item 7. {MDA}"),
        p(
            claim(
                "Revenue from Tessel Resolve was $161.0 million in fiscal 2024, compared with "
                "$97.4 million in fiscal 2023, as recognized in our audited consolidated "
                "financial statements.",
                fig("$161.0 million", 161.0e6, "usd", "outcome", "customers", "annual"),
                fig("$97.4 million", 97.4e6, "usd", "outcome", "customers", "annual"),
                subject=RESOLVE,
            ),
            claim(
                "During the fourth quarter of 2024, 1,080 customers paid for Tessel Resolve.",
                fig("1,080", 1080.0, "customers", "user_count", "customers", "quarterly"),
                subject=RESOLVE,
            ),
            claim(
                "In fiscal 2024, Tessel Resolve resolved 36% of the 4.8 million support tickets "
                "it received from our customers' end users without handing them to a human "
                "agent.",
                fig("36%", 0.36, "share", "share_of_work", "customers", "annual"),
                subject=RESOLVE,
            ),
        ),
        p(
            "A ticket counts as resolved when the end user confirms the answer or does not "
            "reopen the ticket within seven days.",
        ),
        table(
            ("In millions", "Fiscal 2024", "Fiscal 2023"),
            ("Tessel Resolve revenue", "$161.0", "$97.4"),
            ("Total revenue", "$604.2", "$512.8"),
        ),
        p(
            Non(
                "Total revenue was $604.2 million, an increase of 18% from fiscal 2023.",
                "revenue_growth",
            ),
            Non(
                "Capital expenditures were $24.5 million, mainly servers for AI model evaluation.",
                "capex",
            ),
        ),
        PAGEBREAK,
        h2("Item 8. Financial Statements and Supplementary Data"),
        p(
            "Our independent registered public accounting firm audited the consolidated "
            "financial statements, including the disaggregation of revenue by product in Note 3.",
            # the AI product's audited revenue restated: a claim; platform revenue is not one
            claim(
                "Note 3 shows Tessel Resolve subscription revenue of $161.0 million and platform "
                "revenue of $443.2 million for 2024.",
                fig("$161.0 million", 161.0e6, "usd", "outcome", "customers", "annual"),
                subject=RESOLVE,
            ),
        ),
    ]
    return Doc(c, "10-K", per, "pdf", f"{c.legal} Form 10-K (excerpt) for fiscal year 2024", blocks)


def tessel_2025q1() -> Doc:
    c, per = TESSEL, "2025-Q1"
    blocks = [
        *press_release_opening(
            c, per, "Customers are paying for AI that closes tickets, and that shows in our revenue"
        ),
        h2("First Quarter 2025 Highlights"),
        p(
            "Tessel Resolve, our AI support agent, answers support tickets for our customers.",
            claim(
                "Tessel Resolve revenue was $46.3 million, up 58% year over year.",
                fig("$46.3 million", 46.3e6, "usd", "outcome", "customers", "quarterly"),
                fig("58%", 0.58, "share", "outcome", "customers", "quarterly", measure="growth"),
                subject=RESOLVE,
            ),
            claim(
                "In the first quarter, 1,150 customers paid for Tessel Resolve.",
                fig("1,150", 1150.0, "customers", "user_count", "customers", "quarterly"),
                subject=RESOLVE,
            ),
            claim(
                "In March 2025, an average of 198,000 support agents at our customers used "
                "Tessel Resolve each day.",
                fig("198,000", 198000.0, "users", "user_count", "users", "daily"),
                subject=RESOLVE,
            ),
        ),
        table(
            ("In millions", "Q1 2025", "Q1 2024", "Change"),
            ("Total revenue", "$162.9", "$139.1", "17%"),
            ("Tessel Resolve revenue", "$46.3", "$29.3", "58%"),
        ),
        h2("Other Information"),
        p(
            Non("Total revenue was $162.9 million, up 17%.", "revenue_growth"),
            Non(
                "For the second quarter, we expect total revenue of $168 million to $171 million.",
                "revenue_guidance",
            ),
            Non("We had 1,345 employees at the end of the quarter.", "headcount"),
        ),
        forward_looking(c),
    ]
    return Doc(
        c, "press_release", per, "html", f"{c.name} Reports {quarter_title(per)} Results", blocks
    )


def tessel_2025q2() -> Doc:
    c, per = TESSEL, "2025-Q2"
    blocks = [
        *cover_10q(c, per, "Delaware"),
        h1("PART I. FINANCIAL INFORMATION"),
        h2(f"Item 2. {MDA}"),
        p(
            Non(
                "Total revenue for the three months ended June 30, 2025 was $170.4 million, up "
                "18% from the prior-year period.",
                "revenue_growth",
            ),
            "Tessel Resolve, our AI support agent, answers support tickets for our customers.",
            claim(
                "Revenue recognized from Tessel Resolve was $51.7 million for the three months "
                "ended June 30, 2025, compared with $33.0 million for the same period of 2024.",
                fig("$51.7 million", 51.7e6, "usd", "outcome", "customers", "quarterly"),
                fig("$33.0 million", 33.0e6, "usd", "outcome", "customers", "quarterly"),
                subject=RESOLVE,
            ),
        ),
        PAGEBREAK,
        h2("Key operating measures"),
        p(
            claim(
                "During the second quarter of 2025, 1,240 customers paid for Tessel Resolve.",
                fig("1,240", 1240.0, "customers", "user_count", "customers", "quarterly"),
                subject=RESOLVE,
            ),
            claim(
                "In the second quarter, Tessel Resolve resolved 41% of the 1.4 million support "
                "tickets it received from our customers' end users without a human agent.",
                fig("41%", 0.41, "share", "share_of_work", "customers", "quarterly"),
                subject=RESOLVE,
            ),
            claim(
                "In June 2025, an average of 212,000 support agents at our customers used "
                "Tessel Resolve each day.",
                fig("212,000", 212000.0, "users", "user_count", "users", "daily"),
                subject=RESOLVE,
            ),
        ),
        p(
            "We define a paying customer as an organization with an active paid Tessel Resolve "
            "subscription at any time in the quarter.",
        ),
        h2("Liquidity"),
        p(
            Non(
                "Cash and investments were $712 million as of June 30, 2025.",
                "non_ai_figure",
            ),
            Non("We had 1,372 employees as of June 30, 2025.", "headcount"),
        ),
    ]
    return Doc(
        c, "10-Q", per, "pdf", f"{c.legal} Form 10-Q (excerpt) for {quarter_title(per)}", blocks
    )


# ---------------------------------------------------------------------------- Halvard Bank

HALVARD = Company(
    name="Halvard Bank",
    legal="Halvard Bank Corp.",
    slug="halvard-bank",
    city="MARLOW HARBOR, Maine",
    ceo="Annika Solberg",
    cfo="Gideon Tate",
    ir="Nadia Petrakis",
    role=(
        "Regional bank with an earnings call where an analyst quotes a peer's figure (not a "
        "claim), a share-of-work claim ('AI now writes 30% of our new code'), a target ('we aim "
        "to reach 50% by next year'), a plan, customer-facing assistant usage and hours saved."
    ),
    expected_flags=(),
    notes=(
        "The target and plan are signals, not claims. The analyst's 60% figure must not be "
        "taken as Halvard's claim."
    ),
)

HELPER = "Halvard Helper"


def halvard_2025q1() -> Doc:
    c, per = HALVARD, "2025-Q1"
    blocks = [
        *press_release_opening(
            c, per, "Deposits grew and our digital channels did more of the work"
        ),
        h2("First Quarter 2025 Highlights"),
        p(
            Non("Net income was $212 million, or $1.38 per diluted share.", "non_ai_figure"),
            Non("Net interest income rose 4% to $618 million.", "revenue_growth"),
            Non("Total deposits were $38.4 billion at March 31, 2025.", "non_ai_figure"),
        ),
        h2("Digital Banking"),
        p(
            claim(
                "Halvard Helper, our AI virtual assistant, handled 11.2 million customer "
                "conversations in the first quarter.",
                fig("11.2 million", 11.2e6, "requests", "usage_activity", "customers", "quarterly"),
                subject=HELPER,
            ),
            # a daily count and an outcome: Halvard is the demo's company with no flags
            claim(
                "On an average day in the quarter, 310,000 customers used Halvard Helper.",
                fig("310,000", 3.1e5, "customers", "user_count", "customers", "daily"),
                subject=HELPER,
            ),
            claim(
                "Halvard Helper saved our contact-center staff about 240,000 hours in the quarter.",
                fig(
                    "about 240,000",
                    2.4e5,
                    "hours",
                    "outcome",
                    "employees",
                    "quarterly",
                    qualifier="approx",
                ),
                subject=HELPER,
            ),
            Non("Our mobile app has 5.6 million enrolled customers.", "non_ai_figure"),
        ),
        h2("Branches and People"),
        p(
            Non("Halvard operates 212 branches in six states.", "installed_base"),
            Non("We had 9,800 employees at quarter end.", "headcount"),
            Non(
                "Technology spending for the year is budgeted at $310 million, including AI "
                "and data platforms.",
                "capex",
            ),
        ),
        forward_looking(c),
    ]
    return Doc(
        c, "press_release", per, "txt", f"{c.name} Reports {quarter_title(per)} Results", blocks
    )


def halvard_2025q2() -> Doc:
    c, per = HALVARD, "2025-Q2"
    analyst = "Jordan Pike -- Analyst, Ambervale Securities"
    blocks = [
        *transcript_opening(c, per, "July 17, 2025", [analyst]),
        speaker(f"{c.ceo} -- Chief Executive Officer"),
        p(
            "Thank you, Nadia, and thanks to everyone for joining.",
            Non(
                "We earned $224 million in the quarter, and deposits grew 2% from March.",
                "non_ai_figure",
            ),
        ),
        p(
            "Let me turn to technology.",
            "Halvard Helper, our AI virtual assistant, now answers customers in our app.",
            claim(
                "Halvard Helper handled 12.9 million customer conversations in the second "
                "quarter, up 15% from the first quarter.",
                fig("12.9 million", 12.9e6, "requests", "usage_activity", "customers", "quarterly"),
                fig(
                    "15%",
                    0.15,
                    "share",
                    "usage_activity",
                    "customers",
                    "quarterly",
                    measure="growth",
                ),
                subject=HELPER,
            ),
            claim(
                "It saved our contact-center staff about 260,000 hours in the quarter.",
                fig(
                    "about 260,000",
                    2.6e5,
                    "hours",
                    "outcome",
                    "employees",
                    "quarterly",
                    qualifier="approx",
                ),
                subject=HELPER,
            ),
        ),
        PAGEBREAK,
        p(
            "Inside the bank, our engineers have changed how they write software.",
            claim(
                "AI now writes 30% of our new code.",
                fig("30%", 0.3, "share", "share_of_work", "code", "none"),
            ),
            Sig(
                "We aim to reach 50% by next year.",
                "target",
                value=0.5,
                population="code",
            ),
            Sig(
                "We also plan to offer Halvard Helper to our small-business customers in the first "
                "half of 2026.",
                "plan",
                population="customers",
                subject=HELPER,
            ),
        ),
        speaker(f"{c.cfo} -- Chief Financial Officer"),
        p(
            "Thanks, Annika.",
            Non("Net interest income was $631 million, up 5% year over year.", "revenue_growth"),
            Non(
                "We now expect full-year noninterest expense of $1.71 billion to $1.73 billion.",
                "revenue_guidance",
            ),
            Non("We ended the quarter with 212 branches and 9,750 employees.", "installed_base"),
        ),
        h2("Questions and Answers"),
        speaker("Operator"),
        p("Our first question is from Jordan Pike of Ambervale Securities."),
        speaker(analyst),
        p(
            Non(
                "One of your larger peers said last month that 60% of its new code is now "
                "written by AI.",
                "analyst_question",
            ),
            "How far behind are you, and what holds you back?",
        ),
        speaker(f"{c.ceo} -- Chief Executive Officer"),
        p(
            "We measure code that AI wrote and an engineer accepted, not suggestions shown.",
            "On that stricter basis we are comfortable with where we are.",
        ),
        speaker("Operator"),
        p("That was our last question. Thank you for attending today's call."),
    ]
    return Doc(
        c,
        "call_transcript",
        per,
        "pdf",
        f"{c.name} {quarter_title(per)} Earnings Conference Call",
        blocks,
    )


# ---------------------------------------------------------------------------- all documents

ALL_COMPANIES = (QUILLON, BRIGHTMERE, ORVANE, TESSEL, HALVARD)


def build_documents() -> list[Doc]:
    """Every demo document, in a fixed order."""
    return [
        quillon_2024q1(),
        quillon_2024q2(),
        quillon_2024q3(),
        quillon_2024q4(),
        quillon_2025q1(),
        quillon_2025q2(),
        brightmere_2024q1(),
        brightmere_2024q2(),
        brightmere_2024q3(),
        brightmere_2024q4(),
        brightmere_2025q1(),
        brightmere_2025q2(),
        orvane_2024q3(),
        orvane_2024q4(),
        orvane_2025q1(),
        orvane_2025q2(),
        tessel_fy2024(),
        tessel_2025q1(),
        tessel_2025q2(),
        halvard_2025q1(),
        halvard_2025q2(),
    ]


# ---------------------------------------------------------------------------- manifest


def manifest(docs: Sequence[Doc], entries: Sequence[dict[str, Any]]) -> dict[str, Any]:
    companies = []
    for company in ALL_COMPANIES:
        files = [d.filename for d in docs if d.company is company]
        companies.append(
            {
                "name": company.name,
                "legal_name": company.legal,
                "slug": company.slug,
                "role": company.role,
                "expected_flags": list(company.expected_flags),
                "notes": company.notes,
                "files": files,
            }
        )
    return {
        "description": (
            "Demo earnings materials of fictional companies for the AI Adoption Claims Analyzer. "
            "All companies, people, products and figures are invented. Generated by "
            "data/make_demo.py; do not edit by hand."
        ),
        "fictional": True,
        "generator": "data/make_demo.py",
        "vocabulary_note": (
            "figures[].value is normalized (shares as fractions, counts absolute, multiples as the "
            "factor, money in USD); unit, metric_kind, population, period, qualifier, measure use "
            "the vocabularies of analyzer/records.py. Signals use SignalKind. flags_exercised and "
            "expected_flags use the flag names listed in data/README.md."
        ),
        "companies": companies,
        "files": list(entries),
    }


def generate(out: Path) -> list[Path]:
    """Write every demo document and MANIFEST.json into ``out``; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    docs = build_documents()
    names = [d.filename for d in docs]
    if len(set(names)) != len(names):
        raise SystemExit("duplicate demo file names")
    written: list[Path] = []
    entries = []
    for doc in docs:
        data = render(doc)
        path = out / doc.filename
        path.write_bytes(data)
        written.append(path)
        entries.append(describe(doc, data))
    man = out / "MANIFEST.json"
    man.write_text(json.dumps(manifest(docs, entries), indent=2, ensure_ascii=False) + "\n")
    written.append(man)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    written = generate(args.out)
    print(f"wrote {len(written)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
