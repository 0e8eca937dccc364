"""A focused parser for the figures found in AI-adoption claims.

``parse_quantities(sentence)`` finds percentages, counts, money, multiples and vague magnitudes,
normalised: percents as fractions, counts absolute, multiples as the factor, money in USD.
Ranges stay ranges (``value`` .. ``value_high``); hedges ("over", "nearly", "up to") become a
:class:`~analyzer.records.Qualifier`. Years, dates, quarter names ("Q3"), ordinals, model names
("GPT-4") and footnote numbers are not quantities. It never raises on text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyzer.currency import PREFIX_PATTERN, SUFFIX_PATTERN, currency_code
from analyzer.records import Measure, Qualifier


def _words(text: str) -> frozenset[str]:
    """The set of whitespace-separated words in ``text``."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Quantity:
    """One figure in a sentence. ``text`` is ``sentence[start:end]``."""

    value: float
    value_high: float | None
    qualifier: Qualifier
    measure: Measure
    unit_hint: str | None  # "percent", "usd" (any money), "multiple", or the noun after the figure
    start: int
    end: int
    text: str
    currency: str | None = None  # money: ISO code as written, or "$" for a bare dollar sign


_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "a hundred": 100,
}  # fmt: skip
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "quadrillion": 1e15, "k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9,
    "t": 1e12, "tn": 1e12, "tr": 1e12,
}  # fmt: skip
_MULT_WORDS = {
    "double": 2, "doubled": 2, "doubling": 2, "doubles": 2, "triple": 3, "tripled": 3,
    "tripling": 3, "triples": 3, "quadrupled": 4, "quadrupling": 4, "quadruple": 4,
    "twice": 2, "thrice": 3,
}  # fmt: skip
_FRACTIONS = {
    "half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1,
    "thirds": 1 / 3, "quarters": 0.25, "fifths": 0.2, "tenths": 0.1,
}  # fmt: skip
_VAGUE = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
    "billions": 1e9, "trillions": 1e12,
}  # fmt: skip

_WORDNUM = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|one|two|three|four|five|six|seven|eight|nine|ten"
)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_SCALE_WORD = r"quadrillion|trillion|billion|million|thousand|hundred"
_SCALE_SUFFIX = r"(?:tn|bn|mm|mn|[kKmMbBtT])(?![\w-])"
# Without a currency sign only these suffixes are safe ("3M" is a company); K/M/B count when a
# "+" or a counted noun follows ("200M+ users", "5M developers").
_COUNTED = (
    r"users|customers|tokens|people|members|subscribers|developers|downloads|queries|requests|"
    r"monthly|daily|weekly|active|paid|seats|businesses|organizations|conversations|messages"
)
# verbs in -s after a name like "3M" ("3M uses AI"), unlike a counted noun ("31M questions")
_VERBS_S = (
    r"(?:uses|says|has|is|was|makes|reports|announces|sees|expects|plans|does|gets|takes|gives|"
    r"shows|needs|wants|sells|buys|runs|builds|offers|provides|employs|operates|owns|leads)"
)
_BARE_SUFFIX = (
    rf"(?:[ ]?(?:tn|bn|mn)|t|B)(?![\w-])|"
    rf"[KMB](?=\+|[ ](?:{_COUNTED})\b|[ ](?!{_VERBS_S}\b)[a-z][a-z\-]*s\b)|"
    # a slide's metric line ends with its figure or gives its time ("Questions answered: 31M",
    # "52K per month", "12M in FY25")
    r"[KMB](?=[ ]?$|,|\)|[ ]\(|[ ]a[ ]year|[ ]at\b|[ ]per\b|"
    r"[ ]in[ ](?:Q[1-4]|FY|H[12]|(?:19|20)\d\d)\b)|"
    # a decimal before K/M/B is never a name like "3M": "4.2M", "1.25B"
    r"(?<=\.\d)[KMB](?![\w-])|(?<=\.\d\d)[KMB](?![\w-])"
)
_DASH = r"[ ]?(?:–|—|-|to|or(?=[ ]\d))[ ]?"  # "30-50%", "30 to 50%", "27% or 28%"

