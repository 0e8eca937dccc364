"""Inflation assumptions: how much of a reported AI-usage figure is performative.

An *inflation rate* ``i`` is the share of a reported figure that is performative (mandated
box-ticking, leaderboard pumping, auto-triggered agent runs). Each metric kind has a base rate that
is an uncertain quantity, a Beta distribution given by its mean and concentration
(``alpha = mean * concentration``, ``beta = (1 - mean) * concentration``). Signals move the rate
by *additive* modifiers (a mandate adds ``mandate``, a leaderboard adds ``leaderboard``, a low-bar
frequency threshold adds ``weekly_bar``/``monthly_bar``, revenue-backed or audited outcomes subtract
``revenue_backed``/``audited``); the result is clipped to ``[0, max_inflation]``.

Assumptions are frozen (hashable, so the app can cache on them), load from and dump to TOML or JSON,
and encode as flat URL query parameters holding only the values that differ from the defaults.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyzer.errors import AssumptionsError
from analyzer.records import MetricKind

KINDS: tuple[str, ...] = tuple(str(k) for k in MetricKind)
MEAN_RANGE = (0.0, 0.95)
CONCENTRATION_RANGE = (2.0, 10_000.0)
MODIFIER_RANGE = (0.0, 0.5)


def _check_number(key: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise AssumptionsError(f"{key} must be a number between {low} and {high}, got {value!r}")
    number = float(value)
    if not math.isfinite(number) or not low <= number <= high:
        raise AssumptionsError(f"{key} must be between {low} and {high}, got {value!r}")
    return number


def _check_date(key: str, value: Any) -> str:
    try:
        date = dt.date.fromisoformat(str(value))
    except ValueError:
        raise AssumptionsError(
            f"{key} must be an ISO date like 2025-06-30, got {value!r}"
        ) from None
    if not 1900 <= date.year <= 2200:
        raise AssumptionsError(f"{key} must be a date between 1900 and 2200, got {value!r}")
    return date.isoformat()


@dataclass(frozen=True)
class Dist:
    """A Beta distribution on [0, 1] given by its mean and concentration (alpha + beta).

    ``mean == 0`` means "no inflation at all" (every draw is 0). Higher concentration means more
    certainty: 8 is vague (10–90% range about ±0.2 around 0.35), 40 is fairly firm.
    """

    mean: float
    concentration: float = 10.0

    def __post_init__(self) -> None:
        _check_number("mean", self.mean, *MEAN_RANGE)
        _check_number("concentration", self.concentration, *CONCENTRATION_RANGE)

    @property
    def alpha(self) -> float:
        return self.mean * self.concentration

    @property
    def beta(self) -> float:
        return (1.0 - self.mean) * self.concentration

    def quantiles(self, probs: tuple[float, ...] = (0.1, 0.9)) -> tuple[float, ...]:
        """Exact quantiles (scipy), e.g. the plausible 10–90% range of the rate."""
        if self.mean == 0:
            return tuple(0.0 for _ in probs)
        from scipy.stats import beta

        return tuple(float(q) for q in beta.ppf(probs, self.alpha, self.beta))


@dataclass(frozen=True)
class Modifiers:
    """Additive changes to the inflation rate (percentage points as fractions)."""

    mandate: float = 0.10  # usage mandate in force (from its date on); not for outcomes
    leaderboard: float = 0.05  # leaderboards / gamified tracking (from its date on); not outcomes
    weekly_bar: float = 0.05  # user counts with an "at least weekly" threshold
    monthly_bar: float = 0.10  # user counts with a monthly-or-longer threshold
    revenue_backed: float = 0.03  # subtracted for outcomes stated in money (revenue)
    audited: float = 0.02  # subtracted for outcomes from audited filings (10-K, 10-Q)
    max_inflation: float = 0.95  # ceiling after all modifiers

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            if f.name == "max_inflation":
                _check_number("modifiers.max_inflation", self.max_inflation, 0.0, 0.99)
            else:
                _check_number(f"modifiers.{f.name}", getattr(self, f.name), *MODIFIER_RANGE)


@dataclass(frozen=True)
class CompanyOverride:
    """Replace a company's base rate for one metric kind (``"*"``: all kinds).

    Signal modifiers still apply on top, so a mandate still shows up as a step.
    """

    company: str
    metric_kind: str
    dist: Dist

    def __post_init__(self) -> None:
        if not self.company:
            raise AssumptionsError("company_overrides: company must not be empty")
        if self.metric_kind not in (*KINDS, "*"):
            raise AssumptionsError(
                f"company_overrides[{self.company}].metric_kind must be one of "
                f"{', '.join((*KINDS, '*'))}, got {self.metric_kind!r}"
            )


@dataclass(frozen=True)
class ClaimOverride:
    """Set one claim's inflation outright (no modifiers are added)."""

    claim_id: str
    dist: Dist

    def __post_init__(self) -> None:
        if not self.claim_id:
            raise AssumptionsError("claim_overrides: claim_id must not be empty")


