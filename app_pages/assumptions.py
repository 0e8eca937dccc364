"""Assumptions: inflation rates per metric kind, company overrides, mandate dates and presets;
a sensitivity chart; the whole scenario in the URL, and saved to or loaded from a file."""

import dataclasses
import datetime as dt
import json
import tomllib

import pandas as pd
import streamlit as st

from analyzer import charts, model
from analyzer.assumptions import (
    KINDS,
    PRESETS,
    Assumptions,
    CompanyOverride,
    Dist,
    Modifiers,
    dump_assumptions,
    from_dict,
    preset,
)
from analyzer.errors import AnalyzerError
from app_pages.common import (
    current_analysis,
    current_assumptions,
    escape_markdown,
    set_assumptions,
    show_chart,
)

MODIFIER_HELP = {
    "mandate": "Added while a usage mandate is in force (from its date on).",
    "leaderboard": "Added while usage is ranked on leaderboards.",
    "weekly_bar": "Added to user counts that count anyone active once a week.",
    "monthly_bar": "Added to user counts with a monthly or longer bar.",
    "revenue_backed": "Subtracted for outcomes stated in money.",
    "audited": "Subtracted for outcomes from audited filings (10-K, 10-Q).",
    "max_inflation": "Ceiling after all modifiers.",
}


def sync_widgets(a: Assumptions) -> None:
    """Point every widget on this page at ``a`` (after a preset or a loaded file)."""
    for kind in KINDS:
        st.session_state[f"mean_{kind}"] = a.base(kind).mean
        st.session_state[f"conc_{kind}"] = a.base(kind).concentration
    for name, value in dataclasses.asdict(a.modifiers).items():
        st.session_state[f"mod_{name}"] = value


def apply(a: Assumptions) -> None:
    set_assumptions(a)
    sync_widgets(a)


def on_preset() -> None:
    apply(preset(st.session_state["preset_name"]))


def on_load() -> None:
    upload = st.session_state.get("assumptions_file")
    if upload is None:
        return
    raw = upload.getvalue().decode("utf-8", errors="replace")
    try:
        data = json.loads(raw) if raw.lstrip().startswith("{") else tomllib.loads(raw)
        apply(from_dict(data))
        st.session_state["load_message"] = ("success", f"Loaded {upload.name}.")
    except (AnalyzerError, ValueError, tomllib.TOMLDecodeError) as exc:
        st.session_state["load_message"] = (
            "error",
            f"{upload.name} is not a valid assumptions file: {exc}. "
            "Save a scenario from this page to see the expected layout.",
        )


st.title("Assumptions")
st.caption(
    "An inflation rate is the share of a reported figure that is performative: mandated "
    "box-ticking, leaderboard pumping, auto-triggered agent runs. Genuine = reported × (1 − rate). "
    "See docs/methodology.md for the rationale behind the defaults."
)
a = current_assumptions()
if "mean_usage_activity" not in st.session_state:
    sync_widgets(a)

left, right = st.columns([2, 1])
left.selectbox("Preset", list(PRESETS), index=1, key="preset_name")
right.button("Apply preset", on_click=on_preset, width="stretch")

st.subheader("Inflation by metric kind")
cols = st.columns(len(KINDS))
for col, kind in zip(cols, KINDS, strict=True):
    col.slider(
        kind.replace("_", " ").capitalize(), 0.0, 0.95, step=0.01, key=f"mean_{kind}",
        help="Mean share of the reported figure that is performative.",
    )  # fmt: skip
    col.number_input(
        "Certainty (concentration)", 2.0, 1000.0, step=1.0, key=f"conc_{kind}",
        help="Higher is more certain: the 10–90% range narrows.",
    )  # fmt: skip
    dist = Dist(st.session_state[f"mean_{kind}"], st.session_state[f"conc_{kind}"])
    low, high = dist.quantiles()
    col.caption(f"10–90% range: {low:.0%} – {high:.0%}")

with st.expander("Modifiers from signals"):
    mcols = st.columns(4)
    for i, name in enumerate(MODIFIER_HELP):
        top = 0.99 if name == "max_inflation" else 0.5
        mcols[i % 4].slider(
            name.replace("_", " ").capitalize(), 0.0, top, step=0.01, key=f"mod_{name}",
            help=MODIFIER_HELP[name],
        )  # fmt: skip