_PATTERNS: list[tuple[str, str]] = [
    (
        "money",
        rf"(?P<cur>{PREFIX_PATTERN})[ ]?(?P<n1>{_NUM})"
        rf"(?:[ ]?(?P<s1>{_SCALE_WORD})\b|(?P<x1>{_SCALE_SUFFIX}))?"
        rf"(?:{_DASH}(?:{PREFIX_PATTERN})?[ ]?(?P<n2>{_NUM})"
        rf"(?:[ ]?(?P<s2>{_SCALE_WORD})\b|(?P<x2>{_SCALE_SUFFIX}))?)?"
        rf"(?:[ ](?P<dup>\((?P<dc>{PREFIX_PATTERN})[ ]?(?P<dn>{_NUM})"
        rf"(?:[ ]?(?P<ds>{_SCALE_WORD})\b|(?P<dx>{_SCALE_SUFFIX}))?\)))?",
    ),
    (
        # "340 million euros", "12bn yen", "40 million dollars" (not "5 million pounds of freight")
        "moneyafter",
        rf"(?<![\w.\-/])(?P<n1>{_NUM})(?:[ ]?(?P<s1>{_SCALE_WORD})\b|(?P<x1>{_SCALE_SUFFIX}))?"
        rf"[ ](?P<cur>{SUFFIX_PATTERN}|(?-i:EUR|GBP|CHF|JPY|CAD|AUD|USD|INR)\b)",
    ),
    (
        "vague",
        r"\b(?P<v1>tens|hundreds|dozens|scores|thousands|millions|billions|trillions)"
        r"(?:[ ]of[ ](?P<v2>thousands|millions|billions|trillions))?(?=[ ]of\b)",
    ),
    (
        "frac",
        r"\b(?P<fw>(?:one|two|three|four|a)[- ](?:half|third|thirds|quarter|quarters|fifth|fifths"
        r"|tenth|tenths))\b(?P<fof>[ ]of\b)?",
    ),
    ("halfscale", rf"\bhalf[ ]an?[ ](?P<hs>{_SCALE_WORD})\b"),
    ("half", r"\bhalf\b"),
    (
        "onein",
        rf"\b(?P<oi1>{_WORDNUM}|\d+)[ ](?:in|out[ ]of)[ ](?:every[ ])?(?P<oi2>{_WORDNUM}|\d+)\b",
    ),
    ("factor", rf"\bby[ ]a[ ]factor[ ]of[ ](?P<fa>{_WORDNUM}|\d+(?:\.\d+)?)\b"),
    ("fold", rf"\b(?P<fold>{_WORDNUM}|\d+(?:\.\d+)?)[- ]?fold\b"),
    (
        "multword",
        r"\b(?P<mw>doubled|doubling|doubles|double|tripled|tripling|triples|triple|"
        r"quadrupled|quadrupling|quadruple|twice)\b",
    ),
    (
        "num",
        rf"(?:(?<![\w.\-/])|(?<=\bc\.)|(?<=\bca\.))(?P<n1>{_NUM})"
        rf"(?:(?P<sp1>[ ]?)(?P<s1>{_SCALE_WORD})\b|(?P<x1>{_BARE_SUFFIX}))?"
        rf"(?P<u1>[ ]?(?:%|percent\b|per[ ]cent\b|[xX×]\b|×|times\b))?"
        rf"(?:{_DASH}(?P<n2>{_NUM})(?:[ ]?(?P<s2>{_SCALE_WORD})\b|(?P<x2>{_BARE_SUFFIX}))?"
        rf"(?P<u2>[ ]?(?:%|percent\b|per[ ]cent\b|[xX×]\b|×|times\b))?)?",
    ),
    (
        "andhalf",  # "a billion and a half", "two and a half times"
        rf"\b(?P<ah>{_WORDNUM}|a|an|one|\d+)(?:[ ](?P<ahs>{_SCALE_WORD}))?[ ]and[ ]a[ ]half\b"
        rf"(?:[ ](?P<ahs2>{_SCALE_WORD})\b)?(?P<ahu>[ ]times\b)?",
    ),
    (
        "word",
        rf"\b(?P<w1>{_WORDNUM}|a|an|one)(?:[ ](?P<ws1>{_SCALE_WORD})\b)"
        rf"(?:[ ](?P<ws2>thousand|million|billion|trillion)\b)?(?P<wu>[ ]?(?:%|percent\b|times\b))?"
        rf"|\b(?P<w2>{_WORDNUM})\b(?:[ ](?:to|or)[ ](?P<w3>{_WORDNUM})\b)?"
        rf"(?P<wu2>[ ]?(?:%|percent\b|times\b))?",
    ),
]
_COMPILED = [(name, re.compile(pat, re.IGNORECASE)) for name, pat in _PATTERNS]
_PRIORITY = {name: i for i, (name, _) in enumerate(_PATTERNS)}

