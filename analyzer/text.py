"""Clean-up of extracted page text, sentence splitting with offsets, and transcript speakers.

``clean_text`` fixes what PDF text layers get wrong (``\\r\\n``, line-break and odd hyphens,
ligatures, page numbers and footnote markers glued to sentence ends, repeated spaces) while keeping
line breaks, so that speaker headers in transcripts stay on their own line.
``split_sentences`` returns :class:`Span` s whose offsets index into the text it was given.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
# Hyphen look-alikes that should read as a plain hyphen.
_HYPHENS = "\u2010\u2011\u00ad\ufffe\u2043"
_SPACES = "\u00a0\u2002\u2003\u2009\u202f\u200a\u2007\t\x0b\x0c"
_CHAR_MAP = str.maketrans(
    {**_LIGATURES, **dict.fromkeys(_HYPHENS, "-"), **dict.fromkeys(_SPACES, " "), "\x00": ""}
)


def _words(text: str) -> frozenset[str]:
    """The set of whitespace-separated words in ``text``."""
    return frozenset(text.split())


# A footnote marker glued to the end of a sentence ("efforts.12 Next") or a page number left at the
# end of a line after a full stop ("...efforts. 76").
# (not a figure after an abbreviation: "c.41 per cent", "approx.12 hours")
_FOOTNOTE_GLUED = re.compile(
    r"(?<=[a-z%)][.!?])(?<!\bc\.)(?<!\bca\.)(?<!approx\.)(?<!\best\.)(?<!\bno\.)\d{1,2}(?=\s|$)"
)
_PAGE_NUMBER_EOL = re.compile(r"(?<=[.!?\"”’])[ ]+\d{1,3}[ ]*$", re.MULTILINE)
_LONE_NUMBER_LINE = re.compile(r"^[ ]*(?:Page )?\d{1,3}(?: of \d{1,3})?[ ]*(?:\n|$)", re.MULTILINE)
_LINEBREAK_HYPHEN = re.compile(r"(?<=\w)-[ ]*\n[ ]*(?=\w)")
_MULTISPACE = re.compile(r"[ ]{2,}")
_ALIGNED_ROW = re.compile(r"^[ ]*\S[^\n]*?\S[ ]{3,}\S[^\n]*?\S[ ]{3,}\S[^\n]*$", re.M)
_BULLET = re.compile(r"[ \n]*[•▪●◦■][ \n]*")
_SPACE_AROUND_NL = re.compile(r"[ ]*\n[ ]*")
_MANY_NL = re.compile(r"\n{3,}")


def clean_text(raw: str) -> str:
    """Normalise extracted text; line breaks are kept (``\\n``), everything else is tidied."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").translate(_CHAR_MAP)
    # A hyphen at a line break is kept as "-" (compounds such as "year-over-year" are common in
    # filings and a dictionary-free join would wreck them); the line break itself goes.
    text = _LINEBREAK_HYPHEN.sub("-", text)
    text = _BULLET.sub("\n\n", text)  # a bullet starts a new item, never mid-sentence
    # a line of columns aligned with runs of spaces is a table row: an item of its own
    text = _ALIGNED_ROW.sub(lambda m: f"\n\n{m.group(0).strip()}\n\n", text)
    text = _SPACE_AROUND_NL.sub("\n", text)
    text = _PAGE_NUMBER_EOL.sub("", text)
    text = _LONE_NUMBER_LINE.sub("", text)
    text = _FOOTNOTE_GLUED.sub("", text)
    text = _MULTISPACE.sub(" ", text)
    text = _MANY_NL.sub("\n\n", text)
    return text.strip()


_LINE_OPENER = re.compile(r"[A-Z0-9~$€£(“\"•▪●◦■\-–]")


