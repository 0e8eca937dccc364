"""Money in other currencies: stated rates, reference rates, and claims converted to USD."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.claims import extract
from analyzer.currency import REFERENCE_USD_PER_UNIT, Rates, conversion, document_rates
from analyzer.quantities import parse_quantities
from analyzer.records import Document, FxSource, Page, Unit, claims_frame


@pytest.mark.parametrize(
    ("text", "code", "usd_per_unit"),
    [
        (
            "Solely for convenience, euro amounts have been translated into U.S. dollars at the "
            "rate of €1.00 = $1.0850.",
            "EUR",
            1.085,
        ),
        ("translated at £1 = $1.27 for convenience", "GBP", 1.27),
        ("CHF amounts translated at CHF 1 = US$1.13.", "CHF", 1.13),
        ("yen figures use a convenience rate of ¥150 = US$1.", "JPY", 1 / 150),
        ("at the rate of US$1.00 = ¥149.5 on March 31", "JPY", 1 / 149.5),
        ("converted at 1 EUR = 1.08 USD", "EUR", 1.08),
        ("A$1 = US$0.65", "AUD", 0.65),
    ],
)
def test_document_rates_reads_a_stated_rate(text: str, code: str, usd_per_unit: float) -> None:
    assert document_rates(text).stated[code] == pytest.approx(usd_per_unit)


@pytest.mark.parametrize(
    "text",
    [
        "Revenue was $1.2 billion, up 12% to 1,200 customers.",
        "The ratio of 3:1 held; 20 to 30 agents ran at 5 = 5.",
        "Page 4 = page 4.",
    ],
)
def test_document_rates_reads_no_rate_where_none_is_stated(text: str) -> None:
    assert document_rates(text).stated == {}


@pytest.mark.parametrize(
    ("text", "dollar"),
    [
        ("All amounts are expressed in Canadian dollars unless otherwise noted.", "CAD"),
        ("(in millions of Australian dollars, except per-share data)", "AUD"),
        ("Revenue grew to $4 billion.", "USD"),
    ],
)
def test_document_rates_knows_what_a_bare_dollar_means(text: str, dollar: str) -> None:
    assert document_rates(text).dollar == dollar


def test_conversion_prefers_the_document_rate_then_the_reference_for_the_year() -> None:
    stated = conversion("EUR", Rates({"EUR": 1.1}), "FY2025")
    assert (stated.usd_per_unit, stated.source) == (1.1, "document")
    reference = conversion("EUR", Rates({}), "2023-Q2")
    assert (reference.usd_per_unit, reference.source) == (
        REFERENCE_USD_PER_UNIT["EUR"][2023],
        "reference",
    )
    # a year the table has no row for takes the nearest year it has
    assert (
        conversion("GBP", Rates({}), "FY2031").usd_per_unit
        == max(REFERENCE_USD_PER_UNIT["GBP"].items())[1]
    )
    assert conversion("$", Rates({}, dollar="CAD"), "FY2024").currency == "CAD"
    assert conversion("$", Rates({})).usd_per_unit == 1.0


@given(
    st.sampled_from(["€", "£", "CHF ", "A$", "C$"]),
    st.decimals(min_value="0.30", max_value="2.50", places=4),
)
def test_a_stated_rate_is_read_back_exactly(sign: str, rate: object) -> None:
    rates = document_rates(f"Amounts are translated at {sign}1.00 = US${rate} for convenience.")
    assert len(rates.stated) == 1
    assert math.isclose(next(iter(rates.stated.values())), float(str(rate)))


@pytest.mark.parametrize(
    ("text", "written", "value", "currency"),
    [
        ("AI revenue was €64 million in the quarter", "€64 million", 64e6, "EUR"),
        ("savings of A$118 million", "A$118 million", 118e6, "AUD"),
        ("CHF 80 million of savings", "CHF 80 million", 80e6, "CHF"),
        ("C$25 million of AI revenue", "C$25 million", 25e6, "CAD"),
        ("EUR 340m from the assistant", "EUR 340m", 340e6, "EUR"),
        ("about 340 million euros of savings", "about 340 million euros", 340e6, "EUR"),
        ("roughly 40 million dollars saved", "roughly 40 million dollars", 40e6, "$"),
        ("US$1.2 billion in AI bookings", "US$1.2 billion", 1.2e9, "USD"),
        # the document's own translation in brackets is the figure in dollars
        ("Cost savings: ¥3.1bn (US$21m) annualised", "¥3.1bn (US$21m)", 21e6, "USD"),
        ("AI revenue of €64 million (£55 million)", "€64 million", 64e6, "EUR"),
    ],
)
def test_money_keeps_the_currency_it_was_written_in(
    text: str, written: str, value: float, currency: str
) -> None:
    money = [q for q in parse_quantities(text) if q.unit_hint == "usd"]
    assert [(q.text, q.currency) for q in money] == [(written, currency)]
    assert money[0].value == pytest.approx(value)


def test_five_million_pounds_of_freight_is_weight_not_money() -> None:
    assert [q.unit_hint for q in parse_quantities("5 million pounds of freight")] != ["usd"]


def _doc(text: str, period: str = "FY2025") -> Document:
    return Document(
        name="r.txt",
        sha256="1" * 64,
        kind="text",
        pages=(Page(None, text),),
        company="Norrsken AG",
        fiscal_period=period,
    )


def test_a_euro_claim_is_converted_at_the_rate_the_document_states() -> None:
    text = (
        "Revenue from our Lumen AI assistant was €64 million in the year, up 38%. "
        "Solely for convenience, euro amounts have been translated at €1.00 = $1.10."
    )
    (money,) = [c for c in extract(_doc(text)).claims if c.unit == Unit.USD]
    assert money.value == pytest.approx(70.4e6)
    assert (money.currency, money.fx_rate, money.fx_source) == ("EUR", 1.1, FxSource.DOCUMENT)
    assert money.value_text == "€64 million"


def test_without_a_stated_rate_the_reference_rate_for_the_year_is_used() -> None:
    text = "Revenue from our Lumen AI assistant was £10 million in the year, up 38%."
    (money,) = [c for c in extract(_doc(text, "FY2023")).claims if c.unit == Unit.USD]
    assert money.value == pytest.approx(10e6 * REFERENCE_USD_PER_UNIT["GBP"][2023])
    assert (money.currency, money.fx_source) == ("GBP", FxSource.REFERENCE)


def test_dollar_claims_and_non_money_claims_carry_their_currency_fields() -> None:
    text = "Revenue from our Lumen AI assistant was $12 million, and 40,000 customers used it."
    frame = claims_frame(extract(_doc(text)).claims).set_index("unit")
    assert frame.loc["usd", "value"] == 12e6
    assert (frame.loc["usd", "currency"], frame.loc["usd", "fx_rate"]) == ("USD", 1.0)
    assert frame.loc["customers", ["currency", "fx_rate", "fx_source"]].isna().all()


def test_bare_dollars_in_a_canadian_report_are_canadian() -> None:
    text = (
        "All amounts are in Canadian dollars. Revenue from our Lumen AI assistant was "
        "$25 million in the year. Amounts translated at C$1.00 = US$0.73."
    )
    (money,) = [c for c in extract(_doc(text)).claims if c.unit == Unit.USD]
    assert money.value == pytest.approx(25e6 * 0.73)
    assert money.currency == "CAD"
