"""The claims library: documents, claims, signals, reviews and scenarios in one database.

SQLAlchemy Core over embedded SQLite by default (WAL, busy timeout, foreign keys), or PostgreSQL
through a URL. The schema is versioned: :data:`MIGRATIONS` is an ordered list of functions and
opening an older database applies the missing ones. Reviews are an audit trail: a correction is
a new ``reviews`` row and the extracted claim is never changed; :meth:`Library.claims` shows the
``"current"`` view (corrections applied) or the ``"original"`` one.

Where the database lives: ``Library.open(url)``, else ``$ANALYZER_DB`` (a SQLAlchemy URL or a
bare file path), else :func:`default_path` (``$XDG_DATA_HOME/ai-adoption-analyzer/library.sqlite3``,
``~/.local/share/...`` when unset). See ``docs/library.md``.
"""

from __future__ import annotations

import io
import json
import math
import os
import sqlite3
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, make_url

from analyzer.errors import LibraryError
from analyzer.records import (
    CLAIM_COLUMNS,
    SIGNAL_COLUMNS,
    Claim,
    DocType,
    Extraction,
    Measure,
    MetricKind,
    Period,
    Population,
    Qualifier,
    Unit,
    record_dict,
    to_frame,
)

ENV_VAR = "ANALYZER_DB"
BUNDLE_FORMAT = "ai-adoption-analyzer-library-bundle"
BUNDLE_VERSION = 1

DOCUMENT_COLUMNS: dict[str, str] = {
    "sha256": "string",
    "name": "string",
    "kind": "string",
    "company": "string",
    "fiscal_period": "string",
    "period_end": "string",
    "doc_type": "string",
    "pages": "Int64",
    "ingested_at": "string",
    "claims": "Int64",
    "signals": "Int64",
}
"""Columns of :meth:`Library.documents`; ``claims``/``signals`` count the document's records."""

REVIEW_STATUS_COLUMNS: dict[str, str] = {
    "status": "string",
    "reviewed_by": "string",
    "reviewed_at": "string",
    "corrected_fields": "string",
}
"""Columns :meth:`Library.claims` adds after :data:`CLAIM_COLUMNS` when ``reviewed=True``.

``status`` is ``pending`` (no review), else the latest action: ``accepted``, ``rejected`` or
``corrected``; ``corrected_fields`` lists every field ever corrected, comma-separated.
"""

REVIEW_COLUMNS: dict[str, str] = {
    "review_id": "Int64",
    "claim_id": "string",
    "reviewer": "string",
    "at": "string",
    "action": "string",
    "field": "string",
    "old_value": "string",
    "new_value": "string",
    "reason": "string",
}
"""Columns of :meth:`Library.review_history` (oldest first)."""

SCENARIO_COLUMNS: dict[str, str] = {"name": "string", "saved_at": "string"}


class ReviewAction(StrEnum):
    ACCEPT = "accept"
    REJECT = "reject"
    CORRECT = "correct"


_STATUS = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}

_ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "doc_type": DocType,
    "unit": Unit,
    "metric_kind": MetricKind,
    "population": Population,
    "period": Period,
    "qualifier": Qualifier,
    "measure": Measure,
}
_FLOAT_FIELDS = {"value", "value_high", "confidence"}
_NULLABLE_FIELDS = {
    "value_high",
    "page",
    "company",
    "fiscal_period",
    "period_end",
    "speaker",
    "subject",
}
_TEXT_FIELDS = {"company", "fiscal_period", "period_end", "speaker", "subject", "value_text"}
CORRECTABLE_FIELDS: frozenset[str] = frozenset(
    {*_ENUM_FIELDS, *_FLOAT_FIELDS, *_TEXT_FIELDS, "page"}
)
"""Claim fields a reviewer may correct (not the sentence, offsets, document or ids)."""


# ---------------------------------------------------------------------------- schema

METADATA = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    METADATA,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("applied_at", sa.String(40), nullable=False),
)


def _documents_table(md: sa.MetaData, *, with_kind: bool) -> sa.Table:
    cols: list[Any] = [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("company", sa.Text),
        sa.Column("fiscal_period", sa.String(32)),
        sa.Column("period_end", sa.String(32)),
        sa.Column("doc_type", sa.String(32), nullable=False),
        sa.Column("pages", sa.Integer, nullable=False),
        sa.Column("ingested_at", sa.String(40), nullable=False),
    ]
    if with_kind:
        cols.append(sa.Column("kind", sa.String(16)))
    return sa.Table("documents", md, *cols)