_HEDGES: list[tuple[str, Qualifier]] = [
    (r"more than|over|greater than|upwards of|in excess of|north of|at least|exceeded|exceeds|"
     r"exceeding|exceed|surpassed|surpassing|surpass|topped|tops|top|above|beyond|crossed|"
     r"passed|>|≥|\+",
     Qualifier.AT_LEAST),
    (r"approximately|approx\.?|about|around|roughly|nearly|almost|close to|some|an estimated|"
     r"maybe|perhaps|something like|"
     r"estimated|circa|c\.|ca\.|~|≈|an average of|on average|something like|call it,?",
     Qualifier.APPROX),
    (r"up to|just shy of|shy of|just under|under|less than|fewer than|below|at most|"
     r"no more than|as many as|<|≤",
     Qualifier.AT_MOST),
]  # fmt: skip
_HEDGE_BEFORE = [
    (re.compile(rf"(?:^|[\s(])(?:{pat})[ ]*(?:to[ ])?(?:the[ ])?$", re.IGNORECASE), q)
    for pat, q in _HEDGES
]
_GROWTH_BEFORE = re.compile(
    r"\b(?:up|grew|grown|grow|growing|growth(?: of)?|increase[ds]?(?: by)?|increasing|rose|risen|"
    r"climbed|jumped|jump of|surged|gain(?:ed)?|expanded|accelerated|doubled|rise of|up by)"
    r"(?:[ ](?:by|more than|over|nearly|almost|about|roughly|approximately|some|of))*[ ]*$",
    re.IGNORECASE,
)
_GROWTH_AFTER = re.compile(
    r"^[ ]?(?:increase|growth|jump|rise|more|higher|faster|year[- ]over[- ]year|"
    r"quarter[- ]over[- ]quarter|y/y|yoy|q/q)\b",
    re.IGNORECASE,
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?[ ]$", re.IGNORECASE)
_LABEL_BEFORE = re.compile(
    r"\b(?:item|note|notes|section|part|page|pages|exhibit|rule|form|fy|q|h|cy|no\.|number|"
    r"gpt|version|v|phase|level|tier|chapter|figure|table|step|series|model)[ -]?$",
    re.IGNORECASE,
)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z\-’']*")
_STOP = _words(
    "of the a an and or in on at to for with by from its their our his her new more than active "
    "paid daily monthly weekly total"
)


_OPENERS = _words(
    "over about nearly almost some roughly approximately only just and but of by to for the our "
    "all each another with in on at more than around up some total exactly already now today "
    "since across"
)


def _num(text: str | None) -> float:
    assert text is not None
    return float(text.replace(",", ""))


def _scale(word: str | None, suffix: str | None) -> float:
    key = (word or suffix or "").strip().lower()
    return _SCALES.get(key, 1.0)


def _wordnum(text: str) -> float:
    text = text.lower().replace("-", " ")
    if text in _SMALL:
        return float(_SMALL[text])
    parts = text.split()
    return float(sum(_SMALL.get(p, 0) for p in parts))


def _is_percent(unit: str | None) -> bool:
    return bool(unit) and unit.strip().lower() in {"%", "percent", "per cent"}  # type: ignore[union-attr]


def _is_times(unit: str | None) -> bool:
    return bool(unit) and unit.strip().lower() in {"x", "×", "times"}  # type: ignore[union-attr]


def _noun_after(sentence: str, end: int) -> str | None:
    """The first content word within three words after a figure, lowercased."""
    tail = sentence[end : end + 60]
    for w in _WORD.findall(tail)[:4]:
        lw = w.lower()
        if lw in _STOP:
            continue
        return lw
    return None


def parse_quantities(sentence: str) -> list[Quantity]:
    """Every figure in ``sentence``, in order. Never raises; spans index into ``sentence``."""
    try:
        return _parse(sentence)
    except Exception:  # noqa: BLE001 - a parser of arbitrary text must not crash the pipeline
        return []


def _parse(sentence: str) -> list[Quantity]:
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    for name, pattern in _COMPILED:
        for m in pattern.finditer(sentence):
            if m.end() > m.start():
                found.append((m.start(), -m.end(), _PRIORITY[name], name, m))
    found.sort(key=lambda t: t[:3])
    out: list[Quantity] = []
    taken_to = -1
    for start, _neg_end, _prio, name, m in found:
        if start < taken_to:
            continue
        q = _interpret(sentence, name, m)
        if q is not None:
            out.append(q)
            taken_to = m.end()
    return _join_between(sentence, out)


_PREFIX_AT_END = re.compile(rf"(?:{PREFIX_PATTERN})[ ]?$")
_BETWEEN_BEFORE = re.compile(r"\bbetween[ ]$", re.IGNORECASE)
_BARE_NUMBER = re.compile(rf"(?:{_NUM})")
_BETWEEN_BARE = re.compile(rf"\bbetween[ ](?P<n>{_NUM})[ ]and[ ]$", re.IGNORECASE)
# "grew from 30% to 50%" is a change to 50%, not a range; "from 30% to 50% of code" is a range
_CHANGE_FROM = re.compile(
    r"\b(?:grew|grown|grows?|growing|rose|risen|rises?|rising|increased?|increases|increasing|"
    r"climbed|climbs?|climbing|jumped|jumps?|went|gone|goes|moved|moves?|expanded|expands?|"
    r"doubled|tripled|quadrupled|fell|fallen|falls?|dropped|drops?|declined|declines?|"
    r"decreased|decreases?|shrank|shrunk|improved|improves?|shifted|changed|up|down|"
    r"accelerated|surged|soared|ramped)\b(?:[ ][\w’'-]+){0,3}?[ ]from[ ]$",
    re.IGNORECASE,
)


def _join_between(sentence: str, qs: list[Quantity]) -> list[Quantity]:
    """ "between 30% and 50%" (also "between 30 and 50 percent") as one range."""
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        q = qs[i]
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        if (
            nxt is not None
            and q.value_high is None
            and nxt.value_high is None
            and q.measure == nxt.measure == Measure.LEVEL
            and _BETWEEN_BEFORE.search(sentence[max(0, q.start - 10) : q.start])
            and sentence[q.end : nxt.start].lower() == " and "
        ):
            low = q.value
            bare = _BARE_NUMBER.fullmatch(q.text) is not None
            high_number = re.search(_NUM, nxt.text)
            if bare and high_number and _num(high_number.group(0)) > 0:
                # "between 2 and 3 million", "between 30 and 50 percent": the high end's scale
                low *= nxt.value / _num(high_number.group(0))
            kinds = {"percent", "usd", "multiple"}
            # "between 2 million and 3 million hours": the low end's "noun" is just "and"
            counts = q.unit_hint not in kinds and nxt.unit_hint not in kinds
            same = q.unit_hint == nxt.unit_hint or bare or counts
            if same and low < nxt.value:
                start = q.start - len("between ")
                out.append(
                    Quantity(
                        low,
                        nxt.value,
                        q.qualifier,
                        Measure.LEVEL,
                        nxt.unit_hint,
                        start,
                        nxt.end,
                        sentence[start : nxt.end],
                    )
                )
                i += 2
                continue
        bare_low = _BETWEEN_BARE.search(sentence[max(0, q.start - 40) : q.start])
        if (
            bare_low is not None
            and q.value_high is None
            and q.measure == Measure.LEVEL
            and q.unit_hint == "percent"
            and not (out and out[-1].end > q.start - len(bare_low.group(0)))
        ):
            # "between 30 and 50 percent": the bare 30 is not read as a figure on its own
            low = _num(bare_low.group("n")) / 100.0
            if low < q.value:
                start = q.start - len(bare_low.group(0))
                text = sentence[start : q.end]
                out.append(
                    Quantity(
                        low, q.value, q.qualifier, Measure.LEVEL, "percent", start, q.end, text
                    )
                )
                i += 1
                continue
        out.append(q)
        i += 1
    return out


def _interpret(s: str, kind: str, m: re.Match[str]) -> Quantity | None:
    g = m.groupdict()
    start, end = m.start(), m.end()
    before = s[max(0, start - 40) : start]
    after = s[end : end + 40]
    value: float
    high: float | None = None
    hint: str | None = None
    qualifier = Qualifier.EXACT
    measure = Measure.LEVEL

    currency: str | None = None
    if kind == "moneyafter" and g["cur"].lower() == "pounds" and re.match(r"[ ]of\b", after):
        return None  # "5 million pounds of freight": weight
    if kind == "moneyafter":
        value = _num(g["n1"]) * _scale(g["s1"], g["x1"])
        hint, currency = "usd", currency_code(g["cur"]) or g["cur"].upper()
    elif kind == "money":
        value = _num(g["n1"]) * _scale(g["s1"], g["x1"])
        currency = currency_code(g["cur"])
        if g["dup"] and currency_code(g["dc"]) not in ("USD", "$"):
            end = m.start("dup") - 1  # "€64m (£55m)": the second is the same figure again
        if g["n2"]:
            sc2 = _scale(g["s2"], g["x2"])
            if not (g["s1"] or g["x1"]):
                value = _num(g["n1"]) * sc2
            high = _num(g["n2"]) * sc2
        hint = "usd"
        if high is not None and _CHANGE_FROM.search(before):
            value, high, start = high, None, m.start("n2")  # "grew from $1 to $2 billion"
            sign = _PREFIX_AT_END.search(s, m.start(), start)
            start = sign.start() if sign else start
            before = s[max(0, start - 40) : start]
        if g["dup"] and currency_code(g["dc"]) in ("USD", "$") and high is None:
            # "¥3.1bn (US$21m)": the document's own translation into dollars
            value, currency = _num(g["dn"]) * _scale(g["ds"], g["dx"]), "USD"
    elif kind == "vague":
        value = float(_VAGUE.get(g["v1"].lower(), 10))
        if g["v1"].lower() == "tens":
            value = 10.0
        if g["v2"]:
            value *= _VAGUE[g["v2"].lower()]
        qualifier = Qualifier.AT_LEAST
        hint = _noun_after(s, end + 3)
    elif kind == "frac":
        num_word, _, den = g["fw"].lower().replace("-", " ").partition(" ")
        n = 1.0 if num_word in {"a", "one"} else _wordnum(num_word)
        value = n * _FRACTIONS[den]
        # "a quarter" without "of" is a period of time ("a quarter earlier"), "and a half" a count
        # ... unless it is the earlier level of a share ("up from a tenth", "from a fifth")
        if (
            num_word == "a"
            and not g["fof"]
            # "cut it by a fifth", "fell by about a quarter"
            and not re.search(
                r"\bby[ ](?:about[ ]|roughly[ ]|around[ ]|nearly[ ]|almost[ ]|more[ ]than[ ])?$",
                s[max(0, start - 16) : start],
            )
            and not (
                den in {"third", "fifth", "tenth", "quarter", "half"}
                and (
                    found := re.search(
                        r"\b(?P<up>(?:up|down)[ ])?from[ ](?:maybe[ ]|perhaps[ ]|about[ ]|"
                        r"roughly[ ]|around[ ])?$",
                        s[max(0, start - 24) : start],
                    )
                )
                # "up from maybe a third": an earlier level; a bare "from a quarter" only
                # after a share in the same sentence
                and (found["up"] or re.search(r"\d[ ]?%|percent|\bhalf\b|thirds?\b", s[:start]))
            )
        ):
            return None
        hint = "percent"
        end = start + len(g["fw"])
    elif kind == "halfscale":  # "half a million": half of the scale, a count
        value = 0.5 * _SCALES[g["hs"].lower()]
        hint = _noun_after(s, end)
    elif kind == "half":
        if not re.search(
            r"(?:\bby|nearly|almost|over|about|roughly|more than|less than|than|cut in|"
            r"approximately|maybe|perhaps|from)[ ]$",
            before,
            re.IGNORECASE,
        ) and not re.match(r"[ ]of\b", after, re.IGNORECASE):
            return None
        value, hint = 0.5, "percent"
    elif kind == "onein":
        if re.match(r"[ ](?:years?|months?|weeks?|days?)\b", after):
            return None  # "one in ten years"
        a = _wordnum(g["oi1"]) if not g["oi1"].isdigit() else float(g["oi1"])
        b = _wordnum(g["oi2"]) if not g["oi2"].isdigit() else float(g["oi2"])
        if b <= 0 or a > b:
            return None
        value, hint = a / b, "percent"
    elif kind == "factor":
        f = g["fa"]
        value = float(f) if f[0].isdigit() else _wordnum(f)
        hint, measure = "multiple", Measure.GROWTH
    elif kind == "fold":
        f = g["fold"]
        value = float(f) if f[0].isdigit() else _wordnum(f)
        hint, measure = "multiple", Measure.GROWTH
    elif kind == "multword":
        value = float(_MULT_WORDS[g["mw"].lower()])
        if g["mw"].lower() == "double" and not re.match(r"[ ](?:the|its|our|their|in|to)\b", after):
            return None
        if g["mw"].lower() == "twice" and not re.match(r"[ ](?:as|the)\b", after):
            return None
        hint, measure = "multiple", Measure.GROWTH
    elif kind == "num":
        n1 = g["n1"]
        scale1 = _scale(g["s1"], g["x1"])
        unit = g["u1"] or g["u2"]
        # not quantities: years, dates, labels (Q3, FY2024, GPT-4), ordinals, footnotes
        if re.match(r"[A-Za-z]", after) and not (g["s1"] or g["x1"] or unit):
            return None  # "3M", "5G", "H100s": names, not figures
        if (
            g["x1"]
            and g["x1"].strip() in "KMB"
            and "." not in n1
            and not re.match(rf"\+|[ ](?:{_COUNTED})\b|[ ](?!{_VERBS_S}\b)[a-z][a-z\-]*s\b", after)
            and not re.search(
                r"(?::|~|\b(?:up|down|rising|growing|increased?|grew)[ ]from|\bto|\bvs\.?)[ ]?$",
                before,
            )
        ):
            return None  # "a partnership with 3M": a metric line's figure follows its label
        if (
            not (g["s1"] or g["x1"] or unit or g["n2"])
            and "," not in n1
            and (pw := re.search(r"\b([A-Z][\w\-]*)[ ]$", before))
            and pw.group(1).lower() not in _OPENERS
        ):
            return None  # a product or model number: "Microsoft 365", "Dynamics 365"
        if _ORDINAL_AFTER.match(after) and not g["s1"] and not unit:
            return None
        if (
            re.match(r"-[A-Za-z]", after)
            and not (g["s1"] or g["x1"] or unit)
            and not re.match(r"-(?:fold)\b", after)
        ):
            return None  # a compound adjective ("30-day", "one-trillion-token") or a code
        if _LABEL_BEFORE.search(before) and not unit and not g["s1"]:
            return None
        if _DATE_BEFORE.search(before) and not unit and not g["s1"]:
            return None
        if re.fullmatch(r"(?:19|20)\d\d", n1) and not (g["s1"] or g["x1"] or unit) and not g["n2"]:
            return None
        if (
            re.fullmatch(r"(?:19|20)\d\d", n1)
            and g["n2"]
            and re.fullmatch(r"\d\d|(?:19|20)\d\d", g["n2"])
        ):
            return None  # "2023-24", "2019 to 2020"
        if (
            re.search(r"\(\s*$", before)
            and re.match(r"\s*\)", after)
            and not unit
            and "." not in n1
        ):
            return None  # footnote "(1)"
        if re.search(r"\d[:/]$", before) or re.match(r"[:/]\d", after):
            return None  # times and fractions like 3/4 or 10:30
        value = _num(n1) * scale1
        if g["n2"]:
            scale2 = _scale(g["s2"], g["x2"])
            if not (g["s1"] or g["x1"]) and (g["s2"] or g["x2"]):
                value = _num(n1) * scale2
            high = _num(g["n2"]) * scale2
        if high is not None and _CHANGE_FROM.search(before):
            # a change ("grew from 30% to 50%"): the figure is where it ended up
            value, high, start = high, None, m.start("n2")
            before = s[max(0, start - 40) : start]
        if _is_percent(unit):
            value /= 100.0
            high = high / 100.0 if high is not None else None
            hint = "percent"
        elif _is_times(unit) and (g["s1"] or g["x1"]) and "times" in (unit or "").lower():
            hint = "uses"  # "used 10 million times": a count of uses, not a multiple
        elif _is_times(unit):
            hint, measure = "multiple", Measure.GROWTH
        else:
            hint = _noun_after(s, end)
        if high is not None and high < value:
            # "and"/"to" joining two unrelated numbers: keep the first alone
            if g["n2"] and not unit:
                end = m.start() + len(n1) + len(g["sp1"] or "") + len(g["s1"] or g["x1"] or "")
                high = None
                hint = _noun_after(s, end)
            else:
                high = None
    elif kind == "andhalf":
        whole = str(g["ah"])
        base = (
            1.0
            if whole.lower() in {"a", "an", "one"}
            else (float(whole) if whole[0].isdigit() else _wordnum(whole))
        )
        scale_word = g["ahs"] or g["ahs2"]
        value = (base + 0.5) * (_SCALES[scale_word.lower()] if scale_word else 1.0)
        if g["ahu"]:
            hint, measure = "multiple", Measure.GROWTH
        else:
            hint = _noun_after(s, end)
    elif kind == "word":
        if g["w1"]:
            base = 1.0 if g["w1"].lower() in {"a", "an", "one"} else _wordnum(g["w1"])
            value = base * _SCALES[g["ws1"].lower()]
            if g["ws2"]:
                value *= _SCALES[g["ws2"].lower()]
            unit = g["wu"]
        else:
            value = _wordnum(g["w2"])
            unit = g["wu2"]
            if g["w3"]:  # "six to eight hours"
                high = _wordnum(g["w3"])
            if g["w2"].lower() == "one" and not unit and not g["w3"]:
                return None  # "one of our", "one day"
        if re.match(r"-[A-Za-z]", after) and not unit:
            return None
        if _is_percent(unit):
            value /= 100.0
            hint = "percent"
        elif _is_times(unit):
            hint, measure = "multiple", Measure.GROWTH
        else:
            hint = _noun_after(s, end)
    else:  # pragma: no cover - every alternative is named
        return None

    for pattern, q in _HEDGE_BEFORE:
        hm = pattern.search(before)
        if hm:
            qualifier = q if qualifier == Qualifier.EXACT else qualifier
            # the hedge is part of the figure as written ("over 80%")
            start = (
                max(0, start - 40)
                + hm.start()
                + (1 if before[hm.start()].isspace() or before[hm.start()] == "(" else 0)
            )
            break
    if kind != "vague":
        hm = re.match(r"[ ]?(?:\+|or more|and up|or higher|plus)\b", after)
        if hm or after.startswith("+"):
            qualifier = Qualifier.AT_LEAST
    if ((measure == Measure.LEVEL and hint in {"percent", "multiple"}) or kind == "num") and (
        _GROWTH_BEFORE.search(before) or (hint == "percent" and _GROWTH_AFTER.match(after))
    ):
        measure = Measure.GROWTH
    if hint == "multiple":
        measure = Measure.GROWTH
    if hint == "uses":
        measure = Measure.LEVEL
    return Quantity(value, high, qualifier, measure, hint, start, end, s[start:end], currency)