def break_short_lines(pages: list[str]) -> list[str]:
    """End a paragraph after a short line that ends without punctuation when the next line
    starts a new item (a capital, a figure, a sign): the titles and bullet lines of slides, the
    headings and table rows of filings. Lines of wrapped prose fill the page width and run on.
    In a deck (short lines that almost never end a sentence) every such line ends its item."""
    lines = [x for text in pages for x in text.split("\n") if x.strip()]
    if len(lines) < 3:
        return pages
    widths = sorted(len(x.rstrip()) for x in lines)
    full = widths[int(len(widths) * 0.9)]  # the width of a full line of prose
    ended = sum(x.rstrip().endswith((".", "!", "?", '"', "”")) for x in lines) / len(lines)
    deck = full < 90 and ended < 0.1
    out = []
    for text in pages:
        rows = text.split("\n")
        kept = []
        for i, line in enumerate(rows):
            kept.append(line)
            nxt = rows[i + 1].lstrip() if i + 1 < len(rows) else ""
            bare = line.rstrip()
            if (
                nxt
                and bare
                and (deck or len(bare) < 0.7 * full)
                and not bare.endswith(_RUNS_ON)
                and not re.search(r"\b(?:and|or|of|the|to|in|for|by|with|a|an)$", bare)
                and _LINE_OPENER.match(nxt)
                and not _LEGAL_SUFFIX.match(nxt)  # "Kaveri Nexus Technologies / Limited"
                and not (_ROW_LABEL_END.search(bare) and _FIGURES_ONLY.match(nxt))
            ):
                kept.append("")  # a blank line: a paragraph break
        out.append("\n".join(kept))
    return out


_RUNS_ON = (",", ";", "-", "—", "–", "(", "&", "/")
# a row label whose cells wrapped onto the next line: "Lumen monthly users (millions)" then
# "(1) 640 56%"
_ROW_LABEL_END = re.compile(
    r"\((?:in\s)?(?:millions|thousands|billions|trillions|%|\$[^)]{0,12})\)$"
)
_FIGURES_ONLY = re.compile(
    r"^(?:\(\d{1,2}\)\s)?[+\-−]?[$€£]?\d[\d,.]*[%x]?(?:\s+[+\-−]?[$€£]?\d[\d,.]*(?:%|x|\s?pts)?)*\s*$"
)


_EDGE_LINES = 2  # lines at the top and bottom of a page where running headers/footers sit


def _edge_key(line: str) -> str:
    return re.sub(r"\d+", "#", collapse_ws(line)).lower()


def strip_running_lines(texts: list[str]) -> list[str]:
    """Page texts without the running header/footer lines repeated at the top or bottom of most
    pages ("Acme Corp. - Q3 2024 results", "Page 3 of 9"), so that they are not glued into the
    first sentence of a page. A line counts when it sits among the first or last two lines of at
    least two pages and of at least 40% of them (digits ignored, so page numbers still match)."""
    if len(texts) < 2:
        return texts
    seen: Counter[str] = Counter()
    for text in texts:
        lines = [ln for ln in text.split("\n") if ln.strip()]
        edge = lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]
        seen.update({_edge_key(ln) for ln in edge if len(ln.strip()) >= 3})
    need = max(2, math.ceil(0.4 * len(texts)))
    running = {k for k, n in seen.items() if n >= need}
    if not running:
        return texts
    out = []
    for text in texts:
        lines = text.split("\n")
        nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
        at_edge = set(nonblank[:_EDGE_LINES] + nonblank[-_EDGE_LINES:])
        kept = [
            ln for i, ln in enumerate(lines) if i not in at_edge or _edge_key(ln) not in running
        ]
        out.append("\n".join(kept))
    return out


