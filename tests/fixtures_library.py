"""Fixtures for the library and batch tests: one fresh library per test, on each backend.

``library_url`` runs a test once on SQLite (a file in ``tmp_path``) and once on PostgreSQL (a
fresh schema in the database at ``$ANALYZER_TEST_PG_URL``, else the one ``.ci/start-postgres.sh``
creates on localhost). The PostgreSQL runs skip, saying why, when no server answers.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

DEFAULT_PG_URL = "postgresql+psycopg://analyzer:analyzer@localhost:5432/analyzer_test"
_pg_state: dict[str, str | None] = {}


def pg_server_url() -> tuple[str | None, str]:
    """(URL of a reachable PostgreSQL test database or None, reason when None)."""
    if "url" not in _pg_state:
        url = os.environ.get("ANALYZER_TEST_PG_URL") or DEFAULT_PG_URL
        shown = make_url(url).render_as_string(hide_password=True)
        try:
            engine = sa.create_engine(url, connect_args={"connect_timeout": 3})
            with engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
            engine.dispose()
            _pg_state.update(url=url, reason="")
        except Exception as exc:  # noqa: BLE001 - any failure means: no server to test against
            first = str(getattr(exc, "orig", exc)).strip().splitlines()
            _pg_state.update(
                url=None,
                reason=f"no PostgreSQL server reachable at {shown} ({first[0] if first else exc}); "
                'run `eval "$(.ci/start-postgres.sh)"` or set ANALYZER_TEST_PG_URL',
            )
    return _pg_state["url"], _pg_state["reason"] or ""


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL to an empty PostgreSQL schema of its own (dropped afterwards)."""
    base, reason = pg_server_url()
    if base is None:
        pytest.skip(reason)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(base)
    with engine.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'library.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def library_url(request: pytest.FixtureRequest) -> str:
    """A fresh, empty library URL; the test runs on SQLite and on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return str(request.getfixturevalue(name))
