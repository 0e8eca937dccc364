"""Helpers for the library and batch tests: a tiny picklable extractor and record builders.

The real extractor (``analyzer.claims.extract_path``) is not needed: :func:`extract_text` reads our
own small text files. Format, one statement a line, pages split by form feeds:

- ``company: NAME`` sets the company;
- ``NN% of developers ...`` / ``NN% of employees ...`` is a share claim;
- a line with ``mandate`` is a mandate signal;
- ``BROKEN`` anywhere makes the file unreadable (``CorruptDocumentError``);
- ``CRASH`` kills the worker process; ``SLEEP s`` sleeps ``s`` seconds first.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from dataclasses import replace
from pathlib import Path

from analyzer.errors import CorruptDocumentError
from analyzer.records import (
    Claim,
    DocType,
    Document,
    Extraction,
    Measure,
    MetricKind,
    Page,
    Period,
    Population,
    Qualifier,
    Signal,
    SignalKind,
    Unit,
)

_SHARE = re.compile(r"(\d+(?:\.\d+)?)% of (developers|employees)")


def extract_text(path: str | os.PathLike[str], limits: object = None) -> Extraction:
    """Read one of our test files into an Extraction (see the module docstring)."""
    data = Path(path).read_bytes()
    text = data.decode("utf-8", errors="replace")
    name = Path(path).name
    sleep = re.search(r"SLEEP (\d+(?:\.\d+)?)", text)
    if sleep:
        time.sleep(float(sleep.group(1)))
    if "CRASH" in text:
        os._exit(7)
    if "BROKEN" in text:
        raise CorruptDocumentError("the test file is marked broken", document=name)
    company_match = re.search(r"^company: (.+)$", text, re.M)
    company = company_match.group(1).strip() if company_match else None
    sha = hashlib.sha256(data).hexdigest()
    pages = tuple(Page(i + 1, t) for i, t in enumerate(text.split("\f")))
    doc = Document(name, sha, "text", pages, company=company, fiscal_period="2025-Q1")
    claims, signals = [], []
    for page in pages:
        for line in page.text.splitlines():
            start = page.text.index(line)
            m = _SHARE.search(line)
            if m:
                claims.append(share_claim(name, page.number, line, start, company, m, sha))
            if "mandate" in line.lower():
                signals.append(
                    Signal(
                        name,
                        page.number,
                        line,
                        start,
                        start + len(line),
                        company,
                        "2025-Q1",
                        DocType.OTHER,
                        None,
                        None,
                        0.8,
                        SignalKind.MANDATE,
                        doc_sha256=sha,
                    )
                )
    return Extraction(doc, tuple(claims), tuple(signals))


def share_claim(
    name: str,
    page: int | None,
    line: str,
    start: int,
    company: str | None,
    m: re.Match[str],
    sha: str | None,
) -> Claim:
    population = Population.DEVELOPERS if m.group(2) == "developers" else Population.EMPLOYEES
    return Claim(
        document=name,
        page=page,
        sentence=line,
        char_start=start,
        char_end=start + len(line),
        company=company,
        fiscal_period="2025-Q1",
        doc_type=DocType.OTHER,
        speaker=None,
        subject="AI tools",
        confidence=0.9,
        value=float(m.group(1)) / 100,
        value_high=None,
        unit=Unit.SHARE,
        metric_kind=MetricKind.USER_COUNT,
        population=population,
        period=Period.WEEKLY,
        qualifier=Qualifier.EXACT,
        measure=Measure.LEVEL,
        value_text=m.group(0).split(" of ")[0],
        doc_sha256=sha,
    )


def make_extraction(
    tag: str, n_claims: int = 3, n_signals: int = 1, company: str = "Acme"
) -> Extraction:
    """A synthetic extraction whose content (and hash) is determined by ``tag``."""
    lines = [f"company: {company}", f"document {tag}"]
    lines += [
        f"{10 + i}% of developers use the assistant weekly ({tag} #{i})." for i in range(n_claims)
    ]
    lines += [f"Use of AI is a mandate for every team ({tag} #{i})." for i in range(n_signals)]
    text = "\n".join(lines)
    sha = hashlib.sha256(text.encode()).hexdigest()
    doc = Document(
        f"{tag}.txt", sha, "text", (Page(1, text),), company=company, fiscal_period="2025-Q1"
    )
    claims, signals = [], []
    for line in lines:
        start = text.index(line)
        m = _SHARE.search(line)
        if m:
            claims.append(share_claim(doc.name, 1, line, start, company, m, sha))
        if "mandate" in line:
            signals.append(
                Signal(
                    doc.name,
                    1,
                    line,
                    start,
                    start + len(line),
                    company,
                    "2025-Q1",
                    DocType.OTHER,
                    None,
                    None,
                    0.8,
                    SignalKind.MANDATE,
                    doc_sha256=sha,
                )
            )
    return Extraction(doc, tuple(claims), tuple(signals))


def write_corpus(folder: Path, n: int, *, broken: int = 0, extra: str = "") -> list[Path]:
    """Write ``n`` good test files (+ ``broken`` broken ones) into ``folder``; return paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"good-{i:03d}.txt"
        p.write_text(
            f"company: Co{i % 3}\n{20 + i}% of developers use AI weekly.\f"
            f"{30 + i}% of employees use the chatbot.\nA mandate applies.{extra}\n"
        )
        paths.append(p)
    for i in range(broken):
        p = folder / f"broken-{i:03d}.txt"
        p.write_text(f"BROKEN file {i}\n")
        paths.append(p)
    return paths


def extract_text_other_hash(path: str | os.PathLike[str], limits: object = None) -> Extraction:
    """Like :func:`extract_text` but hashing something other than the file's bytes."""
    extraction = extract_text(path, limits)
    doc = extraction.document
    fake = hashlib.sha256(b"not the bytes" + doc.sha256.encode()).hexdigest()
    return Extraction(replace(doc, sha256=fake), extraction.claims, extraction.signals)