def _no_duplicates(where: str, keys: list[Any]) -> None:
    seen = set()
    for key in keys:
        if key in seen:
            raise AssumptionsError(f"{where}: {key!r} is given twice; keep one")
        seen.add(key)


@dataclass(frozen=True)
class Assumptions:
    """Everything the genuine-adoption model assumes. Frozen and hashable."""

    usage_activity: Dist = Dist(0.35, 8.0)
    user_count: Dist = Dist(0.20, 12.0)
    share_of_work: Dist = Dist(0.20, 12.0)
    outcome: Dist = Dist(0.05, 40.0)
    modifiers: Modifiers = field(default_factory=Modifiers)
    mandate_dates: tuple[tuple[str, str], ...] = ()  # (company, ISO date) overriding signals
    company_overrides: tuple[CompanyOverride, ...] = ()
    claim_overrides: tuple[ClaimOverride, ...] = ()

    def __post_init__(self) -> None:
        for company, date in self.mandate_dates:
            if not company:
                raise AssumptionsError("mandate_dates: company must not be empty")
            _check_date(f"mandate_dates[{company}]", date)
        _no_duplicates("mandate_dates", [c for c, _ in self.mandate_dates])
        _no_duplicates(
            "company_overrides", [(o.company, o.metric_kind) for o in self.company_overrides]
        )
        _no_duplicates("claim_overrides", [o.claim_id for o in self.claim_overrides])

    def base(self, kind: str) -> Dist:
        """The base distribution of ``kind`` (a :class:`MetricKind` value)."""
        if kind not in KINDS:
            raise AssumptionsError(f"unknown metric kind {kind!r}; valid: {', '.join(KINDS)}")
        dist: Dist = getattr(self, kind)
        return dist


# ---------------------------------------------------------------------------- presets

PRESETS: dict[str, Assumptions] = {
    "believer": Assumptions(
        usage_activity=Dist(0.10, 12.0),
        user_count=Dist(0.05, 20.0),
        share_of_work=Dist(0.05, 20.0),
        outcome=Dist(0.01, 100.0),
        modifiers=Modifiers(
            mandate=0.03, leaderboard=0.01, weekly_bar=0.01, monthly_bar=0.03, max_inflation=0.9
        ),
    ),
    "base": Assumptions(),
    "sceptic": Assumptions(
        usage_activity=Dist(0.55, 8.0),
        user_count=Dist(0.35, 10.0),
        share_of_work=Dist(0.35, 10.0),
        outcome=Dist(0.10, 30.0),
        modifiers=Modifiers(
            mandate=0.15,
            leaderboard=0.10,
            weekly_bar=0.08,
            monthly_bar=0.15,
            revenue_backed=0.02,
            audited=0.01,
        ),
    ),
}


def preset(name: str) -> Assumptions:
    """The named preset (believer, base, sceptic)."""
    try:
        return PRESETS[name.strip().lower()]
    except KeyError:
        raise AssumptionsError(
            f"unknown preset {name!r}; valid presets: {', '.join(PRESETS)}"
        ) from None


# ---------------------------------------------------------------------------- dict form


