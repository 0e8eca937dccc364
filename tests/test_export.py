"""Exports: real rendered files checked by their format, tables round-tripped, the zip listed."""

from __future__ import annotations

import csv
import io
import json
import re
import struct
import zipfile
from datetime import UTC, datetime
from xml.etree import ElementTree

import altair as alt
import openpyxl
import pandas as pd
import pytest
from chart_frames import companies_frame, company_row, flag_rows, flags_df

from analyzer import charts, export
from analyzer.errors import AnalyzerError, ExportError, ExportFormatError

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def overview() -> alt.LayerChart:
    frame = companies_frame(
        [
            company_row("Amazon", 0.8, (0.3, 0.5, 0.7), flag_level="red"),
            company_row("Google", 0.6, (0.1, 0.2, 0.3), flag_level="yellow"),
        ]
    )
    return charts.overview_chart(frame, title="Overview", source="Source: test filings")


@pytest.fixture(scope="module")
def svg_text(overview: alt.LayerChart) -> str:
    return export.chart_bytes(overview, "svg").decode("utf-8")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_MAGIC
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def svg_size(text: str) -> tuple[float, float]:
    root = ElementTree.fromstring(text)
    return float(root.attrib["width"]), float(root.attrib["height"])


# ---------------------------------------------------------------------------- charts


def test_svg_is_xml_with_the_chart_text(svg_text: str) -> None:
    root = ElementTree.fromstring(svg_text)
    assert root.tag.endswith("svg")
    assert "Overview" in svg_text
    assert "Source: test filings" in svg_text  # the footer is rendered, not only in the spec
    assert "Amazon" in svg_text


def test_png_is_twice_the_rendered_size(overview: alt.LayerChart, svg_text: str) -> None:
    width, height = png_size(export.chart_bytes(overview, "png"))
    svg_w, svg_h = svg_size(svg_text)
    assert svg_w > charts.WIDTH  # axes, labels and padding around the plot
    assert width == pytest.approx(2 * svg_w, abs=2)
    assert height == pytest.approx(2 * svg_h, abs=2)


def test_pdf_and_self_contained_html(overview: alt.LayerChart) -> None:
    pdf = export.chart_bytes(overview, "pdf")
    assert pdf.startswith(b"%PDF")
    assert b"%%EOF" in pdf[-1024:]
    html = export.chart_bytes(overview, "HTML").decode("utf-8")
    assert "<html" in html.lower()
    assert "Overview" in html
    lowered = html.lower()
    scripts = re.findall(r"<script[^>]*>", lowered)
    assert scripts, "the Vega libraries are inlined in script tags"
    assert not [tag for tag in scripts if "src=" in tag], scripts
    assert not re.search(r"<link[^>]+href=[\"']https?:", lowered)
    assert "cdn.jsdelivr" not in lowered
    assert "vega" in lowered  # the library is inlined


def test_chart_bytes_accepts_a_spec_dict(overview: alt.LayerChart) -> None:
    assert export.chart_bytes(overview.to_dict(), "svg").startswith(b"<svg")


def test_unknown_format_and_bad_chart_raise_clear_errors(overview: alt.LayerChart) -> None:
    with pytest.raises(ExportFormatError, match="png, svg, pdf, html") as info:
        export.chart_bytes(overview, "gif")
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, AnalyzerError)
    with pytest.raises(ExportError, match="Altair chart"):
        export.chart_bytes(object(), "png")
    with pytest.raises(ExportError, match="rendering the chart as SVG failed") as info:
        export.chart_bytes({"mark": {"type": "nope"}, "data": {"values": []}}, "svg")
    assert "    at " not in str(info.value)  # no JavaScript stack trace for the user
    with pytest.raises(ExportError, match="inline"):
        export.chart_bytes({"mark": "point", "data": {"url": "file:///etc/passwd"}}, "png")
    with pytest.raises(ExportFormatError, match="csv, xlsx, json"):
        export.data_bytes(pd.DataFrame(), "parquet")


# ---------------------------------------------------------------------------- tables

HOSTILE = [
    '=HYPERLINK("http://evil","x")',
    "+1+2",
    "-2+3",
    "@SUM(A1)",
    "\tcmd",
    "plain text",
    "a = b",
]


def hostile_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sentence": pd.array(HOSTILE, dtype="string"),
            "value": [-1.5, 2.0, 3.0, 4.0, 5.0, 6.0, None],
            "page": pd.array([1, 2, None, 4, 5, 6, 7], dtype="Int64"),
        }
    )


def test_csv_neutralizes_formulas_but_not_numbers() -> None:
    text = export.data_bytes(hostile_frame(), "csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["sentence"] for r in rows] == [
        '\'=HYPERLINK("http://evil","x")',
        "'+1+2",
        "'-2+3",
        "'@SUM(A1)",
        "'\tcmd",
        "plain text",
        "a = b",
    ]
    assert rows[0]["value"] == "-1.5"  # numbers are numbers, not text to guard
    assert rows[2]["page"] == ""