def _record_columns() -> list[sa.Column[Any]]:
    """Columns shared by claims and signals (the sentence and where it came from)."""
    return [
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("page", sa.Integer),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("char_start", sa.Integer, nullable=False),
        sa.Column("char_end", sa.Integer, nullable=False),
        sa.Column("company", sa.Text),
        sa.Column("fiscal_period", sa.String(32)),
        sa.Column("period_end", sa.String(32)),
        sa.Column("doc_type", sa.String(32), nullable=False),
        sa.Column("speaker", sa.Text),
        sa.Column("subject", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("doc_sha256", sa.String(64)),
    ]


def _claims_table(md: sa.MetaData, *, with_currency: bool = True) -> sa.Table:
    money = _money_columns() if with_currency else []
    return sa.Table(
        "claims",
        md,
        sa.Column("claim_id", sa.String(40), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        *_record_columns(),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("value_high", sa.Float),
        sa.Column("value_text", sa.Text, nullable=False),
        sa.Column("unit", sa.String(32), nullable=False),
        sa.Column("metric_kind", sa.String(32), nullable=False),
        sa.Column("population", sa.String(32), nullable=False),
        sa.Column("period", sa.String(32), nullable=False),
        sa.Column("qualifier", sa.String(32), nullable=False),
        sa.Column("measure", sa.String(32), nullable=False),
        *money,
    )


def _money_columns() -> list[sa.Column[Any]]:
    """Schema v4: how a money claim was written and turned into USD."""
    return [
        sa.Column("currency", sa.String(8)),
        sa.Column("fx_rate", sa.Float),
        sa.Column("fx_source", sa.String(16)),
    ]


def _signals_table(md: sa.MetaData) -> sa.Table:
    return sa.Table(
        "signals",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        *_record_columns(),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("value", sa.Float),
        sa.Column("value_high", sa.Float),
        sa.Column("period", sa.String(32), nullable=False),
        sa.Column("population", sa.String(32), nullable=False),
    )


def _reviews_table(md: sa.MetaData) -> sa.Table:
    return sa.Table(
        "reviews",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.String(40), sa.ForeignKey("claims.claim_id"), nullable=False),
        sa.Column("reviewer", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("field", sa.String(32)),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
    )


def _scenarios_table(md: sa.MetaData) -> sa.Table:
    return sa.Table(
        "scenarios",
        md,
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("assumptions", sa.Text, nullable=False),
        sa.Column("saved_at", sa.String(40), nullable=False),
    )


# The current schema (what all migrations together produce); queries use these.
documents = _documents_table(METADATA, with_kind=True)
claims = _claims_table(METADATA)
signals = _signals_table(METADATA)
reviews = _reviews_table(METADATA)
scenarios = _scenarios_table(METADATA)
sa.Index("ix_claims_company", claims.c.company)
sa.Index("ix_reviews_claim_id", reviews.c.claim_id)


def _migrate_1(conn: Connection) -> None:
    """v1: documents, claims, signals, reviews."""
    md = sa.MetaData()
    _documents_table(md, with_kind=False)
    _claims_table(md, with_currency=False)
    _signals_table(md)
    _reviews_table(md)
    md.create_all(conn)


def _migrate_2(conn: Connection) -> None:
    """v2: saved assumption scenarios."""
    _scenarios_table(sa.MetaData()).create(conn)


def _migrate_3(conn: Connection) -> None:
    """v3: documents.kind (pdf/html/text); indexes for company filters and review look-ups."""
    conn.execute(sa.text("ALTER TABLE documents ADD COLUMN kind VARCHAR(16)"))
    conn.execute(sa.text("CREATE INDEX ix_claims_company ON claims (company)"))
    conn.execute(sa.text("CREATE INDEX ix_reviews_claim_id ON reviews (claim_id)"))


def _migrate_4(conn: Connection) -> None:
    """v4: claims.currency, fx_rate, fx_source (money written in other currencies)."""
    for column in _money_columns():
        kind = column.type.compile(dialect=conn.dialect)
        conn.execute(sa.text(f"ALTER TABLE claims ADD COLUMN {column.name} {kind}"))


MIGRATIONS: tuple[Callable[[Connection], None], ...] = (
    _migrate_1,
    _migrate_2,
    _migrate_3,
    _migrate_4,
)
"""Ordered migrations; migration ``i`` (1-based) brings the schema to version ``i``."""
SCHEMA_VERSION = len(MIGRATIONS)


# ---------------------------------------------------------------------------- results


@dataclass(frozen=True)
class IngestResult:
    """What :meth:`Library.ingest` did with one extraction."""

    sha256: str
    name: str
    added: bool  # False: a document with this content hash was already in the library
    claims: int = 0
    signals: int = 0
    pages: int = 0


@dataclass(frozen=True)
class ImportResult:
    """Rows :meth:`Library.import_bundle` added (rows already present are skipped)."""

    documents: int
    claims: int
    signals: int
    reviews: int
    scenarios: int


# ---------------------------------------------------------------------------- helpers


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def default_path() -> Path:
    """The default SQLite file, outside the checkout: ``$XDG_DATA_HOME/ai-adoption-analyzer/``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "ai-adoption-analyzer" / "library.sqlite3"


def resolve_url(url: str | os.PathLike[str] | None = None) -> URL:
    """The library URL: ``url``, else ``$ANALYZER_DB``, else :func:`default_path` (SQLite).

    A bare path means a SQLite file; ``postgresql://`` and ``postgres://`` use psycopg 3.
    """
    raw = os.fspath(url) if url is not None else os.environ.get(ENV_VAR) or ""
    if not raw:
        raw = str(default_path())
    if "://" not in raw:
        return URL.create("sqlite+pysqlite", database=str(Path(raw).expanduser().resolve()))
    try:
        parsed = make_url(raw)
    except sa.exc.ArgumentError as exc:
        raise LibraryError(
            f"cannot understand the library URL {raw!r} ({exc}); use a file path, "
            "sqlite:///path/to/library.sqlite3 or postgresql+psycopg://user:pass@host/db"
        ) from exc
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername == "sqlite":
        parsed = parsed.set(drivername="sqlite+pysqlite")
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise LibraryError(
            f"unsupported library database {parsed.get_backend_name()!r} in "
            f"{parsed.render_as_string(hide_password=True)}; use SQLite or PostgreSQL"
        )
    return parsed


def _shown(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _make_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        db = url.database or ""
        if db and db != ":memory:" and not db.startswith("file:"):
            try:
                Path(db).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(
                    f"cannot create the folder for the claims library {db}: "
                    f"{exc.strerror or exc}; set {ENV_VAR} to a writable location"
                ) from exc
        engine = sa.create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})
        memory = db in {"", ":memory:"}

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            # We emit BEGIN ourselves (pysqlite's own handling defers it and breaks DDL).
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA busy_timeout = 60000")
            if not memory:
                _set_wal(cur)
                cur.execute("PRAGMA synchronous = NORMAL")
            cur.execute("PRAGMA foreign_keys = ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            # Writers take the lock up front so two writers wait instead of deadlocking.
            immediate = conn.get_execution_options().get("library_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return sa.create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def _set_wal(cur: Any) -> None:
    """Switch a SQLite file to WAL; retried, as the switch needs a moment alone with the file."""
    deadline = time.monotonic() + 60
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL").fetchone()
            return  # "wal", or the file cannot use it (read-only): go on in its own mode
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
        if time.monotonic() > deadline:
            raise sqlite3.OperationalError("could not switch the database to WAL mode: busy")
        time.sleep(0.05)


def _text_value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _parse_value(field: str, value: Any) -> Any:
    """Check and normalize a corrected value for ``field``; raises :class:`LibraryError`."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        if field in _NULLABLE_FIELDS:
            return None
        raise LibraryError(f"field {field!r} cannot be empty; give a value")
    try:
        if field in _ENUM_FIELDS:
            return str(_ENUM_FIELDS[field](str(value)))
        if field in _FLOAT_FIELDS:
            number = float(value)
            if not math.isfinite(number):
                raise ValueError("not a finite number")
            return number
        if field == "page":
            return int(value)
    except ValueError as exc:
        allowed = (
            ", ".join(str(m) for m in _ENUM_FIELDS[field]) if field in _ENUM_FIELDS else "a number"
        )
        raise LibraryError(f"{value!r} is not a valid {field} ({allowed})") from exc
    return str(value)


def _stored_value(field: str, text: str | None) -> Any:
    if text is None:
        return None
    if field in _FLOAT_FIELDS:
        return float(text)
    if field == "page":
        return int(text)
    return text


def _claim_row(claim: Claim, document_id: int) -> dict[str, Any]:
    row = record_dict(claim)
    row["claim_id"] = claim.claim_id
    row["document_id"] = document_id
    return row


# ---------------------------------------------------------------------------- library


class Library:
    """A claims library in one database. Open with :meth:`open`; close with :meth:`close`."""

    def __init__(self, engine: Engine, url: URL) -> None:
        self._engine = engine
        self.url = url

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str | os.PathLike[str] | None = None) -> Library:
        """Open (creating or migrating) the library at ``url`` / ``$ANALYZER_DB`` / default."""
        resolved = resolve_url(url)
        engine = _make_engine(resolved)
        library = cls(engine, resolved)
        try:
            library._migrate()
        except LibraryError:
            engine.dispose()
            raise
        except sa.exc.SQLAlchemyError as exc:
            engine.dispose()
            raise LibraryError(
                f"cannot open the claims library at {_shown(resolved)}: {_reason(exc)}. "
                f"Check that the file is a library database (or the server is running and the "
                f"URL is right) and writable, or set {ENV_VAR} to another location"
            ) from exc
        return library

    def close(self) -> None:
        """Release the database connections."""
        self._engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.url.get_backend_name()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction (SQLite: ``BEGIN IMMEDIATE``); commits or rolls back whole."""
        try:
            with self._engine.connect() as conn:
                conn.execution_options(library_write=True)
                with conn.begin():
                    if self.backend == "postgresql":
                        conn.execute(sa.text("SET LOCAL lock_timeout = '60s'"))
                    yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise LibraryError(
                f"the claims library at {_shown(self.url)} could not be written: {_reason(exc)}"
            ) from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self._engine.connect() as conn, conn.begin():
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise LibraryError(
                f"the claims library at {_shown(self.url)} could not be read: {_reason(exc)}"
            ) from exc

    def schema_version(self) -> int:
        """The schema version the database is at."""
        with self._read() as conn:
            return _current_version(conn)

    def _migrate(self, target: int = SCHEMA_VERSION) -> None:
        with self._engine.connect() as conn, conn.begin():
            version = _current_version(conn)
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"the claims library at {_shown(self.url)} has schema version {version}, newer "
                f"than this program's {SCHEMA_VERSION}; upgrade the analyzer to open it"
            )
        if version >= target:
            return
        with self._engine.connect() as conn:
            conn.execution_options(library_write=True)
            with conn.begin():
                if self.backend == "postgresql":
                    # One migrator at a time across processes; others wait, then see it done.
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
                schema_version.create(conn, checkfirst=True)
                version = _current_version(conn)
                for number in range(version + 1, target + 1):
                    MIGRATIONS[number - 1](conn)
                    conn.execute(schema_version.insert().values(version=number, applied_at=_now()))

    # -- documents -----------------------------------------------------------------------

    def has_document(self, sha256: str) -> bool:
        """Whether a document with this content hash is in the library."""
        with self._read() as conn:
            found = conn.execute(
                sa.select(documents.c.id).where(documents.c.sha256 == sha256)
            ).first()
        return found is not None

    def document_hashes(self) -> set[str]:
        """Content hashes of every stored document (for skipping known files in bulk)."""
        with self._read() as conn:
            return {r[0] for r in conn.execute(sa.select(documents.c.sha256))}

    def ingest(self, extraction: Extraction) -> IngestResult:
        """Store one document with its claims and signals, in one transaction.

        A document whose content hash is already stored changes nothing (``added=False``).
        Claims without ``doc_sha256`` get the document's, so their ids follow the content.
        """
        doc = extraction.document
        found = IngestResult(doc.sha256, doc.name, added=False, pages=doc.page_count)
        claim_rows: dict[str, dict[str, Any]] = {}
        try:
            with self._write() as conn:
                if conn.execute(
                    sa.select(documents.c.id).where(documents.c.sha256 == doc.sha256)
                ).first():
                    return found
                doc_id = _new_id(
                    conn,
                    documents.insert().values(
                        sha256=doc.sha256,
                        name=doc.name,
                        kind=doc.kind,
                        company=doc.company,
                        fiscal_period=doc.fiscal_period,
                        period_end=doc.period_end,
                        doc_type=str(doc.doc_type),
                        pages=doc.page_count,
                        ingested_at=_now(),
                    ),
                )
                for claim in extraction.claims:
                    if claim.doc_sha256 is None:
                        claim = replace(claim, doc_sha256=doc.sha256)
                    claim_rows.setdefault(claim.claim_id, _claim_row(claim, doc_id))
                if claim_rows:
                    conn.execute(claims.insert(), list(claim_rows.values()))
                signal_rows = [
                    {
                        **record_dict(s),
                        "doc_sha256": s.doc_sha256 or doc.sha256,
                        "document_id": doc_id,
                    }
                    for s in extraction.signals
                ]
                if signal_rows:
                    conn.execute(signals.insert(), signal_rows)
        except LibraryError as exc:
            if isinstance(exc.__cause__, sa.exc.IntegrityError) and self.has_document(doc.sha256):
                return found  # another process stored the same document at the same moment
            raise
        return IngestResult(
            doc.sha256,
            doc.name,
            added=True,
            claims=len(claim_rows),
            signals=len(signal_rows),
            pages=doc.page_count,
        )

    def documents(self) -> pd.DataFrame:
        """Stored documents with :data:`DOCUMENT_COLUMNS`, oldest first."""
        claim_n = (
            sa.select(claims.c.document_id, sa.func.count().label("n"))
            .group_by(claims.c.document_id)
            .subquery()
        )
        signal_n = (
            sa.select(signals.c.document_id, sa.func.count().label("n"))
            .group_by(signals.c.document_id)
            .subquery()
        )
        query = (
            sa.select(
                *(documents.c[c] for c in DOCUMENT_COLUMNS if c in documents.c),
                sa.func.coalesce(claim_n.c.n, 0).label("claims"),
                sa.func.coalesce(signal_n.c.n, 0).label("signals"),
            )
            .outerjoin(claim_n, claim_n.c.document_id == documents.c.id)
            .outerjoin(signal_n, signal_n.c.document_id == documents.c.id)
            .order_by(documents.c.id)
        )
        with self._read() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
        return to_frame(rows, DOCUMENT_COLUMNS)

    # -- claims and signals --------------------------------------------------------------

    def claims(
        self,
        view: Literal["current", "original"] = "current",
        *,
        reviewed: bool = True,
        include_rejected: bool = True,
    ) -> pd.DataFrame:
        """Claims with :data:`CLAIM_COLUMNS` (+ :data:`REVIEW_STATUS_COLUMNS` if ``reviewed``).

        ``view="current"`` applies reviewers' corrections (latest per field wins);
        ``"original"`` shows the claims as extracted. ``include_rejected=False`` drops claims
        whose latest review is a rejection.
        """
        if view not in {"current", "original"}:
            raise LibraryError(f"unknown view {view!r}; use 'current' or 'original'")
        with self._read() as conn:
            rows = [
                dict(r)
                for r in conn.execute(
                    sa.select(*(claims.c[c] for c in CLAIM_COLUMNS)).order_by(
                        claims.c.document_id, claims.c.char_start, claims.c.claim_id
                    )
                ).mappings()
            ]
            history = conn.execute(sa.select(reviews).order_by(reviews.c.id)).mappings().all()
        state: dict[str, dict[str, Any]] = {}
        for review in history:
            st = state.setdefault(
                review["claim_id"], {"status": "pending", "fields": {}, "order": []}
            )
            st["status"] = _STATUS.get(review["action"], st["status"])
            st["by"], st["at"] = review["reviewer"], review["at"]
            if review["action"] == ReviewAction.CORRECT and review["field"]:
                field = review["field"]
                st["fields"][field] = _stored_value(field, review["new_value"])
                if field not in st["order"]:
                    st["order"].append(field)
        out = []
        for row in rows:
            info = state.get(row["claim_id"])
            if info is not None and view == "current":
                row.update(info["fields"])
            if reviewed:
                row["status"] = info["status"] if info else "pending"
                row["reviewed_by"] = info["by"] if info else None
                row["reviewed_at"] = info["at"] if info else None
                row["corrected_fields"] = ",".join(info["order"]) if info else ""
            if include_rejected or not info or info["status"] != "rejected":
                out.append(row)
        columns = {**CLAIM_COLUMNS, **(REVIEW_STATUS_COLUMNS if reviewed else {})}
        return to_frame(out, columns)

    def signals(self) -> pd.DataFrame:
        """Stored signals with :data:`SIGNAL_COLUMNS`."""
        query = sa.select(*(signals.c[c] for c in SIGNAL_COLUMNS)).order_by(signals.c.id)
        with self._read() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
        return to_frame(rows, SIGNAL_COLUMNS)

    # -- reviews -------------------------------------------------------------------------

    def review(
        self,
        claim_id: str,
        action: ReviewAction | str,
        *,
        reviewer: str,
        field: str | None = None,
        new_value: Any = None,
        reason: str = "",
    ) -> int:
        """Record a review of a claim and return its id; the claim itself is never changed.

        ``action`` is ``accept``, ``reject`` or ``correct``; a correction names a ``field`` of
        :data:`CORRECTABLE_FIELDS` and its ``new_value``; the value it replaces is kept.
        """
        try:
            act = ReviewAction(str(action))
        except ValueError:
            raise LibraryError(
                f"unknown review action {action!r}; use accept, reject or correct"
            ) from None
        if not reviewer or not reviewer.strip():
            raise LibraryError("a review needs the reviewer's name")
        value: Any = None
        if act is ReviewAction.CORRECT:
            if field not in CORRECTABLE_FIELDS:
                raise LibraryError(
                    f"cannot correct field {field!r}; correctable fields: "
                    + ", ".join(sorted(CORRECTABLE_FIELDS))
                )
            value = _parse_value(field, new_value)
        elif field is not None:
            raise LibraryError(f"a {act} review takes no field; use action 'correct'")
        with self._write() as conn:
            claim = (
                conn.execute(sa.select(claims).where(claims.c.claim_id == claim_id))
                .mappings()
                .first()
            )
            if claim is None:
                raise LibraryError(f"no claim with id {claim_id!r} in the library")
            old_text = None
            if act is ReviewAction.CORRECT:
                assert field is not None
                previous = conn.execute(
                    sa.select(reviews.c.new_value)
                    .where(
                        reviews.c.claim_id == claim_id,
                        reviews.c.action == str(ReviewAction.CORRECT),
                        reviews.c.field == field,
                    )
                    .order_by(reviews.c.id.desc())
                    .limit(1)
                ).first()
                old_text = previous[0] if previous else _text_value(claim[field])
            review_id = _new_id(
                conn,
                reviews.insert().values(
                    claim_id=claim_id,
                    reviewer=reviewer.strip(),
                    at=_now(),
                    action=str(act),
                    field=field if act is ReviewAction.CORRECT else None,
                    old_value=old_text,
                    new_value=_text_value(value) if act is ReviewAction.CORRECT else None,
                    reason=reason or "",
                ),
            )
        return review_id

    def review_history(self, claim_id: str | None = None) -> pd.DataFrame:
        """Every review (of one claim, or all) with :data:`REVIEW_COLUMNS`, oldest first."""
        query = sa.select(reviews).order_by(reviews.c.id)
        if claim_id is not None:
            query = query.where(reviews.c.claim_id == claim_id)
        with self._read() as conn:
            rows = [{**dict(r), "review_id": r["id"]} for r in conn.execute(query).mappings().all()]
        return to_frame(rows, REVIEW_COLUMNS)

    # -- scenarios -----------------------------------------------------------------------

    def save_scenario(self, name: str, assumptions: str) -> None:
        """Save (or replace) a named scenario; ``assumptions`` is its TOML or JSON text."""
        if not name or not name.strip():
            raise LibraryError("a scenario needs a name")
        if not isinstance(assumptions, str):
            raise LibraryError("save the scenario's assumptions as text (TOML or JSON)")
        with self._write() as conn:
            conn.execute(scenarios.delete().where(scenarios.c.name == name.strip()))
            conn.execute(
                scenarios.insert().values(
                    name=name.strip(), assumptions=assumptions, saved_at=_now()
                )
            )

    def load_scenario(self, name: str) -> str:
        """The assumptions text saved under ``name``."""
        with self._read() as conn:
            row = conn.execute(
                sa.select(scenarios.c.assumptions).where(scenarios.c.name == name.strip())
            ).first()
        if row is None:
            raise LibraryError(f"no scenario named {name!r} in the library")
        return str(row[0])

    def scenarios(self) -> pd.DataFrame:
        """Saved scenarios (name, saved_at), by name."""
        with self._read() as conn:
            rows = [
                dict(r)
                for r in conn.execute(
                    sa.select(scenarios.c.name, scenarios.c.saved_at).order_by(scenarios.c.name)
                ).mappings()
            ]
        return to_frame(rows, SCENARIO_COLUMNS)

    # -- bundles -------------------------------------------------------------------------

    def export_bundle(self, path: str | os.PathLike[str]) -> Path:
        """Write the whole library to one zip: ``manifest.json`` + one Parquet file per table."""
        tables = self._export_tables()
        target = Path(path)
        manifest = {
            "format": BUNDLE_FORMAT,
            "bundle_version": BUNDLE_VERSION,
            "schema_version": SCHEMA_VERSION,
            "exported_at": _now(),
            "tables": {
                name: {"file": f"{name}.parquet", "rows": len(frame), "columns": list(frame)}
                for name, frame in tables.items()
            },
        }
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(target.name + ".partial")
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.writestr("manifest.json", json.dumps(manifest, indent=2))
                for name, frame in tables.items():
                    buf = io.BytesIO()
                    frame.to_parquet(buf, index=False)
                    zf.writestr(f"{name}.parquet", buf.getvalue())
            tmp.replace(target)
        except OSError as exc:
            raise LibraryError(
                f"cannot write the library bundle {target}: {exc.strerror or exc}; "
                "choose a writable location"
            ) from exc
        return target

    def _export_tables(self) -> dict[str, pd.DataFrame]:
        doc_cols = [c.name for c in documents.columns if c.name != "id"]
        with self._read() as conn:

            def frame(query: sa.Select[Any], columns: Sequence[str]) -> pd.DataFrame:
                rows = [dict(r) for r in conn.execute(query).mappings()]
                return pd.DataFrame(rows, columns=list(columns))

            docs = frame(sa.select(documents).order_by(documents.c.id), doc_cols)
            claim_cols = [c.name for c in claims.columns if c.name != "document_id"]
            claim_cols.append("document_sha256")
            cl = frame(
                sa.select(claims, documents.c.sha256.label("document_sha256"))
                .join(documents, documents.c.id == claims.c.document_id)
                .order_by(claims.c.document_id, claims.c.claim_id),
                claim_cols,
            )
            sig_cols = [c.name for c in signals.columns if c.name not in {"id", "document_id"}]
            sig_cols.append("document_sha256")
            sg = frame(
                sa.select(signals, documents.c.sha256.label("document_sha256"))
                .join(documents, documents.c.id == signals.c.document_id)
                .order_by(signals.c.id),
                sig_cols,
            )
            rv = frame(
                sa.select(reviews).order_by(reviews.c.id),
                [c.name for c in reviews.columns if c.name != "id"],
            )
            sc = frame(
                sa.select(scenarios).order_by(scenarios.c.name), [c.name for c in scenarios.c]
            )
        return {"documents": docs, "claims": cl, "signals": sg, "reviews": rv, "scenarios": sc}

    def import_bundle(self, path: str | os.PathLike[str]) -> ImportResult:
        """Merge a bundle into this library, in one transaction, skipping what is already here.

        Documents match by content hash, claims by id, reviews by (claim, reviewer, time,
        action, field, new value); a scenario replaces a same-named one only if saved later.
        """
        tables = _read_bundle(Path(path))
        added = {"documents": 0, "claims": 0, "signals": 0, "reviews": 0, "scenarios": 0}
        with self._write() as conn:
            sha_to_id = {
                r.sha256: r.id for r in conn.execute(sa.select(documents.c.sha256, documents.c.id))
            }
            new_docs: set[str] = set()
            for row in _records(tables["documents"]):
                if row["sha256"] in sha_to_id:
                    continue
                doc_id = _new_id(conn, documents.insert().values(**row))
                sha_to_id[row["sha256"]] = doc_id
                new_docs.add(row["sha256"])
                added["documents"] += 1
            known_claims = {r[0] for r in conn.execute(sa.select(claims.c.claim_id))}
            claim_rows = []
            for row in _records(tables["claims"]):
                sha = row.pop("document_sha256")
                if row["claim_id"] in known_claims or sha not in sha_to_id:
                    continue
                known_claims.add(row["claim_id"])
                claim_rows.append({**row, "document_id": sha_to_id[sha]})
            if claim_rows:
                conn.execute(claims.insert(), claim_rows)
            added["claims"] = len(claim_rows)
            signal_rows = []
            for row in _records(tables["signals"]):
                sha = row.pop("document_sha256")
                if sha in new_docs:  # signals have no id; take them only with a new document
                    signal_rows.append({**row, "document_id": sha_to_id[sha]})
            if signal_rows:
                conn.execute(signals.insert(), signal_rows)
            added["signals"] = len(signal_rows)
            review_key = ("claim_id", "reviewer", "at", "action", "field", "new_value")
            known_reviews = {
                tuple(r) for r in conn.execute(sa.select(*(reviews.c[k] for k in review_key)))
            }
            review_rows = []
            for row in _records(tables["reviews"]):
                key = tuple(row[k] for k in review_key)
                if key in known_reviews or row["claim_id"] not in known_claims:
                    continue
                known_reviews.add(key)
                review_rows.append(row)
            if review_rows:
                conn.execute(reviews.insert(), review_rows)
            added["reviews"] = len(review_rows)
            saved = {r.name: r.saved_at for r in conn.execute(sa.select(scenarios))}
            for row in _records(tables["scenarios"]):
                if row["name"] in saved and saved[row["name"]] >= row["saved_at"]:
                    continue
                conn.execute(scenarios.delete().where(scenarios.c.name == row["name"]))
                conn.execute(scenarios.insert().values(**row))
                added["scenarios"] += 1
        return ImportResult(**added)

    # -- checks --------------------------------------------------------------------------

    def check(self) -> list[str]:
        """Consistency problems found (empty when sound): SQLite integrity, orphan rows."""
        problems: list[str] = []
        with self._read() as conn:
            if self.backend == "sqlite":
                result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
                if result != ["ok"]:
                    problems.extend(f"integrity_check: {r}" for r in result)
                problems.extend(
                    f"foreign key violation in {r[0]}"
                    for r in conn.exec_driver_sql("PRAGMA foreign_key_check")
                )
            orphans = conn.execute(
                sa.select(sa.func.count())
                .select_from(reviews)
                .where(~sa.exists().where(claims.c.claim_id == reviews.c.claim_id))
            ).scalar_one()
            if orphans:
                problems.append(f"{orphans} reviews of claims that are not in the library")
        return problems


_LOCK_KEY = zlib.crc32(b"ai-adoption-analyzer-library-migrate")


def _new_id(conn: Connection, statement: sa.Insert) -> int:
    """Run an INSERT and return the new row's integer primary key."""
    key = conn.execute(statement).inserted_primary_key
    if key is None or key[0] is None:
        raise LibraryError("the database did not return the new row's id")
    return int(key[0])


def _current_version(conn: Connection) -> int:
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    version = conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()
    return int(version or 0)


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _records(frame: pd.DataFrame) -> Iterator[dict[str, Any]]:
    """Rows as dicts with plain Python values (NaN/NA -> None)."""
    clean = frame.astype(object).where(frame.notna(), None)
    for row in clean.to_dict(orient="records"):
        yield {k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}


def _read_bundle(path: Path) -> Mapping[str, pd.DataFrame]:
    def bad(why: str) -> LibraryError:
        return LibraryError(
            f"{path} is not a claims-library bundle ({why}); "
            "export one with Library.export_bundle or the app's library page",
        )

    try:
        with zipfile.ZipFile(path) as zf:
            try:
                manifest = json.loads(zf.read("manifest.json"))
            except KeyError:
                raise bad("no manifest.json inside") from None
            if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
                raise bad("the manifest names another format")
            if int(manifest.get("schema_version", 0)) > SCHEMA_VERSION:
                raise LibraryError(
                    f"{path} was exported by a newer analyzer (schema "
                    f"{manifest.get('schema_version')} > {SCHEMA_VERSION}); upgrade to import it"
                )
            tables = {}
            for name in ("documents", "claims", "signals", "reviews", "scenarios"):
                entry = manifest.get("tables", {}).get(name)
                if entry is None:
                    raise bad(f"the manifest lists no {name} table")
                tables[name] = pd.read_parquet(io.BytesIO(zf.read(entry["file"])))
                if len(tables[name]) != int(entry["rows"]):
                    raise bad(f"{name} has {len(tables[name])} rows, manifest says {entry['rows']}")
    except FileNotFoundError:
        raise LibraryError(f"bundle {path} does not exist; check the path") from None
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        if isinstance(exc, LibraryError):
            raise
        raise bad(f"{type(exc).__name__}: {exc}") from exc
    if "kind" not in tables["documents"]:
        tables["documents"]["kind"] = None  # bundles from schema v1/v2
    for column in ("currency", "fx_rate", "fx_source"):
        if column not in tables["claims"]:
            tables["claims"][column] = None  # bundles from schema v1-v3
    return tables
