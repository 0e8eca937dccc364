"""Quantified AI-adoption claims and the signals (mandates, targets, leaderboards, plans).

Rules, not a lookup of known sentences. A sentence yields claims when

1. it is about AI: it names an AI term or product (lexicon below; "AIA" is not "AI"), or it
   refers back ("It now has...", or names no other product) to a sentence that did;
2. it is not a question, a hypothetical, an analyst's turn on a call, or a mandate/target/plan
   (those become :class:`~analyzer.records.Signal` s instead, when about AI);
3. a figure in it measures use or uptake: people or organisations using the product, activity
   (tokens, queries, conversations), share of work done by AI, AI-made output, savings or
   productivity attributed to AI, or AI revenue/bookings (``outcome``). The figure's unit comes
   from the noun it counts ("2,500 ... customers"), the clause it grows ("users ... up 75%"), or
   what it is a share of ("75% of new code"). Figures about other things (developers on a platform,
   signals, cores, capex, revenue guidance, product specs such as "4x faster") are not claims.

Analyst turns are excluded (not kept at low confidence): the analyst's figure is not the
company's claim. ``confidence`` falls when the product is only inherited from the previous
sentence, when the figure is an outcome (revenue, savings), or when it is far from the AI term.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzer.currency import (
    PREFIX_PATTERN,
    SUFFIX_PATTERN,
    Rates,
    conversion,
    currency_code,
    document_rates,
)
from analyzer.documents import Limits, read_document
from analyzer.quantities import Quantity, parse_quantities
from analyzer.records import (
    Claim,
    DocType,
    Document,
    Extraction,
    FxSource,
    Measure,
    MetricKind,
    Period,
    Population,
    Qualifier,
    Signal,
    SignalKind,
    Unit,
)
from analyzer.text import (
    SpeakerTurn,
    bare_name_lines,
    find_speakers,
    introduced_analysts,
    is_table_row,
    listed_hosts,
    listed_participants,
    names_a_broker,
    split_sentences,
)

# ------------------------------------------------------------------------------- lexicon

_PRODUCT_HEADS = (
    r"Copilot|Gemini|Bard|ChatGPT|OpenAI|GPT(?:-\d[\w.]*)?|Llama|Bedrock|SageMaker|CodeWhisperer|"
    r"Agentforce|Einstein GPT|Now Assist|watsonx|Claude|Dall-E|DALL-E|Midjourney|Rufus|"
    r"Amazon Q|Q Developer|Meta AI|Vertex AI|AI Overviews|AI Mode|Azure ML|Azure Machine Learning|"
    r"Nuance DAX|DAX Copilot|DAX Express|Firefly|Sensei|Cortex|Duet AI|NotebookLM|Grok|Perplexity"
)
# A product name: up to three capitalised words before a head ("GitHub Copilot", "Azure OpenAI
# Service"), or a capitalised name ending in AI ("Meta AI", "Vertex AI").
_PRODUCT = re.compile(
    rf"(?:(?:[A-Z][\w+.\-]*|365)\s){{0,3}}(?:{_PRODUCT_HEADS})(?:\s(?:Service|for Business|"
    rf"Enterprise|Pro|app|API|Studio|Developer|Chat))?\b"
    r"|\b(?:[A-Z][\w\-]+\s){1,2}AI\b"
)
# One leading word boundary for every alternative keeps the scan fast on long filings.
_AI_TERMS = re.compile(
    r"\b(?:AI\b|A\.I\.|Gen ?AI\b|generative AI\b|artificial intelligence|"
    r"machine[ \-]learning|ML\b|LLMs?\b|large language models?|foundation models?|"
    r"agentic\b|chatbots?\b|tokens\b|(?<=-)token\b|inference\b|neural|"
    # generic AI-product nouns: "coding assistant", "model platform", "prompts", "token usage"
    r"(?<![\w\-])cod(?:e|ing) (?:assistants?|agents?|reviewers?|copilots?)\b|"
    r"models? (?:platforms?|hosting|serving|APIs?|gardens?|catalogs?)\b|prompts\b|"
    r"(?:virtual|digital|internal|in-house|mobile|chat|voice|smart|writing|research|shopping|"
    r"drafting|knowledge|design) (?:[a-z]+ )?assistants?\b|"
    # synthetic media and language interfaces: "synthetic voice dubbing", "natural-language search"
    r"synthetic\s(?:voices?|voice|speech|media|dubbing)\b|machine-assisted\b|"
    r"natural[- ]language\s(?:search|assistant|interface|queries|questions)\b|"
    # output a machine made: "machine-drafted first passes", "machine-translated subtitles"
    r"machine-(?:drafted|generated|written|translated|assembled|made)\b|"
    # models that learn from data: "our predictive-maintenance model", "vision models"
    r"(?:predictive|prediction|vision|recognition|scoring|forecasting|recommendation)"
    r"(?:-[a-z]+)? models?\b|"
    # "generative" names AI by itself ("a generative design assistant"); "image generator"
    r"generative\b|(?:image|video|text|content|music|art|voice|speech) generators?\b|"
    r"token (?:throughput|usage|use|consumption|volumes?|processing|counts?|traffic)\b|"
    rf"(?:{_PRODUCT_HEADS})\b|agents?\b)",
    re.IGNORECASE,
)
_CASE_SENSITIVE_TERMS = {"ai", "a.i.", "ml", "q developer", "amazon q", "claude", "grok"}
_HUMAN_AGENT = re.compile(
    # not "virtual service agents" or "AI support agents"
    r"(?<!virtual\s)(?<!digital\s)(?<!AI\s)(?<!autonomous\s)"
    r"(?:full[- ]time|human|customer[- ]service|support|sales|service|insurance|travel|real[- ]"
    r"estate|contact[- ]center|call[- ]center|live)\s+agents?\b",
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    """The set of whitespace-separated words in ``text``."""
    return frozenset(text.split())


# Cheap substring checks that rule out most sentences before the regex runs.
_QUICK_CASED = ("AI", "ML", "LLM", "A.I.")
_QUICK_LOWER = tuple(
    sorted(
        {h.split("(")[0].split("\\")[0].lower() for h in _PRODUCT_HEADS.split("|")}
        | {
            "gen ai",
            "genai",
            "generative",
            "artificial intel",
            "machine learn",
            "machine-learn",
            "language model",
            "foundation model",
            "agent",
            "chatbot",
            "token",
            "inference",
            "neural",
            "prompts",
            "model",
            "code",
            "coding",
            "assistant",
            "generator",
            "machine-",
            "synthetic",
            "natural-language",
            "natural language",
        }
    )
)


def ai_terms(sentence: str) -> list[re.Match[str]]:
    """AI terms in ``sentence`` ("AI" only in capitals as a word: "AIA" and "said" don't count)."""
    if not any(k in sentence for k in _QUICK_CASED):
        low = sentence.lower()
        if not any(k in low for k in _QUICK_LOWER):
            return []
    found = []
    for m in _AI_TERMS.finditer(sentence):
        word = m.group(0)
        low = word.lower()
        if low in _CASE_SENSITIVE_TERMS and not (word.isupper() or word[0].isupper()):
            continue
        if low in {"ai", "ml"} and word != word.upper():
            continue
        if low.startswith("agent"):
            start = max(0, m.start() - 30)
            if _HUMAN_AGENT.search(sentence[start : m.end()]):
                continue
        if low == "inference" and not re.search(
            r"AI|model|inference (?:platform|service|API|endpoint|requests|calls)", sentence
        ):
            continue
        if low == "prompts" and re.search(
            r"\b(?:which|that|this|it|also) prompts$", sentence[: m.end()]
        ):
            continue  # the verb: "which prompts a review"
        if low == "tokens" and re.search(r"crypto|nft|loyalty|security tokens", sentence, re.I):
            continue
        found.append(m)
    return found


def subject_of(sentence: str) -> str | None:
    """The AI product or programme named in ``sentence`` (the first one), else a generic term."""
    m = _PRODUCT.search(sentence)
    if m:
        name = m.group(0).strip()
        words = name.split()
        # drop a sentence-initial function word swept into the name ("With GitHub Copilot")
        while len(words) > 1 and words[0].lower() in _LEADING_NOISE:
            words = words[1:]
        return " ".join(words)
    terms = ai_terms(sentence)
    for t in terms:
        if t.group(0).lower() not in {"tokens", "inference", "agent", "agents", "prompts"}:
            return t.group(0)
    return None


_LEADING_NOISE = _words(
    "with the a an and our its their using through from in on by for of to as at this that "
    "new all-up today now"
)

# --------------------------------------------------------------------------- nouns -> units


@dataclass(frozen=True)
class _NounSense:
    unit: Unit
    kind: MetricKind
    population: Population


_PEOPLE = _NounSense(Unit.USERS, MetricKind.USER_COUNT, Population.USERS)
_NOUNS: dict[str, _NounSense] = {}


def _add(words: str, sense: _NounSense) -> None:
    for w in words.split():
        _NOUNS[w] = sense


_add(
    "users user people persons consumers members subscribers subscriptions actives maus daus "
    "seats licenses licences learners students physicians doctors clinicians nurses teachers "
    "creators shoppers viewers individuals households families patients guests travelers "
    "travellers riders drivers readers listeners players fans residents citizens holders",
    _PEOPLE,
)
_add(
    "developers developer engineers programmers coders",
    _NounSense(Unit.USERS, MetricKind.USER_COUNT, Population.DEVELOPERS),
)
_add(
    "employees staff workers colleagues associates sellers managers lawyers adjusters "
    "reps representatives advisors advisers bankers underwriters technicians dispatchers "
    "workforce employee editors writers designers researchers pharmacists recruiters "
    "marketers accountants auditors planners journalists agents' roles positions ftes",
    _NounSense(Unit.USERS, MetricKind.USER_COUNT, Population.EMPLOYEES),
)
_add(
    "customers customer organizations organisations orgs companies enterprises businesses "
    "clients accounts advertisers partners brands firms institutions startups tenants "
    "merchants hospitals banks agencies",
    _NounSense(Unit.CUSTOMERS, MetricKind.USER_COUNT, Population.CUSTOMERS),
)
_add("tokens token", _NounSense(Unit.TOKENS, MetricKind.USAGE_ACTIVITY, Population.NONE))
_add(
    "queries requests calls searches prompts questions messages sessions inferences "
    "api-calls visits uses predictions completions suggestions responses answers generations "
    "downloads conversations chats runs replies",
    _NounSense(Unit.REQUESTS, MetricKind.USAGE_ACTIVITY, Population.NONE),
)
_add(
    "interactions tickets cases contacts images pictures photos videos "
    "ads creatives songs applications apps courses documents articles summaries transcripts words "
    "commits pull-requests workflows tasks jobs lines listings descriptions "
    "agents bots contracts policies claims reports emails drafts notes letters invoices "
    "titles clips labels items transactions stories posts routes drawings designs subtitles "
    "reels highlights episodes files pages products parts",
    _NounSense(Unit.COUNT, MetricKind.USAGE_ACTIVITY, Population.NONE),
)
_add("hours hrs minutes", _NounSense(Unit.HOURS, MetricKind.OUTCOME, Population.NONE))
# hours are an outcome when they were saved; hours of work done ("186K hours of audio
# transcribed") are activity
_TIME_SAVED = re.compile(
    r"\b(?:sav\w*|free[ds]?\sup|freed|gave\s(?:\w+\s){0,3}?back|giv(?:es?|en|ing)\s(?:\w+\s){0,3}?"
    r"back|returned|reduc\w*|avoid\w*|replac\w*|reclaim\w*|"
    r"fewer|less|cut|shorten\w*|efficien\w*|productiv\w*|equivalent)\b",
    re.IGNORECASE,
)
_add(
    "developer-years developer-hours person-years engineer-years",
    _NounSense(Unit.DEVELOPER_YEARS, MetricKind.OUTCOME, Population.DEVELOPERS),
)
# Words that look like counts but are not usage: durations, money words, generic things.
_NOT_USAGE = _words(
    "years year months month days day weeks week quarters quarter points basis times cores "
    "signals data servers gpus chips countries languages markets regions offices stores "
    "percent dollars shares patents parameters cards accelerators nodes tpus racks clusters "
    "petabytes terabytes gigabytes bytes megawatts gigawatts sites facilities locations "
    "branches warehouses plants factories acres miles kilometers kilometres"
)
# Output nouns count only when the AI made or handled them.
_OUTPUT = _words(
    "contracts policies claims reports emails drafts notes letters invoices "
    "images pictures photos videos ads creatives songs applications apps courses documents words "
    "articles summaries transcripts commits pull-requests workflows lines listings "
    "descriptions agents bots tasks runs jobs titles clips labels items transactions stories "
    "posts routes drawings designs subtitles reels highlights episodes files pages products parts"
)
_MADE = re.compile(
    r"\b(?:creat|generat|buil|built|made|make|writ|wrote|produc|launch|mov|migrat|upgrad|"
    r"complet|handl|process|serv|answer|resolv|run|ran|execut|deploy|transform|moderat|"
    r"translat|summari|draft|design|develop|automat|review|prepar|underwr|compos|analy[sz]|"
    r"scor|check|flag|screen|detect|print|tag|caption|subtitl|dub|edit|restor|upscal|plan|"
    r"sort|label|classif|recommend|suggest|verif|render|triag|start|pric|quot|approv|settl|"
    r"cover|inspect|categori[sz]|reconcil|match|book|clos|catch|caught|block|prevent|rout|"
    r"propos|pre-?populat|populat|assign|dispatch|allocat|worked\sthrough|works\sthrough|"
    r"look(?:s|ed|ing)?\sat|"
    r"schedul|forecast|predict|assess|evaluat|audit|extract|submit|transcrib|diagnos|"
    r"interpret|fulfil|pick|pack|monitor|convert|cod|author|identif|spot|surfac|reject|read|"
    r"fix|repair|patch|test|fill|file|filed|intercept|negotiat|determin|decid|assembl|clear|"
    r"held|hold|conduct|host|took|take|taken|receiv|intak)\w*",
    re.IGNORECASE,
)
_SKIP_BEFORE_NOUN = _words(
    "active paid automated monthly daily weekly unique new existing global enterprise commercial "
    "business consumer internal external production professional individual total distinct "
    "additional developer customer ai genai generative first-party third-party more "
    "full-time organizations' and support service sales marketing agent agentic human "
    "call-center contact-center customer-service"
)
# Nouns that mean use by themselves ("users", "customers" of a product); other people or
# organisations ("developers", "enterprises") count only with a verb of use in the sentence.
_USING_NOUNS = _words(
    "users user customers customer subscribers subscriptions seats licenses actives maus daus "
    "clients accounts members learners"
)
_USING = re.compile(
    r"\b(?:us(?:e|es|ed|ing)|adopt\w*|sign(?:ed|ing)? up|tri(?:ed|al)|try(?:ing)?|deploy\w*|"
    r"live\s(?:with|at)|call(?:s|ed|ing)?\s(?:[\w’'\-]+\s){0,3}?(?:APIs?|endpoints?)\b|"
    r"pay(?:s)?\sfor|exchang\w*\s(?:at\sleast\s)?(?:one\s|a\s)?messages?\swith|"
    r"spoken\s(?:with|to)|spoke\s(?:with|to)|"
    r"c[ao]me\sback\sto|return(?:s|ed)?\sto\s(?:it|them)\b|"
    r"buil(?:t|d|ds|ding) (?:[\w\-]+ ){0,2}?(?:on|with)|talk(?:s|ed|ing)? (?:to|with)|"
    r"chat(?:s|ted|ting)? with|ask(?:s|ed|ing)?|run(?:ning)? on|rel(?:y|ied|ies) on|"
    r"leverag\w*|access\w*|"
    r"engag\w*|ch(?:o|oo)se|chosen|turn(?:ed|ing)? to|taken up|took up|onboard\w*|"
    r"subscrib\w*|activ\w*|paid|paying|sold|purchas\w*|licen[sc]\w*|reach\w*|enabl\w*|"
    r"tap(?:s|ped|ping)?|log(?:s|ged|ging)? (?:in|on)(?:to)?|sign(?:s|ed)? in(?:to)?|"
    r"rolled out to|interact\w*|work(?:ing|s)? with|customers? of|open(?:s|ed|ing)?|invok\w*|"
    r"depend(?:s|ed|ing)? on|prompt(?:s|ed|ing)?|quer(?:y|ies|ied|ying)|pa(?:y|ys|id) for|"
    r"in production|set (?:it|one|them) up|put (?:it|them) to work)\b",
    re.IGNORECASE,
)
_WORK_NOUNS = re.compile(
    r"\b(?:code|chats?|conversations?|interactions?|tickets?|inquiries|queries|cases|contacts|"
    r"work|tasks?|calls?|requests?|content|ads|emails?|documents?|support|service|translations?"
    r"|pull requests?|commits?|tests?|volumes?|runs|jobs)\b",
    re.IGNORECASE,
)
_FINANCE = re.compile(
    r"\b(?:revenue|revenues|sales|bookings|backlog|orders|ARR|run[- ]rate|income|margin|"
    r"earnings|profit|EPS|cash flow|capex|capital expenditures?|spend(?:ing)?|investments?|"
    r"costs?|expenses?|opex|price|pricing|guid(?:ance|e|es|ed|ing)|ACV|TCV|contract value|"
    r"dollars|sum|"
    r"share price|shares|stock|valuation)\b",
    re.IGNORECASE,
)
_NEVER = re.compile(
    r"capital (?:expenditures?|investment|spending|spend)|\bcapex\b|installed base|"
    r"\buse[- ]cases\b|"
    r"addressable|potentially reach|"
    r"could reach|\bAI[- ]capable\b|capable PCs|data cent(?:er|re)s?|megawatts|gigawatts|"
    r"\bGW\b|\bMW\b|headcount|\bhired?\b|\bhires\b|\bhiring\b|\blayoffs?\b|\bemploy(?:s|ed)?\b|"
    r"homes passed|\bpass(?:es|ed)?\s[^.;,]{0,30}\b(?:homes|households|premises)\b|"
    # trained is not using; a study's sample is not its users
    r"\b(?:completed|finished|attended|passed)\b[^.;]{0,40}\b(?:course|training|certification|"
    r"curriculum|module|program(?:me)?)s?\b|\b(?:trained|certified|upskilled)\s(?:on|in)\b|"
    r"\b(?:sample|survey|panel|study)\sof\b",
    re.IGNORECASE,
)
_SPEC_AFTER = re.compile(
    r"^[ ]?(?!more than (?:a|the|last|in|one) (?:year|quarter|month)|more (?:than )?(?:a|one) "
    r"year)(?:faster|slower|higher|lower|better|more|less|larger|greater|smaller|bigger|cheaper|"
    r"the (?:performance|memory|speed|capacity)|performance|memory|as (?:fast|many|much)|"
    r"efficien\w*|throughput|price[- ]performance|energy)\b",
    re.IGNORECASE,
)
_EFFECT_AFTER = re.compile(
    r"^[ ]?(?:improvement|increase|lift|gain|uplift|boost|reduction|decrease|drop|rise|jump)s? "
    r"in\b[^.;]{0,40}\b(?:conversion|return|roas|productivity|sales|engagement|time|costs?|"
    r"resolution|satisfaction|clicks|click-through|retention|output|throughput of)",
    re.IGNORECASE,
)
_ADOPTION_BEFORE = re.compile(
    r"\b(?:adoption|penetration|uptake|usage rate|utili[sz]ation)\b[^.;,]{0,60}"
    r"\b(?:reached|is|was|at|hit|of|to|stands at|stood at|rose to|grew to|climbed to)[ ]*$",
    re.IGNORECASE,
)
_SHARE_OF_WORK_BEFORE = re.compile(
    r"\b(?:share|proportion|percentage|portion|fraction) of (?:all |our |new |the )*"
    r"(?:[a-z\-]+ )?(?:code|"
    r"commits|pull requests|chats|conversations|tickets|cases|contacts|calls|inquiries|queries|"
    r"interactions|support|service|work|tasks)\b[^.;,]{0,60}\b(?:reached|is|was|at|hit|"
    r"stands at|stood at|rose to|grew to|climbed to|increased to|now)[ ]*$",
    re.IGNORECASE,
)
_OUTCOME_VERB = re.compile(
    r"\b(?:reduc\w*|cut(?:ting|s)?|sav\w*|trim\w*|lower\w*|decreas\w*|shorten\w*|speed\w* up|"
    r"boost\w*|improv\w*|lift\w*|increas\w* productivity|productivity)\b(?:[\w\s,'’-]{0,70})"
    r"\b(?:by|of)[ ]*$",
    re.IGNORECASE,
)
# A figure right after these phrases is a spec or training data, not use.
_SPEC_BEFORE = re.compile(
    r"\b(?:context (?:window|length)|window|trained on|pre-?trained on|training (?:data|set|"
    r"corpus|run)|parameters?|capacity|memory)\b[^.;,]{0,20}$",
    re.IGNORECASE,
)
_DEPLOYED_TO = re.compile(
    r"\b(?:rolled out|roll(?:ing)? out|deployed|made (?:it )?available|available|offered|"
    r"extended|provisioned|given access|gave|given|provided|issued|handed|deliver\w*)\b[^,;.]{0,40}"
    r"\bto (?:all |our |its |their |the |some |"
    r"about |over |more than |nearly |roughly |approximately )*$|"
    r"\b(?:gave|give|given|provided|issued|handed)[ ](?:all |our |some |about |over |more than |"
    r"nearly |roughly |approximately )*$",
    re.IGNORECASE,
)
_PEOPLE_USING = re.compile(
    r"\b(developers|engineers|employees|staff|agents|users|customers|teams|workers|nurses|"
    r"doctors|clinicians|lawyers|analysts|sellers|reps|representatives|adjusters)[ ](?:who[ ]"
    r"(?:use|used|adopted|rely[ ]on)|using|with[ ]access[ ]to|on)\b",
    re.IGNORECASE,
)
_SOLD_THROUGH = re.compile(
    r"\b(?:sold|resold|distributed|marketed|offered|available|delivered)\b[^,;.]{0,25}\b"
    r"(?:through|via)[ ](?:more than |over |about |nearly |roughly |approximately |some )*$",
    re.IGNORECASE,
)
# Money saved: "saved $5 million", "costs fell by $5 million", "$5 million in savings".
_SAVED_MONEY_BEFORE = re.compile(
    r"\b(?:sav(?:e|ed|es|ing)|(?:costs?|expenses?|spend(?:ing)?)[ ](?:\w+[ ]){0,2}?(?:fell|fall|"
    r"dropped|declined|decreased|shrank|(?:were|was)[ ](?:cut|reduced|lowered))(?:[ ]by)?|"
    r"(?:cut|reduc\w*|lower\w*|trimm\w*)[ ](?:[\w,\-]+[ ]){0,6}?(?:costs?|expenses?|spend(?:ing)?)"
    r"[ ]by|"
    # "cut fuel use by 8%, which we value at $31 million"
    r"\b(?:cut|sav|reduc|lower)\w*\b[^.;]{0,80}\b(?:which|that)[ ]we[ ](?:value|estimate|put)[ ]"
    r"(?:it[ ]|that[ ])?at)[ ](?:about[ ]|roughly[ ]|nearly[ ]|over[ ]|more[ ]than[ ]|"
    r"an[ ]estimated[ ])*$",
    re.IGNORECASE,
)
_SAVED_MONEY_AFTER = re.compile(
    r"^[ ]?(?:in|of)[ ](?:[\w\-]+[ ]){0,2}?(?:savings|cost[ ]savings|saved)\b|"
    # "took $11.4 million of cost out of the quarter"
    r"^[ ]?of[ ](?:[\w\-]+[ ])?(?:costs?|expenses?|spend(?:ing)?)[ ]out\b|"
    # "$14.2 million of contact-centre cost avoided", "$640M estimated outside-counsel spend
    # avoided"
    r"^[ ]?(?:of[ ])?(?:estimated[ ])?(?:[\w\-]+[ ]){0,2}?(?:costs?|expenses?|spend(?:ing)?|fees)"
    r"[ ](?:avoided|saved|eliminated)\b",
    re.IGNORECASE,
)
_MORE_NOUN = re.compile(r"^[ ]?(?:more|additional|extra)[ ]+(\w+)", re.IGNORECASE)
_GROWTH_SUBJECT_END = re.compile(r"[;:]|\bwhile\b|\bbut\b", re.IGNORECASE)

# ------------------------------------------------------------------------- period, qualifier

_PERIODS: list[tuple[re.Pattern[str], Period]] = [
    (re.compile(r"per minute|a minute|each minute|every minute", re.I), Period.PER_MINUTE),
    (re.compile(r"\bdaily\b|per day|a day\b|each day|every day|\bDAUs?\b|"
                r"\b(?:average|typical) day\b", re.I), Period.DAILY),
    (re.compile(r"\bweekly\b|per week|a week\b|each week|every week|\bWAUs?\b|"
                r"\b(?:average|typical) week\b", re.I), Period.WEEKLY),
    (re.compile(r"\bmonthly\b|per month|a month\b|each month|every month|\bMAUs?\b|"
                r"last month|this month|in the month", re.I), Period.MONTHLY),
    (re.compile(r"in the quarter|this quarter|per quarter|\bquarterly\b(?! (?:earnings|results|"
                r"report|call|dividend|filing))|last quarter|during the quarter|\bin (?:the )?"
                r"Q[1-4]\b|\b(?:in|during|for) the (?:first|second|third|fourth|latest|most "
                r"recent) quarter|three months ended|over the quarter", re.I),
     Period.QUARTERLY),
    (re.compile(r"per year|a year\b(?! (?:ago|earlier|before))|annual|twelve months|12 months|"
                r"past year|this year|last year|\bfull year\b|\bin fiscal (?:year )?\d{4}\b|"
                r"\b(?:during|in|for|over) the (?:fiscal )?year\b", re.I),
     Period.ANNUAL),
    (re.compile(r"to date|so far|since (?:launch|inception|its launch)|cumulative|in total|"
                r"have (?:already )?(?:used|signed up|tried|created|generated)|"
                r"has (?:already )?(?:used|signed up|created|generated)|have been created|"
                r"have been generated|already used", re.I), Period.CUMULATIVE),
]  # fmt: skip
# Comparison periods describe a change; they set the period of growth figures, and of a level
# only when they follow it directly ("20,000 a year ago").
_COMPARISONS: list[tuple[re.Pattern[str], Period]] = [
    (re.compile(r"quarter[- ](?:over|on)[- ]quarter|\bq/q\b|a quarter (?:earlier|ago|before)|"
                r"sequential\w*|prior quarter|previous quarter", re.I), Period.QUARTERLY),
    (re.compile(r"year[- ](?:over|on)[- ]year|\by/y\b|\byoy\b|a year (?:ago|earlier|before)|"
                r"from last year|prior year|previous year", re.I), Period.ANNUAL),
]  # fmt: skip


def _period(text: str) -> Period:
    for pattern, period in (*_PERIODS, *_COMPARISONS):
        if pattern.search(text):
            return period
    return Period.NONE


# A product the document itself introduces as AI ("Tessel Resolve, our AI support agent",
# "our AI coding assistant, Q-Assist", "Kiln lets customers run AI models"): its name then counts
# as an AI term everywhere in that document.
_NAME = r"(?P<name>[A-Z][\w\-]*(?:[ ][A-Z][\w\-]*){0,2})"
_LINE_START = r"(?:^|(?<=[.!?][ \n])|(?<=\n))"
_AI_WORD = r"\b(?:AI|generative AI|generative|artificial intelligence|machine learning)\b"
_AI_NOUN = (
    r"(?:assistants?|agents?|platforms?|tools?|models?|chatbots?|copilots?|services?|planners?|"
    r"tutors?|generators?|scribes?|engines?|companions?|advisors?|systems?|products?|offerings?|"
    r"solutions?|features?|apps?|applications?)"
)
_NOT_AI_MODEL = (
    r"(?:business|operating|financial|pricing|revenue|subscription|economic|delivery|service|"
    r"executive|administrative|teaching|personal|legal|dental|medical|retail|franchise|role|"
    # agents who are people or firms
    r"transfer|paying|registered|escrow|fiscal|settlement|collection|insurance|leasing|listing|"
    r"sales|selling|booking|travel|estate|rating|exchange|distribution|placement|purchasing|"
    r"shipping|forwarding|customs|depositary|calculation|disbursing|syndication|marketing|"
    r"advertising|talent|sports|managing|collateral|administration|loan|trustee|process|"
    r"human|live|field|independent|licensed|exclusive|authorized|authorised)\s"
)
_AI_PERSONA = r"(?:assistant|copilot|model|agent|chatbot|bot|scribe|concierge|companion)"
# Descriptions of what a tool does that only AI does ("vision system", "coding tool").
_AI_CUE = (
    r"(?:vision|computer-vision|ambient|conversational|coding|code-generation|generative|"
    r"intelligent|smart|autonomous|predictive|recommendation|speech|voice|language|translation|"
    r"transcription|summari[sz]ation|drafting|forecasting|machine-learning|ML|neural|"
    r"self-learning|virtual|agentic|inference|predicts|predicting|scoring|fraud-scoring)"
)
# "Wayfinder, Stratafold's AI delivery platform,": the company's own product
_OWNER = r"(?:the\s)?(?:[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?|company|firm|group|bank)[’']s"
# "our assistant General Counsel": a person's title, not an AI's name
_JOB_TITLE = r"(?:General|Vice|Chief|Director|Secretary|Treasurer|Controller|Manager|Deputy|Head)"
_DEFINES_PRODUCT = (
    re.compile(rf"\b{_NAME},\s(?:our|the|its|an?|{_OWNER})\s[^,.;:]{{0,60}}?{_AI_WORD}"),
    re.compile(
        rf"{_LINE_START}{_NAME}\s(?:is|was)\s(?:our|the|an?)\s(?:[\w\-]+\s){{0,3}}?"
        rf"{_AI_WORD}\s(?:[\w\-]+\s){{0,2}}?{_AI_NOUN}\b",
        re.M,
    ),
    re.compile(
        rf"{_LINE_START}{_NAME}\s(?:lets|helps|allows|enables)\s[^.;:]{{0,50}}?"
        rf"\b(?:use|run|build|deploy|train)\s[^.;:]{{0,40}}?{_AI_WORD}",
        re.M,
    ),
    re.compile(
        rf"\b(?:[Oo]ur|[Tt]he|[Ii]ts)\s(?:[\w\-]+\s){{0,2}}?{_AI_WORD}\s(?:[\w\-]+\s){{0,2}}?"
        rf"{_AI_NOUN},?\s(?:called\s|named\s)?{_NAME}"
    ),
    # a named assistant, agent or model in an appositive is AI ("Fenn, our claims assistant,",
    # "our route-planning model, Wayfar,", "a symptom assistant, Harbor,"); not a person's
    # assistant, a business model or a transfer agent
    re.compile(
        rf"\b{_NAME},\s(?:our|the|its|an?)\s(?!(?:[\w\-]+\s)?{_NOT_AI_MODEL})"
        rf"(?:[\w\-]+\s){{0,3}}{_AI_PERSONA}(?:,|\.(?:\s|$)|\s(?:which|that|we|it|our)\b|"
        # "Quarry, the assistant Harbourline built for its employees,"
        r"\s(?:[A-Z][\w\-]*\s){1,2}(?:built|made|developed|created|launched|designed)\b|"
        # "Compose, the writing and analysis assistant built into Quillmark Docs"
        r"\s(?:built|embedded|inside|within|in|for|across|on)\b)"
    ),
    re.compile(
        rf"\b(?:[Oo]ur|[Tt]he|[Ii]ts|[Aa]n?)\s(?!(?:[\w\-]+\s)?{_NOT_AI_MODEL})"
        rf"(?:[\w\-]+\s){{0,3}}{_AI_PERSONA},\s{_NAME}(?:,|\.(?:\s|$)|\s(?:which|that|is|was|now|has)\b)"
    ),
    re.compile(
        rf"{_LINE_START}{_NAME}\s(?:is|was)\s(?:our|the|an?)\s(?!(?:[\w\-]+\s)?{_NOT_AI_MODEL})"
        rf"(?:[\w\-]+\s){{0,3}}{_AI_PERSONA}\b",
        re.M,
    ),
    # a tool or system whose description says what AI does ("our warehouse vision system,
    # Lookout,", "our ambient documentation tool, Quill,")
    re.compile(
        rf"\b(?:[Oo]ur|[Tt]he|[Ii]ts|[Aa]n?)\s(?:[\w\-]+\s){{0,2}}?{_AI_CUE}\s(?:[\w\-]+\s){{0,2}}?"
        rf"{_AI_NOUN},\s{_NAME}(?:,|\.(?:\s|$))"
    ),
    re.compile(
        rf"\b{_NAME},\s(?:our|the|its|an?|{_OWNER})\s(?:[\w\-]+\s){{0,2}}?{_AI_CUE}\s"
        rf"(?:[\w\-]+\s){{0,2}}?{_AI_NOUN}\b"
    ),
    # an appositive: "Our AI travel concierge, Wren, ..."
    re.compile(
        rf"\b(?:[Oo]ur|[Tt]he|[Ii]ts|{_OWNER})\s(?:[\w\-]+\s){{0,2}}?{_AI_WORD}"
        rf"(?:\s[a-z][\w\-]*){{1,3}},\s{_NAME},(?!\s(?:and|or)\b)"
    ),
    # an AI persona right before its name: "our digital assistant Skye, which", "the AI
    # shopping assistant Scout served"
    re.compile(
        rf"\b(?:[Oo]ur|[Tt]he|[Ii]ts|[Aa]n?)\s(?!(?:[\w\-]+\s)?{_NOT_AI_MODEL})"
        rf"(?:[\w\-]+\s){{0,3}}?(?:{_AI_PERSONA}|copilot|chatbot)\s(?:called\s|named\s|dubbed\s)?"
        rf"(?!{_JOB_TITLE}\b){_NAME}\b"
        rf"(?![’'-])"
    ),
    # a name that generates content: "For advertisers, Ads Studio generates headlines, images
    # and short videos from a brief"
    re.compile(
        rf"(?:^|(?<=[.!?][ \n])|(?<=\n)|(?<=,\s)){_NAME}\s(?:now\s|also\s)?(?:generates|drafts|"
        r"writes|composes|summari[sz]es|creates)\s[^.;:]{0,40}?\b(?:images|videos|text|headlines|"
        r"copy|code|replies|responses|summaries|drafts|answers|descriptions|emails|articles|"
        r"captions|scripts|artwork|illustrations)\b",
        re.M,
    ),
    # "the big one is Atlas. That's the natural-language assistant inside our product"
    re.compile(
        rf"\b{_NAME}\.\s(?:That|It|This)(?:['’]s|\sis)\s(?:the|our|an?)\s(?:[\w\-]+\s){{0,3}}?"
        rf"(?:{_AI_PERSONA}|copilot|chatbot)s?\b"
    ),
    # the name before the AI word: "the Ledgerlight AI copilot"
    _NAME_BEFORE_AI := re.compile(
        rf"\b(?:[Oo]ur|[Tt]he|[Ii]ts)\s{_NAME}\s(?:AI|GenAI)\s{_AI_NOUN}\b"
    ),
)
# Introductions whose description is checked with the whole AI lexicon (``ai_terms``):
# "Model Studio, our managed service for hosting and serving foundation models", "Forge, which
# reached general availability in April, lets customers build autonomous agents", "an internal
# agent we call Tinker", "which we market as Sage", "We call it Murmur Ask".
_DESCRIPTION = (
    r"(?P<desc>(?:[^.;:,\n]|,(?!\s(?:we|our|it|its|they|which|who|and\s(?:we|our|it)|is|was|has|"
    r"had|now|up|with|in|at|from|but|while|compared|bringing|taking)\b)){0,110})"
)
_DESCRIBED_AFTER = (
    re.compile(rf"\b{_NAME},\s(?:our|the|its|an?|{_OWNER})\s{_DESCRIPTION}"),
    re.compile(
        rf"\b{_NAME}(?:,\swhich\s[^,.;]{{0,60}},)?\s(?:lets|helps|allows|enables|gives)\s"
        rf"{_DESCRIPTION}"
    ),
)
# a heading about AI ("AI AT BELLHAVEN", "Artificial Intelligence in Operations"): a short
# line of its own, and the products its section introduces
_AI_HEADING = re.compile(
    r"(?:^|\n\n)(?=[^\n]{0,60}\b(?:AI|A\.I\.|[Aa]rtificial [Ii]ntelligence|ARTIFICIAL "
    r"INTELLIGENCE|[Mm]achine [Ll]earning|MACHINE LEARNING|[Gg]enerative)\b)"
    r"[A-Z][^\n.!?,;]{2,60}\n\n"
)
_ANY_HEADING = re.compile(r"\n\n[A-Z][A-Z &\-]{3,60}\n\n")
_IN_AI_SECTION = re.compile(
    rf"\b{_NAME},\s(?:our|the|its|an?|{_OWNER})\s(?!(?:[\w\-]+\s)?{_NOT_AI_MODEL})"
    rf"(?:[\w\-]+\s){{0,3}}?{_AI_NOUN}\b"
)
# "We refer to our internal document-intelligence platform as Ledgerlight"
# "... and to the virtual assistant in our app as Ask Kestrel"
_REFER_TO_AS = re.compile(
    rf"\b(?:refer(?:s|red)?\s|(?<=\s)and\s)to\s(?P<desc>[^.;:]{{3,120}}?)\sas\s{_NAME}"
)
_AI_LIST = re.compile(
    r"\b(?:AI|A\.I\.|[Gg]enerative AI|AI[- ](?:driven|powered|based|related))\b[^.;:]{0,40}?"
    r"\b(?:products?|offerings?|services|revenue|add-ons|tools|features|packages)\b[^.;:]{0,40}?"
    r"\b(?:meaning|namely|such as|including|which (?:we define as|includes?)|defined as)\s"
    r"(?P<list>[^.;:]{3,100})"
)
# what software does that only a model does: listen, read, draft, predict, recognise
_MODEL_VERBS = (
    r"(?:listens|reads|drafts|writes|summari[sz]es|transcribes|predicts|recogni[sz]es|detects|"
    r"generates|translates|answers|converses|understands)"
)
_MODEL_WORK = re.compile(
    rf"\b{_MODEL_VERBS}\b|\b(?:takes|measures|flags|classifies|scores)\b[^.;]{{0,60}}"
    r"\bautomatically\b|\bautomatically\s(?:measures|flags|classifies|scores|reads|drafts)\b"
)
_DOES_MODEL_WORK = re.compile(
    rf"(?:^|(?<=[.!?][ \n])|(?<=\n)){_NAME},\swhich\s(?:[a-z]+\s){{0,6}}?{_MODEL_VERBS}\b",
    re.M,
)
# "Our invoice matching product, Matchbook, reads incoming supplier invoices"
_PRODUCT_DOES_MODEL_WORK = re.compile(
    rf"\b(?:product|tool|service|system|engine|feature|platform),\s{_NAME},\s{_MODEL_VERBS}\b"
)
_PLAIN_APPOSITIVE = re.compile(
    rf"\b{_NAME},\s(?:our|the|its|{_OWNER})\s(?!(?:[\w\-]+\s)?{_NOT_AI_MODEL})"
    rf"(?:[\w\-]+\s){{0,3}}?(?:engine|system|platform|tool|model|assistant|agent|copilot|planner|"
    r"advisor|adviser|service)s?,"
)
_CALLED_BACK = re.compile(
    rf"\b{_NAME},?\s(?:as\swe(?:\sinternally|\snow)?\scall\s(?:it|them)|as\sit\sis\s(?:called|"
    rf"known)|which\swe\scall\sit)\b"
)
_NAMED_AFTER = re.compile(
    rf"\b(?:[Ww]e(?:['’]ve|\shave)?\s(?:now\s|also\s|internally\s|simply\s)?"
    rf"(?:call(?:ed)?|named?|market(?:ed)?|brand(?:ed)?|sell)"
    rf"(?:\s(?:it|them|this|these|her|him)(?:\s[a-z][\w\-]*){{0,4}}?)?(?:\sas)?|"
    # "we gave it a proper name: Roam"
    rf"gave\s(?:it|them)\s(?:a\s|the\s)?(?:proper\s|new\s|formal\s)?name:?|"
    rf"(?:is|are|was|were)\s(?:called|named|branded|marketed\sas|known\sas)|known\sas|"
    rf"[Kk]nown\s(?:internally\s|externally\s|inside\sthe\scompany\s)as|"
    rf"(?:customers|users|people|staff|employees|we)\s(?:now\s)?know\sas|"
    # "Internally everyone calls it Tripwire"
    rf"(?:everyone|everybody|people|customers|staff|employees|users|the\steams?)\s(?:now\s)?"
    rf"calls?\s(?:it|them)|"
    rf"under\sthe\s(?:name|brand))\s{_NAME}"
)
# a heading that names a product and says what it is ("Slide 4: Proof -- AI Assistant in the
# Newsroom", "Ask Quillhaven: answers from our archive" with an AI description on the next line)
_HEADING_PRODUCT = re.compile(
    rf"^(?:\#{{1,6}}\s)?(?:Slide\s\d+[:.]?\s)?{_NAME}\s?(?:\s--|\s[—–-]|:)\s"
    rf"(?P<desc>[A-Za-z][^\n]{{2,79}})\n+"
    r"(?P<next>[^\n]{0,200})",
    re.M,
)
_BARE_NAME_HEADING = re.compile(
    rf"(?:^|\n)(?:\#{{1,6}}\s)?{_NAME}[ ]*\n+[-•*]?[ ]*(?P<next>[A-Z][^\n]{{0,200}})", re.M
)
_PERSON_TITLE = re.compile(
    r"\b(?:Officer|President|CEO|CFO|COO|CTO|Director|Analyst|Chair\w*|Head|Manager|Partner|"
    r"Treasurer|Counsel|Founder|Secretary|Securities|Capital|Research|Investor\sRelations)\b"
)
_NOT_HEADING_NAMES = _words(
    "Target Targets Goal Goals Plan Plans Ambition Objective "
    "Highlights Overview Outlook Appendix Agenda Summary Results Update Operator Note Notes "
    "Source Sources Business Strategy Guidance Introduction Conclusion Contacts Contact Media "
    "Investors Q&A Questions Answers Reconciliation Disclaimer Revenue Metrics Item Part Section"
)
_NOT_PRODUCT_WORDS = _words(
    "So Well Yes Yeah Okay OK Right Sure Look Listen Again Actually Honestly Frankly Exiting "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "Entering Including Excluding Looking Going Turning Moving Starting Beginning Ending "
    "I The Our We It This That In On At For With Its Their A An And AI Today Overall Meanwhile "
    "Together Finally Also Separately Similarly Elsewhere Externally Since Now Next Last First "
    "Second Third Lastly Notably Importantly Here There"
)
# sentence adverbs ("Internally, our developers used AI ..."), not names ending in -ly ("Tally")
_ADVERB = re.compile(r"^[A-Z][a-z]{3,}(?:ally|ively|ently|antly|arly|ately|ously|ingly|edly|ssly)$")


_AI_CUE_OR_PERSONA = re.compile(rf"\b{_AI_CUE}\b|\b{_AI_PERSONA}s?\b", re.I)


def _describes_ai(text: str) -> bool:
    """Whether a description names AI: a lexicon term, an AI cue ("vision", "conversational")
    or a persona ("assistant", "agent")."""
    return bool(ai_terms(text) or _AI_CUE_OR_PERSONA.search(text))


def defined_products(text: str, company: str | None = None) -> list[str]:
    """Names of products that ``text`` introduces as AI products, longest first; a name that
    begins with the company's name ("Brightmere Kiln") also yields its short form."""
    flat = re.sub(r"[ \t]*\n[ \t]*", "\n", re.sub(r"[ \t]+", " ", text))
    names: set[str] = set()
    for pattern in _DEFINES_PRODUCT:
        for m in pattern.finditer(flat):
            words = _name_words(m.group("name"))
            name = " ".join(words)
            if pattern is _NAME_BEFORE_AI and name:
                if re.search(rf"\b{re.escape(name)}\s(?!AI\b)[A-Z]", flat):
                    continue  # a brand family ("the Azure AI platform", "Azure Virtual Desktop")
                if not re.search(rf"\b{re.escape(name)}\b(?!\sAI\b)", flat):
                    continue  # always "Helper AI": that name is already an AI term
            _add_name(names, words, company)
    for pattern in _DESCRIBED_AFTER:
        for m in pattern.finditer(flat):
            if ai_terms(m.group("desc")):
                _add_name(names, _name_words(m.group("name")), company)
    for m in _HEADING_PRODUCT.finditer(flat):
        words = _name_words(m.group("name"))
        if not words or any(w in _NOT_HEADING_NAMES for w in words) or m.group("desc")[-1] in ".!?":
            continue
        if _PERSON_TITLE.search(m.group("desc")) or re.search(r"&|\bLLC\b", m.group("desc")):
            continue  # "Priya Nandakumar -- Chief Financial Officer": a speaker, not a product
        if _describes_ai(m.group("desc")) or (
            # (described only on the next line: "Members: finding something to watch" is a
            # section about members unless the name is also used as a name in the text)
            _describes_ai(m.group("next")) and _named_in_text(" ".join(words), flat)
        ):
            _add_name(names, words, company)
    for m in _BARE_NAME_HEADING.finditer(flat):
        # a slide titled only with the name, described on the next line ("Tessellate Assist" /
        # "- Generative AI copilot built into our field service platform")
        words = _name_words(m.group("name"))
        nxt = m.group("next")[:80]
        if (
            words
            and not any(w in _NOT_HEADING_NAMES for w in words)
            and _named_in_text(" ".join(words), flat)
            and (ai_terms(nxt) or re.search(rf"\b{_AI_PERSONA}s?\b", nxt, re.I))
        ):
            _add_name(names, words, company)
    for heading in _AI_HEADING.finditer(flat):
        # in a section headed "AI at Bellhaven", "Muse, the content engine that ..." is AI
        section = flat[heading.end() : heading.end() + 3000]
        following = _AI_HEADING.search(section) or _ANY_HEADING.search(section)
        section = section[: following.start()] if following else section
        for m in _IN_AI_SECTION.finditer(section):
            _add_name(names, _name_words(m.group("name")), company)
    for m in _REFER_TO_AS.finditer(flat):
        if not m.group(0).startswith("refer") and not re.search(
            r"\brefer(?:s|red)?\sto\b[^.;:]*$", flat[max(0, m.start() - 200) : m.start()]
        ):
            continue
        # an AI description, or AI named just before ("introduced machine-learning tools ...
        # We refer to our document platform as Ledgerlight")
        near = m.group("desc") + " " + flat[max(0, m.start() - 250) : m.start()]
        if _describes_ai(near):
            _add_name(names, _name_words(m.group("name")), company)
    for m in _AI_LIST.finditer(flat):
        # "AI revenue, which we define as subscription revenue from Tessel, Lattice and our AI
        # add-ons": the names in a list that defines what counts as AI
        for item in re.split(r",\s(?:and\s|or\s)?|\s(?:and|or)\s", m.group("list")):
            # the name an item starts with ("Gemini for Google Cloud" names Gemini)
            item = re.sub(r"^\s*(?:[a-z\-]+\s){0,4}?(?:from|of)\s", "", item)  # "revenue from X"
            lead = re.match(r"[A-Z][\w\-]+(?:[ ][A-Z][\w\-]+){0,2}\b", item.strip())
            if lead:
                _add_name(names, _name_words(lead.group(0)), company)
    for m in _CALLED_BACK.finditer(flat):
        # "... the conversational search box ... out of beta. Compass, as we call it, was used"
        before = flat[max(0, m.start() - 250) : m.start()]
        if _describes_ai(before):
            _add_name(names, _name_words(m.group("name")), company)
    for m in itertools.chain(
        _DOES_MODEL_WORK.finditer(flat), _PRODUCT_DOES_MODEL_WORK.finditer(flat)
    ):
        # "ScribeLine, which listens during an implant and drafts the procedure report,"
        _add_name(names, _name_words(m.group("name")), company)
    for m in _PLAIN_APPOSITIVE.finditer(flat):
        # "ClearPath, our prior-authorisation engine," with no AI word: a product when the
        # document elsewhere names it together with AI
        words = _name_words(m.group("name"))
        if _said_with_ai(" ".join(words), flat):
            _add_name(names, words, company)
    for m in _NAMED_AFTER.finditer(flat):
        # named after an AI description in the same sentence ("a design-automation copilot,
        # which we now call Keystone"), or the previous one when the name is given to "it" ("...
        # software that drafts programs. We call it Foreman."); not "Requests for information,
        # which we call RFIs" after an AI sentence
        before = flat[max(0, m.start() - 250) : m.start()]
        if not re.search(r"\s(?:it|them|this|these|her|him)\s", m.group(0)):
            own = re.split(r"[.!?]\s", before)[-1]
            # "We launched the pipeline commercially ... under the name Polyglot Studio": the
            # sentence before says what the pipeline is
            if not _NAMING_BACK_REF.search(own) and own.strip():
                before = own  # (a sentence that opens with the name, "Known internally as
                # Penwell, it drafts ...", is described by the one before)
        words = _name_words(m.group("name"))
        plain = "known as" not in m.group(0)  # "Amazon Web Services, known as AWS": a short form
        if (
            _describes_ai(before)
            or (plain and _said_with_ai(" ".join(words), flat))
            # software named after what only a model does: "a package that takes the cardiac
            # measurements automatically ... We call it Lumen"
            or (plain and _MODEL_WORK.search(before))
        ):
            # (or a name given plainly, "we sell it under the name SonoLens", that the
            # document elsewhere puts in a sentence about AI)
            _add_name(names, words, company)
    return sorted(names, key=lambda n: (-len(n), n))


_NAMING_BACK_REF = re.compile(
    r"\b(?:it|them|the\s(?:pipeline|tool|system|platform|engine|assistant|model|service|product|"
    r"feature|agent|app))\b"
)


def _named_in_text(name: str, text: str) -> bool:
    """Whether ``name`` is used as a name somewhere in ``text``: capitalised after a lower-case
    word ("the adoption of Tessellate Assist"), not only at the start of a line or sentence."""
    return re.search(rf"[a-z,;]\s{re.escape(name)}\b", text) is not None


def _said_with_ai(name: str, text: str) -> bool:
    """Whether some sentence of ``text`` names ``name`` together with an AI term."""
    if not name:
        return False
    at = text.find(name)
    while at >= 0:
        start = max(text.rfind(c, 0, at) for c in ".!?\n") + 1
        ends = [e for e in (text.find(c, at) for c in ".!?\n") if e >= 0]
        end = min(ends) if ends else len(text)
        if ai_terms(text[start:end].replace(name, " ")):
            return True
        at = text.find(name, end)
    return False


def _name_words(name: str) -> list[str]:
    words = name.split()
    while words and words[0] in _NOT_PRODUCT_WORDS:
        words = words[1:]
    return words


def _add_name(names: set[str], words: list[str], company: str | None) -> None:
    """Add a product name unless it is generic, already an AI term or the company itself, and
    its short form when it starts with the company's name ("Cobaltline Model Studio" -> "Model
    Studio", "Murmur Ask" at Murmurate -> "Ask")."""
    name = " ".join(words)
    if not name or name in _NOT_PRODUCT_WORDS or _ADVERB.match(name) or ai_terms(name):
        return
    if len(words) > 1 and name.isupper():
        return  # "FOR IMMEDIATE RELEASE": a heading in capitals, not a product
    if company and (name == company or company.startswith(name)):
        return
    names.add(name)
    if len(words) > 1 and company:
        first, own = words[0].lower(), company.split()[0].lower()
        if first == own or (len(first) >= 4 and (own.startswith(first) or first.startswith(own))):
            names.add(" ".join(words[1:]))


def _product_pattern(names: list[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    return re.compile(
        r"(?<![\w\-])(?:" + "|".join(map(re.escape, names)) + r")"
        r"(?:(?![\w\-])|(?=-(?:generated|made|powered|written|drafted|assisted|based|created|"
        r"authored|built|produced)\b))"
    )


# ----------------------------------------------------------------------------- signals

_USE = (
    r"(?:use|uses|using|adopt\w*|try|engage|employ|leverage|rely on|onboard\w*|switch to|"
    r"log (?:in|on)(?:to)?|sign in(?:to)?|work with|run)"
)
_SIGNALS: list[tuple[SignalKind, re.Pattern[str]]] = [
    (SignalKind.MANDATE, re.compile(
        rf"\b(?:must|(?:are|is|be|been|were|was) required to|requir(?:e|es|ed|ing) (?:all |every "
        rf"|each |our |its |their )?[\w\-]+ to|have to|expected to|obligated to|asked to|told to|"
        rf"directed to|instructed to)\b[^.;]{{0,40}}\b{_USE}\b|"
        rf"\b(?:ask(?:ed|ing|s)?|told|tell(?:ing|s)?|direct(?:ed|ing|s)?|instruct(?:ed|ing|s)?|"
        rf"oblig(?:ed|es|ing)|push(?:ed|ing|es)?|requir(?:e|es|ed|ing))(?:,[^,.;]{{0,40}},)?\s"
        rf"(?:every|all|each|our|its|their|the|staff|employees|engineers|developers|teams?|"
        rf"[\w\-]+\s(?:managers|directors|leaders|teams|staff|employees|engineers|developers|"
        rf"clinicians|colleagues|associates|agents|analysts))\b[^.;]{{0,50}}?\bto\s"
        rf"(?:{_USE}\b|[^.;]{{0,60}}\b(?:part of\b|(?:AI|agent|token) usage|usage of|"
        rf"certif\w*|training|course|module|curriculum)|"
        rf"(?:ensure|make sure|see)\b[^.;]{{0,80}}\b(?:use[ds]?|using|"
        rf"adopted|tried)\b|"
        # "asked every engineering organization to send 90% of its code through AI review"
        rf"[^.;]{{0,80}}\b(?:through|via|with|using|to)\s(?:the\s|our\s)?(?:AI\b|AI-|"
        rf"(?:[\w\-]+\s){{0,2}}(?:agents?|assistants?|copilots?)\b)|"
        # "... to route at least 80% of pull requests through a Scribe review", "... to have 75%
        # of technicians using it every week"
        rf"(?:route|send|run|put|push|submit|process)\b[^.;]{{0,60}}\bthrough\b|"
        rf"[^.;]{{0,80}}\busing\s(?:it|them|the\s|our\s|AI\b))|"
        # "we have asked every leasing broker, roughly 1,900 people, to attach a Clausewise
        # abstract": a request to all of a group, in a sentence about the AI
        rf"\b(?:asked|told|required|directed|instructed)\s(?:every|all|each)\b[^.;]{{0,60}}?\bto\s"
        rf"[a-z]+\b|"
        rf"\bexpect(?:s|ed)? (?:every|all|each|our|its|their)\b[^.;]{{0,40}}\bto {_USE}\b|"
        r"\b(?:use|usage|using)\b[^.;]{0,40}\b(?:baseline |fundamental )?expectation\b|"
        r"\b(?:use|usage)[- ](?:requirements?|quotas?)\b|"
        r"\bmandat(?:e|es|ed|ing|ory)\b[^.;]{0,60}\b(?:use|usage|adoption|AI|tools?)\b|"
        r"\b(?:AI|usage|adoption|tools?)\b[^.;]{0,40}\bmandat(?:e|es|ed|ory)\b", re.I)),
    (SignalKind.LEADERBOARD, re.compile(
        r"\bleaderboards?\b|\branking(?:s)? of (?:teams|employees|engineers|developers)\b|"
        r"\brank(?:s|ed|ing)? (?:(?:all|our|its|the|their|every|each|more than|over|some|"
        r"\d[\d,]*) ){0,3}(?:teams|employees|engineers|developers|staff|workers|producers|"
        r"sellers|reps|agents|creators|managers|groups|departments)\b|"
        r"\b(?:usage|token|adoption)\b[^.;]{0,30}\bdashboards?\b|"
        r"\brankings? of (?:[\w\-]+ ){0,2}(?:usage|adoption)\b|"
        r"\btrack(?:s|ed|ing)? (?:\w+ ){0,2}(?:usage|adoption)\b|\busage (?:dashboards?|"
        r"targets?|quotas?|rankings?)\b|\bscorecards?\b", re.I)),
    (SignalKind.TARGET, re.compile(
        r"\b(?:goal|target|objective|ambition|aspiration|aim)s?\b(?: internally| here| now)?"
        r"(?: is| of| to| for| was| that|:|,? including(?: that)?)"
        r"[^.;]{0,80}"
        # "Our goal is for Muse to reach one billion monthly actives": a number it should reach
        r"(?:\b(?:reach|hit|exceed|surpass|top|pass|cross|get to|grow to)\s(?:[a-z]+\s)?"
        r"(?:\d|one\b|two\b|a\sbillion|a\smillion|half|a\sthird|a\squarter)|"
        # "Our goal for 2026 is for Echo to complete half a billion tasks"
        r"\bto\s[a-z]+\s(?:[a-z]+\s)?(?:\d|one\b|two\b|half\b|a\s(?:billion|million|third|"
        r"quarter))|"
        r"\buse\b|\busage\b|\badopt\w*|%|\bper ?cent\b|\bof (?:our |all )?(?:code|developers|"
        r"engineers|employees|staff|users|customers)|\b(?:half|(?:a |one |two )?thirds?|"
        r"(?:a |one |three )?quarters?|majority|all) of\b)|"
        r"\baim(?:s|ing)? (?:to|for)\b[^.;]{0,60}(?:\buse\b|\busage\b|\badopt\w*|%|\bper ?cent\b|"
        r"\busers\b|\bcustomers\b|\bsubscribers\b|\bhalf\b|\bthirds?\b|\bquarters?\b|"
        r"\bmajority\b)|"
        rf"\b(?:want(?:s|ed)?|(?:['’]d|would|should)(?:\salso)?\slike)\s(?:every|all|each|our|its|their)\b"
        rf"[^.;]{{0,40}}\bto\s(?:be\s)?(?:{_USE}|using)\b|"
        r"\bexpect(?:s|ed)?\s(?:[A-Z][\w\-]*(?:\s[A-Z][\w\-]*){0,2}|it|them|usage|adoption|use)"
        r"\sto\s(?:reach|hit|"
        r"exceed|top|surpass|pass|cross|achieve|double|triple|grow|climb|rise|handle|account\sfor|"
        r"represent|make\sup|serve|resolve|process|write|draft)\b|"
        r"\bexpect(?:s|ed)?\b[^.;]{0,100}\bto (?:exceed|surpass|top|pass|cross|reach|hit|"
        r"approach)\b|"
        r"\bexpect(?:s|ed)?\s[^.;]{0,80}\bto\s(?:be\s)?(?:using|use|adopt\w*|rely\son)\b|"
        r"^\W*(?:targets?|goals?|ambitions?|aspirations?)\s?:|"
        r"\bon track to\b|\btargeting\b[^.;]{0,50}\b(?:users|customers|seats|subscribers|MAUs?|"
        r"DAUs?|adoption|usage|tokens|queries)\b", re.I)),
    (SignalKind.PLAN, re.compile(
        r"^\W*(?:in\s)?(?:20\d\d|FY\d\d)(?:[–-]\d\d)?\s?:\s(?:extend|launch|roll|add|expand|"
        r"bring|deploy|introduce|scale|offer)\b|"
        r"\b(?:we|our company|the company)\b[^.;]{0,30}\b(?:plan(?:s|ned|ning)? to|intend(?:s)? to|"
        r"will (?:soon )?(?:roll out|launch|bring|introduce|deploy|expand|add|make|offer|ship|"
        r"extend)|(?:are|is) going to (?:roll out|launch|bring|deploy)|(?:'ll|’ll) (?:roll out|"
        r"launch|bring|deploy))\b|\bwill (?:soon )?(?:roll out|bring|deploy)\b", re.I)),
]  # fmt: skip
_TALK_ABOUT_PLAN = re.compile(r"\b(?:how|what|why|when|whether) we (?:plan|intend)", re.I)
_HYPOTHETICAL = re.compile(
    r"\bif\b|\bwhether\b|\bsuppose\b|\bimagine\b|\bhypothetical\w*|\bsay,? \d|"
    r"\b(?:could|might|would) (?:be|reach|see|get|generate|drive|add|save|go|grow|approach|"
    r"exceed|top|hit|double|triple|rise|climb|increase)\b|\bscenario\b|"
    r"\bwould\shave\s(?:reduced|increased|cost|added|lowered|raised|been|cut|saved)\b|"
    r"\bcan\s(?:exceed|reach|top|hit|surpass|double|triple)\b|"
    # forward-looking boilerplate: "statements about ... our expectation of reaching 10 million"
    r"\bforward-looking\b|\bstatements\s(?:as\sto|regarding|about|concerning)\b",
    re.IGNORECASE,
)
_REFERS_BACK = re.compile(
    r"^(?:It|It’s|It's|Its|They|Their|These|This|That|Those|And it|Now it|Today it|So far|"
    r"Together|Overall|In total|Already)\b"
    # "The assistant itself had ...": the generic noun of the product just named
    r"|^The (?:[a-z\-]+ )?(?:assistant|tool|agent|model|chatbot|copilot|bot|feature|app|advisor|"
    r"adviser|planner|engine|system)s?\b"
    r"(?! (?:of|in|for|at)\b)"
)

# ------------------------------------------------------------------------------- extraction


def extract_path(
    path: Path | str, limits: Limits | None = None, *, ocr: bool = False
) -> Extraction:
    """Read the document at ``path`` and extract its claims and signals (``ocr``: see
    :func:`~analyzer.documents.read_document`)."""
    return extract(read_document(path, limits=limits, ocr=ocr))


def extract(document: Document) -> Extraction:
    """Every claim and signal in ``document``, in reading order."""
    claims: list[Claim] = []
    signals: list[Signal] = []
    is_transcript = document.doc_type == DocType.CALL_TRANSCRIPT
    speaker: SpeakerTurn | None = None
    context: str | None = None  # the AI subject of the previous sentence
    section: str | None = None  # the AI product the current heading names
    recent: str | None = None  # the last AI subject, for "the advisor" a few sentences on
    ahead = False  # under a heading of targets or outlook
    last_claims: list[dict[str, Any]] = []  # the claims of the sentence just read
    unit_header: str | None = None  # a table header row giving the unit ("($B)")
    recent_age = 0
    analysts: set[str] = set()
    known: frozenset[str] = frozenset()
    whole = "\n".join(p.text for p in document.pages)
    products = _product_pattern(defined_products(whole, document.company))
    about = _about_company(document.company)
    rates = document_rates(whole)
    if is_transcript:
        analysts = {_title_name(n) for n in introduced_analysts(whole)}
        # "Host: Tobias Renner, Software Equity Research Analyst, Harborview Securities": a
        # conference host asks the questions
        analysts |= listed_hosts(whole)
        counts = Counter(bare_name_lines(whole))
        known = frozenset(n for n, c in counts.items() if c >= 2 and len(n.split()) >= 2)
        known |= {n for n in (listed_participants(whole) | analysts) if n in counts}
    for page in document.pages:
        text = page.text
        turns = find_speakers(text, known) if is_transcript else []
        masked = _mask(text, turns)
        turn_iter = iter(turns)
        next_turn = next(turn_iter, None)
        for span in split_sentences(masked):
            while next_turn is not None and next_turn.start <= span.start:
                asked = bool(speaker and speaker.is_analyst)
                speaker, next_turn = next_turn, next(turn_iter, None)
                if not asked:
                    context = recent = None  # an answer keeps the subject of the question
                if not speaker.is_analyst and _other_firm(speaker.affiliation, document.company):
                    # "Harriet Zwolinski - Penhallow Brothers - Managing Director": not the company
                    speaker = dataclasses.replace(speaker, is_analyst=True)
                if speaker.is_analyst:
                    analysts.add(speaker.name)
                elif speaker.name in analysts:  # "KEITH WEISS:" again, without the firm
                    speaker = dataclasses.replace(speaker, is_analyst=True)
            if (
                speaker is not None
                and speaker.is_operator
                and re.search(r"\S[ \t]*\n\s*\n", masked[speaker.end : span.start])
            ):
                # the operator's turn is one paragraph: speech after it whose header this
                # reader did not recognise is somebody else's, not the operator's
                speaker = None
            sentence = span.text
            if _is_heading(sentence, masked, span.end):
                named = products.search(sentence) if products else None
                section = named.group(0) if named else None
                ahead = bool(_FORWARD_HEADING.search(sentence))
                unit_header = None
            generic = _GENERIC_REF.search(sentence) if context is None else None
            if generic and recent is not None:
                # "The advisor generated 312,000 maps" two sentences after the advisor was named
                context = recent
            elif generic and re.search(
                r"\b(?:assistant|copilot|chatbot|AI\sagent)s?\b", generic[0]
            ):
                # "6,400 synopses were drafted by the assistant": an AI assistant, unnamed
                context = "assistant"
            elif (
                context is None
                and recent is not None
                and recent_age <= 2
                and _PRONOUN_REF.search(re.split(r"[;:]|,\s(?:and|but|while|which)\b", sentence)[0])
            ):
                # "Tessellate scores every payment. Where are we? We're at sixty percent of
                # authorizations going through it": a question between them keeps the subject
                # (a pronoun in the figure's own clause, not "... our apps, and while those
                # numbers matter, ... how people use them")
                context = recent
            if context is None and _IS_PERSONA.match(sentence):
                context = recent = "assistant"  # "It's an assistant that drafts the packet."
            if _is_unit_header(sentence):
                unit_header = sentence  # "| ($B) | FY2023 | FY2024 |": the rows' unit
            elif not _is_row(sentence) and not re.fullmatch(r"[|:\- ]+", sentence):
                unit_header = None  # (a "|---|---|" rule keeps it)
            found = analyse_sentence(
                sentence,
                context,
                speaker,
                products,
                section,
                unit_header if _is_row(sentence) else None,
            )
            if found.claims and about and about.match(sentence):
                found = dataclasses.replace(found, claims=())
            analyst = bool(speaker and (speaker.is_analyst or speaker.is_operator))
            more: list[dict[str, Any]] = []
            if not found.claims and not found.signals and last_claims and not analyst:
                # "It processed 1.9 quadrillion tokens. That's up 3.5x. A year ago? About 540
                # trillion.": a fragment that goes on with the figure just given
                more = _continued_claims(sentence, last_claims)
                found = dataclasses.replace(found, claims=tuple(more))
            if analyst and speaker and speaker.is_analyst:
                # the figures an analyst quotes: not claims, but what "That number is now 83%"
                # in the answer goes on with
                quoted = analyse_sentence(sentence.rstrip("?") + ".", context, None, products)
                last_claims = list(quoted.claims) or last_claims
            elif more:
                last_claims = [*last_claims, *more]
            elif found.claims:
                last_claims = list(found.claims)
            elif _has_figure(sentence) or len(sentence.split()) > 6:
                last_claims = []  # "Yeah." or "A year ago?" between them keeps them
            if found.claims and ahead:
                # under "Long-term targets (2027)" a metric line is a target, not adoption
                first = found.claims[0]
                target = {
                    "subject": first["subject"],
                    "confidence": 0.7,
                    "kind": SignalKind.TARGET,
                    "value": first["value"],
                    "value_high": first["value_high"],
                    "period": first["period"],
                    "population": first["population"],
                }
                found = dataclasses.replace(found, claims=(), signals=(*found.signals, target))
            context = found.context
            if context is not None:
                recent, recent_age = context, 0
            elif recent_age >= 3:
                recent = None
            else:
                recent_age += 1
            base: dict[str, Any] = {
                "document": document.name,
                "page": page.number,
                "sentence": sentence,
                "char_start": span.start,
                "char_end": span.end,
                "company": document.company,
                "fiscal_period": document.fiscal_period,
                "doc_type": document.doc_type,
                "speaker": speaker.name if speaker else None,
                "period_end": document.period_end,
                "doc_sha256": document.sha256,
            }
            for sig in found.signals:
                signals.append(Signal(**base, **sig))
            for cl in found.claims:
                claims.append(Claim(**base, **_in_usd(cl, rates, document)))
    return Extraction(document=document, claims=tuple(claims), signals=tuple(signals))


def _in_usd(claim: dict[str, Any], rates: Rates, document: Document) -> dict[str, Any]:
    """A money claim with its value in USD and how it was converted; others unchanged."""
    if claim["unit"] != Unit.USD:
        return {**claim, "currency": None}
    fx = conversion(claim.get("currency"), rates, document.fiscal_period, document.period_end)
    out = {**claim, "currency": fx.currency, "fx_rate": fx.usd_per_unit}
    if fx.usd_per_unit is not None and fx.currency != "USD":
        out["value"] = claim["value"] * fx.usd_per_unit
        if claim["value_high"] is not None:
            out["value_high"] = claim["value_high"] * fx.usd_per_unit
        out["fx_source"] = FxSource(fx.source)
    return out


_PRONOUN_REF = re.compile(r"\b(?:it|it['’]s|its|they|them)\b", re.I)
_IS_PERSONA = re.compile(
    rf"^(?:It|This|That)(?:['’]s|\sis|\swas)\s(?:an?|our)\s(?:[\w\-]+\s){{0,2}}?"
    rf"(?:{_AI_PERSONA}|chatbot)\b"
)
_FORWARD_HEADING = re.compile(
    r"\b(?:targets?|goals?|ambitions?|objectives?|outlook|guidance|aspirations?|roadmap)\b", re.I
)


def _other_firm(affiliation: str | None, company: str | None) -> bool:
    """Whether a "Firm - Title" affiliation names a firm other than the company."""
    if not affiliation or not company:
        return False
    own = company.split()[0].lower()
    bracketed = re.match(r"\((?P<firm>[^)]+)\)", affiliation)
    if bracketed:  # "Rachel Ionescu (Albright Lowe):"
        return not bracketed.group("firm").strip().lower().startswith(own)
    if not re.search(r"\s[-–—]\s", affiliation):
        # "Managing Director, Equity Research, Vellacott & Prynne Securities": a title and a
        # firm that is a bank or broker, where no part names the company
        parts = [p.strip().lower() for p in affiliation.split(",")]
        return not any(p.startswith(own) for p in parts) and names_a_broker(affiliation)
    firm = re.split(r"\s[-–—]\s", affiliation)[0].strip().lower()
    return not firm.startswith(own)


def _is_unit_header(sentence: str) -> bool:
    """A pipe table's header row that gives the unit of its rows ("| ($B) | FY2023 | FY2024 |"):
    a unit in parentheses and no cell holding a figure."""
    cells = [c.strip() for c in sentence.split("|") if c.strip()]
    if _CHANGE_HEADER.match(sentence):
        return True  # "Selected metrics Q3 2025 Change vs. Q2 2025": a column of changes
    if re.fullmatch(
        r"(?:\((?:in\s)?(?:thousands|millions|billions|%|\$[^)]{0,15})\)\s*)+", sentence
    ):
        return True  # "(in millions) (in millions) (%)": the units row of an HTML table
    return (
        sentence.lstrip().startswith("|")
        and bool(_ROW_UNITS.search(sentence))
        and not any(re.fullmatch(r"[$€£]?[\d,.]+[%x]?", c) for c in cells)
    )


_CHANGE_HEADER = re.compile(
    r"^(?=[^.!?]*\b(?:Q[1-4]|FY|H[12]|20\d\d)\b)[^.!?]{0,80}\b(?:[Cc]hange|% [Cc]hange|[Gg]rowth|"
    r"YoY|Y/Y|QoQ|Q/Q)\b(?:\s(?:vs\.?|versus|from|over)\s[^.!?|]{0,20})?\s*\|?\s*$"
)


_FRAGMENT_WORDS = 13
_CONTINUES = re.compile(
    r"(?:That[’']s|That\sis|That\swas|It[’']s|It\swas|Up|Down|Compared|Versus|Vs\.?|From|"
    r"(?:\w+|A)\s(?:months?|years?|quarters?|weeks?)\s(?:ago|earlier|before)|Call\sit|"
    r"A\syear\s(?:ago|earlier|before)|Last\s(?:year|quarter|month|spring|summer|autumn|fall|"
    r"winter|September|December|June|March)|A\squarter\sago|Annuali[sz]ed|Run[- ]rate|Year\s"
    r"(?:on|over)\syear|About|Roughly|Nearly|Almost|Just|More\sthan|Over|Above|North\sof|"
    r"Previously|Before\sthat|Then|Back\then|And\sthat[’']s|Which\sis|Sorry|Correction|"
    r"I\smean|That\sshould\sbe|That\s(?:works|worked)\sout\sto|That\s(?:translates|equates|"
    r"compares)\s(?:to|with)|That\s(?:number|figure|share|total)|The\s(?:number|figure|"
    r"share|total)\s(?:was|is)(?:\sstill)?)\b|"
    r"[~≈]?\d[\d.]*\s?(?:%|per\s?cent)\sof\s(?:the|our|all)\b",  # "~71% of the field workforce"
    re.I,
)


def _continued_claims(sentence: str, last: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claims in a short fragment that carries on the previous sentence's figure ("That's up
    3.5x year on year.", "Compared with 23,500 a year earlier.", "Last year, 25%.", "Annualized
    run-rate, above $4.5 billion."): each figure read as that figure's change, earlier level or
    restatement. Nothing when the fragment names another AI subject or a different noun."""
    if sentence.rstrip().endswith("?"):
        return []
    lead = re.match(r"(?:If|When|Excluding|Without|Even|Stripping)\b[^,.;]{0,60},\s", sentence)
    if lead and _CONTINUES.match(sentence[lead.end() :].capitalize()):
        # "If you take out those weeks, the share is still 88%."
        sentence = sentence[lead.end() :]
    if _CONTINUES.match(sentence):
        # "That number is now 83%, and we count an engineer only if ...": its first clause
        sentence = re.split(r"[,;]\s(?=and\b|but\b|which\b|so\b|we\b)", sentence)[0]
    if len(sentence.split()) > _FRAGMENT_WORDS:
        return []
    if _is_row(sentence) or not (_CONTINUES.match(sentence) or len(sentence.split()) <= 4):
        return []
    if ai_terms(sentence) or _NEVER.search(sentence) or _HYPOTHETICAL.search(sentence):
        return []
    quantities = parse_quantities(sentence) if _has_figure(sentence) else []
    out: list[dict[str, Any]] = []
    for q in quantities:
        if re.search(r"\bnot[ ]$", sentence[: q.start]):
            continue  # "that should be 38%, not 35%": the figure taken back
        if q.unit_hint not in {"multiple", "percent", "usd"} and re.match(
            r"[ ](?:months?|years?|weeks?|days?|quarters?)\b", sentence[q.end :]
        ):
            continue  # "Six months ago it was ...": when, not how much
        # the figure it goes on with: the last level of a count or money for a count or money,
        # else the last figure
        levels = [c for c in last if c["unit"] not in (Unit.SHARE, Unit.MULTIPLE)]
        plain = q.unit_hint not in {"multiple", "percent"}
        prior = levels[-1] if plain and levels else last[-1]
        noun, _bare = _noun_after(sentence, q.end)
        if noun in _NOUNS and _NOUNS[noun].unit != prior["unit"]:
            return []  # "... 12 engineers": about something else
        if q.unit_hint == "multiple":
            unit, measure = Unit.MULTIPLE, Measure.GROWTH
        elif q.unit_hint == "percent":
            people = re.match(r"[ ]of[ ](?:the|our|all)[ ]", sentence[q.end :])
            sense = _NOUNS.get(noun) if people and noun else None
            earlier = re.search(r"(?:vs\.?|versus|compared\swith|from)[ ]*$", sentence[: q.start])
            if out and earlier and out[-1]["unit"] == Unit.SHARE:
                unit, measure = Unit.SHARE, out[-1]["measure"]  # "..., vs. 38% in Q3 2024"
            elif sense and sense.kind == MetricKind.USER_COUNT and prior["unit"] == Unit.USERS:
                unit, measure = Unit.SHARE, Measure.LEVEL  # "6,800 staff ... ~71% of the workforce"
            elif prior["unit"] == Unit.SHARE and q.measure != Measure.GROWTH:
                unit, measure = Unit.SHARE, Measure.LEVEL  # "Last year, 25%."
            elif q.measure == Measure.GROWTH:
                unit, measure = Unit.SHARE, Measure.GROWTH  # "Up 40%."
            else:
                continue
        elif (q.unit_hint == "usd") != (prior["unit"] == Unit.USD) or prior["unit"] in (
            Unit.SHARE,
            Unit.MULTIPLE,
        ):
            return []  # money after a count, or a count after a share
        else:
            unit, measure = prior["unit"], Measure.LEVEL
        out.append(
            {
                **prior,
                "confidence": 0.5,
                "value": float(q.value),
                "value_high": float(q.value_high) if q.value_high is not None else None,
                "unit": unit,
                "measure": measure,
                "qualifier": q.qualifier,
                "period": _period_for(sentence, q)
                if _period(sentence) != Period.NONE
                else prior["period"],
                "value_text": q.text,
                "currency": q.currency if unit == Unit.USD else None,
            }
        )
    return out


def _is_heading(sentence: str, text: str, end: int) -> bool:
    """A heading: a short line of its own, not a sentence, a list of items or a metric line."""
    if end < len(text) and text[end] != "\n":
        return False
    if sentence.endswith((".", "!", "?", ":")) or re.search(r"[,;|]", sentence):
        return False
    if re.match(r"[~$€£]?\d", sentence) or re.search(r"[$€£%~]|\d[KMBkmb%x]\b", sentence):
        return False  # "3.1M customer conversations handled": a metric line, not a title
    return not _is_row(sentence) and len(sentence.split()) <= 12


def _about_company(company: str | None) -> re.Pattern[str] | None:
    """The boilerplate that describes the company ("Quillhaven Software Corporation makes
    AI-powered software used by 600,000 organizations"): its whole business, not AI adoption."""
    if not company:
        return None
    return re.compile(
        rf"^(?:About {re.escape(company)}\s+)?{re.escape(company)}\b[\w.,&' ]{{0,40}}?\s"
        r"(?:is|makes|provides|offers|builds|develops|helps|operates|delivers|creates|powers|"
        r"designs|sells|serves|enables)\b"
    )


def _title_name(name: str) -> str:
    return name.title() if name.isupper() else name


def _mask(text: str, turns: list[SpeakerTurn]) -> str:
    """Speaker headers blanked (same length) and turned into paragraph breaks."""
    if not turns:
        return text
    parts, last = [], 0
    for t in turns:
        parts.append(text[last : t.start])
        width = t.end - t.start
        parts.append(("\n\n" + " " * (width - 2)) if width >= 2 else " " * width)
        last = t.end
    parts.append(text[last:])
    return "".join(parts)


@dataclass(frozen=True)
class SentenceFindings:
    """What one sentence yields, before provenance is attached."""

    claims: tuple[dict[str, Any], ...]
    signals: tuple[dict[str, Any], ...]
    context: str | None  # the AI subject to carry into the next sentence


def analyse_sentence(
    sentence: str,
    context: str | None = None,
    speaker: SpeakerTurn | None = None,
    products: re.Pattern[str] | None = None,
    section: str | None = None,
    unit_header: str | None = None,
) -> SentenceFindings:
    """Claims and signals in one sentence; ``context`` is the previous sentence's AI subject,
    ``products`` matches the AI products the document introduced (see :func:`defined_products`),
    ``section`` is the product named by the heading above (a slide's metric lines under
    "Proof -- AI Assistant in the Newsroom" are about Proof); ``unit_header`` is the header row
    of the table a row belongs to, when it gives the unit ("| ($B) | FY2023 | FY2024 |")."""
    terms = ai_terms(sentence)
    if terms:
        asides = [(m.start(), m.end()) for m in _NOT_ABOUT_AI.finditer(sentence)]
        # an AI term only inside "ahead of the launch of its AI features" or an aside
        # ", which now includes an AI feature," does not make the figure about AI
        terms = [t for t in terms if not any(a <= t.start() < b for a, b in asides)]
    named = list(products.finditer(sentence)) if products else []
    if named:
        # "Digital sales, which include orders placed through Sprig, grew 12%": the product is
        # only part of what the figure counts
        within = [(m.start(), m.end()) for m in _INCLUDES_ASIDE.finditer(sentence)]
        named = [t for t in named if not any(a <= t.start() < b for a, b in within)]
    inherited = titled = False
    subject: str | None
    new_context: str | None
    if named:
        terms = sorted([*terms, *named], key=lambda m: m.start())
        subject = named[0].group(0)
        new_context = subject
    elif terms:
        subject = subject_of(sentence)
        if subject is None and context and _refers_back(sentence):
            # "customers launched 57 million agent runs on it": "agent" names no product, "it"
            # is the one just named
            subject = context
        new_context = subject
    elif section and _is_row(sentence):
        subject, titled, new_context = section, True, section
    elif _is_row(sentence) and _ROW_PERSONA.search(sentence):
        # "Fraud alerts auto-closed by model (%) 41 29": the label names the AI
        subject, new_context = context, context
    elif context and _refers_back(sentence):
        subject, inherited, new_context = context, True, context
    elif section:  # a line under a heading that names the product ("Nora: our virtual agent")
        subject, inherited, new_context = section, True, None
    else:
        return SentenceFindings((), (), None)
    is_analyst = bool(speaker and (speaker.is_analyst or speaker.is_operator))
    if is_analyst:
        return SentenceFindings((), (), new_context)
    quantities = parse_quantities(sentence) if _has_figure(sentence) else []
    signals = _signals(sentence, subject, quantities, inherited)
    if sentence.rstrip().endswith("?") or _HYPOTHETICAL.search(sentence):
        return SentenceFindings((), signals, new_context)
    if signals:
        # a figure in the clause of a mandate, target or plan, or inside a ranking, is not
        # adoption; a clause after it may still report some ("Mandates are not adoption, so
        # here is the organic number: 64% of our engineers used Tern")
        quantities = _outside_signals(sentence, quantities)
    if not quantities:
        return SentenceFindings((), signals, new_context)
    if _is_row(sentence):
        if inherited:
            return SentenceFindings((), signals, new_context)
        claims = _table_row_claims(sentence, quantities, subject, terms, titled, unit_header)
    else:
        claims = _claims(sentence, quantities, subject, terms, inherited)
    if any(c["unit"] == Unit.HOURS for c in claims) and not _TIME_SAVED.search(sentence):
        for c in claims:  # the hours and their growth
            if c["unit"] in (Unit.HOURS, Unit.MULTIPLE, Unit.SHARE):
                c["metric_kind"] = MetricKind.USAGE_ACTIVITY
    return SentenceFindings(tuple(claims), signals, new_context)


_NOT_ABOUT_AI = re.compile(
    r"\b(?:ahead of|before|prior to|pending) (?:the |its |our |their )?(?:launch|roll-?out|"
    r"release|debut|introduction|arrival) of\b[^,;.]*|,\s(?:which|that) (?:now |also |recently )?"
    r"(?:includes?|has|offers|features|contains|bundles|comes with)\b[^,;.]*,|"
    r",\s(?:where|in which|on which)\b[^,;.]*,|"
    # a closing clause giving a reason: "Monthly users averaged 172 million, up 4%, as
    # AI-powered search brought more shoppers back" (the users are not the AI's)
    r",\s(?:as|because|thanks to|helped by|aided by|boosted by)\s[^\d;.]*\.?$|"
    # "... 9.8 million daily active players, with Bramble now live inside our titles"
    r",\swith\s[^,;.]*\b(?:now\s)?(?:live|available|included|built)\b[^\d;.]*\.?$",
    re.IGNORECASE,
)
_INCLUDES_ASIDE = re.compile(
    r",\s(?:which|that)\s(?:now\s|also\s)?(?:includes?|contains|bundles)\b[^,;.]*,", re.I
)
_DIGITISH = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred"
    r"|thousand|million|billion|trillion|dozens|half|third|quarter|fifth|tenth|double|doubl|"
    r"tripl|quadrupl|"
    r"twice|fold)",
    re.IGNORECASE,
)


def _has_figure(sentence: str) -> bool:
    return bool(_DIGITISH.search(sentence))


# "Brokers who rely on it report ...", "... and it gives back two hours a day": the product just
# named is the object or subject of a verb of use or effect
_USES_IT = re.compile(
    r"\b(?:rel(?:y|ies|ied) on|us(?:e|es|ed|ing)|adopted|tried|with|open(?:s|ed)?|"
    r"turn(?:s|ed)? to|through|via)\s(?:it|them)\b|"
    r"\b(?:it|they)\s(?:now\s|also\s)?(?:gives?|gave|saves?|saved|returns?|returned|frees?|"
    r"freed|cuts?|reduced?|reduces|handles?|handled|drafts?|drafted|answers?|answered|"
    r"resolves?|resolved|writes|wrote|generates?|generated|completes?|completed)\b|"
    r"\b(?:that|this)\s(?:added|adds|amounted|amounts|equals|equalled|equaled|translates|"
    r"translated|came|comes)\s(?:up\s)?to\b",
)


# "In the quarter it processed 1.2mn pages", "Last year the tool ran 86,000 clash checks",
# "1,130 opened the tool": the product just named, by pronoun or generic noun, doing or used
_PERSONA_REF = (
    r"(?:the|this|that|these|those)\s(?:[a-z\-]+\s){0,2}?(?:model|assistant|tool|agent|engine|"
    r"planner|system|"
    r"platform|copilot|chatbot|bot|feature|advisor|adviser)s?"
)
_DID = (
    r"(?:has\s|have\s|had\s)?(?:now\s|also\s|then\s|alone\s|since\s)?"
    r"(?:[a-z][a-z\-]{2,}ed|ran|held|made|wrote|took|sent|drew|read|"
    r"caught|found|built|put|gave|handles|answers|drafts|writes|runs|processes|generates|"
    r"produces|reviews|resolves|completes|closes|flags|routes|proposes|suggests|saves|cuts)\b"
)
_DONE_BY_PERSONA = rf"\b[a-z]+(?:ed|en)\s(?:by|with)\s{_PERSONA_REF}\b"
_DOES_OR_USED = re.compile(
    rf"\b(?:it|they|{_PERSONA_REF})\s{_DID}|"
    r"\b(?:it|they)\s(?:was|were|is|are|has\sbeen|have\sbeen)\s(?:[a-z]+\s){0,2}?(?:used|"
    r"adopted|opened|accessed|relied\son)\b|"
    rf"\b(?:us(?:e|es|ed|ing)|open(?:s|ed)?|adopted|tried|rel(?:y|ies|ied)\son|"
    rf"turn(?:s|ed)?\sto|ask(?:s|ed)?|put\s[^.;]{{0,40}}\sto)\s(?:{_PERSONA_REF}|it|them)\b|"
    # "Code proposed by those assistants": the work they did
    rf"{_DONE_BY_PERSONA}|\b[a-z]+(?:ed|en)\s(?:by|with)\s(?:it|them)\b"
)


_GENERIC_REF = re.compile(
    rf"^(?:[A-Z][\w ,]{{0,40}},\s)?{_PERSONA_REF}\s{_DID}|{_DONE_BY_PERSONA}|"
    rf"\b(?:through|with|using|via)\s{_PERSONA_REF}\b",
    re.I,
)


def _refers_back(sentence: str) -> bool:
    """Whether a sentence without an AI term continues the previous sentence's subject."""
    if _REFERS_BACK.match(sentence) or _USES_IT.search(sentence):
        return True
    if _DOES_OR_USED.search(sentence):
        return True
    # names nothing else: no capitalised word but a common sentence opener
    words = re.findall(r"[A-Za-z][\w’'\-]*", sentence)
    if not words or (words[0].lower() not in _STARTERS and words[0].lower() not in _NOUNS):
        return False
    return not any(w[0].isupper() and w not in _NOT_OTHER_NAMES for w in words[1:])


# Capitalised words that name no other product: months, weekdays, "I".
_NOT_OTHER_NAMES = _words(
    "I AI January February March April May June July August September October November "
    "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Q1 Q2 Q3 Q4"
)


_STARTERS = _words(
    "paid active daily weekly monthly annual annualized average new "
    "over more nearly almost about roughly some the this that these those it its they their we "
    "around approximately close well fewer less under "
    "our and but so now today already in on at with by for from since during after before as "
    "each every all another usage use total overall together up across than just only also "
    "there here what which a an one two three four five six seven eight nine ten hundreds "
    "thousands millions tens dozens half"
)


_CLAUSE_END = re.compile(r"[;:]|\s[—–]\s|—")
_NOT_ADOPTION = (SignalKind.MANDATE, SignalKind.TARGET, SignalKind.PLAN)


def _outside_signals(sentence: str, quantities: list[Quantity]) -> list[Quantity]:
    """The quantities not in a clause that states a mandate, target or plan, nor inside a
    ranking ("a dashboard ranked 400 producers")."""
    bounds = [0, *(m.end() for m in _CLAUSE_END.finditer(sentence)), len(sentence) + 1]
    blocked: list[tuple[int, int]] = []
    for kind, pattern in _SIGNALS:
        if kind == SignalKind.PLAN and _TALK_ABOUT_PLAN.search(sentence):
            continue
        for m in pattern.finditer(sentence):
            if kind in _NOT_ADOPTION:
                lo = max(b for b in bounds if b <= m.start())
                hi = min(b for b in bounds if b >= m.end())
                if m.group(0).rstrip().endswith(":"):
                    hi = len(sentence) + 1  # "Target: $120–150M ...": the whole line
                blocked.append((lo, hi))
            else:
                # the ranking and what it ranks ("a monthly ranking of usage across its 60
                # largest accounts"), up to the next comma
                hi = min(b for b in bounds if b >= m.end())
                comma = sentence.find(",", m.end())
                blocked.append((m.start(), min(hi, comma if comma >= 0 else hi, m.end() + 60)))
    return [q for q in quantities if not any(lo <= q.start < hi for lo, hi in blocked)]


def _signals(
    sentence: str, subject: str | None, quantities: list[Quantity], inherited: bool
) -> tuple[dict[str, Any], ...]:
    for kind, pattern in _SIGNALS:
        if kind == SignalKind.PLAN and _TALK_ABOUT_PLAN.search(sentence):
            continue  # "we will say more about how we plan to do that": not a plan itself
        if pattern.search(sentence):
            q = next((q for q in quantities if q.unit_hint == "percent"), None) or (
                quantities[0] if quantities else None
            )
            population = _population_near(sentence, q) if q else Population.NONE
            return (
                {
                    "subject": subject,
                    "confidence": 0.6 if inherited else 0.8,
                    "kind": kind,
                    "value": q.value if q else None,
                    "value_high": q.value_high if q else None,
                    "period": _period(sentence),
                    "population": population,
                },
            )
    return ()


def _population_near(sentence: str, q: Quantity) -> Population:
    tail = sentence[q.end : q.end + 80].lower()
    for word in re.findall(r"[a-z][\w\-]*", tail)[:6]:
        sense = _NOUNS.get(word)
        if sense and sense.population != Population.NONE:
            return sense.population
    return Population.NONE


@dataclass(frozen=True)
class _Reading:
    unit: Unit
    kind: MetricKind
    population: Population
    penalty: float = 0.0
    factor: float = 1.0  # applied to the figure's value (minutes -> hours)


def _noun_after(sentence: str, end: int, vague: bool = False) -> tuple[str | None, bool]:
    """The counted noun right after a figure (skipping adjectives and product names).

    Returns (noun, bare): ``bare`` is True when nothing noun-like follows the figure (end of
    clause, a preposition), so the noun may be found earlier in the sentence.
    """
    tail = sentence[end : end + 90]
    if re.match(r"^\s*(?:[,;:.)–—]|$)", tail):
        return None, True
    modifiers = base_words = 0
    prev = ""
    last_modifier = ""
    for i, m in enumerate(re.finditer(r"[A-Za-z][\w’'\-]*|\d[\d,.]*\d|[,;:–—()]", tail)):
        word, prev_word = m.group(0), prev
        low = prev = word.lower().rstrip("’'")
        if word[0].isdigit():
            if (
                prev_word in {"our", "its", "their", "the", "all"}
                or prev_word in _HEDGE_WORDS
                or prev_word.endswith(("’s", "'s"))  # "1,870 of the company’s 2,300 staff"
            ):
                base_words = i + 1
                continue  # the base in "4,200 of our 5,000 agencies", "of our roughly 19,000"
            return None, False
        if i - base_words > 5 or word in ",;:–—()":
            return _unknown_noun(last_modifier), i == 0
        if (low in _NOUNS or low in _NOT_USAGE) and word[-1] in "’'":
            return low, False  # a possessive is the head: "700 full-time agents' work"
        if low in _NOUNS or low in _NOT_USAGE:
            # a compound names its head last: "customer questions", "developer tools"
            nxt = re.match(r"[ ]([a-z][\w\-]*)(?:[ ]([a-z][\w\-]*))?", tail[m.end() :])
            if nxt and (nxt.group(1) in _NOUNS or nxt.group(1) in _NOT_USAGE):
                return nxt.group(1), False
            if (
                nxt
                and nxt.group(2) in _NOUNS
                and not nxt.group(1).endswith("ing")  # "organizations building agents"
                and (_is_modifier(nxt.group(1)) or _WORK_NOUNS.fullmatch(nxt.group(1)))
            ):
                return nxt.group(2), False  # "customer service conversations"
            if nxt and _WORK_NOUNS.fullmatch(nxt.group(1)):
                return None, False
            return low, False
        if low == "of" and i > 0 and modifiers and last_modifier:
            # "38,500 certificates of origin": the head comes before "of" (not "first notice
            # of loss reports", whose head comes after)
            if last_modifier in _NOUNS or last_modifier in _NOT_USAGE:
                return last_modifier, False
            if _unknown_noun(last_modifier):
                return _unknown_noun(last_modifier), False
        if low == "of" and i == 0:
            if vague:
                continue
            rest = tail[m.end() :]
            if re.match(r"[ ](?:them|those|these)\b", rest):
                return None, True  # "31,000 of them": the noun named earlier
            if re.match(r"[ ](?:our|its|their|the|all)\b", rest):
                continue  # "4,200 of our partner agencies"
            return None, False
        if (
            low in _SKIP_BEFORE_NOUN
            or word[0].isupper()
            or low in {"of", "the", "our", "its"}
            or (prev_word in {"the", "of"} and low.endswith(("’s", "'s")))
            or (low in _HEDGE_WORDS and prev_word in {"our", "its", "their", "the"})
        ):
            continue
        adjective = (
            low.endswith("ed")
            and low.isalpha()
            # (not a base: "registered users", "licensed seats", "enrolled members")
            and low not in _BASE_ADJECTIVES
            and (follow := re.match(r"[ ]([a-z]+)", tail[m.end() :])) is not None
            and follow.group(1) in _NOUNS
        )  # "salaried engineers", "licensed users": an adjective in -ed before a known noun
        if i - base_words <= 4 and modifiers < 3 and (_is_modifier(low) or adjective):
            modifiers += 1  # "small businesses", "inbound service chats", "patient visits"
            if low == "orders" and last_modifier in _ORDER_KINDS:
                low = "work-orders"  # "repair orders" are work, not sales orders
            last_modifier = low
            continue
        if modifiers and low in {"and", "or"}:
            continue  # "small and medium-sized businesses"
        if i == 0 and _USING.match(tail, m.start()):
            return None, True  # "and approximately 71,000 used it": the people named before
        return (_unknown_noun(last_modifier), i == 0 and low in _BARE_FOLLOWERS)
    return _unknown_noun(last_modifier), modifiers == 0


# An unfamiliar plural noun after a figure ("41 million parcels", "3 million prior-authorization
# checks") is returned as "~parcels"; _reading counts it only when the sentence says the AI made
# or handled those things, or that those people used it.
_NOT_PLURAL = re.compile(r"(?:ss|us|is|ous|ics|news|series|less)$")


_ORDER_KINDS = _words("work repair service maintenance job production")
_BASE_ADJECTIVES = _words(
    "registered licensed enrolled eligible invited provisioned connected installed subscribed "
    "onboarded entitled"
)


def _unknown_noun(word: str) -> str | None:
    if (
        len(word) > 3
        and word.endswith("s")
        and not _NOT_PLURAL.search(word)
        and word not in _NOT_MODIFIERS
        and word.isascii()
        and word.replace("-", "").isalpha()
        # orders an AI assigned or placed are work ("Tern assigned 1.14 billion of the 1.31
        # billion orders"); the reading still needs the AI doing it
        and (not _FINANCE.fullmatch(word) or word == "orders")
    ):
        return "~" + word
    return None


_HEDGE_WORDS = _words("about roughly some approximately nearly around almost over")

# Words that cannot modify a counted noun: verbs, function words, adverbs.
_NOT_MODIFIERS = _words(
    "were was are is be been being have has had will would can could may might do does did "
    "that which who whom whose than times per it they them we you he she there here this these "
    "others ones things items examples kinds types "
    "those not no also still just only now then so such very every each all any some many much "
    "more most less few fewer several other another same own into onto upon within without "
    "about above below under between among through across during since until while where when "
    "a an the or nor but yet if as at by for from in on to with up down out off over"
)


def _is_modifier(word: str) -> bool:
    """Whether ``word`` may be an adjective or noun modifier before the counted noun."""
    return (
        word not in _NOT_MODIFIERS
        and word not in _BARE_FOLLOWERS
        and (not word.endswith(("ed", "ly")) or "-" in word)  # "medium-sized"
        and word.replace("-", "").isalpha()
    )


_BARE_FOLLOWERS = _words(
    "in compared a per each every this last from to and as by for across since up during "
    "over versus vs after before at with globally worldwide"
)


def _noun_before(sentence: str, start: int, money: bool = True) -> str | None:
    """The nearest countable noun before ``start`` in the same clause (``money``: False when
    the figure has no currency, so a "run-rate" or "pace" is a rate of use, not revenue)."""
    head = sentence[:start]
    cut = max((m.end() for m in _GROWTH_SUBJECT_END.finditer(head)), default=0)
    number_of = re.search(r"\bnumber of (?:[\w\-]+ ){0,2}?([\w\-]+)\b", head[cut:])
    if number_of and number_of.group(1).lower() in _NOUNS:
        return number_of.group(1).lower()
    # "grew tenfold this year to 48 million": the level takes the growth's subject, so the
    # period words between them are passed over
    growth_verb = _TO_LEVEL.search(head, cut)
    to_level = growth_verb is not None
    if growth_verb is not None:
        # "Queries answered by our AI summaries climbed to 1.6 billion", "Token usage in our apps
        # rose to 2 trillion": the subject is the first noun of the phrase before the verb
        subject_start = max(
            (m.end() for m in _PUNCT.finditer(head, cut, growth_verb.start())), default=cut
        )
        for word in re.findall(r"[A-Za-z][\w’'\-]*", head[subject_start : growth_verb.start()]):
            low = word.lower()
            if low in _NOUNS:
                return low
            if low in _USAGE_WORDS:
                return "usage"
    words = re.findall(r"[A-Za-z][\w’'\-]*", head[cut:])
    for word in reversed(words[-14:]):
        low = word.lower()
        if low in _NOUNS:
            return low
        if not money and low in {"run-rate", "rate", "pace"}:
            continue
        if to_level and low in _PERIOD_WORDS:
            continue
        if _FINANCE.fullmatch(word):
            return "$" + low
        if low in {"use", "usage", "traffic", "adoption", "volume", "volumes", "consumption"}:
            return "usage"
        if low in _NOT_USAGE:
            return None
    return None


_TO_LEVEL = re.compile(
    r"\b(?:grew|grown|rose|risen|climbed|jumped|surged|increased|doubled|tripled|quadrupled|"
    r"expanded|up)\b[^,;]{0,60}\bto[ ]*$",
    re.IGNORECASE,
)
_PUNCT = re.compile(r"[,;:]")
_USAGE_WORDS = _words("use usage traffic adoption volume volumes consumption throughput")
_PERIOD_WORDS = _words("year years quarter quarters month months week weeks day days")
_CHANGE_IN = re.compile(
    r"^[ ]?(?:increase|growth|jump|rise|surge|gain|expansion)s? in (?:the )?(?:number of )?"
    r"((?:[\w\-]+[ ]?){1,4})",
    re.IGNORECASE,
)


def _noun_in(phrase: str) -> str | None:
    """The first countable (or usage) noun in a short phrase ("agent usage" -> "usage")."""
    for word in re.findall(r"[a-z][\w\-]*", phrase.lower()):
        if word in _NOUNS:
            return word
        if word in {"use", "usage", "traffic", "adoption", "volume", "consumption"}:
            return "usage"
    return None


_HAS = re.compile(
    r"\b(?:has|have|had|counts?|reached|surpassed|passed|topped|crossed|serves|served)\b"
)


def _product_has(sentence: str, q: Quantity, terms: list[re.Match[str]]) -> bool:
    """Whether an AI product is the subject that "has" the figure ("Q Developer has 2 million
    developers"), so the people counted are its users."""
    clause_start = max((m.end() for m in re.finditer(r"[,;:]", sentence[: q.start])), default=0)
    for t in terms:
        if clause_start <= t.start() < q.start and t.group(0).lower() not in {"ai", "tokens"}:
            between = sentence[t.end() : q.start]
            if _HAS.search(between) and len(between) < 60:
                return True
    return False


_SURVEY = re.compile(r"\b(?:survey\w*|poll\w*|respondents|questionnaire)\b", re.I)
_SAID = re.compile(
    r"\b(?:report\w*|said|say|says|told us|tell us|rated|rate|feel|felt|agree\w*|prefer\w*|"
    r"describ\w*|expect\w*|plan\w*)\b",
    re.I,
)

# What a product can cover rather than what it did: ranges, footprints, estates.
_COVERAGE = _words(
    "range ranges portfolio lineup line-up assortment footprint fleet estate catalog catalogue "
    "sku skus stores branches locations sites markets regions countries territories"
)


# a decline the AI brought about ("drive time down 14%", "cut after-hours charting by 38 per
# cent", "mean time to repair has come down about 22%"): an outcome, kept as a positive share
_DECLINE_BEFORE = re.compile(
    r"\b(?:time|times|costs?|expenses?|volumes?|backlogs?|charting|turnaround|errors|rework|scrap|"
    r"handling|minutes|hours|days|waits?|calls|repair|declines|losses|defects|failures|incidents|"
    r"complaints|churn|escalations)\b[\w\s'’-]{0,40}?\b(?:down|fell|fallen|"
    r"dropped|declined|decreased|(?:come|came|gone|went)\sdown|(?:was|were|been)\s(?:cut|reduced|"
    r"lowered|shortened))(?:\sby)?[ ]*$|"
    r"\b(?:cut|reduced|lowered|shortened|trimmed)\s(?:[\w\-’']+\s){0,4}?(?:time|times|costs?|"
    r"expenses?|volumes?|backlogs?|charting|turnaround|errors|rework|scrap|handling|waits?|calls)"
    r"\b[\w\s'’-]{0,30}?\bby[ ]*$",
    re.IGNORECASE,
)


def _read_percent(sentence: str, q: Quantity, terms: list[re.Match[str]]) -> _Reading | None:
    after = sentence[q.end : q.end + 80]
    before = sentence[max(0, q.start - 70) : q.start]
    if _DECLINE_BEFORE.search(before) and not re.search(
        r"\b(?:cost|price|prices|pricing)\b[^.;]{0,20}\bper\b", before
    ):  # not the product's price ("cut the cost per million tokens by 80%")
        return _Reading(Unit.SHARE, MetricKind.OUTCOME, Population.NONE, 0.2)
    rest = _clause_after(sentence, q.end)
    if _NO_HUMAN.search(rest) and (
        re.search(
            r"\b(?:resolved|handled|completed|closed|answered|finished|settled|processed|"
            r"contained)\b",
            rest,
        )
        # "Tessa now opens roughly two in five claims without a human adjuster"
        or re.search(
            r"\b(?:opens|opened|files|filed|drafts|drafted|processes|settles|approves|approved|"
            r"resolves|handles|closes|answers|completes)\s(?:about\s|roughly\s|nearly\s|some\s)?$",
            before,
        )
    ):
        # "Of those contacts, 58 per cent were resolved end to end with no handoff"
        return _Reading(Unit.SHARE, MetricKind.SHARE_OF_WORK, Population.CUSTOMERS, 0.1)
    if re.match(r"^[ ]?more (?:deeply|engaged|often)\b", after):
        return _Reading(Unit.SHARE, MetricKind.OUTCOME, Population.CUSTOMERS, 0.2)
    if _SURVEY.search(sentence) and _SAID.search(after):
        return None  # what people told a survey ("23% of customers reported ..."), not use
    if _EFFECT_AFTER.match(after):  # "a 22% improvement in return on ad spend"
        return _Reading(Unit.SHARE, MetricKind.OUTCOME, Population.CUSTOMERS, 0.2)
    # "1 in 4 developers use ...", "one in three inbound service chats"
    direct = re.match(r"^[ ](?:(?:[a-z]+[ ]){1,2}(?=(?:[a-z]+s)\b))?([a-z][\w\-]*)\b", after)
    if (
        direct
        and direct.group(0).split()[:-1]
        and not all(
            (_is_modifier(w) and w not in _NOUNS) or not w.endswith("s")  # "customer letters"
            for w in direct.group(0).split()[:-1]
        )
    ):
        direct = re.match(r"^[ ]([a-z][\w\-]*)\b", after)
    if re.match(r"^[ ](?:[a-z]+[ ])?lines of (?:new |our |all )?code\b", after):
        return _Reading(Unit.SHARE, MetricKind.SHARE_OF_WORK, Population.CODE)  # "1 in 4 lines"
    sense = _NOUNS.get(direct.group(1)) if direct else None
    if sense is not None and sense.kind == MetricKind.USER_COUNT:
        if not _USING.search(sentence):
            return None
        return _Reading(Unit.SHARE, MetricKind.USER_COUNT, sense.population)
    if direct and _WORK_NOUNS.fullmatch(direct.group(1)):  # "resolves 2 out of 3 inquiries"
        return _Reading(Unit.SHARE, MetricKind.SHARE_OF_WORK, Population.CUSTOMERS)
    made = re.search(
        r"\b([A-Za-z\-]+)[ ](?:about[ ]|roughly[ ]|nearly[ ]|around[ ]|some[ ]|over[ ]|almost[ ]|"
        r"more[ ]than[ ]|approximately[ ])*$",
        before,
    )
    not_of = not re.match(r"[ ]?of\b", after)  # "of ..." is read below
    if (
        made
        and not_of
        and (sense is None or sense.kind != MetricKind.USER_COUNT)
        and _MADE.fullmatch(made.group(1))
        and _verb_form(made.group(1))
        and not re.match(r"(?:scor|rank|rat|test|pric|quot|start|cover|fill)", made.group(1), re.I)
        and not re.match(r"[ ]on\b", after)  # "scored 91% on a benchmark"
        and (not terms or any(t.start() < q.start for t in terms))
    ):
        # "It drafted 3 in 10 portal replies", "Scout now handles 62% of ...": the AI did that
        # share of the work
        return _Reading(Unit.SHARE, MetricKind.SHARE_OF_WORK, Population.NONE)
    if sense is None and not_of and _done_with_ai(sentence, q.end, terms):
        # "three in four loan files closed in the quarter had their statements extracted by
        # Ledgerlight": that share of the work was done by the AI
        return _Reading(Unit.SHARE, MetricKind.SHARE_OF_WORK, Population.NONE)
    made_up = re.search(
        r"\b(?:accounted\sfor|made\sup|represented|comprised|drove)\s(?:about\s|roughly\s|"
        r"approximately\s|nearly\s|around\s|some\s|over\s|more\sthan\s|almost\s)*$",
        before,
    )
    if made_up and re.match(r"[ ]of\b", after):
        subject_start = max(0, q.start - len(before)) + made_up.start()
        head = sentence[:subject_start]
        cut = max((m.end() for m in re.finditer(r";|,\s(?:and|but|while)\b", head)), default=0)
        if any(cut <= t.start() < subject_start for t in terms) and not (
            _NEVER.search(sentence) or re.search(r"\b(?:spend\w*|cost\w*|expens\w*)\b", head, re.I)
        ):
            # "titles surfaced by Compass accounted for approximately 78% of all hours
            # streamed": the AI's share; of revenue or bookings, an outcome
            if _FINANCE.search(after[:40]) or re.search(r"\bbookings\b", after[:40]):
                return _Reading(Unit.SHARE, MetricKind.OUTCOME, Population.CUSTOMERS, 0.2)
            return _Reading(Unit.SHARE, MetricKind.SHARE_OF_WORK, Population.NONE, 0.1)
    used_for = re.search(
        r"\b(?:us(?:e|es|ed|ing)|open(?:s|ed)?|consult(?:s|ed)?|invok(?:e|es|ed)|appl(?:y|ies|ied)|"
        # "It now sets the daily orders for roughly 88 percent of SKUs": the AI does that work
        r"sets|set|makes|made|places|placed|handles|handled|plans|planned|drafts|drafted|writes|"
        r"wrote|runs|ran|decides|decided|chooses|chose|schedules|scheduled|prices|priced|"
        r"propos(?:es|ed)|suggest(?:s|ed)|recommend(?:s|ed)|identifi(?:es|ed)|prepar(?:es|ed))"
        r"\s(?:[\w\-]+\s){0,4}?(?:for|on|in)\s(?:well\s|just\s)?$",
        before,
    )
    if (
        used_for
        and (
            any(used_for.start() <= t.start() < q.start for t in terms)
            or re.search(rf"\b(?:{_PERSONA_REF}|it|them)\b", used_for.group(0))
            # "It now sets the orders for 88 percent of SKUs": the AI just named does the work
            or (
                not used_for.group(0).lower().startswith("us")
                and (
                    re.search(
                        r"\b(?:[Ii]t|[Tt]hey)\s(?:now\s|also\s|already\s)?$",
                        before[: used_for.start()],
                    )
                    or any(
                        t.end() <= used_for.start() and used_for.start() - t.end() < 25
                        for t in terms
                    )
                )
            )
        )
    ):
        return _Reading(Unit.SHARE, MetricKind.SHARE_OF_WORK, Population.NONE)  # "used AI for 5%"
    if _SHARE_OF_WORK_BEFORE.search(before):  # "the share of code written by AI reached 30%"
        code = re.search(r"\b(?:code|commits|pull requests)\b", before)
        pop = Population.CODE if code else _population_from(before)
        return _Reading(Unit.SHARE, MetricKind.SHARE_OF_WORK, pop)
    if _ADOPTION_BEFORE.search(before):  # "adoption among our engineers has reached 80%"
        return _Reading(Unit.SHARE, MetricKind.USER_COUNT, _population_from(before))
    if _SPEC_AFTER.match(after):
        people = _PEOPLE_USING.search(sentence, 0, q.start)
        if people and re.match(r"^[ ]?(?:faster|quicker|more quickly)\b", after):
            # "developers using the AI reviewer merge 26% faster": their productivity
            sense = _NOUNS.get(people.group(1).lower())
            pop = sense.population if sense else Population.USERS
            return _Reading(Unit.SHARE, MetricKind.OUTCOME, pop, 0.2)
        more = _MORE_NOUN.match(after)
        if more and more.group(1).lower() in _NOUNS:  # "10% more queries"
            return _Reading(Unit.SHARE, MetricKind.OUTCOME, Population.USERS, 0.2)
        return None
    if re.match(r"^[ ]?of (?:the |all )?Fortune \d+", after):
        if not _USING.search(sentence):
            return None
        return _Reading(Unit.SHARE, MetricKind.USER_COUNT, Population.CUSTOMERS)
    if re.match(
        r"^[ ]?(?:containment|automation|deflection|self-service)(?:[ ]rate)?\b", after
    ) and (terms or re.search(r"\b(?:agents?|assistant|bot)\b", sentence, re.I)):
        # "71% containment on billing contacts": the share the AI handled alone
        return _Reading(Unit.SHARE, MetricKind.SHARE_OF_WORK, Population.CUSTOMERS, 0.1)
    if re.match(r"^[ ]?(?:adoption|penetration|uptake)\b", after):  # "has reached 40% adoption"
        return _Reading(Unit.SHARE, MetricKind.USER_COUNT, _population_from(sentence))
    of_people = re.match(
        r"(?:Of|Among)[ ](?:(?:the|our|those|these|its|their)[ ])?(?:[\w\-]+[ ]){0,2}?([a-z]+s)\b"
        r"(?:[ ](?:who|that)\b[^,;]*)?,[ ]$",
        sentence[: q.start],
    )
    sense_of = _NOUNS.get(of_people.group(1)) if of_people else None
    if sense_of and sense_of.kind == MetricKind.USER_COUNT and _USING.search(sentence):
        # "Of the clinicians who used Halden in June, nine in ten were still using it"
        return _Reading(Unit.SHARE, MetricKind.USER_COUNT, sense_of.population)
    if re.match(
        r"^[ ]?of (?:them\b|(?:those|these)\b(?![ ]+(?!who\b|that\b|us(?:e|es|ed)\b)[a-z]))", after
    ):
        return _share_of_earlier(sentence, q)
    of = re.match(
        r"^[ ]?of[ ]+(?:the[ ]+|our[ ]+|its[ ]+|their[ ]+|all[ ]+|those[ ]+|these[ ]+|"
        r"[A-Z][\w’'.]*[ ]+)*"
        r"(?:(?:about[ ]+|some[ ]+|roughly[ ]+|around[ ]+|nearly[ ]+|approximately[ ]+|almost[ ]+)?"
        r"\d[\d,.]*[ ]+(?:(?:thousand|million|billion)[ ]+)?)?"
        r"((?:[\w\-&]+[ ]?){1,4})",
        after,
    )
    if of:
        phrase = of.group(1).lower()
        heads = [w for w in phrase.split() if _NOUNS.get(w) is not None and w not in _OUTPUT]
        if _FINANCE.search(phrase) and not (
            heads and _NOUNS[heads[-1]].kind == MetricKind.USER_COUNT
        ):  # "of our sales reps" are people, "of sales" money
            return _finance_reading(sentence, q, terms)
        words = [w.rstrip("’'") for w in phrase.split()]
        if any(
            w in _COVERAGE and (i + 1 == len(words) or words[i + 1] in _NOT_MODIFIERS)
            for i, w in enumerate(words)
        ):
            return None  # where it is available ("covers 100% of the product range"), not use
        first_sense = _NOUNS.get(words[0]) if words else None
        # "customer interactions": a singular modifier before a work noun
        compound = len(words) > 1 and not words[0].endswith("s") and _WORK_NOUNS.fullmatch(words[1])
        if first_sense is not None and first_sense.kind == MetricKind.USER_COUNT and not compound:
            if not _USING.search(sentence):
                return None
            return _Reading(Unit.SHARE, MetricKind.USER_COUNT, first_sense.population)
        if _WORK_NOUNS.search(phrase):
            pop = (
                Population.CODE
                if "code" in phrase or "commit" in phrase
                else (
                    Population.CUSTOMERS
                    if re.search(r"customer|support|service|chat", phrase + after)
                    else Population.NONE
                )
            )
            return _Reading(Unit.SHARE, MetricKind.SHARE_OF_WORK, pop)
        for word in phrase.split():
            sense = _NOUNS.get(word.rstrip("’'"))
            if sense and sense.kind == MetricKind.USER_COUNT and _USING.search(sentence):
                return _Reading(Unit.SHARE, MetricKind.USER_COUNT, sense.population)
        if "fortune" in phrase:
            return _Reading(Unit.SHARE, MetricKind.USER_COUNT, Population.CUSTOMERS)
        people = re.match(
            r"[ ]?of[ ](?:our|the|its|their|all)[ ](?:[\d,.]+[ ])?(?:[a-z][\w\-]*[ ]){0,2}?"
            r"(?P<noun>[a-z]+(?:ers|ists|ians|ots|ants|ents|ors))[ ](?:now[ ]|also[ ])?"
            r"(?:have[ ]|has[ ])?(?:used|use|uses|opened|open|tried|adopted)[ ]",
            after,
        )
        if people:
            # "Ninety-one percent of our 2,260 line pilots have used it": a share of people
            return _Reading(Unit.SHARE, MetricKind.USER_COUNT, Population.EMPLOYEES, 0.1)
        if _done_with_ai(sentence, q.end, terms):
            return _Reading(Unit.SHARE, MetricKind.SHARE_OF_WORK, Population.NONE)
        made = max(_MADE.finditer(sentence, 0, q.start), key=lambda m: m.start(), default=None)
        if (
            made
            and (
                any(w.rstrip("’'") in _OUTPUT for w in words)
                or (
                    # "AI-made subtitles covered 60% of new catalog hours": the AI is the subject
                    re.fullmatch(r"[\w\s\-’']*", sentence[_last_made(sentence, q.start) : q.start])
                    is not None
                    and not any(w in _NOUNS and w not in _OUTPUT for w in words[:1])
                    and not any(w in _NOT_USAGE for w in words)
                )
            )
            and (not terms or any(t.start() < made.start() for t in terms))
        ):
            # "Our AI agents draft 15% of loss summaries": the AI makes that share of the output
            return _Reading(Unit.SHARE, MetricKind.SHARE_OF_WORK, Population.NONE)
        return None
    if re.search(
        r"(?:handled|done|written|generated|resolved|answered|produced|automated)"
        r" (?:by|with|using) (?:AI|our AI|the AI|gen ?AI|agents?|\w+ AI)",
        after[:60],
    ):
        return _Reading(Unit.SHARE, MetricKind.SHARE_OF_WORK, Population.NONE)
    if _OUTCOME_VERB.search(before):
        if re.search(r"\b(?:cost|price|prices|pricing)\b[^.;]{0,20}\bper\b", before):
            return None  # "cut the cost per million tokens by 80%": the product's price
        return _Reading(Unit.SHARE, MetricKind.OUTCOME, Population.USERS, 0.2)
    if q.measure == Measure.GROWTH or re.search(
        r"\b(?:up|grew|rose|increased|climbed)\b", before[-30:]
    ):
        noun = _noun_before(sentence, q.start)
        return _growth_reading(noun, sentence, q, terms, Unit.SHARE)
    if re.search(r"\bmore (?:deeply|engaged|usage|often)\b|\bdeeper\b", after[:30]):
        return _Reading(Unit.SHARE, MetricKind.OUTCOME, Population.CUSTOMERS, 0.2)
    return None


def _last_made(sentence: str, end: int) -> int:
    """Where the last verb of making before ``end`` ends (0 when there is none)."""
    return max((m.end() for m in _MADE.finditer(sentence, 0, end)), default=0)


# a participle of work done ("drafted", "written", "run") before "by"/"with" the one who did it
_PARTICIPLE = r"(?:[a-z\-]+ed|[a-z]*written|done|drawn|made|taken|run|built)"
_DONE_WITH = re.compile(
    r"\b(?:going|flowing|passing|running|routed|run)[ ](?:through|via)[ ]|"
    # "63 per cent of new listings began as a Listing Studio draft"
    r"\b(?:began|begin|begins|started|starts|originated|came)[ ](?:life[ ])?(?:as|with|from|in)"
    r"[ ](?:an?[ ]|the[ ])?|"
    rf"\b{_PARTICIPLE}[ ](?:(?:by|with|using|"
    r"through|via)[ ](?:(?:the[ ])?help[ ](?:from|of)[ ])?|with[ ](?:the[ ])?(?:help|assistance)"
    r"[ ](?:from|of)[ ])",
)


def _done_with_ai(sentence: str, end: int, terms: list[re.Match[str]]) -> bool:
    """Whether the share's things are "underwritten with help from its AI" (done by AI)."""
    for m in _DONE_WITH.finditer(sentence, end, min(len(sentence), end + 140)):
        if re.search(r"[;.]", sentence[end : m.start()]):
            return False
        if any(0 <= t.start() - m.end() <= 30 for t in terms):
            return True
        if re.match(rf"(?:it|them|{_PERSONA_REF})\b", sentence[m.end() :], re.I):
            return True  # "authorizations going through it": the AI just referred to
    return False


def _base_of_later_share(sentence: str, q: Quantity, terms: list[re.Match[str]]) -> bool:
    """Whether the count is the base of a later "N% of them" and its own clause has no AI term."""
    if not re.search(r"\d[ ]?(?:%|percent)[ ]of[ ](?:them|those|these)\b", sentence[q.end :]):
        return False
    bounds = [0, *[m.end() for m in _CLAUSE_BREAK.finditer(sentence)], len(sentence)]
    lo, hi = next(((a, b) for a, b in itertools.pairwise(bounds) if a <= q.start < b), (0, 0))
    return not any(lo <= t.start() < hi for t in terms)


_NO_HUMAN = re.compile(
    r"\bwithout\s(?:a\s|any\s)?(?:person|human|people|humans|colleague|agent|hand-?off)\b|"
    r"\bwithout\s(?:any\s)?(?:manual|human)\s(?:intervention|involvement|review|touch)\b|"
    r"\bwith\sno\s(?:human|person|hand-?off)\b|\bno\shuman\b|\bno\shand-?off\b",
    re.I,
)


def _clause_after(sentence: str, end: int) -> str:
    """The rest of the clause after a figure, up to ``;`` or ", and/but"."""
    return re.split(r";|,\s(?:and|but|while|although)\b", sentence[end:])[0]


def _share_of_earlier(sentence: str, q: Quantity) -> _Reading | None:
    """ "... 2.5 million support calls; our AI agent answers 30% of them": a share of the things
    (or people) named last before the figure."""
    for word in reversed(re.findall(r"[A-Za-z][\w’'\-]*", sentence[: q.start])[-20:]):
        low = word.lower()
        sense = _NOUNS.get(low)
        if sense is not None and sense.kind == MetricKind.USER_COUNT:
            if not _USING.search(sentence, q.end):
                return None
            return _Reading(Unit.SHARE, MetricKind.USER_COUNT, sense.population)
        if _WORK_NOUNS.fullmatch(low):
            code = low in {"code", "commits"}
            return _Reading(
                Unit.SHARE,
                MetricKind.SHARE_OF_WORK,
                Population.CODE if code else Population.CUSTOMERS,
            )
    if _NO_HUMAN.search(_clause_after(sentence, q.end)):
        # "Nine in ten of those runs finished without a person having to step in"
        return _Reading(Unit.SHARE, MetricKind.SHARE_OF_WORK, Population.NONE, 0.1)
    if re.match(
        r"[ ]of[ ](?:those|them|these)[ ](?:who[ ])?(?:now[ ])?us(?:e|ed)\b", sentence[q.end :]
    ):
        # "About nine in ten of those use it": a share of the people named a sentence before
        return _Reading(Unit.SHARE, MetricKind.USER_COUNT, Population.USERS, 0.1)
    return None


def _growth_reading(
    noun: str | None, sentence: str, q: Quantity, terms: list[re.Match[str]], unit: Unit
) -> _Reading | None:
    if noun is None:
        return None
    if noun.startswith("$"):
        return _finance_reading(sentence, q, terms)
    if noun == "usage":
        return _Reading(unit, MetricKind.USAGE_ACTIVITY, Population.NONE)
    sense = _NOUNS.get(noun)
    if sense is None:
        return None
    if noun in _OUTPUT and not _MADE.search(sentence):
        return None
    return _Reading(unit, sense.kind, sense.population)


_ASIDE = re.compile(r",\s(?:which|that|including|excluding)\b[^,;.]*,")


# "grew from $1 billion to $2 billion": the earlier figure of a change, not another figure
_FROM_TO_BEFORE = re.compile(r"\bfrom[ ][$€£]?[\d.,]+(?:[ ]?[A-Za-z%]+)?[ ]to[ ]$")

_MONEY_WORD = r"(?:revenues?|sales|bookings|ARR)"


def _ai_money_nearby(sentence: str, q: Quantity, terms: list[re.Match[str]]) -> bool:
    """ "Our AI offerings contributed $75 million of revenue", "AI products exited the year at a
    revenue run-rate of $400 million": the money word is next to the figure and an AI term names
    the subject a few plain words before it (no punctuation, figure or other name between)."""
    if q.unit_hint != "usd":
        return False
    anchor = None
    if re.match(rf"[ ](?:of|in)[ ](?:new[ ]|total[ ]|incremental[ ])?{_MONEY_WORD}\b",
                sentence[q.end : q.end + 30], re.IGNORECASE):  # fmt: skip
        anchor = q.start
    else:
        lead = sentence[max(0, q.start - 40) : q.start]
        m = re.search(
            rf"\b{_MONEY_WORD}(?:[ ]run[- ]rate)?(?:[ ](?:of|at|was|reached|to|came to))?[ ]*$",
            lead,
            re.IGNORECASE,
        )
        if m:
            anchor = max(0, q.start - 40) + m.start()
    if anchor is None:
        return False
    for t in terms:
        between = sentence[t.end() : anchor]
        if (
            t.end() <= anchor
            and len(between) <= 50
            and t.group(0).lower() not in {"tokens", "prompts", "inference"}
            and re.fullmatch(r"[a-z\-’' ]*", between)
        ):
            return True
    return False


_SHARE_OF_REVENUE = re.compile(
    r"[ ](?:of|in)[ ](?:the[ ])?(?:total[ ]|online[ ]|net[ ]|group[ ]|our[ ]|segment[ ]|new[ ]|"
    r"incremental[ ]|additional[ ]|recurring[ ]|subscription[ ]|ancillary[ ]|fee[ ]|"
    r"[a-z]+-[a-z]+[ ])*"
    r"(?:revenue|revenues|sales|bookings|income)\b"
)
_EARNED_BEFORE = re.compile(
    r"\b(?:accounted\sfor|represented|made\sup|contributed|generated|brought\sin|drove|"
    r"delivered|produced)\s(?:about\s|roughly\s|approximately\s|some\s|nearly\s|over\s|"
    r"more\sthan\s|around\s)*$"
)


def _finance_reading(sentence: str, q: Quantity, terms: list[re.Match[str]]) -> _Reading | None:
    """AI revenue/bookings as ``outcome``: only when an AI term names the money directly."""
    if re.search(
        r"\b(?:expect|guid|outlook|forecast|capital|capex|invest|spend|"
        r"cost|expense|operating income|price)\w*",
        sentence,
        re.IGNORECASE,
    ):
        return None
    if _ai_money_nearby(sentence, q, terms):
        unit = Unit.USD if q.unit_hint == "usd" else Unit.SHARE
        return _Reading(unit, MetricKind.OUTCOME, Population.CUSTOMERS, 0.3)
    subject_start = max(
        (m.end() for m in re.finditer(r";|,\s(?:and|but|while|which)\b", sentence[: q.start])),
        default=0,
    )
    if (
        q.unit_hint == "usd"
        and re.search(
            r"\b(?:brought\sin|earned|generated)\s(?:a\slittle\s)?(?:over\s|about\s|"
            r"roughly\s|nearly\s|more\sthan\s|approximately\s)?$",
            sentence[: q.start],
        )
        and (
            any(subject_start <= t.start() < q.start for t in terms)
            or re.search(
                r"\b(?:it|they)\s(?:has\s|have\s|also\s)?$",
                sentence[max(subject_start, q.start - 40) : q.start].split("brought")[0],
            )
        )
    ):
        # "Matchbook is a paid add-on, and it brought in a little over $20 million this year"
        return _Reading(Unit.USD, MetricKind.OUTCOME, Population.CUSTOMERS, 0.3)
    if (
        q.unit_hint in {"usd", "percent"}
        and _SHARE_OF_REVENUE.match(sentence, q.end)
        and _EARNED_BEFORE.search(sentence[max(subject_start, q.start - 40) : q.start])
        and any(subject_start <= t.start() < q.start for t in terms)
    ):
        # "AI-enabled software represented 6.1% of total net sales", "the Keystone-assisted
        # service brought in $14.5 million of revenue": what the AI earned
        unit = Unit.USD if q.unit_hint == "usd" else Unit.SHARE
        return _Reading(unit, MetricKind.OUTCOME, Population.CUSTOMERS, 0.3)
    for t in terms:
        # a non-restrictive clause between the AI term and the figure does not count
        between = _ASIDE.sub("", sentence[t.end() : q.start])
        if t.start() > q.start:
            continue
        # "Revenue from Forgehand, our AI-powered toolkit that ..., reached $27.5 million": the
        # revenue the sentence is about, however long the description between
        long_but_plain = len(between) <= 200 and not re.search(r"\d|;", between)
        if len(between) > 70 and not long_but_plain:
            continue
        lead = sentence[max(0, t.start() - 40) : t.start()]
        if (len(between) <= 70 or long_but_plain) and re.search(
            r"\b(?:revenue|revenues|sales|bookings|ARR|run[- ]rate)\s"
            r"(?:recogni[sz]ed\s|generated\s|earned\s)?"
            r"(?:from|of|for)\s(?:our\s|its\s|the\s)?(?:[a-z\-]+\s){0,2}$",
            lead,
            re.IGNORECASE,
        ):
            unit = (
                Unit.USD
                if q.unit_hint == "usd"
                else (Unit.MULTIPLE if q.unit_hint == "multiple" else Unit.SHARE)
            )
            return _Reading(unit, MetricKind.OUTCOME, Population.CUSTOMERS, 0.3)
        if len(between) > 70 or re.search(r"[,;:–—]", between):
            continue
        if re.search(r"\d", _FROM_TO_BEFORE.sub("", between)):
            continue  # another figure sits between: "AI revenue of $1 million and other revenue
            # of $9 million" -- the second is not the AI term's
        if re.search(
            r"^[\w\-() ’']{0,30}\b(?:revenue|revenues|sales|bookings|backlog|ARR|"
            r"run[- ]rate|projects|work|deals|ACV)\b",
            between,
            re.IGNORECASE,
        ):
            unit = (
                Unit.USD
                if q.unit_hint == "usd"
                else (Unit.MULTIPLE if q.unit_hint == "multiple" else Unit.SHARE)
            )
            return _Reading(unit, MetricKind.OUTCOME, Population.CUSTOMERS, 0.3)
    return None


_AI_MADE_NOUN = re.compile(
    r"[ ](?:of[ ])?(?:AI|GenAI|(?P<how>AI-(?:drafted|generated|written|made|assisted|created|"
    r"produced)|machine-(?:drafted|generated|written|translated|assembled)))[ ]"
    r"(?:[a-z][\w\-]*[ ]){0,2}?"
    r"(?!(?:chips?|servers?|accelerators?|PCs?|devices?|capable|ready|enabled)\b)"
    r"[a-z][\w\-]*s\b"
)


_OF_GROUP = re.compile(
    r"^(?:Of|Among)\s(?:our|the|its|their)\s(?:about\s|roughly\s|some\s|nearly\s|around\s|"
    r"approximately\s)?[\d,.]+\s(?:million\s|thousand\s)?(?:[\w\-]+\s){0,2}?([a-z]+s),\s"
    r"(?:about\s|roughly\s|some\s|nearly\s|around\s|approximately\s|over\s|more\sthan\s)*$"
)


def _reading(sentence: str, q: Quantity, terms: list[re.Match[str]]) -> _Reading | None:
    hint = q.unit_hint
    if hint == "usd":
        if _SAVED_MONEY_BEFORE.search(sentence[max(0, q.start - 130) : q.start]) or (
            _SAVED_MONEY_AFTER.match(sentence[q.end : q.end + 60])
        ):
            # "saved $58 million in staffing costs", "costs fell by $48 million": a saving
            return _Reading(Unit.USD, MetricKind.OUTCOME, Population.NONE, 0.2)
        return _finance_reading(sentence, q, terms)
    if hint == "percent":
        return _read_percent(sentence, q, terms)
    if hint == "multiple":
        after = sentence[q.end : q.end + 60]
        if _SPEC_AFTER.match(after):
            return None
        change = _CHANGE_IN.match(after)  # "a 40x increase in agent usage"
        if change:
            noun = _noun_in(change.group(1))
            if noun is not None:
                return _growth_reading(noun, sentence, q, terms, Unit.MULTIPLE)
        noun = _noun_before(sentence, q.start)
        if noun is None:
            own, _bare = _noun_after(sentence, q.end)
            noun = own
        return _growth_reading(noun, sentence, q, terms, Unit.MULTIPLE)
    if hint == "uses":  # "used 10 million times", "downloaded over 1 billion times"
        return _Reading(Unit.REQUESTS, MetricKind.USAGE_ACTIVITY, Population.NONE)
    # a count
    made_noun = _AI_MADE_NOUN.match(sentence, q.end)
    if made_noun and (
        made_noun.group("how")
        or re.search(r"\b(?:appl(?:y|ied|ies)|us(?:e|ed|es))\b", _clause_before(sentence, q.start))
        or any(_verb_form(m.group(0)) for m in _MADE.finditer(_clause_before(sentence, q.start)))
    ):
        # "23,000 AI-drafted log entries", "people applied tens of millions of AI photo
        # cleanups": AI output (not "600 AI models" in a catalogue or AI chips installed)
        return _Reading(Unit.COUNT, MetricKind.USAGE_ACTIVITY, Population.NONE, 0.15)
    vague = bool(re.search(r"(?:tens|hundreds|thousands|millions|billions|dozens)$", q.text))
    noun, bare = _noun_after(sentence, q.end, vague)
    of_group = _OF_GROUP.search(sentence, 0, q.start)
    if noun is None and of_group and of_group.group(1) in _NOUNS:
        noun = of_group.group(1)  # "Of our roughly 150,000 customers, about 21,000 now pay for it"
    if noun is None and bare:
        noun = _noun_before(sentence, q.start, money=False)
        if noun is None or noun.startswith("$") or noun == "usage":
            return None
    if noun is None and not bare and _DONE_BY_AFTER.match(sentence, q.end):
        return _unknown_reading(sentence, q, terms)  # "212,000 work orders pre-planned by it"
    if noun is None or noun in _NOT_USAGE:
        return None
    if noun in {"developer-years", "developer-hours", "person-years", "engineer-years"}:
        return _Reading(Unit.DEVELOPER_YEARS, MetricKind.OUTCOME, Population.DEVELOPERS, 0.1)
    if noun.startswith("~"):
        return _unknown_reading(sentence, q, terms)
    sense = _NOUNS.get(noun)
    if sense is None:
        return None
    if re.search(
        r"(?:\d|\b(?:thousand|million|billion|trillion|half|thirds?|quarters?|fifths?|tenths?))"
        r"[ ]?(?:%|percent)? of "
        r"(?:the |our |all |its |their )?$",
        sentence[: q.start],
    ):
        return None  # the base of a share ("36% of the 4.8 million tickets", "4,200 of our 5,000")
    if re.search(
        r"(?:^|[,;:]\s)[Oo]f (?:our|its|their|the|all) (?:about |roughly |some |approximately |"
        r"nearly |around |almost |over |more than )*$",
        sentence[: q.start],
    ):
        return None  # the base ("Of our 3,900 adjusters, a little over 3,100 opened Keel")
    if re.match(r"top[ ]", q.text, re.IGNORECASE) and re.search(
        r"\b(?:its|the|our|their)[ ]$", sentence[: q.start]
    ):
        return None  # a rank ("its top 50 users"), not a count
    if re.search(
        r"\b(?:out of|among (?:our|its|their|the|all))[ ](?:about |roughly |some |nearly |"
        r"approximately |around |more than |over |almost )*$",
        sentence[max(0, q.start - 40) : q.start],
        re.IGNORECASE,
    ):
        return None  # the base ("7,000 advisors used it, out of roughly 8,200")
    if re.match(r"^[^,;.]{0,60}\b(?:can|could|may|are able to)\b", sentence[q.end : q.end + 80]):
        return None  # who can reach it ("2 million clients can all use the app"), not use
    if _DEPLOYED_TO.search(sentence[max(0, q.start - 70) : q.start]):
        return None  # who it was given to, not who used it ("rolled out to 42,000 staff")
    if _base_of_later_share(sentence, q, terms):
        return None  # "2.5 million tickets ..., and our AI agent resolves 30% of them"
    if _SOLD_THROUGH.search(sentence[max(0, q.start - 50) : q.start]):
        return None  # a sales channel ("sold through 9,000 partners"), not users
    if re.search(
        r"\b(?:the work of|equivalent (?:of|to)|equals?|equal to|equall?ed|equates? to|"
        r"the equivalent of)[ ]*$",
        sentence[: q.start],
    ):
        return _Reading(Unit.COUNT, MetricKind.OUTCOME, Population.EMPLOYEES, 0.2)
    if noun == "agents" and _HUMAN_AGENT.search(sentence[q.end : q.end + 40]):
        # people ("198,000 support agents ... used it"): users of the AI product
        if not _USING.search(sentence):
            return None
        return _Reading(Unit.USERS, MetricKind.USER_COUNT, Population.USERS)
    if noun in _OUTPUT and not _MADE.search(sentence):
        return None
    access = _ACCESS_ONLY.search(sentence, q.end)
    licensed = _ACCESS_ONLY.search(sentence, max(0, q.start - 50), q.start)
    if sense.kind == MetricKind.USER_COUNT and licensed and not _USING.search(sentence, q.end):
        return None  # "licensed for all 1,460 employees", "available to 5,000 clinicians"
    if sense.kind == MetricKind.USER_COUNT and access is not None:
        # who can use it ("610,000 customers, each of whom has access to Tally"), unless the
        # figure is itself said to use it before the access is mentioned
        uses = (
            m for m in _USING.finditer(sentence, q.end) if not m.group(0).lower().startswith("acc")
        )
        use = next(uses, None)
        if use is None or use.start() > access.start() or re.search(r"\bin total\b", sentence):
            return None
    on_ai = re.match(
        r"\+?[ ](?:[\w\-]+[ ]){0,2}?(?:on|using|building[ ]on|"
        r"(?:running|building)[ ][\w\-]+[ ]on)[ ]",
        sentence[q.end :],
    )
    if (
        sense.kind == MetricKind.USER_COUNT
        and on_ai
        and any(
            re.fullmatch(r"(?:[A-Z][\w\-]*[ ])*", sentence[q.end + on_ai.end() : t.start()])
            for t in terms
            if t.start() >= q.end + on_ai.end()
        )
    ):
        return _Reading(sense.unit, sense.kind, sense.population)  # "1M+ developers on VIM"
    if sense.kind == MetricKind.USER_COUNT and re.search(
        r",\s(?:many|some|most|several|a\snumber|thousands|hundreds)\sof\s(?:whom|them)\b",
        sentence[q.end : q.end + 60],
    ):
        return None  # "2.4 million members, many of whom build on it": the community, not users
    clause_end = q.end + len(_clause_after(sentence, q.end))
    if (
        sense.kind == MetricKind.USER_COUNT
        and noun not in {"employees", "staff", "people", "workers"}
        and re.match(
            r"[ ](?:[\w\-]+[ ]){0,3}?(?:now[ ])?(?:started|opened|watched|played|"
            r"booked|bought|ordered|chose|picked)\b",
            sentence[q.end : q.end + 60],
        )
        and (
            any(
                q.end < t.start() < clause_end and t.group(0)[0].isupper() and t.group(0) != "AI"
                for t in terms
            )
            or _PRODUCT.search(sentence, q.end, clause_end) is not None
        )
    ):
        # "36 million member households started at least one title from a Compass row": they
        # used the named product
        return _Reading(sense.unit, sense.kind, sense.population, 0.15)
    reach = _REACHES.search(sentence, 0, q.start)
    if (
        sense.kind == MetricKind.USER_COUNT
        and reach is not None
        and any(0 <= reach.start() - t.end() <= 80 for t in terms)
    ):
        return _Reading(sense.unit, sense.kind, sense.population)  # "Scout ... served 212M"
    if (
        sense.kind == MetricKind.USER_COUNT
        and noun not in _USING_NOUNS
        and not _USING.search(sentence)
        and not _product_has(sentence, q, terms)
    ):
        return None  # "thousands of enterprises", "100 million developers": not using anything
    if (
        noun == "hours"
        and re.search(
            r"\b(?:logged|clocked|ran|run|played|simulated|produced|generated|dubbed|"
            r"transcribed|translated|narrated|voiced)\b",
            _clause_before(sentence, q.start),
        )
        and not re.search(
            r"\b(?:training|learning|courses?|classes)\b", sentence[q.end : q.end + 40]
        )
    ):
        # "the agents logged 2.4 million hours of simulated play": time the AI worked
        return _Reading(Unit.HOURS, MetricKind.USAGE_ACTIVITY, Population.NONE, 0.15)
    if noun in {"hours", "minutes"} and not re.search(
        r"sav|free|reclaim|reduc|spar|giv(?:es?|ing)\s(?:\w+\s){0,3}?back|gave\s(?:\w+\s){0,3}?back|"
        r"return|back to|replac",
        sentence,
        re.IGNORECASE,
    ):
        return None
    if noun == "minutes":  # "90 million minutes saved": reported in hours
        return _Reading(Unit.HOURS, MetricKind.OUTCOME, Population.NONE, factor=1 / 60)
    return _Reading(sense.unit, sense.kind, sense.population)


_ACCESS_ONLY = re.compile(
    r"\b(?:ha(?:s|ve|d)|with|given|get|gets|got|offered|granted)\s(?:\w+\s)?access\b|"
    r"\beligible\b|\bavailable\s(?:to|for)\b|\bentitled\b|\bincluded\sin\b|"
    r"\b(?:is|are)\s(?:now\s)?offered\b|"
    r"\blicen[cs]ed\s(?:for|to)\b|\blicen[cs]es\s(?:for|covering)\b|"
    r"\b(?:have|has|had|hold|holds)\s(?:a\s|an\s)?(?:\w+\s)?licen[cs]es?\b|"
    r"\bat\sno\s(?:additional|extra)\s(?:charge|cost)\b|"
    r"\b(?:can|could|may|are\sable\sto)\s(?:activate|enable|turn\son|opt\sin|access|use)\b",
    re.IGNORECASE,
)
_ROW_SCALE = {"thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12, "k": 1e3,
              "m": 1e6, "mm": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "t": 1e12,
              "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}  # fmt: skip
_ROW_UNITS = re.compile(
    r"\((?:in |\$ ?|us\$ ?)?(thousands?|millions?|billions?|trillions?|k|mm?|bn|b|tn|t)\)", re.I
)
_ROW_PERSONA = re.compile(
    rf"^(?:[A-Za-z\-]+\s){{0,6}}?(?:by|from|with|using)\s(?:the\s|our\s|an?\s)?(?:AI\s)?"
    rf"{_AI_PERSONA}s?\b|^(?:AI|Voice|Virtual|Chat)\s?{_AI_PERSONA}s?\b",
    re.I,
)
# "57% (vs. 31% in Q2 2024)", "~30% (up from under 10% ...)": a level and its earlier level
_COMPARED_AFTER = re.compile(r"[ ]?[(,][ ]?(?:vs\.?|versus|compared\swith|up\sfrom|from|against)\s")
_PERCENT_LABEL = re.compile(
    r"\((?:in\s)?(?:%|percent|per\scent)\)|^\W*(?:share|percent(?:age)?|%)\sof\b", re.I
)
_ROW_NOT_USE = re.compile(
    r"\b(?:enabled|with access|eligible|available|capable|installed|provisioned|licensed to|"
    r"licen[cs]es(?:\sheld)?)\b",
    re.I,
)


# "Assistant MAUs: 4.2M (+65% Y/Y)", "Questions answered in Q4: 31M": a slide's metric line
_METRIC_BULLET = re.compile(
    # (a label, not a clause: "Practically all of them: 1,040 engineers used it" is a sentence)
    r"^[-•*]?\s*(?P<label>(?:Est\.|Avg\.|Approx\.)?(?![^:]*\b(?:them|it|they|we|us)\b)"
    r"[A-Z ][^:.;]{2,70}):\s"
    r"(?:~|about |approx\.? |nearly |over |more than |almost |roughly |approximately )?"
    r"(?:[$€£]?\d|(?:half|a (?:third|quarter|fifth)|two-thirds|three-quarters|(?:one|two|three|"
    r"four|five|six|seven|eight|nine) in (?:two|three|four|five|ten))\b)"
    r"(?:[^.;]|\.(?=\d)|(?<=\bvs)\.|(?<=\best)\.){0,60}\.?$"
)


def _is_row(sentence: str) -> bool:
    """A table row ("Copilot seats (millions) 4.1 1.9", "| Ask MAUs (M) | 4.2 | 3.6 |") or a
    slide's metric line, read by :func:`_table_row_claims` rather than as a sentence."""
    pipes = sentence.count("|") >= 3 and re.search(
        r"\|\s*[~≈]?[$€£]?\d[\d,.]*\s?(?:%|[xX]|mn|bn|tn|[KMBkmb])?\s*\|", sentence
    )
    return is_table_row(sentence) or bool(pipes) or bool(_METRIC_BULLET.match(sentence))


_CURRENCY_MARK = re.compile(rf"(?<=\()(?:{PREFIX_PATTERN})|(?<![\w$])[$€£¥]|\b(?:{SUFFIX_PATTERN})")


def _table_row_claims(
    row: str,
    quantities: list[Quantity],
    subject: str | None,
    terms: list[re.Match[str]],
    titled: bool = False,
    unit_header: str | None = None,
) -> list[dict[str, Any]]:
    """Claims in a table row whose label names an AI metric ("Copilot paid seats (millions)
    4.1 1.9 116%"), or any metric line under a heading naming an AI product (``titled``): the
    first figure is the level, later plain figures are earlier levels, percentages the change;
    the label's "(millions)" scales the levels."""
    first = quantities[0].start
    label = row[:first]
    persona = re.search(rf"\b{_AI_PERSONA}s?\b", label, re.I)
    metric_line = bool(_METRIC_BULLET.match(row))
    about_ai = titled or persona or any(t.start() < first or metric_line for t in terms)
    if not about_ai or _ROW_NOT_USE.search(label):
        return []
    if _NEVER.search(label) or _HYPOTHETICAL.search(label):
        return []
    scale_m = _ROW_UNITS.search(label) or (_ROW_UNITS.search(unit_header) if unit_header else None)
    scale = _ROW_SCALE[scale_m.group(1).lower()] if scale_m else 1.0
    bare = _ROW_UNITS.sub(" ", label)
    period_words = re.search(r"\b(?:per|a|each)\s(?:day|week|month|quarter|year)\b", bare)
    if period_words:  # "Tokens served per month (T)": the noun is "tokens"
        bare = bare[: period_words.start()] + bare[period_words.end() :]
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w\-]*", bare)]
    sense = next((_NOUNS[w] for w in reversed(words) if w in _NOUNS), None)
    if sense is None and words:
        # the noun right after the first figure ("186K hours in FY25")
        own, _bare = _noun_after(row, quantities[0].end)
        if own is not None and own in _NOUNS:
            sense = _NOUNS[own]
            words.append(own)
    # "Subscribers asking at least one question in Q4: nearly half": one share on a metric line
    one_share = (
        (len(quantities) == 1 or _COMPARED_AFTER.match(row[quantities[0].end :]))
        and quantities[0].unit_hint == "percent"
        and quantities[0].measure != Measure.GROWTH
        and bool(_METRIC_BULLET.match(row))
    )
    percent_row = one_share or bool(_PERCENT_LABEL.search(label))
    money_after = quantities[0].unit_hint == "usd"
    # the currency a label or header gives its money rows: "(£m)", "(€ millions)", "(CHF m)"
    marked = _CURRENCY_MARK.search(f"{label} {unit_header or ''}")
    money_mark = currency_code(marked.group(0)) if marked else None
    if (
        sense is None
        and money_after
        and _METRIC_BULLET.match(row)
        and _FINANCE.search(row[quantities[0].end :])
    ):
        # "Ask Plus add-on: $8.6M annualized revenue run-rate": the money the AI product made
        bare = bare + " " + row[quantities[0].end :]
    if percent_row:  # "Fraud alerts auto-closed by model (%) 41 29 12 pts"
        people = sense is not None and sense.kind == MetricKind.USER_COUNT
        unit = Unit.SHARE
        kind = MetricKind.USER_COUNT if people else MetricKind.SHARE_OF_WORK
        population = sense.population if people and sense else Population.NONE
    elif _FINANCE.search(bare) or (money_after and re.search(r"\bsav(?:ings|ed)\b", bare, re.I)):
        own_scale = all(
            re.search(r"(?:thousand|million|billion|trillion|[mbk]n?)\b", q.text, re.I)
            for q in quantities
            if q.unit_hint == "usd"
        )
        if scale_m is None and not own_scale:
            return []  # money in a table whose scale is in a header we cannot see
        unit, kind, population = Unit.USD, MetricKind.OUTCOME, Population.CUSTOMERS
    elif sense is not None and words[-1] not in _NOT_USAGE:
        unit, kind, population = sense.unit, sense.kind, sense.population
    elif words and any(_unknown_noun(w) for w in words) and _MADE.search(bare):
        # "Batch records first drafted by Ledger 61,000 23,500"
        unit, kind, population = Unit.COUNT, MetricKind.USAGE_ACTIVITY, Population.NONE
    elif (
        re.match(r"\s*[A-Za-z\-]+\s(?:using|who\suse[ds]?|on)\s", bare) and _unknown_noun(words[0])
    ) or (re.search(r"\bactive\s[a-z\-]+s\b", bare) and _unknown_noun(words[-1])):
        # "Reporters using Scribe weekly: 900 of 1,200": people using it
        unit, kind, population = Unit.USERS, MetricKind.USER_COUNT, Population.USERS
    else:
        return []
    out: list[dict[str, Any]] = []
    levels = 0
    of_base = False
    for q in quantities:
        if re.search(r"\bof\s$", row[: q.start]) and q.unit_hint != "percent":
            of_base = True
            continue  # the base in "1,240 of 1,610 (77%)"
        plain = q.unit_hint not in {"multiple", "percent"}
        if plain and re.match(r"[ ](?:months?|years?|weeks?|days?|quarters?)\b", row[q.end :]):
            continue  # a span of time: "5.8x in twelve months"
        if plain and _noun_after(row, q.end)[0] in _NOT_USAGE:
            continue  # "3,900 at 14 plants": where, not how many
        points = re.match(r"[ ]?(?:pts?|points|(?P<bp>bps?|bp|basis points))\b", row[q.end :])
        if q.unit_hint == "multiple":
            value, value_high = float(q.value), None
            unit_q, measure = Unit.MULTIPLE, Measure.GROWTH
        elif percent_row:
            percent = q.unit_hint == "percent" and not points
            value = (
                float(q.value)
                if percent
                else float(q.value) / (1e4 if points and points.group("bp") else 100)
            )
            value_high, unit_q = None, Unit.SHARE
            measure = Measure.GROWTH if points or q.measure == Measure.GROWTH else Measure.LEVEL
        elif q.unit_hint == "percent" and of_base:
            value, value_high = float(q.value), None  # the share that base gives
            unit_q, measure = Unit.SHARE, Measure.LEVEL
        elif (
            q.unit_hint == "percent"
            and levels < 2
            and q.measure != Measure.GROWTH
            and not (levels == 1 and unit_header and _CHANGE_HEADER.match(unit_header))
        ):
            continue  # a share of a total, or a change: only "now, then, change" says which
        elif q.unit_hint == "percent":
            value, value_high = float(q.value), None
            unit_q, measure = Unit.SHARE, Measure.GROWTH
        else:
            written = re.search(r"(?:thousand|million|billion|trillion|[mbk])\b", q.text, re.I)
            factor = 1.0 if written else scale
            levels += 1
            value = float(q.value) * factor
            value_high = float(q.value_high) * factor if q.value_high is not None else None
            unit_q, measure = unit, Measure.LEVEL
        out.append(
            {
                "subject": subject,
                "confidence": 0.6,
                "value": value,
                "value_high": value_high,
                "unit": unit_q,
                "metric_kind": kind,
                "population": population
                if population != Population.NONE
                else _population_from(bare),
                "period": _period(bare),
                "qualifier": q.qualifier,
                "measure": measure,
                "value_text": q.text,
                "currency": (q.currency or money_mark) if unit_q == Unit.USD else None,
            }
        )
    return out


_USED_BY = re.compile(
    r"\b(?:(?:is|are|was|were|been|being)\s(?:now\s|also\s|already\s)?(?:used|adopted|"
    r"accessed|relied\s(?:up)?on)|in\suse|(?:popular|trusted)\swith|(?:is|are|was|now|['’]s)\slive)"
    r"\s(?:by\s|with\s|at\s)?"
    r"(?:about |over |more than |nearly |roughly |approximately |some |around |almost )*$",
    re.IGNORECASE,
)
_USED_ON = re.compile(
    r"\b(?:(?:is|are|was|were|been)\s(?:now\s|also\s)?used|us(?:e|es|ed)\s(?:it|them)|"
    r"us(?:e|es|ed)\s[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?|"
    r"applied|(?:is|are|was|were)\sapplied)\s(?:on|in|for)\s"
    r"(?:about |over |more than |nearly |roughly |approximately |some |around |almost )*$",
    re.IGNORECASE,
)
_DONE_BY_AFTER = re.compile(
    rf"[ ](?:[\w\-]+[ ]){{1,3}}?(?:{_PARTICIPLE}[ ](?:and|or)[ ])?{_PARTICIPLE}"
    r"[ ](?:by|with|using)[ ]"
)
_REACHES = re.compile(
    r"\b(?:reach(?:es|ed)?|serv(?:es|ed))\s(?:about |over |more than |nearly |roughly |"
    r"approximately |some |"
    r"around |almost )*$"
)
# "1,150 of our 1,400 medicinal chemists used Halcyon": a count of a base, then the use
_BASE_THEN_USE = re.compile(
    r"[ ]of[ ](?:our|the|its|their|all)[ ](?:about[ ]|roughly[ ]|some[ ]|nearly[ ]|around[ ]|"
    r"approximately[ ])?[\d,.]+[ ](?:[a-z][\w\-]*[ ]){0,4}?(?:now[ ]|also[ ])?(?:use|used|"
    r"adopted|tried|opened|logged[ ]in[ ]to|(?:were|are)[ ](?:now[ ])?using)\b"
)
_WHO_USE = re.compile(
    r"^[ ](?:[\w\-]+[ ]){0,2}?(?:who[ ]|that[ ])?(?:now[ ]|also[ ]|already[ ])?(?:use|used|"
    r"rely[ ]on|relied[ ]on|adopted|tried|open|opened|log[ ]in|logged[ ]in|signed[ ]up|"
    r"turned[ ]to|chatted[ ]with|talked[ ]to|asked)\b",
    re.IGNORECASE,
)


_IRREGULAR_MADE = _words("built made wrote written ran run caught read drew held found sent took")


def _verb_form(word: str) -> bool:
    """Whether a word matched by ``_MADE`` reads as a verb ("inspected", "closes"), not a noun
    or adjective that starts the same way ("producers", "AI-ready", "production")."""
    low = word.lower()
    if low in _IRREGULAR_MADE:
        return True
    if low.endswith(("ers", "ors", "ions", "ments", "ics", "ness", "ity", "ive", "ives")):
        return False
    return low.endswith(("ed", "ing", "es", "s", "e", "t", "k", "h"))


def _unknown_reading(sentence: str, q: Quantity, terms: list[re.Match[str]]) -> _Reading | None:
    """A figure counting an unfamiliar noun: people who used the AI ("used by 14,500
    shippers"), or things it made or handled ("Lookout inspected 41 million parcels")."""
    if _USED_ON.search(sentence[max(0, q.start - 60) : q.start]):
        # "was used on 2.7 million repair orders", "used it in about 2.2 million scans": the
        # work it was used for
        return _Reading(Unit.COUNT, MetricKind.USAGE_ACTIVITY, Population.NONE, 0.15)
    if (
        _USED_BY.search(sentence[max(0, q.start - 60) : q.start])
        or _WHO_USE.match(sentence[q.end : q.end + 60])
        or _BASE_THEN_USE.match(sentence, q.end)
    ):
        return _Reading(Unit.USERS, MetricKind.USER_COUNT, Population.USERS, 0.15)
    done = _DONE_BY_AFTER.match(sentence, q.end)
    if done and (
        any(done.end() <= t.start() <= done.end() + 25 for t in terms)
        or re.match(
            rf"(?:the[ ]|our[ ]|its[ ])?(?:[\w\-]+[ ])?{_AI_PERSONA}s?\b",
            sentence[done.end() :],
            re.I,
        )
    ):
        # "212,000 work orders pre-planned by the assistant": things the AI made or handled
        return _Reading(Unit.COUNT, MetricKind.USAGE_ACTIVITY, Population.NONE, 0.15)
    reach = _REACHES.search(sentence, 0, q.start)
    if reach and any(0 <= reach.start() - t.end() <= 80 for t in terms):
        # "FieldSense AI advisor reaches 23,600 growers": the AI itself reaches them
        return _Reading(Unit.USERS, MetricKind.USER_COUNT, Population.USERS, 0.15)
    clause = _clause_before(sentence, q.start)
    verbs = [m for m in _MADE.finditer(clause) if _verb_form(m.group(0))]
    if not verbs or _DEPLOYED_TO.search(clause) or _SOLD_THROUGH.search(clause):
        return None
    # the AI is the one doing it: an AI term (or a back-reference) before the verb, and the
    # verb close to the figure ("Lookout inspected 41 million parcels")
    verb = verbs[-1]
    with_ai = re.match(
        r"[ ](?:[\w\-]+[ ]){0,3}?(?:with|using|through|on|via)[ ]", sentence[q.end :]
    )
    if with_ai and any(0 <= t.start() - (q.end + with_ai.end()) <= 12 for t in terms):
        # "Advertisers built more than 9,800 campaigns with Splice": made with the AI
        return _Reading(Unit.COUNT, MetricKind.USAGE_ACTIVITY, Population.NONE, 0.15)
    if re.match(r"(?:rank|ran[ ]on|runs?[ ]on)", clause[verb.start() : verb.end() + 3], re.I):
        return None  # "ranked 400 producers", "runs on 8 cards": not work the AI did
    if len(clause) - verb.end() > 30:
        return None
    clause_start = q.start - len(clause)
    if terms and not any(t.start() < clause_start + verb.start() for t in terms):
        return None
    return _Reading(Unit.COUNT, MetricKind.USAGE_ACTIVITY, Population.NONE, 0.15)


# the base after a share or a count: "41% of the 212,000 alerts", "1,870 of the company's 2,300
# employees"
_SHARE_BASE = re.compile(
    r"(?:%|\bpercent|\bper[ ]cent|\d|\b(?:thousand|million|billion|trillion)|"
    r"\b(?:two|three|four|five|ten|half|thirds?|quarters?|"
    r"fifths?|tenths?))[ ]of[ ](?:the[ ]|our[ ]|its[ ]|all[ ]|their[ ])?"
    r"(?:[\w\-]+[’'][s]?[ ])?(?:about[ ]|some[ ]|roughly[ ]|approximately[ ]|nearly[ ]|"
    r"more[ ]than[ ])?$"
)


def _claims(
    sentence: str,
    quantities: list[Quantity],
    subject: str | None,
    terms: list[re.Match[str]],
    inherited: bool,
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    previous: _Reading | None = None
    previous_level: _Reading | None = None  # the last reading that is not a multiple
    previous_end = dropped_end = -1
    for q in quantities:
        window = sentence[max(0, q.start - 60) : q.end + 60]
        clause = _clause_before(sentence, q.start)
        if (
            _NEVER.search(window)
            or _NEGATED.search(clause)
            or _DISOWNED.search(sentence, q.end, q.end + 120)
        ):
            dropped_end = q.end
            continue
        if dropped_end >= 0 and re.fullmatch(
            r"[^,;.\d]{0,60}" + _GROWTH_OF_PREVIOUS.pattern, sentence[dropped_end : q.start]
        ):
            continue  # "employ 2,300 engineers, up 30%": the growth of a figure that is no claim
        if _SPEC_BEFORE.search(sentence[max(0, q.start - 60) : q.start]):
            continue  # "a context window of 2 million tokens", "trained on 15 trillion tokens"
        if q.qualifier == Qualifier.AT_MOST and re.search(
            r"\b(?:can|could|able to|capable of)\b", sentence[: q.start]
        ):
            continue  # what it can do ("can handle up to 10,000 requests"), not what was done
        if not inherited and _about_something_else(sentence, q, terms):
            continue
        if q.unit_hint != "percent" and _SHARE_BASE.search(sentence, 0, q.start):
            continue  # "41% of the 212,000 alerts": the base of the share just read
        if re.search(r"\bper[ ]$", sentence[: q.start]):
            continue  # "use per 100 employees": a rate's denominator
        reading = _reading(sentence, q, terms)
        if (
            reading is not None
            and reading.unit in (Unit.COUNT, Unit.USERS, Unit.CUSTOMERS, Unit.REQUESTS)
            and q.value < 20
            and q.value == int(q.value)
            and q.value_high is None
        ):
            continue  # "three parts", "14 plants", "at least three prompts": not adoption
        if (
            previous is not None
            and q.unit_hint in {"multiple", "percent"}
            and _GROWTH_OF_PREVIOUS.fullmatch(sentence[previous_end : q.start])
        ):
            # "$322 million, up 21%": the growth of the figure just read, whatever words the
            # sentence used before it
            unit = Unit.MULTIPLE if q.unit_hint == "multiple" else Unit.SHARE
            reading = _Reading(unit, previous.kind, previous.population, previous.penalty)
        if (
            (
                reading is None
                or (q.text.startswith("a ") and q.unit_hint == "percent")
                or (
                    previous is not None
                    and previous.unit == Unit.SHARE
                    and q.unit_hint == "percent"
                    and q.measure == Measure.LEVEL
                )
            )
            and previous is not None
            and re.search(
                r"(?:up|down|[a-z]+ing) from[ ]*$|compared (?:with|to)"
                r"[ ]*$|\b(?:versus|vs\.?|against)[ ]*$|,[ ]from[ ]*$|"
                # "41% of new hit series (2024: 19%)", "34% (H1 2024: 19%)": the earlier level
                r"\((?:(?:FY|H[12]|[12]H|Q[1-4])?[ ]?'?\d{2,4}(?:[ ](?:FY)?\d{2,4})?|prior[ ]year|"
                r"last[ ]year|a[ ]year[ ]ago|PY)[ ]?:[ ]?$|"
                # "nearly triple the 1,690 such cases in fiscal 2024": the earlier level
                r"\b(?:double|triple|quadruple|twice|times|fold|\dx)[ ](?:the|that[ ]of)[ ]$",
                sentence[max(0, q.start - 30) : q.start],
            )
        ):
            # "30% of new code, up from 10% a year ago": the earlier level of the same measure
            # (after a multiple, "nearly triple the 1,690 cases", the level's reading)
            reading = (
                previous_level if previous.unit == Unit.MULTIPLE and previous_level else previous
            )
        if (
            reading is None
            and previous is not None
            and q.unit_hint == "percent"
            and previous.unit != Unit.SHARE
            and re.fullmatch(
                r"[ \w\-.,]{0,80},[ ]"
                r"(?:or[ ]|a[ ]little[ ]|just[ ]|which[ ]is[ ]|representing[ ])?",
                sentence[previous_end : q.start],
            )
            and re.match(r"[ ]of\b", sentence[q.end :])
        ):
            # "1,150 projects, roughly 30 to 35 percent of our design starts", "214,000, or one
            # in five of our customers": the count restated as a share
            people = previous.kind == MetricKind.USER_COUNT
            kind = MetricKind.USER_COUNT if people else MetricKind.SHARE_OF_WORK
            reading = _Reading(Unit.SHARE, kind, previous.population, previous.penalty)
        if reading is None and previous is not None and q.unit_hint in {"multiple", "percent"}:
            after = sentence[q.end : q.end + 40]
            if q.measure == Measure.GROWTH and not _SPEC_AFTER.match(after):
                # "2,500 customers, up 10X": the growth of the figure just read
                unit = Unit.MULTIPLE if q.unit_hint == "multiple" else Unit.SHARE
                reading = _Reading(unit, previous.kind, previous.population, previous.penalty)
        if reading is None:
            continue
        previous, previous_end = reading, q.end
        if reading.unit != Unit.MULTIPLE:
            previous_level = reading
        confidence = 0.9 - reading.penalty
        if inherited:
            confidence -= 0.2
        if terms and min(abs(t.start() - q.start) for t in terms) > 150:
            confidence -= 0.15
        if q.qualifier == Qualifier.AT_LEAST and re.search(
            r"\b(?:tens|hundreds|thousands|"
            r"millions|dozens)\b",
            q.text,
        ):
            confidence -= 0.05  # a vague magnitude, kept at its lower bound
        if subject in {None, "AI", "agents"}:
            confidence -= 0.05
        unit = reading.unit
        measure = q.measure
        if unit == Unit.MULTIPLE:
            measure = Measure.GROWTH
        population = reading.population
        if population == Population.NONE:
            population = _population_from(sentence)
        out.append(
            {
                "subject": subject,
                "confidence": round(max(0.05, min(0.99, confidence)), 2),
                "value": float(q.value) * reading.factor,
                "value_high": (
                    float(q.value_high) * reading.factor if q.value_high is not None else None
                ),
                "unit": unit,
                "metric_kind": reading.kind,
                "population": population,
                "period": _period_for(sentence, q),
                "qualifier": q.qualifier,
                "measure": measure,
                "value_text": q.text,
                "currency": q.currency if unit == Unit.USD else None,
            }
        )
    return out


_GROWTH_OF_PREVIOUS = re.compile(r",?[ ](?:up|down|an? (?:increase|rise|decline) of)[ ]")
_CLAUSE_BREAK = re.compile(r";|,\s(?:and|but|while|whereas|although)\s|\s(?:while|whereas)\s")
_BACK_REFERENCE = re.compile(r"\b(?:it|its|it’s|it's|they|them|their|this|these|those)\b", re.I)
_OTHER_THING = re.compile(r"\b[A-Z][a-z]+[A-Z]?\w*\b")


def _about_something_else(sentence: str, q: Quantity, terms: list[re.Match[str]]) -> bool:
    """Whether the figure sits in a clause about a non-AI thing while the AI term is elsewhere.

    "We have 3 billion people using our apps each day, and Meta AI is ..." -> True for 3 billion.
    """
    bounds = [0, *[m.end() for m in _CLAUSE_BREAK.finditer(sentence)], len(sentence)]
    for lo, hi in itertools.pairwise(bounds):
        if lo <= q.start < hi:
            break
    else:
        return False
    if lo == 0 and hi == len(sentence):
        return False  # one clause
    if any(lo <= t.start() < hi for t in terms):
        return False
    clause = sentence[lo:hi]
    if _BACK_REFERENCE.search(clause):
        return False
    names = [
        m.group(0)
        for m in _OTHER_THING.finditer(clause)
        if m.group(0).lower() not in _STARTERS
        and m.group(0).lower() not in _NOUNS
        and m.group(0) not in {"I", "The", "Our", "We"}
        # a sentence's first word is a name only when a verb follows ("Examplegram has ...")
        and (
            lo + m.start() > 0
            or re.match(
                r"\s(?:has|have|is|are|was|were|now|reached|serves|hosts|counts)\b",
                clause[m.end() :],
            )
        )
    ]
    return bool(names) or bool(
        re.search(
            r"\bour (?:apps|family of apps|products|services|(?:[a-z\-]+ ){1,2}(?:app|apps|"
            r"products?|services?|platforms?|stores?|sites?|network|cards?|accounts?))\b",
            clause,
        )
    )


_NEGATED = re.compile(r"\b(?:not|never|no longer|didn[’']t|did not|isn[’']t|wasn[’']t)\b", re.I)


# The sentence disowns the figure after stating it ("..., which we do not count as AI use").
_DISOWNED = re.compile(
    r"\b(?:do|does|did|is|are|was|were)(?: not|n[’']t) (?:count|include|consider|treat|attribute|"
    r"report|classify|counted|included|considered|treated|attributed|reported|classified)\b|"
    r"\b(?:nothing|little)\sto\sdo\swith\s(?:AI|artificial|our\sAI)|\bnot\san\sAI\b",
    re.IGNORECASE,
)


def _clause_before(sentence: str, start: int) -> str:
    head = sentence[:start]
    cut = max((m.end() for m in re.finditer(r"[,;:–—]", head)), default=0)
    return head[cut:]


_TYPICAL_WINDOW = re.compile(r"\b(?:an?|the) (?:average|typical) (day|week|month)\b", re.I)
_WINDOW_PERIOD = {"day": Period.DAILY, "week": Period.WEEKLY, "month": Period.MONTHLY}


def _period_for(sentence: str, q: Quantity) -> Period:
    """The period phrase nearest the figure (after it counts a little closer than before)."""
    best, best_distance = Period.NONE, 10**9
    growth = q.measure == Measure.GROWTH or q.unit_hint == "multiple"
    typical = _TYPICAL_WINDOW.search(sentence)
    if typical and not growth:
        # "on an average day in the quarter, 310,000 used it": the day is the threshold, the
        # quarter only the span it was averaged over
        return _WINDOW_PERIOD[typical.group(1).lower()]
    for patterns, is_comparison in ((_PERIODS, False), (_COMPARISONS, True)):
        for pattern, period in patterns:
            for m in pattern.finditer(sentence):
                if m.start() >= q.end:
                    distance = m.start() - q.end
                elif m.end() <= q.start:
                    distance = (q.start - m.end()) * 2 + 5
                else:
                    distance = 0
                if is_comparison and not growth:
                    continue  # "7 billion a quarter earlier": when, not how often
                if is_comparison and growth:
                    distance -= 30  # a change is measured against its comparison period
                if distance < best_distance:
                    best, best_distance = period, distance
    # a count in the present perfect ("have moved over 30,000 apps") is a running total
    if (
        best == Period.NONE
        and not growth
        and q.unit_hint not in {"percent", "usd"}
        and _PERFECT.search(sentence)
    ):
        return Period.CUMULATIVE
    return best


_PERFECT = re.compile(
    r"\b(?:has|have)(?: already| now| so far)? (?:been )?(?:[a-z]+ed|built|made|run|done|"
    r"written|taken|seen|grown|won|sold|driven)\b"
)


def _population_from(sentence: str) -> Population:
    low = sentence.lower()
    for word, pop in (
        ("developer", Population.DEVELOPERS),
        ("engineer", Population.DEVELOPERS),
        ("employee", Population.EMPLOYEES),
        ("internal", Population.EMPLOYEES),
        ("customer", Population.CUSTOMERS),
        ("compan", Population.CUSTOMERS),
        ("enterprise", Population.CUSTOMERS),
        ("user", Population.USERS),
        ("people", Population.USERS),
        ("consumer", Population.USERS),
    ):
        if word in low:
            return pop
    return Population.NONE