def to_dict(a: Assumptions) -> dict[str, Any]:
    """A plain nested dict (the file layout)."""
    return {
        "inflation": {
            k: {"mean": a.base(k).mean, "concentration": a.base(k).concentration} for k in KINDS
        },
        "modifiers": dataclasses.asdict(a.modifiers),
        "mandate_dates": dict(a.mandate_dates),
        "company_overrides": [
            {
                "company": o.company,
                "metric_kind": o.metric_kind,
                "mean": o.dist.mean,
                "concentration": o.dist.concentration,
            }
            for o in a.company_overrides
        ],
        "claim_overrides": [
            {"claim_id": o.claim_id, "mean": o.dist.mean, "concentration": o.dist.concentration}
            for o in a.claim_overrides
        ],
    }


def _dist(where: str, raw: Any, default: Dist | None = None) -> Dist:
    if not isinstance(raw, Mapping):
        raise AssumptionsError(f"{where} must be a table with mean and concentration")
    unknown = set(raw) - {"mean", "concentration"}
    if unknown:
        raise AssumptionsError(
            f"{where}: unknown key(s) {', '.join(sorted(unknown))}; allowed: mean, concentration"
        )
    if "mean" not in raw and default is None:
        raise AssumptionsError(f"{where}.mean is missing (a number between 0 and 0.95)")
    mean = _check_number(
        f"{where}.mean", raw.get("mean", default.mean if default else 0.0), *MEAN_RANGE
    )
    conc = _check_number(
        f"{where}.concentration",
        raw.get("concentration", default.concentration if default else 10.0),
        *CONCENTRATION_RANGE,
    )
    return Dist(mean, conc)


def _type_name(value: Any) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string"}
    names |= {list: "an array", dict: "a table", type(None): "null"}
    return names.get(type(value), "an array" if isinstance(value, list | tuple) else "a table")