def collapse_ws(text: str) -> str:
    """Whitespace collapsed to single spaces, ends stripped."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Span:
    """A sentence: ``text`` is ``source[start:end]`` with whitespace collapsed."""

    start: int
    end: int
    text: str


_ABBREVIATIONS = _words(
    """inc corp co ltd llc plc mr mrs ms dr prof st jr sr vs etc approx est no nos fig figs
    jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n a.m p.m cf al dept
    gov ave mt ft vol op ch sec art para incl excl avg"""
)
# Sentence end: . ! ? (optionally followed by closing quotes/brackets), then whitespace.
# A footnote marker may follow the stop: "during the year.[^1] Our", "in 2025.(2) We", "rose.¹ It"
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?:\[\^?\d{1,2}\]|\(\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})?(?=\s)")
_WORD_BEFORE = re.compile(r"(?<![\w\-])([A-Za-z][A-Za-z.]*)\.$")
_OPENER = re.compile(r"\s+([\"'“‘(\[]?[A-Z0-9$€£])")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or an initial, not a sentence."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not m:
        return False
    word = m.group(1)
    lowered = word.lower().rstrip(".")
    if lowered in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return True
    # dotted acronyms: U.S., e.g., N.A.
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))


# A line that ends in a figure cell ("Total revenue $2,140 11%") followed by a line starting
# with a capital, a digit or a currency sign: the end of a table row, not a wrapped sentence.
# cells after the figures: a change in points, "n/m" (not meaningful), a dash for no value
_TRAILING_CELLS = (
    r"(?:[ ]+(?:[+\-−]?\(?[\d.,]+\)?[ ]?(?:pts?|bps?|bp|x|%)|[+\-−]\d[\d.,]*|n/?m|NM|—|–|--))*"
)
_TABLE_ROW_END = re.compile(
    rf"(?<=[\w)%])[ ]+[+\-−]?\(?[$€£]?\d[\d,.]*[%)x]?{_TRAILING_CELLS}(?=[ ]*\n[ ]*[A-Z0-9$€£(])",
    re.MULTILINE,
)
# A span that is a table row: no sentence punctuation at its end, and it ends in two figure cells
# in a row, or in a figure after a parenthesised unit ("Tokens processed (trillions) 12").
_TABLE_ROW = re.compile(
    r"(?:(?<![A-Za-z])[$€£]?\(?\d[\d,.]*%?\)?[ ]+\(?[$€£]?\d[\d,.]*%?\)?|\)[ ]+[$€£]?\d[\d,.]*%?)"
    rf"{_TRAILING_CELLS}[ ]*$"
)


def is_table_row(sentence: str) -> bool:
    """Whether ``sentence`` is a row of table cells rather than a sentence."""
    return not sentence.rstrip().endswith((".", "!", "?", '"', "”")) and bool(
        _TABLE_ROW.search(sentence)
    )


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentences with char offsets into ``text``.

    Boundaries are ``.``, ``!`` or ``?`` followed by whitespace and a capital, digit, currency sign
    or opening quote, except after abbreviations ("U.S.", "Inc.", "approx.", "e.g.") and initials;
    a blank line (paragraph break) always ends a sentence. Decimals ("3.2") never split.
    """
    spans: list[Span] = []
    start = 0
    cuts: list[tuple[int, int]] = []  # (end of sentence, start of next search)
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        punct = text[m.start()]
        # after an abbreviation ("U.S.", "Inc.") only a paragraph break ends the sentence
        if punct == "." and _is_abbreviation(text, m.start()) and "\n\n" not in text[end : end + 3]:
            continue
        if not _OPENER.match(text, end) and "\n\n" not in text[end : end + 3]:
            continue
        cuts.append((end, end))
    for m in re.finditer(r"\n\s*\n", text):
        cuts.append((m.start(), m.end()))
    for m in _TABLE_ROW_END.finditer(text):  # a table row ends at its line break
        cuts.append((m.end(), m.end()))
    cuts.sort()
    for end, resume in cuts:
        if end <= start:
            start = max(start, resume)
            continue
        _add(spans, text, start, end)
        start = resume
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, collapse_ws(text[start:end])))


# ------------------------------------------------------------------------------- speakers


@dataclass(frozen=True)
class SpeakerTurn:
    """A speaker header found in a transcript: where it is and who speaks after it."""

    start: int
    end: int  # end of the header itself; the speech follows
    name: str
    affiliation: str | None
    is_analyst: bool
    is_operator: bool


