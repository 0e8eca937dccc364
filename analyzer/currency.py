"""Money in other currencies, converted to US dollars.

Claims report money in USD. A figure written in another currency ("€64 million", "CHF 80
million", "A$118 million", "¥3.1bn") is converted at, in order of preference:

1. the rate the document itself states ("translated at the rate of €1.00 = $1.0850",
   "US$1 = ¥150", "CHF amounts translated at CHF 1 = US$1.13"): ``fx_source`` "document";
2. the reference rate below for the year of the document's fiscal period (nearest year when the
   table has no row for it): ``fx_source`` "reference".

A bare "$" is US dollars unless the document says its amounts are in another dollar ("All
amounts are in Canadian dollars", "(in millions of Australian dollars)").

The reference rates are calendar-year averages: for 2020-2023 the Federal Reserve's G.5A annual
release, for 2024 and 2025 approximate figures still to be replaced by the published averages.
They are for figures a document gives without a rate; an analyst who needs exact translation
should use the document's own rate or their own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_FIRST_YEAR = 2020
# Calendar-year averages, 2020 to 2025. 2020-2023 are the Federal Reserve's G.5A annual release
# (February 2024), rounded; 2024 and 2025 are approximate and should be replaced by the published
# G.5A figures. US dollars per unit ...
_USD_PER_UNIT = {
    "EUR": (1.1410, 1.1830, 1.0534, 1.0817, 1.08, 1.13),
    "GBP": (1.2829, 1.3764, 1.2371, 1.2440, 1.28, 1.32),
    "AUD": (0.6899, 0.7515, 0.6951, 0.6644, 0.660, 0.645),
    "NZD": (0.6498, 0.7074, 0.6361, 0.6143, 0.607, 0.578),
}
# ... and units per US dollar, as G.5A quotes these
_UNITS_PER_USD = {
    "CHF": (0.9389, 0.9144, 0.9550, 0.8984, 0.880, 0.833),
    "CAD": (1.3422, 1.2533, 1.3014, 1.3494, 1.370, 1.395),
    "JPY": (106.78, 109.84, 131.46, 140.50, 151, 149),
    "INR": (74.143, 73.935, 78.579, 82.571, 83.7, 86.8),
    "CNY": (6.9042, 6.4508, 6.7290, 7.0809, 7.19, 7.20),
    "HKD": (7.7559, 7.7727, 7.8306, 7.8292, 7.80, 7.80),
    "SGD": (1.3800, 1.3438, 1.3787, 1.3428, 1.34, 1.31),
    "KRW": (1180.56, 1144.89, 1291.78, 1306.76, 1364, 1420),
    "SEK": (9.2167, 8.5812, 10.1177, 10.6089, 10.6, 9.84),
}
REFERENCE_USD_PER_UNIT: Mapping[str, Mapping[int, float]] = {
    **{c: {_FIRST_YEAR + i: r for i, r in enumerate(rs)} for c, rs in _USD_PER_UNIT.items()},
    **{c: {_FIRST_YEAR + i: 1 / r for i, r in enumerate(rs)} for c, rs in _UNITS_PER_USD.items()},
}
"""US dollars per unit, by calendar year: the fallback when a document states no rate."""

# How a currency is written before a figure, longest first ("US$" before "$")
_PREFIXES: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "A$": "AUD", "AU$": "AUD", "AUD": "AUD",
    "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "NZ$": "NZD", "NZD": "NZD", "HK$": "HKD",
    "HKD": "HKD", "S$": "SGD", "SGD": "SGD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
    "¥": "JPY", "JPY": "JPY", "₹": "INR", "INR": "INR", "Rs.": "INR", "Rs": "INR",
    "CHF": "CHF", "SFr.": "CHF", "RMB": "CNY", "CNY": "CNY", "₩": "KRW", "KRW": "KRW",
    "SEK": "SEK", "$": "$",
}  # fmt: skip
# How a currency is written after a figure ("340 million euros", "12 billion yen")
SUFFIXES: dict[str, str] = {
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "pounds": "GBP", "sterling": "GBP",
    "yen": "JPY", "swiss francs": "CHF", "francs": "CHF", "rupees": "INR", "yuan": "CNY",
    "renminbi": "CNY", "won": "KRW", "kronor": "SEK", "canadian dollars": "CAD",
    "australian dollars": "AUD", "us dollars": "USD", "u.s. dollars": "USD", "dollars": "$",
}  # fmt: skip


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_LETTERS = _alternation([p for p in _PREFIXES if p[0].isalpha()])
_SIGNS = _alternation([p for p in _PREFIXES if not p[0].isalpha()])
PREFIX_PATTERN = rf"(?:(?<![A-Za-z])(?:{_LETTERS})[ ]?|(?:{_SIGNS}))"
"""A regex for a currency written before a figure ("US$", "CHF ", "€"), spaces included."""
SUFFIX_PATTERN = rf"(?:{_alternation(list(SUFFIXES))})\b"
"""A regex for a currency named after a figure ("euros", "Swiss francs")."""


def currency_code(written: str) -> str | None:
    """The ISO code for a currency as written ("A$" -> "AUD", "euros" -> "EUR"); "$" stays."""
    key = written.strip()
    if key in _PREFIXES:
        return _PREFIXES[key]
    return SUFFIXES.get(key.lower())


_DOLLAR_NAMES = {
    "canadian": "CAD", "australian": "AUD", "new zealand": "NZD", "hong kong": "HKD",
    "singapore": "SGD", "u.s.": "USD", "us": "USD", "united states": "USD",
}  # fmt: skip
_REPORTING = re.compile(
    r"\b(?:amounts?|figures?|dollar amounts?|all amounts|expressed|presented|stated|reported|"
    r"denominated|in (?:millions|thousands|billions) of)\b[^.]{0,40}?\b"
    r"(?P<which>canadian|australian|new zealand|hong kong|singapore|u\.s\.|us|united states)"
    r"[ ]dollars\b",
    re.IGNORECASE,
)

_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _side(tag: str) -> str:
    """One side of a stated rate: "€1.00", "US$ 1.0850", "CHF 1", "1.08 USD"."""
    return (
        rf"(?P<{tag}c>{PREFIX_PATTERN})(?P<{tag}n>{_AMOUNT})"
        rf"|(?P<{tag}n2>{_AMOUNT})[ ]?(?P<{tag}c2>[A-Z]{{3}})\b"
    )


_RATE = re.compile(rf"(?:{_side('a')})[ ]?(?:=|to|:|equals|per)[ ]?(?:{_side('b')})")


_RATE_CUES = ("=", "ranslat", "onvenien", "rate of ", "xchange rate")


def _near(text: str, cues: tuple[str, ...], width: int) -> list[str]:
    """The stretches of ``text`` within ``width`` characters of any cue, in order (fast: the
    rate patterns are slow to run over a whole 10-K)."""
    starts: set[int] = set()
    for cue in cues:
        at = text.find(cue)
        while at >= 0:
            starts.add(at // width)
            at = text.find(cue, at + 1)
    return [text[max(0, b * width - width) : b * width + 2 * width] for b in sorted(starts)]


@dataclass(frozen=True)
class Rates:
    """What a document says about its currencies: stated rates and what a bare "$" means."""

    stated: Mapping[str, float]  # USD per unit, as the document states
    dollar: str = "USD"  # what a bare "$" means in this document


def _code(written: str | None) -> str | None:
    if not written:
        return None
    code = currency_code(written)  # "€", "US$", "CHF"; else an ISO code the table knows
    if code is None and written.strip().upper() in REFERENCE_USD_PER_UNIT:
        code = written.strip().upper()
    return code


def document_rates(text: str) -> Rates:
    """The exchange rates ``text`` states, and the currency its bare "$" amounts are in."""
    dollar = "USD"
    for span in _near(text, (" dollars",), 150):
        reporting = _REPORTING.search(span)
        if reporting:
            dollar = _DOLLAR_NAMES[reporting.group("which").lower()]
            break
    stated: dict[str, float] = {}
    # a stated rate sits next to "=", "translat..." or "convenien...": scan only there
    for m in (m for span in _near(text, _RATE_CUES, 200) for m in _RATE.finditer(span)):
        g = m.groupdict()
        a_code, a_n = _code(g["ac"] or g["ac2"]), g["an"] or g["an2"]
        b_code, b_n = _code(g["bc"] or g["bc2"]), g["bn"] or g["bn2"]
        if not (a_code and b_code and a_n and b_n) or a_code == b_code:
            continue
        if a_code == "$":
            a_code = dollar if b_code == "USD" and dollar != "USD" else "USD"
        if b_code == "$":
            b_code = "USD"
        a, b = float(a_n.replace(",", "")), float(b_n.replace(",", ""))
        if a <= 0 or b <= 0:
            continue
        if b_code == "USD" and a_code != "USD":
            stated.setdefault(a_code, b / a)
        elif a_code == "USD" and b_code != "USD":
            stated.setdefault(b_code, a / b)
    return Rates(stated=stated, dollar=dollar)


def _year(fiscal_period: str | None, period_end: str | None) -> int | None:
    for text in (period_end, fiscal_period):
        if text and (m := re.search(r"(?:19|20)\d\d", text)):
            return int(m.group(0))
    return None


@dataclass(frozen=True)
class Conversion:
    """How a money figure was turned into USD."""

    currency: str  # ISO code of the figure as written
    usd_per_unit: float | None  # None when no rate is known
    source: str  # "document", "reference", "none" (already USD) or "unknown"


def conversion(
    written: str | None,
    rates: Rates,
    fiscal_period: str | None = None,
    period_end: str | None = None,
) -> Conversion:
    """How to turn money written in ``written`` (an ISO code or "$") into USD."""
    code = rates.dollar if written in (None, "$") else written
    assert code is not None
    if code == "USD":
        return Conversion("USD", 1.0, "none")
    if code in rates.stated:
        return Conversion(code, rates.stated[code], "document")
    table = REFERENCE_USD_PER_UNIT.get(code)
    if not table:
        return Conversion(code, None, "unknown")
    year = _year(fiscal_period, period_end) or max(table)
    nearest = min(table, key=lambda y: abs(y - year))
    return Conversion(code, table[nearest], "reference")