def _table(where: str, value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise AssumptionsError(f"{where} must be {what}, got {_type_name(value)} ({value!r:.40})")
    return value


def _rows(where: str, value: Any, keys: str) -> list[Any]:
    if not isinstance(value, list | tuple):
        raise AssumptionsError(
            f"{where} must be an array of tables ([[{where}]] in TOML, a list of objects in "
            f"JSON), each with {keys}; got {_type_name(value)} ({value!r:.40})"
        )
    for i, row in enumerate(value):
        _table(f"{where}[{i}]", row, f"a table with {keys}")
    return list(value)


def _text_field(where: str, value: Any) -> str:
    if not isinstance(value, str):
        raise AssumptionsError(f"{where} must be a string, got {_type_name(value)} ({value!r:.40})")
    return value


def from_dict(data: Mapping[str, Any], base: Assumptions | None = None) -> Assumptions:
    """Assumptions from the nested dict layout; missing keys keep their value in ``base``.

    ``base`` defaults to :class:`Assumptions` (the base preset). Lists and tables given in
    ``data`` (mandate dates, overrides) replace those of ``base``.
    """
    if not isinstance(data, Mapping):
        raise AssumptionsError("assumptions must be a table/object at the top level")
    allowed = {"inflation", "modifiers", "mandate_dates", "company_overrides", "claim_overrides"}
    unknown = set(data) - allowed
    if unknown:
        raise AssumptionsError(
            f"unknown key(s) {', '.join(sorted(map(str, unknown)))}; "
            f"allowed: {', '.join(sorted(allowed))}"
        )
    defaults = base or Assumptions()
    kw: dict[str, Any] = {}
    inflation = _table("inflation", data.get("inflation", {}), "a table of metric kinds")
    for kind, raw in inflation.items():
        if kind not in KINDS:
            raise AssumptionsError(
                f"inflation.{kind}: unknown metric kind; allowed: {', '.join(KINDS)}"
            )
        kw[kind] = _dist(f"inflation.{kind}", raw, defaults.base(kind))
    mods = _table("modifiers", data.get("modifiers", {}), "a table of modifier = number")
    names = [f.name for f in dataclasses.fields(Modifiers)]
    unknown = set(mods) - set(names)
    if unknown:
        raise AssumptionsError(
            f"modifiers: unknown key(s) {', '.join(sorted(map(str, unknown)))}; "
            f"allowed: {', '.join(names)}"
        )
    if mods:
        kw["modifiers"] = dataclasses.replace(defaults.modifiers, **dict(mods))
    dates = _table("mandate_dates", data.get("mandate_dates", {}), "a table of company = ISO date")
    if "mandate_dates" in data:
        kw["mandate_dates"] = tuple(
            (str(c), _check_date(f"mandate_dates[{c}]", d)) for c, d in dates.items()
        )
    overrides = []
    keys = "company, metric_kind, mean[, concentration]"
    for i, raw in enumerate(_rows("company_overrides", data.get("company_overrides", []), keys)):
        where = f"company_overrides[{i}]"
        if "company" not in raw:
            raise AssumptionsError(f"{where} needs {keys}")
        rest = {k: v for k, v in raw.items() if k not in ("company", "metric_kind")}
        overrides.append(
            CompanyOverride(
                _text_field(f"{where}.company", raw["company"]),
                _text_field(f"{where}.metric_kind", raw.get("metric_kind", "*")),
                _dist(where, rest),
            )
        )
    if "company_overrides" in data:
        kw["company_overrides"] = tuple(overrides)
    claim_ov = []
    keys = "claim_id, mean[, concentration]"
    for i, raw in enumerate(_rows("claim_overrides", data.get("claim_overrides", []), keys)):
        where = f"claim_overrides[{i}]"
        if "claim_id" not in raw:
            raise AssumptionsError(f"{where} needs {keys}")
        rest = {k: v for k, v in raw.items() if k != "claim_id"}
        claim_ov.append(
            ClaimOverride(_text_field(f"{where}.claim_id", raw["claim_id"]), _dist(where, rest))
        )
    if "claim_overrides" in data:
        kw["claim_overrides"] = tuple(claim_ov)
    return dataclasses.replace(defaults, **kw)


# ---------------------------------------------------------------------------- files


def load_assumptions(path: str | Path, base: Assumptions | None = None) -> Assumptions:
    """Read a TOML or JSON (``.json``, or text starting with ``{``) assumptions file.

    Keys the file leaves out keep their value in ``base`` (default: the base preset), so a short
    file can tweak a preset.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AssumptionsError(
            "assumptions file not found; check the path", document=str(path)
        ) from None
    except UnicodeDecodeError:
        raise AssumptionsError("assumptions file is not UTF-8 text", document=str(path)) from None
    try:
        if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
            data = json.loads(text)
        else:
            data = tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise AssumptionsError(
            f"cannot parse the assumptions file: {exc}", document=str(path)
        ) from None
    try:
        return from_dict(data, base)
    except AssumptionsError as exc:
        raise AssumptionsError(exc.reason, document=str(path)) from None


def _toml_value(value: Any) -> str:
    if isinstance(value, str):
        # JSON string escapes are valid TOML; TOML also wants DEL escaped
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _toml_key(key: str) -> str:
    bare = key.replace("_", "").replace("-", "").isalnum() and key.isascii()
    return key if bare else _toml_value(key)


def dump_assumptions(a: Assumptions, fmt: str = "toml") -> str:
    """Assumptions as TOML or JSON text that :func:`load_assumptions` reads back unchanged."""
    data = to_dict(a)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt != "toml":
        raise AssumptionsError(f"unknown format {fmt!r}; use toml or json")
    lines = ["# AI Adoption Claims Analyzer: inflation assumptions", ""]
    for kind, dist in data["inflation"].items():
        lines += [f"[inflation.{kind}]"]
        lines += [f"{k} = {_toml_value(v)}" for k, v in dist.items()] + [""]
    lines += ["[modifiers]"]
    lines += [f"{k} = {_toml_value(v)}" for k, v in data["modifiers"].items()] + [""]
    lines += ["[mandate_dates]"]
    lines += [f"{_toml_key(c)} = {_toml_value(d)}" for c, d in data["mandate_dates"].items()]
    lines += [""]
    for name in ("company_overrides", "claim_overrides"):
        for row in data[name]:
            lines += [f"[[{name}]]"]
            lines += [f"{k} = {_toml_value(v)}" for k, v in row.items()] + [""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- URL params

_KIND_CODES = {
    "usage_activity": "ua",
    "user_count": "uc",
    "share_of_work": "sw",
    "outcome": "oc",
}
_CODE_KINDS = {v: k for k, v in _KIND_CODES.items()}


def _fmt_dist(d: Dist) -> str:
    return f"{d.mean!r},{d.concentration!r}"


def _parse_dist(key: str, text: str) -> Dist:
    parts = text.split(",")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        raise AssumptionsError(f"{key}: expected mean[,concentration], got {text!r}") from None
    if not 1 <= len(numbers) <= 2:
        raise AssumptionsError(f"{key}: expected mean[,concentration], got {text!r}")
    mean = _check_number(f"{key} mean", numbers[0], *MEAN_RANGE)
    conc = _check_number(
        f"{key} concentration", numbers[1] if len(numbers) > 1 else 10.0, *CONCENTRATION_RANGE
    )
    return Dist(mean, conc)


def to_params(a: Assumptions) -> dict[str, str]:
    """A flat ``{key: value}`` encoding for URL query parameters; only non-default values.

    Keys: ``ua``/``uc``/``sw``/``oc`` (base rate ``mean,concentration``), ``m.<modifier>``,
    ``md.<company>`` (mandate date), ``co.<kind code or *>.<company>``, ``cl.<claim id>``.
    """
    d = Assumptions()
    out: dict[str, str] = {}
    for kind, code in _KIND_CODES.items():
        if a.base(kind) != d.base(kind):
            out[code] = _fmt_dist(a.base(kind))
    for f in dataclasses.fields(Modifiers):
        value = getattr(a.modifiers, f.name)
        if value != getattr(d.modifiers, f.name):
            out[f"m.{f.name}"] = repr(float(value))
    for company, date in a.mandate_dates:
        out[f"md.{company}"] = date
    for o in a.company_overrides:
        code = _KIND_CODES.get(o.metric_kind, "*")
        out[f"co.{code}.{o.company}"] = _fmt_dist(o.dist)
    for c in a.claim_overrides:
        out[f"cl.{c.claim_id}"] = _fmt_dist(c.dist)
    return out


def from_params(params: Mapping[str, str]) -> Assumptions:
    """Inverse of :func:`to_params`; unknown keys raise :class:`AssumptionsError`."""
    kw: dict[str, Any] = {}
    mods: dict[str, float] = {}
    dates: list[tuple[str, str]] = []
    company_ov: list[CompanyOverride] = []
    claim_ov: list[ClaimOverride] = []
    mod_names = {f.name for f in dataclasses.fields(Modifiers)}
    for key, raw in params.items():
        text = str(raw)
        if key in _CODE_KINDS:
            kw[_CODE_KINDS[key]] = _parse_dist(key, text)
        elif key.startswith("m."):
            name = key[2:]
            if name not in mod_names:
                raise AssumptionsError(
                    f"{key}: unknown modifier; allowed: {', '.join(sorted(mod_names))}"
                )
            try:
                mods[name] = float(text)
            except ValueError:
                raise AssumptionsError(f"{key}: expected a number, got {text!r}") from None
        elif key.startswith("md.") and len(key) > 3:
            dates.append((key[3:], _check_date(key, text)))
        elif key.startswith("co.") and key.count(".") >= 2:
            code, company = key[3:].split(".", 1)
            if code != "*" and code not in _CODE_KINDS:
                raise AssumptionsError(
                    f"{key}: unknown metric kind code {code!r}; allowed: "
                    f"{', '.join([*_CODE_KINDS, '*'])}"
                )
            kind = _CODE_KINDS.get(code, "*")
            company_ov.append(CompanyOverride(company, kind, _parse_dist(key, text)))
        elif key.startswith("cl.") and len(key) > 3:
            claim_ov.append(ClaimOverride(key[3:], _parse_dist(key, text)))
        else:
            raise AssumptionsError(
                f"unknown parameter {key!r}; expected ua, uc, sw, oc, m.<modifier>, "
                "md.<company>, co.<kind>.<company> or cl.<claim id>"
            )
    if mods:
        kw["modifiers"] = Modifiers(**mods)
    kw["mandate_dates"] = tuple(dates)
    kw["company_overrides"] = tuple(company_ov)
    kw["claim_overrides"] = tuple(claim_ov)
    return Assumptions(**kw)
