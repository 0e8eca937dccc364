"""Exports: charts as PNG (2x), SVG, PDF and self-contained HTML; tables as CSV, XLSX and JSON;
a methodology note; and everything together as one zip.

Charts are rendered offline by vl-convert from their Vega-Lite spec, so an export looks like the
chart in the app. Table text comes from documents and is untrusted: in CSV and XLSX, a text cell
that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
return) is prefixed with a single quote. Failures raise :class:`~analyzer.errors.ExportError`;
an unknown format raises :class:`~analyzer.errors.ExportFormatError`.
"""

from __future__ import annotations

import io
import json
import math
import re
import unicodedata
import zipfile
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

import pandas as pd

from analyzer.errors import ExportError, ExportFormatError

CHART_FORMATS: tuple[str, ...] = ("png", "svg", "pdf", "html")
DATA_FORMATS: tuple[str, ...] = ("csv", "xlsx", "json")
PNG_SCALE = 2.0
"""PNG exports are drawn at twice the chart's size, for sharp images in articles."""

MEDIA_TYPES: dict[str, str] = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "md": "text/markdown",
    "zip": "application/zip",
}

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_EXCEL_CELL_LIMIT = 32_767
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _format(fmt: str, allowed: tuple[str, ...], what: str) -> str:
    name = str(fmt).lower().lstrip(".")
    if name not in allowed:
        raise ExportFormatError(
            f"cannot export {what} as {fmt!r}; choose one of {', '.join(allowed)}"
        )
    return name


# ---------------------------------------------------------------------------- charts


def chart_spec(chart: Any) -> dict[str, Any]:
    """The Vega-Lite spec of an Altair chart (or a spec dict, returned as is)."""
    if isinstance(chart, Mapping):
        _check_inline_data(chart)
        return dict(chart)
    to_dict = getattr(chart, "to_dict", None)
    if to_dict is None:
        raise ExportError(
            f"expected an Altair chart or a Vega-Lite dict, got {type(chart).__name__}"
        )
    try:
        spec = to_dict()
    except Exception as exc:
        raise ExportError(
            f"the chart cannot be turned into a Vega-Lite spec ({type(exc).__name__}: {exc})"
        ) from exc
    spec = dict(spec)
    _check_inline_data(spec)
    return spec


def _check_inline_data(node: Any) -> None:
    """Exports are self-contained: refuse specs that load data from a URL or file."""
    if isinstance(node, Mapping):
        data = node.get("data")
        if isinstance(data, Mapping) and "url" in data:
            raise ExportError(
                f"the chart loads its data from {str(data['url'])[:80]!r}; exports need the data "
                "inline (build the chart from a DataFrame)"
            )
        for value in node.values():
            _check_inline_data(value)
    elif isinstance(node, list):
        for value in node:
            _check_inline_data(value)


def _js_error(exc: Exception) -> str:
    """The first lines of a vl-convert error, without the JavaScript stack trace."""
    lines = [ln.strip() for ln in str(exc).splitlines()]
    kept = [ln for ln in lines if ln and not ln.startswith("at ")]
    return " ".join(kept[:2])[:300] or type(exc).__name__


def chart_bytes(chart: Any, fmt: str) -> bytes:
    """``chart`` rendered as ``fmt``: ``png`` (scale 2), ``svg``, ``pdf`` or ``html``.

    HTML bundles the Vega libraries, so the file opens offline.
    """
    name = _format(fmt, CHART_FORMATS, "a chart")
    spec = chart_spec(chart)
    import vl_convert as vlc

    try:
        if name == "png":
            return bytes(vlc.vegalite_to_png(spec, scale=PNG_SCALE))
        if name == "svg":
            return str(vlc.vegalite_to_svg(spec)).encode("utf-8")
        if name == "pdf":
            return bytes(vlc.vegalite_to_pdf(spec))
        return str(vlc.vegalite_to_html(spec, bundle=True)).encode("utf-8")
    except Exception as exc:
        raise ExportError(
            f"rendering the chart as {name.upper()} failed ({_js_error(exc)}); "
            "check the chart's spec and data"
        ) from exc


# ---------------------------------------------------------------------------- tables