new = dataclasses.replace(
    a,
    **{k: Dist(st.session_state[f"mean_{k}"], st.session_state[f"conc_{k}"]) for k in KINDS},
    modifiers=Modifiers(**{n: st.session_state[f"mod_{n}"] for n in MODIFIER_HELP}),
)
if new != a:
    set_assumptions(new)
    a = new

analysis = current_analysis()
companies = sorted(analysis.companies["company"].dropna().unique())

st.subheader("Per-company overrides")
with st.form("override"):
    c1, c2, c3 = st.columns(3)
    company = c1.selectbox("Company", companies)
    kind = c2.selectbox("Metric kind", ["*", *KINDS], help="* applies to every kind")
    mean = c3.slider("Inflation", 0.0, 0.95, 0.3, 0.01)
    if st.form_submit_button("Set override") and company:
        kept = tuple(
            o for o in a.company_overrides if (o.company, o.metric_kind) != (company, kind)
        )
        a = dataclasses.replace(
            a, company_overrides=(*kept, CompanyOverride(company, kind, Dist(mean, 20.0)))
        )
        set_assumptions(a)
for i, o in enumerate(a.company_overrides):
    c1, c2 = st.columns([4, 1])
    c1.write(f"{escape_markdown(o.company)} · {o.metric_kind}: {o.dist.mean:.0%}")
    if c2.button("Remove", key=f"rm_override_{i}"):
        set_assumptions(
            dataclasses.replace(
                a, company_overrides=tuple(x for x in a.company_overrides if x != o)
            )
        )
        st.rerun()

st.subheader("Mandate dates")
st.caption("A mandate's uplift applies from this date on; it overrides the date in the filings.")
with st.form("mandate"):
    c1, c2 = st.columns(2)
    m_company = c1.selectbox("Company", companies, key="mandate_company")
    m_date = c2.date_input("Mandate in force from", dt.date(2025, 1, 1))
    if st.form_submit_button("Set mandate date") and m_company:
        dates = dict(a.mandate_dates) | {m_company: m_date.isoformat()}
        a = dataclasses.replace(a, mandate_dates=tuple(sorted(dates.items())))
        set_assumptions(a)
for comp, date in a.mandate_dates:
    c1, c2 = st.columns([4, 1])
    c1.write(f"{escape_markdown(comp)}: from {date}")
    if c2.button("Remove", key=f"rm_mandate_{comp}"):
        set_assumptions(
            dataclasses.replace(a, mandate_dates=tuple(x for x in a.mandate_dates if x[0] != comp))
        )
        st.rerun()

st.subheader("Sensitivity")
est = analysis.claims_with_estimates()
with_headline = analysis.companies.dropna(subset=["headline_claim_id"])
if len(with_headline):
    pick = st.selectbox("Headline claim of", list(with_headline["company"]), key="sens_company")
    head = with_headline.loc[with_headline["company"] == pick].iloc[0]
    row = est.loc[est["claim_id"] == head["headline_claim_id"]].iloc[0]
    sens = model.sensitivity(float(row["reported"])).assign(company=pick)
    is_share = row["unit"] == "share"
    show_chart(
        charts.sensitivity_chart(
            sens,
            current=float(row["inflation_central"]),
            y_format=".0%" if is_share else "~s",
            subtitle=f"{pick}: {row['value_text'] or row['value']} ({row['metric_kind']}, "
            f"{row['fiscal_period']}); the dashed rule is the current assumption.",
        )
    )

st.subheader("Share this scenario")
st.caption("The page address now encodes every change above: copy it to share the scenario.")
params = {k: v for k, v in st.query_params.items()}
st.code("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "(defaults)")
c1, c2 = st.columns(2)
c1.download_button(
    "Save assumptions (TOML)",
    dump_assumptions(a, "toml"),
    file_name="assumptions.toml",
    mime="application/toml",
)
c2.file_uploader(
    "Load assumptions", type=["toml", "json"], key="assumptions_file", on_change=on_load
)
if msg := st.session_state.pop("load_message", None):
    getattr(st, msg[0])(escape_markdown(msg[1]))

with st.expander("Inflation used per claim"):
    st.dataframe(
        pd.DataFrame(est[["company", "fiscal_period", "metric_kind", "value_text", "reported",
                          "inflation_low", "inflation_central", "inflation_high"]]),
        hide_index=True, width="stretch",
    )  # fmt: skip