# Latin letters with accents count ("Tomás Ferreira", "JOSÉ NÚÑEZ").
_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_NAME_CAPS = rf"[{_UP}][{_UP}.'\-]+(?:[ ][{_UP}][{_UP}.'\-]+){{0,3}}"
# a name part may be double-barrelled: "Solberg-Tate"
_PART = rf"[{_UP}][{_LO}.'\-]+(?:-[{_UP}][{_LO}.'\-]+)?"
_NAME_MIXED = rf"{_PART}(?:[ ](?:{_PART}|[{_UP}]\.?|de|van|von|da|di|le|la)){{1,3}}"
# "SATYA NADELLA:" / "KEITH WEISS, Morgan Stanley: text" (name in capitals, on a line start)
_HEADER_CAPS = re.compile(rf"^(?P<name>{_NAME_CAPS})(?:,[ ]*(?P<aff>[^:\n]{{2,60}}))?:[ ]*", re.M)
# "Satya Nadella -- Chief Executive Officer" alone on a line, or "Satya Nadella: text"
_HEADER_DASH = re.compile(
    rf"^(?P<name>{_NAME_MIXED})[ ]+(?:--|—|–|-)[ ]+(?P<aff>[^\n]{{2,120}})$", re.MULTILINE
)
_HEADER_COLON = re.compile(
    rf"^(?P<name>{_NAME_MIXED}|Operator|Moderator|Analyst|Unidentified (?:Analyst|Participant))"
    # "Maeve Dunleavy (Skerry Air Group): text": the firm in brackets
    rf"(?:[ ]\((?P<firm>[^)\n]{{2,60}})\))?(?:,[ ]*(?P<aff>[^:\n]{{2,60}}))?:[ ]*",
    re.MULTILINE,
)
# "Victoria Saldana, Chairman and Chief Executive Officer" or "Martin Feld, Ashcombe Brothers"
# alone on a line, the speech below it
_HEADER_NAME_LINE = re.compile(rf"^(?P<name>{_NAME_MIXED}),[ ](?P<aff>[^\n:]{{2,80}})$", re.M)
# "Q - Martin Feld" / "A - Victoria Saldana" alone on a line
_HEADER_QA_DASH = re.compile(rf"^(?P<qa>Q|A)[ ]?[-–—][ ]?(?P<name>{_NAME_MIXED})[ ]*$", re.M)
_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?[ ])?"
_OPERATOR_LINE = re.compile(r"^(?P<name>Operator|Moderator)[ ]*$", re.MULTILINE)
_HOSTS = frozenset({"operator", "moderator"})  # who runs the call: never a claim
# "[Corinne Waddell, President and Chief Executive Officer]", "Question: [Liesl Dorn, Cabbott]"
_HEADER_BRACKET = re.compile(
    rf"^(?:(?P<qa>Question|Answer|Q|A):[ ]*)?\[{_HONORIFIC}(?P<name>{_NAME_MIXED}|Operator)"
    rf"(?:(?:,[ ]*|[ ][-–—][ ])(?P<aff>[^\]\n]{{2,80}}))?\][ ]*$",
    re.MULTILINE,
)
_COMPANY_TITLE = re.compile(
    r"chief|officer|ceo|cfo|coo|president|chair|director|head|vice|vp|treasurer|"
    r"investor relations|general counsel|founder",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset(
    {"NOTE", "NOTES", "TABLE", "PART", "ITEM", "SOURCE", "Q", "A", "END", "PAGE", "FORWARD"}
)


_BARE_NAME = re.compile(rf"^(?P<name>{_NAME_MIXED}|{_NAME_CAPS})[ ]*$", re.MULTILINE)
_INTRO = re.compile(
    r"\b(?:question|questions|line) (?:comes |is |will come )?(?:from|of) (?:the line of )?"
    rf"(?P<name>[{_UP}][{_LO}'\-]+(?: [{_UP}]\.)?(?: [{_UP}][{_LO}'\-]+){{1,2}})"
    r"(?:,? (?:with|from|at|of) (?P<firm>[A-Z][\w&.\-]*(?: [A-Z&][\w&.\-]*){0,4}))?"
)


_LEGAL_SUFFIX = re.compile(
    r"(?:Inc|Incorporated|Corp|Corporation|Ltd|Limited|LLC|plc|PLC|Co|Company|Holdings|Group|"
    r"N\.V|S\.A|AG|SE)\b\.?"
)
_PARTICIPANT = re.compile(
    rf"^(?P<name>{_NAME_MIXED})(?:[ ]+(?:--|—|–|-)[ ]+|,[ ]|[ ]\([^)\n]{{2,60}}\):[ ])"
    rf"[^\n]{{2,120}}$",
    re.M,
)


_BROKER_WORDS = (
    r"Securities|Capital|Research|Partners|Bank|Brothers|Advisors|Advisers|Markets|"
    r"Investments?|Asset\sManagement|&\sCo\.?"
)
_BROKER = re.compile(rf"\b(?:{_BROKER_WORDS})\b")
_FIRM = re.compile(rf"\b(?:{_BROKER_WORDS}|LLC|Group)\b")
_HOST_LINE = re.compile(
    r"^(?:Host|Moderator|Interviewer|Analyst):\s([A-Z][\w.'’\-]+(?:\s[A-Z][\w.'’\-]+){1,3}),",
    re.M,
)


def names_a_broker(affiliation: str) -> bool:
    """Whether an affiliation names a bank, broker or research firm ("Vellacott & Prynne
    Securities", "Equity Research")."""
    return _BROKER.search(affiliation) is not None


def listed_hosts(text: str) -> set[str]:
    """Conference hosts in a participant list near the start ("Host: Tobias Renner, Software
    Equity Research Analyst, Harborview Securities"): they ask the questions."""
    return {m.group(1) for m in _HOST_LINE.finditer(text[:4000])}


def listed_participants(text: str) -> set[str]:
    """Names in a transcript's participant list ("Rachel Obuya - Vice President, Investor
    Relations") near its start: speakers even where their header is a bare name line."""
    return {m.group("name") for m in _PARTICIPANT.finditer(text[:4000])}


def bare_name_lines(text: str) -> list[str]:
    """Lines that hold only a person-like name ("Satya Nadella"): speaker headers in some
    transcript layouts. Callers keep those seen more than once in a document."""
    return [_title(m.group("name")) for m in _BARE_NAME.finditer(text)]


def introduced_analysts(text: str) -> set[str]:
    """Names the operator introduces ("Our next question comes from Jane Roe with Big Bank")."""
    return {m.group("name") for m in _INTRO.finditer(collapse_ws(text))}


def find_speakers(text: str, known: frozenset[str] = frozenset()) -> list[SpeakerTurn]:
    """Speaker headers in transcript text, in order.

    An *analyst* is a speaker whose header carries a firm that is not a company title
    ("KEITH WEISS, Morgan Stanley:", "Jane Roe -- Analyst, Big Bank") or is labelled "Analyst".
    ``known`` names are also headers when they stand alone on a line.
    """
    turns: dict[int, SpeakerTurn] = {}
    if known:
        for m in _BARE_NAME.finditer(text):
            name = _title(m.group("name"))
            if name in known:
                turns[m.start()] = SpeakerTurn(
                    m.start(), m.end(), name, None, False, name.lower() in _HOSTS
                )
    patterns = (
        _HEADER_BRACKET,
        _HEADER_CAPS,
        _HEADER_DASH,
        _HEADER_COLON,
        _OPERATOR_LINE,
        _HEADER_QA_DASH,
        _HEADER_NAME_LINE,
    )
    for pattern in patterns:
        for m in pattern.finditer(text):
            name = m.group("name").strip()
            if pattern is _HEADER_NAME_LINE and not (
                _title(name) in known
                or _COMPANY_TITLE.search(m.group("aff"))
                or _FIRM.search(m.group("aff"))
            ):
                continue  # "Jane Roe, a long-time customer" in prose is no header
            if name.upper() in _NOT_NAMES or len(name) < 3:
                continue
            aff_text = m.groupdict().get("aff") or ""
            if _LEGAL_SUFFIX.match(aff_text.strip()):
                continue  # "Halvorsen Microdevices, Inc. (NASDAQ: HLVM)": the company
            if pattern is _HEADER_CAPS and not any(c.isalpha() for c in name.replace(".", "")):
                continue
            aff = (m.groupdict().get("aff") or "").strip() or None
            firm = (m.groupdict().get("firm") or "").strip()
            is_operator = name.lower() in _HOSTS
            lowered = f"{name} {aff or ''}".lower()
            is_analyst = (
                (m.groupdict().get("qa") or "").startswith("Q")
                or "analyst" in lowered
                or "participant" in lowered
                or (aff is not None and not _COMPANY_TITLE.search(aff))
            )
            if firm:
                # the firm in brackets: the caller compares it with the company
                aff = f"({firm})" + (f", {aff}" if aff else "")
                is_analyst = is_analyst and "analyst" in lowered
            if (
                pattern is _HEADER_DASH
                and aff
                and not (_COMPANY_TITLE.search(aff) or "analyst" in aff.lower())
                and len(aff.split()) > 6
            ):
                continue  # "Name -- a long phrase": neither a title nor an analyst
            turns.setdefault(
                m.start(),
                SpeakerTurn(m.start(), m.end(), _title(name), aff, is_analyst, is_operator),
            )
    return [turns[k] for k in sorted(turns)]


def _title(name: str) -> str:
    return name.title() if name.isupper() else name