def neutralize_formula(value: Any) -> Any:
    """``value`` with a leading quote when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _plain_cell(value: Any) -> Any:
    """Nested values (lists, dicts, e.g. flag evidence) become JSON text for flat formats."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def _flat_safe(df: pd.DataFrame, *, xlsx: bool) -> pd.DataFrame:
    out = df.copy()
    out.columns = [str(neutralize_formula(str(c))) for c in out.columns]
    for column in out.columns:
        series = out[column]
        if isinstance(series.dtype, pd.DatetimeTZDtype) and xlsx:
            out[column] = series.dt.tz_convert("UTC").dt.tz_localize(None)
            continue
        if series.dtype == object or isinstance(series.dtype, pd.StringDtype):

            def clean(v: Any) -> Any:
                v = _plain_cell(v)
                if isinstance(v, str):
                    if xlsx:
                        v = _ILLEGAL_XLSX.sub("", v)[:_EXCEL_CELL_LIMIT]
                    v = neutralize_formula(v)
                return v

            out[column] = series.astype(object).map(clean, na_action="ignore")
    return out


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date, pd.Timestamp)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def _json_value(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    return value


def data_bytes(df: pd.DataFrame, fmt: str, *, sheet_name: str = "data") -> bytes:
    """``df`` as ``csv`` (UTF-8), ``xlsx`` (one sheet) or ``json`` (a list of row objects).

    CSV and XLSX guard against formula injection (see the module docstring) and write nested
    values as JSON text; JSON keeps values as they are, with missing values as ``null``.
    """
    name = _format(fmt, DATA_FORMATS, "a table")
    if not isinstance(df, pd.DataFrame):
        raise ExportError(f"expected a pandas DataFrame, got {type(df).__name__}")
    try:
        if name == "csv":
            return _flat_safe(df, xlsx=False).to_csv(index=False).encode("utf-8")
        if name == "xlsx":
            buffer = io.BytesIO()
            safe = _flat_safe(df, xlsx=True)
            sheet = re.sub(r"[\[\]:*?/\\]", "_", sheet_name)[:31] or "data"
            with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
                safe.to_excel(writer, index=False, sheet_name=sheet)
            return buffer.getvalue()
        rows = [
            {str(k): _json_value(v) for k, v in row.items()}
            for row in df.astype(object).to_dict(orient="records")
        ]
        return json.dumps(rows, ensure_ascii=False, default=_json_default, indent=1).encode("utf-8")
    except ExportError:
        raise
    except Exception as exc:
        raise ExportError(
            f"writing the table as {name.upper()} failed ({type(exc).__name__}: {exc})"
        ) from exc


# ---------------------------------------------------------------------------- note and bundle

METHOD_TEXT = (
    "Reported AI-adoption figures are taken from company documents, each with its sentence, "
    "document and page. An inflation rate is the assumed share of reported usage that is "
    "performative (mandated use, leaderboard pumping, automated activity). For a level, "
    "genuine = reported x (1 - inflation); for a growth factor from period s to e, "
    "genuine = reported x (1 - i_e) / (1 - i_s). The interval comes from the range assumed for "
    'the inflation rate. Figures stated as lower bounds ("over 80%") stay lower bounds. '
    "Yellow flags are rules applied to the claims and to mandate, target, leaderboard and plan "
    "statements; each cites its evidence."
)


def _note_lines(value: Any, indent: int = 0) -> list[str]:
    pad = "  " * indent
    lines: list[str] = []
    if isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(item, (Mapping, list, tuple)) and item:
                lines.append(f"{pad}- **{key}**:")
                lines.extend(_note_lines(item, indent + 1))
            else:
                lines.append(f"{pad}- **{key}**: {_note_scalar(item)}")
    elif isinstance(value, (list, tuple)):
        for item in value:
            if isinstance(item, (Mapping, list, tuple)):
                lines.append(f"{pad}-")
                lines.extend(_note_lines(item, indent + 1))
            else:
                lines.append(f"{pad}- {_note_scalar(item)}")
    else:
        lines.append(f"{pad}- {_note_scalar(value)}")
    return lines


def _note_scalar(value: Any) -> str:
    if value is None or value == {} or value == [] or value == ():
        return "none"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def methodology_note(
    assumptions_summary: Mapping[str, Any] | None,
    generated_at: datetime | date | str | None = None,
    *,
    title: str = "Methodology",
    sources: list[str] | None = None,
) -> str:
    """A Markdown note: how genuine adoption is estimated, the assumptions used, and the date.

    ``assumptions_summary`` is any nested mapping (e.g. the assumptions as a dict); it is listed
    as given. ``generated_at`` defaults to now (UTC).
    """
    when = generated_at or datetime.now(UTC)
    stamp = (
        when.isoformat(timespec="seconds")
        if isinstance(when, datetime)
        else when.isoformat()
        if isinstance(when, date)
        else str(when)
    )
    parts = [
        f"# {title}",
        "",
        f"Generated: {stamp}",
        "",
        "## Method",
        "",
        METHOD_TEXT,
        "",
        "## Assumptions used",
        "",
        *(_note_lines(dict(assumptions_summary)) if assumptions_summary else ["- defaults"]),
    ]
    if sources:
        parts += ["", "## Sources", "", *(f"- {s}" for s in sources)]
    return "\n".join(parts) + "\n"


def slug(name: str, default: str = "item") -> str:
    """``name`` as a lower-case ASCII file name: ``"Q3 / Overview"`` -> ``q3-overview``."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    return text[:80].strip("-") or default


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate = f"{name}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def export_bundle(
    charts: Mapping[str, Any],
    tables: Mapping[str, pd.DataFrame],
    note: str,
    *,
    note_name: str = "methodology.md",
) -> bytes:
    """A zip of every chart in all four formats (``charts/<slug>.<fmt>``), every table in all
    three data formats (``data/<slug>.<fmt>``) and the note (``methodology.md``).

    Names are slugged and made unique. A chart or table that fails stops the bundle with an
    :class:`~analyzer.errors.ExportError` naming it, rather than a zip with a file missing.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(note_name, note.encode("utf-8"))
        taken: set[str] = set()
        for name, chart in charts.items():
            base = _unique(slug(name, "chart"), taken)
            spec = chart_spec(chart)
            for fmt in CHART_FORMATS:
                try:
                    payload = chart_bytes(spec, fmt)
                except ExportError as exc:
                    raise ExportError(f"chart {name!r}: {exc.reason}") from exc
                archive.writestr(f"charts/{base}.{fmt}", payload)
        taken = set()
        for name, table in tables.items():
            base = _unique(slug(name, "table"), taken)
            for fmt in DATA_FORMATS:
                try:
                    payload = data_bytes(table, fmt, sheet_name=base)
                except ExportError as exc:
                    raise ExportError(f"table {name!r}: {exc.reason}") from exc
                archive.writestr(f"data/{base}.{fmt}", payload)
    return buffer.getvalue()