def test_xlsx_opens_with_right_rows_and_no_formulas() -> None:
    data = export.data_bytes(hostile_frame(), "xlsx", sheet_name="claims/Q3")
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.active
    assert sheet.title == "claims_Q3"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("sentence", "value", "page")
    assert len(rows) == 1 + len(HOSTILE)
    assert rows[1] == ('\'=HYPERLINK("http://evil","x")', -1.5, 1)
    assert rows[6] == ("plain text", 6.0, 6)
    assert rows[7][1] is None
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", f"{cell.coordinate} became a formula"


def test_xlsx_drops_control_characters_and_flattens_nested_values() -> None:
    frame = flags_df(flag_rows("Amazon", ["high"]))
    frame.loc[0, "name"] = "bell\x07 inside"
    book = openpyxl.load_workbook(io.BytesIO(export.data_bytes(frame, "xlsx")))
    header, first = list(book.active.iter_rows(values_only=True))
    record = dict(zip(header, first, strict=True))
    assert record["name"] == "bell inside"
    assert record["message"].startswith("'=HYPERLINK")
    assert json.loads(record["evidence"]) == [
        {"document": "d.pdf", "page": 1, "sentence": "s", "note": ""}
    ]


def test_json_round_trips() -> None:
    frame = companies_frame([company_row("Amazon", 0.8, (0.3, 0.5, 0.7), headline_page=None)])
    rows = json.loads(export.data_bytes(frame, "json"))
    assert len(rows) == 1
    back = pd.DataFrame(rows).astype(dict(frame.dtypes.astype(str)))
    pd.testing.assert_frame_equal(back, frame)
    assert rows[0]["headline_page"] is None
    # JSON is not a spreadsheet: text is kept exactly
    flags = json.loads(export.data_bytes(flags_df(flag_rows("A", ["low"])), "json"))
    assert flags[0]["message"].startswith("=HYPERLINK")
    assert flags[0]["evidence"][0]["document"] == "d.pdf"


# ---------------------------------------------------------------------------- note and bundle


def test_methodology_note_lists_assumptions_and_date() -> None:
    note = export.methodology_note(
        {"preset": "sceptic", "inflation": {"usage_activity": 0.5, "outcome": 0.1}},
        datetime(2026, 11, 25, 9, 30, tzinfo=UTC),
    )
    assert note.startswith("# Methodology")
    assert "Generated: 2026-11-25T09:30:00+00:00" in note
    assert "- **preset**: sceptic" in note
    assert "  - **usage_activity**: 0.5" in note
    assert "genuine = reported x (1 - inflation)" in note


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Q3 / Overview", "q3-overview"), ("Société Générale", "societe-generale"), ("***", "x")],
)
def test_slug(name: str, expected: str) -> None:
    assert export.slug(name, "x") == expected


def test_bundle_holds_every_chart_format_table_format_and_note(overview: alt.LayerChart) -> None:
    flags = charts.flags_chart(flags_df(flag_rows("Amazon", ["high", "low"])))
    tables = {"Companies": pd.DataFrame({"company": ["A"]}), "Flags (all)": hostile_frame()}
    data = export.export_bundle(
        {"Overview": overview, "Flags": flags, "overview": overview}, tables, "# Note\n"
    )
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    expected = {"methodology.md"}
    for base in ("overview", "flags", "overview-2"):
        expected |= {f"charts/{base}.{fmt}" for fmt in ("png", "svg", "pdf", "html")}
    for base in ("companies", "flags-all"):
        expected |= {f"data/{base}.{fmt}" for fmt in ("csv", "xlsx", "json")}
    assert names == expected
    assert archive.read("methodology.md") == b"# Note\n"
    assert archive.read("charts/flags.png")[:8] == PNG_MAGIC
    assert "'@SUM(A1)" in archive.read("data/flags-all.csv").decode("utf-8")


def test_bundle_names_the_chart_that_failed() -> None:
    broken = {"mark": {"type": "nope"}, "data": {"values": []}}
    with pytest.raises(ExportError, match="chart 'Broken'"):
        export.export_bundle({"Broken": broken}, {}, "note")


def test_flat_formats_guard_headers_and_handle_missing_and_tz_dates() -> None:
    frame = pd.DataFrame(
        {
            "=cmd": pd.array(["a", None], dtype="string"),
            "flag": pd.array([True, None], dtype="boolean"),
            "when": pd.to_datetime(["2024-01-01", None]).tz_localize("UTC"),
        }
    )
    header = export.data_bytes(frame, "csv").decode("utf-8").splitlines()[0]
    assert header == "'=cmd,flag,when"
    book = openpyxl.load_workbook(io.BytesIO(export.data_bytes(frame, "xlsx")))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0] == ("'=cmd", "flag", "when")
    assert rows[1] == ("a", True, datetime(2024, 1, 1))  # Excel has no time zones: UTC, naive
    assert rows[2] == (None, None, None)
    back = json.loads(export.data_bytes(frame, "json"))
    assert back == [
        {"=cmd": "a", "flag": True, "when": "2024-01-01T00:00:00+00:00"},
        {"=cmd": None, "flag": None, "when": None},
    ]
