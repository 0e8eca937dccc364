"""Clean-up, sentence splitting and speaker detection."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.text import (
    clean_text,
    find_speakers,
    introduced_analysts,
    is_table_row,
    split_sentences,
    strip_running_lines,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("line one\r\nline two", "line one\nline two"),
        ("year-over\ufffeyear growth", "year-over-year growth"),
        ("non\u2011breaking hyphen", "non-breaking hyphen"),
        ("the e\ufb03cient o\ufb00ice \ufb01le \ufb02ow", "the efficient office file flow"),
        ("continued our efforts. 76", "continued our efforts."),
        ("a sentence ends here.12 Next one", "a sentence ends here. Next one"),
        ("too    many   spaces", "too many spaces"),
        ("a hyphen at a line-\nbreak", "a hyphen at a line-break"),
        ("text\n\n\n\nmore", "text\n\nmore"),
        ("risks: • one thing • another", "risks:\n\none thing\n\nanother"),
        ("page body\n12\nnext page", "page body\nnext page"),
        # a figure after an abbreviation is no footnote marker
        ("it wrote c.41 per cent of code", "it wrote c.41 per cent of code"),
        ("it saved approx.12 hours a week", "it saved approx.12 hours a week"),
    ],
)
def test_clean_text(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_text_keeps_decimals_and_figures() -> None:
    text = "Revenue was $3.2 billion, up 5.5% and 100 users."
    assert clean_text(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Operations in the U.S. grew. Examplecorp Inc. said so.",
            ["Operations in the U.S. grew.", "Examplecorp Inc. said so."],
        ),
        (
            "Costs fell approx. 3.2 percent. Then they rose.",
            ["Costs fell approx. 3.2 percent.", "Then they rose."],
        ),
        (
            "Tools help (e.g. Helper trains 40% faster) every team. Next.",
            ["Tools help (e.g. Helper trains 40% faster) every team.", "Next."],
        ),
        ("J. R. Smith joined. He leads AI.", ["J. R. Smith joined.", "He leads AI."]),
        ("Is it working? Yes! It is.", ["Is it working?", "Yes!", "It is."]),
        ('He said "usage doubled." Then left.', ['He said "usage doubled."', "Then left."]),
        ("Heading without stop\n\nBody text here.", ["Heading without stop", "Body text here."]),
        ("It grew 3.5x in Q3. More later.", ["It grew 3.5x in Q3.", "More later."]),
        # a footnote marker after the stop stays with its sentence
        ("It ran all year.[^1] Our leads agree.", ["It ran all year.[^1]", "Our leads agree."]),
        ("It ran all year.¹ The assistant now", ["It ran all year.¹", "The assistant now"]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_split_offsets_point_into_text() -> None:
    text = "First   sentence\nwraps here. Second one."
    spans = split_sentences(text)
    assert [text[s.start : s.end] for s in spans] == [
        "First   sentence\nwraps here.",
        "Second one.",
    ]
    assert spans[0].text == "First sentence wraps here."


@given(st.text(max_size=400))
def test_split_never_raises_and_offsets_in_range(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= last
        last = s.end
        assert s.text == " ".join(text[s.start : s.end].split())


@given(st.text(max_size=400))
def test_clean_never_raises(text: str) -> None:
    assert isinstance(clean_text(text), str)


def test_find_speakers_caps_and_analyst() -> None:
    text = (
        "JANE DOE: Welcome.\nWe grew.\nOperator: Next question.\n"
        "SAM ROE, Big Bank Securities: Thanks. What about AI?\nJANE DOE: Sure."
    )
    turns = find_speakers(text)
    assert [(t.name, t.is_analyst, t.is_operator) for t in turns] == [
        ("Jane Doe", False, False),
        ("Operator", False, True),
        ("Sam Roe", True, False),
        ("Jane Doe", False, False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # accented Latin names are names
        ("Inês Ribeiro -- Analyst, Tagus Bank\nHow many?", [("Inês Ribeiro", True)]),
        ("JOSÉ NÚÑEZ, Meridian Capital: How many?", [("José Núñez", True)]),
        ("Zoë Brandt: We grew.", [("Zoë Brandt", False)]),
    ],
)
def test_find_speakers_accented_names(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(t.name, t.is_analyst) for t in find_speakers(text)] == expected


def test_accented_analyst_introduced_by_operator() -> None:
    assert introduced_analysts("Our next question comes from Inês Ribeiro with Tagus Bank.") == {
        "Inês Ribeiro"
    }


def test_find_speakers_dash_titles() -> None:
    text = (
        "Jane Doe -- Chief Executive Officer\nWe grew.\n"
        "Sam Roe -- Analyst, Big Bank\nWhat about margins?"
    )
    turns = find_speakers(text)
    assert [(t.name, t.is_analyst) for t in turns] == [("Jane Doe", False), ("Sam Roe", True)]


@pytest.mark.corpus
def test_real_transcript_speakers(shared_dir: Path) -> None:
    from analyzer.documents import read_document

    doc = read_document(shared_dir / "corpus/pdfs/microsoft_earnings-call-transcript_FY23Q2.pdf")
    names: dict[str, bool] = {}
    for page in doc.pages:
        for t in find_speakers(page.text):
            names[t.name] = names.get(t.name, False) or t.is_analyst
    assert names.get("Satya Nadella") is False
    assert names.get("Amy Hood") is False
    assert names.get("Keith Weiss") is True  # "KEITH WEISS, Morgan Stanley:"


def test_bare_names_and_introductions() -> None:
    from analyzer.text import bare_name_lines

    text = "Jane Doe\nHello.\nOperator\nOur next question comes from Sam Roe with Big Bank.\n"
    assert bare_name_lines(text) == ["Jane Doe"]  # "Operator" has its own header rule
    assert introduced_analysts(text) == {"Sam Roe"}
    turns = find_speakers(text, frozenset({"Jane Doe"}))
    assert [(t.name, t.is_operator) for t in turns] == [("Jane Doe", False), ("Operator", True)]


def test_table_rows_end_at_their_line_break() -> None:
    text = (
        "In millions Q2 2025 Q2 2024\nAI revenue $410 $312\nTotal revenue $2,140 $1,990\n"
        "Total revenue grew 8% to $2,140\nmillion in the quarter."
    )
    got = [s.text for s in split_sentences(text)]
    assert got[-1] == "Total revenue grew 8% to $2,140 million in the quarter."
    assert "AI revenue $410 $312" in got and "Total revenue $2,140 $1,990" in got
    assert is_table_row("AI revenue $410 $312") and is_table_row("Tokens (trillions) 12")
    assert not is_table_row("Our AI assistant has 2 million users.")
    assert not is_table_row("Copilot users up 50%")


def test_strip_running_lines() -> None:
    pages = [
        "Acme Corp - Q3 2024 update\nFirst page text.\n- 1 -",
        "Acme Corp - Q3 2024 update\nSecond page text.\n- 2 -",
        "Acme Corp - Q3 2024 update\nThird page text.\n- 3 -",
    ]
    want = ["First page text.", "Second page text.", "Third page text."]
    assert strip_running_lines(pages) == want
    # a line repeated only on one page, or a single page, stays
    assert strip_running_lines(pages[:1]) == pages[:1]
    two = ["Summary\nA.", "Details\nB."]
    assert strip_running_lines(two) == two


def test_text_table_rows_ending_in_signed_changes_split() -> None:
    from analyzer.text import split_sentences

    text = (
        "Selected metrics   Q4 2025   Q4 2024   Change\n"
        "Net premium ($ millions)   2,104   1,948   +8%\n"
        "Combined ratio   92.8%   94.9%   -2.1 pts\n"
        "Calls answered by Harbor (thousands)   362   151   2.4x\n"
        "Headcount   5,900   6,150   -4%\n"
    )
    from analyzer.text import clean_text

    rows = [s.text for s in split_sentences(clean_text(text))]
    assert "Calls answered by Harbor (thousands) 362 151 2.4x" in rows
    assert "Combined ratio 92.8% 94.9% -2.1 pts" in rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Name (Company): text", the firm in brackets
        ("Participants:\nAva Lund (Kestrel Air): Chief Executive Officer\n\nOperator: Welcome.\n\n"
         "Ava Lund (Kestrel Air): Thanks. We carried 2 million people.\n\n"
         "Ola Berg (Fjord Securities): Can you say more?\n",
         [("Ava Lund", "(Kestrel Air)"), ("Operator", None), ("Ava Lund", "(Kestrel Air)"),
          ("Ola Berg", "(Fjord Securities)")]),
        # "[Dr. Name - Title]" alone on a line
        ("[Operator]\nGood day.\n\n[Dr. Ines Varga - Chief Executive Officer]\nThank you.\n",
         [("Operator", None), ("Ines Varga", "Chief Executive Officer")]),
        # "Name, Title" alone on a line, and "Q - Name" / "A - Name"
        ("Ines Varga, Chief Executive Officer\nThanks, everyone.\n\nQ - Tom Reyes\nHow many?\n\n"
         "A - Ines Varga\nAbout half.\n",
         [("Ines Varga", "Chief Executive Officer"), ("Tom Reyes", None), ("Ines Varga", None)]),
    ],
)  # fmt: skip
def test_more_transcript_speaker_layouts(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(t.name, t.affiliation) for t in find_speakers(text)] == expected


def test_a_line_of_space_aligned_columns_is_an_item_of_its_own() -> None:
    raw = (
        "Slide 7: Digital metrics\n"
        "Metric                      Q4 FY2025      Q4 FY2024      Change\n"
        "Exams measured with Lumen   3.4 million    1.5 million    +127%\n"
        "Capital expenditures were $142 million for the year."
    )
    items = [s.text for s in split_sentences(clean_text(raw))]
    assert "Exams measured with Lumen 3.4 million 1.5 million +127%" in items
