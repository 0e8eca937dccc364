"""The claims library on SQLite and PostgreSQL: ingest, dedup, reviews, scenarios, bundles,
migrations, errors, and several real processes writing at once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))  # helper modules beside this file

from batch_helpers import make_extraction

from analyzer import library as lib
from analyzer.errors import LibraryError
from analyzer.library import (
    DOCUMENT_COLUMNS,
    REVIEW_COLUMNS,
    REVIEW_STATUS_COLUMNS,
    SCHEMA_VERSION,
    Library,
)
from analyzer.records import CLAIM_COLUMNS, SIGNAL_COLUMNS

pytest_plugins = ["fixtures_library"]  # library_url, sqlite_url, pg_url


@pytest.fixture
def library(library_url: str):
    with Library.open(library_url) as opened:
        yield opened


def test_open_creates_current_schema(library: Library):
    assert library.schema_version() == SCHEMA_VERSION
    names = set(sa.inspect(library._engine).get_table_names())
    assert {"documents", "claims", "signals", "reviews", "scenarios", "schema_version"} <= names
    assert library.check() == []


def test_sqlite_uses_wal_busy_timeout_and_foreign_keys(sqlite_url: str):
    with Library.open(sqlite_url) as library, library._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10000


def test_ingest_stores_document_claims_and_signals(library: Library):
    extraction = make_extraction("q1", n_claims=3, n_signals=2)
    result = library.ingest(extraction)
    assert (result.added, result.claims, result.signals, result.pages) == (True, 3, 2, 1)
    assert library.has_document(extraction.document.sha256)
    assert not library.has_document("0" * 64)

    docs = library.documents()
    assert list(docs.columns) == list(DOCUMENT_COLUMNS)
    assert docs.dtypes.astype(str).to_dict() == DOCUMENT_COLUMNS
    assert docs.loc[0, "sha256"] == extraction.document.sha256
    assert (docs.loc[0, "claims"], docs.loc[0, "signals"], docs.loc[0, "kind"]) == (3, 2, "text")

    frame = library.claims()
    assert list(frame.columns) == [*CLAIM_COLUMNS, *REVIEW_STATUS_COLUMNS]
    assert frame.dtypes.astype(str).to_dict() == {**CLAIM_COLUMNS, **REVIEW_STATUS_COLUMNS}
    assert set(frame["claim_id"]) == {c.claim_id for c in extraction.claims}
    assert sorted(frame["value"]) == pytest.approx([0.10, 0.11, 0.12])
    assert set(frame["status"]) == {"pending"}
    plain = library.claims(reviewed=False)
    assert list(plain.columns) == list(CLAIM_COLUMNS)

    sig = library.signals()
    assert list(sig.columns) == list(SIGNAL_COLUMNS)
    assert list(sig["kind"]) == ["mandate", "mandate"]


def test_same_document_twice_changes_nothing(library: Library):
    extraction = make_extraction("dup")
    assert library.ingest(extraction).added
    before = (library.documents(), library.claims(), library.signals())
    again = library.ingest(extraction)
    assert (again.added, again.claims) == (False, 0)
    after = (library.documents(), library.claims(), library.signals())
    for old, new in zip(before, after, strict=True):
        pd.testing.assert_frame_equal(old, new)


def test_empty_library_frames_keep_their_columns(library: Library):
    assert list(library.claims().columns) == [*CLAIM_COLUMNS, *REVIEW_STATUS_COLUMNS]
    assert library.signals().empty and library.documents().empty
    assert list(library.review_history().columns) == list(REVIEW_COLUMNS)


def test_claims_without_document_hash_get_it(library: Library):
    extraction = make_extraction("nohash", n_claims=2)
    bare = replace(extraction, claims=tuple(replace(c, doc_sha256=None) for c in extraction.claims))
    library.ingest(bare)
    frame = library.claims()
    assert set(frame["doc_sha256"]) == {extraction.document.sha256}
    # ids follow the content hash, so they match the ids of the hashed claims
    assert set(frame["claim_id"]) == {c.claim_id for c in extraction.claims}


def test_corrections_are_new_rows_and_original_stays(library: Library):
    extraction = make_extraction("rev", n_claims=3)
    library.ingest(extraction)
    first, second, third = (c.claim_id for c in extraction.claims)

    library.review(first, "correct", reviewer="ana", field="value", new_value=0.5, reason="typo")
    library.review(first, "correct", reviewer="bo", field="value", new_value="0.55", reason="re")
    library.review(first, "correct", reviewer="bo", field="population", new_value="employees")
    library.review(second, "reject", reviewer="ana", reason="a plan, not adoption")
    library.review(third, "accept", reviewer="ana")

    current = library.claims().set_index("claim_id")
    original = library.claims(view="original").set_index("claim_id")
    assert current.loc[first, "value"] == pytest.approx(0.55)
    assert current.loc[first, "population"] == "employees"
    assert original.loc[first, "value"] == pytest.approx(0.10)
    assert original.loc[first, "population"] == "developers"
    assert current.loc[first, "corrected_fields"] == "value,population"
    assert current.loc[first, "reviewed_by"] == "bo"
    assert dict(current["status"]) == {first: "corrected", second: "rejected", third: "accepted"}
    kept = library.claims(include_rejected=False)
    assert second not in set(kept["claim_id"]) and len(kept) == 2

    history = library.review_history(first)
    assert list(history["action"]) == ["correct"] * 3
    assert list(history["old_value"]) == ["0.1", "0.5", "developers"]
    assert list(history["new_value"]) == ["0.5", "0.55", "employees"]
    assert list(history["reviewer"]) == ["ana", "bo", "bo"]
    assert history["at"].is_monotonic_increasing
    assert len(library.review_history()) == 5

    with library._engine.connect() as conn:  # the stored claim itself never changed
        stored = conn.execute(
            sa.select(lib.claims.c.value).where(lib.claims.c.claim_id == first)
        ).scalar_one()
    assert stored == pytest.approx(0.10)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"action": "approve"}, "unknown review action"),
        ({"action": "accept", "reviewer": " "}, "reviewer's name"),
        ({"action": "correct", "field": "sentence", "new_value": "x"}, "cannot correct field"),
        ({"action": "correct", "field": "unit", "new_value": "bananas"}, "not a valid unit"),
        ({"action": "correct", "field": "value", "new_value": "lots"}, "not a valid value"),
        ({"action": "correct", "field": "value", "new_value": None}, "cannot be empty"),
        ({"action": "accept", "field": "value"}, "takes no field"),
        ({"action": "accept", "claim_id": "nope"}, "no claim with id 'nope'"),
    ],
)
def test_bad_reviews_are_refused_with_a_reason(sqlite_url: str, kwargs: dict, message: str):
    with Library.open(sqlite_url) as library:
        extraction = make_extraction("bad")
        library.ingest(extraction)
        args = {"claim_id": extraction.claims[0].claim_id, "reviewer": "ana", **kwargs}
        with pytest.raises(LibraryError, match=message):
            library.review(args.pop("claim_id"), args.pop("action"), **args)
        assert library.review_history().empty


def test_scenarios_save_load_replace(library: Library):
    library.save_scenario("sceptic", "mandate_inflation = 0.4\n")
    library.save_scenario("base", '{"mandate_inflation": 0.2}')
    library.save_scenario("sceptic", "mandate_inflation = 0.5\n")
    assert library.load_scenario("sceptic") == "mandate_inflation = 0.5\n"
    assert list(library.scenarios()["name"]) == ["base", "sceptic"]
    with pytest.raises(LibraryError, match="no scenario named 'missing'"):
        library.load_scenario("missing")


def _fill(library: Library, tags: list[str]) -> None:
    for tag in tags:
        library.ingest(make_extraction(tag))


def test_bundle_round_trip_and_merge(library_url: str, tmp_path: Path):
    bundle = tmp_path / "share.zip"
    with Library.open(library_url) as source:
        _fill(source, ["a", "b"])
        cid = make_extraction("a").claims[0].claim_id
        source.review(cid, "correct", reviewer="ana", field="value", new_value=0.9, reason="r")
        source.save_scenario("base", "x = 1\n")
        source.export_bundle(bundle)
        expected = {
            "claims": source.claims(),
            "original": source.claims(view="original"),
            "signals": source.signals(),
            "history": source.review_history(),
        }
    with zipfile.ZipFile(bundle) as zf:
        assert {"manifest.json", "documents.parquet", "claims.parquet"} <= set(zf.namelist())

    with Library.open(f"sqlite:///{tmp_path / 'other.sqlite3'}") as other:
        _fill(other, ["b", "c"])  # "b" overlaps
        result = other.import_bundle(bundle)
        assert (result.documents, result.claims, result.reviews, result.scenarios) == (1, 3, 1, 1)
        assert len(other.documents()) == 3
        assert len(other.claims()) == 9 and len(other.signals()) == 3
        assert other.load_scenario("base") == "x = 1\n"
        again = other.import_bundle(bundle)
        assert again == lib.ImportResult(0, 0, 0, 0, 0)
        merged = other.claims().set_index("claim_id")
        assert merged.loc[cid, "value"] == pytest.approx(0.9)
        assert merged.loc[cid, "status"] == "corrected"

    with Library.open(f"sqlite:///{tmp_path / 'copy.sqlite3'}") as copy:
        copy.import_bundle(bundle)
        pd.testing.assert_frame_equal(copy.claims(), expected["claims"])
        pd.testing.assert_frame_equal(copy.claims(view="original"), expected["original"])
        pd.testing.assert_frame_equal(copy.signals(), expected["signals"])
        got = copy.review_history().drop(columns="review_id")
        pd.testing.assert_frame_equal(got, expected["history"].drop(columns="review_id"))


def test_bad_bundles_are_refused(sqlite_url: str, tmp_path: Path):
    not_zip = tmp_path / "notes.zip"
    not_zip.write_text("hello")
    no_manifest = tmp_path / "empty.zip"
    with zipfile.ZipFile(no_manifest, "w") as zf:
        zf.writestr("claims.csv", "a,b\n")
    with Library.open(sqlite_url) as library:
        with pytest.raises(LibraryError, match="not a claims-library bundle"):
            library.import_bundle(not_zip)
        with pytest.raises(LibraryError, match=r"no manifest\.json"):
            library.import_bundle(no_manifest)
        with pytest.raises(LibraryError, match="does not exist"):
            library.import_bundle(tmp_path / "missing.zip")


def test_old_v1_database_is_migrated_on_open(library_url: str):
    url = lib.resolve_url(library_url)
    old = Library(lib._make_engine(url), url)
    old._migrate(target=1)
    extraction = make_extraction("legacy")
    doc = extraction.document
    with old._engine.begin() as conn:
        assert "kind" not in {c["name"] for c in sa.inspect(conn).get_columns("documents")}
        assert not sa.inspect(conn).has_table("scenarios")
        doc_id = conn.execute(
            sa.text(
                "INSERT INTO documents (sha256, name, doc_type, pages, ingested_at) "
                "VALUES (:s, :n, 'other', 1, '2025-01-01T00:00:00+00:00') RETURNING id"
            ),
            {"s": doc.sha256, "n": doc.name},
        ).scalar_one()
        rows = [lib._claim_row(c, doc_id) for c in extraction.claims]
        conn.execute(sa.Table("claims", sa.MetaData(), autoload_with=conn).insert(), rows)
    old.close()

    with Library.open(library_url) as library:
        assert library.schema_version() == SCHEMA_VERSION
        docs = library.documents()
        assert list(docs["sha256"]) == [doc.sha256] and pd.isna(docs.loc[0, "kind"])
        assert len(library.claims()) == len(extraction.claims)
        assert not library.ingest(extraction).added  # still deduplicated after migration
        library.save_scenario("s", "a = 1\n")
        with library._engine.connect() as conn:
            versions = [r[0] for r in conn.execute(sa.select(lib.schema_version.c.version))]
        assert sorted(versions) == list(range(1, SCHEMA_VERSION + 1))


def test_newer_schema_is_refused(library_url: str):
    with Library.open(library_url) as library, library._engine.begin() as conn:
        conn.execute(lib.schema_version.insert().values(version=99, applied_at="later"))
    with pytest.raises(LibraryError, match="schema version 99, newer"):
        Library.open(library_url)


def test_cannot_open_gives_path_reason_and_advice(tmp_path: Path):
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(LibraryError) as info:
        Library.open(garbage)
    text = str(info.value)
    assert str(garbage) in text and "not a database" in text and "ANALYZER_DB" in text

    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    with pytest.raises(LibraryError, match="cannot open the claims library"):
        Library.open(folder)

    with pytest.raises(LibraryError, match=r"cannot open.*\*\*\*"):
        Library.open("postgresql://u:secret@127.0.0.1:1/nowhere")


def test_library_url_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(lib.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert lib.resolve_url().database == str(tmp_path / "xdg/ai-adoption-analyzer/library.sqlite3")
    monkeypatch.setenv(lib.ENV_VAR, str(tmp_path / "env.db"))
    assert lib.resolve_url().database == str(tmp_path / "env.db")
    assert lib.resolve_url("postgres://u:p@h/db").drivername == "postgresql+psycopg"
    with pytest.raises(LibraryError, match="unsupported library database 'mysql'"):
        lib.resolve_url("mysql://u:p@h/db")
    with Library.open() as library:  # the env var's bare path
        assert library.backend == "sqlite"
    assert (tmp_path / "env.db").exists()
    conn = sqlite3.connect(tmp_path / "env.db")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


# ---------------------------------------------------------------------------- real processes

ROOT = Path(__file__).resolve().parents[1]

_WRITER = """
import json, sys
from batch_helpers import make_extraction
from analyzer.library import Library
url, tag, n, shared = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
added = reviews = 0
with Library.open(url) as library:
    for i in range(n):
        for extraction in (make_extraction(f"{tag}-{i}"), make_extraction(f"shared-{i % shared}")):
            added += library.ingest(extraction).added
        first = make_extraction(f"{tag}-{i}").claims[0].claim_id
        library.review(first, "accept", reviewer=tag)
        library.review(first, "correct", reviewer=tag, field="value", new_value=0.5 + i / 100)
        reviews += 2
print(json.dumps({"added": added, "reviews": reviews}))
"""

_BATCH = """
import sys
from batch_helpers import extract_text
from analyzer.batch import run_batch
report = run_batch([sys.argv[2]], db=sys.argv[1], workers=1, extract=extract_text, progress=False)
print(report.ingested, len(report.failures))
"""

_SELF_KILL = """
import os, signal, sys
import sqlalchemy as sa
from batch_helpers import make_extraction
from analyzer.library import Library
url, die_at = sys.argv[1], int(sys.argv[2])
library = Library.open(url)
seen = []
@sa.event.listens_for(library._engine, "before_cursor_execute")
def _maybe_die(conn, cursor, statement, params, context, executemany):
    if statement.lstrip().upper().startswith("INSERT INTO SIGNALS"):
        seen.append(1)
        if len(seen) == die_at:  # document and claims are written, not yet committed
            os.kill(os.getpid(), signal.SIGKILL)
for i in range(10):
    library.ingest(make_extraction(f"kill-{i}", n_claims=50, n_signals=2))
"""


def _python(code: str, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def test_two_writers_and_a_batch_at_once_lose_nothing(library_url: str, tmp_path: Path):
    from batch_helpers import write_corpus

    write_corpus(tmp_path / "corpus", 10)
    n, shared = 25, 5
    # all three start on a database that does not exist yet, so they race the migrations too
    procs = [
        _python(_WRITER, library_url, "alice", str(n), str(shared)),
        _python(_WRITER, library_url, "bob", str(n), str(shared)),
        _python(_BATCH, library_url, str(tmp_path / "corpus")),
    ]
    outs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        outs.append(out.split("\n")[-2] if out.strip() else "")
    added = [json.loads(o)["added"] for o in outs[:2]]
    assert sum(added) == 2 * n + shared  # each shared document stored exactly once
    assert outs[2] == "10 0"
    with Library.open(library_url) as library:
        assert library.check() == []
        docs = library.documents()
        assert len(docs) == 2 * n + shared + 10
        assert docs["sha256"].is_unique
        assert len(library.claims()) == 3 * (2 * n + shared) + 2 * 10
        assert len(library.signals()) == (2 * n + shared) + 10
        history = library.review_history()
        assert len(history) == 2 * 2 * n
        assert history.groupby("reviewer").size().to_dict() == {"alice": 2 * n, "bob": 2 * n}
        current = library.claims().set_index("claim_id")
        cid = make_extraction("bob-7").claims[0].claim_id
        assert current.loc[cid, "value"] == pytest.approx(0.57)
    if library_url.startswith("sqlite"):
        conn = sqlite3.connect(lib.resolve_url(library_url).database)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        conn.close()


def test_ingest_killed_midway_leaves_library_consistent(library_url: str):
    proc = _python(_SELF_KILL, library_url, "4")
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, err
    with Library.open(library_url) as library:
        assert library.check() == []
        docs = library.documents()
        # documents 0-2 committed whole; document 3 died inside its transaction: no trace of it
        assert list(docs["name"]) == [f"kill-{i}.txt" for i in range(3)]
        assert list(docs["claims"]) == [50] * 3 and list(docs["signals"]) == [2] * 3
        assert len(library.claims()) == 150
        assert not library.has_document(make_extraction("kill-3", 50, 2).document.sha256)
        results = [library.ingest(make_extraction(f"kill-{i}", 50, 2)) for i in range(10)]
        assert [r.added for r in results] == [False] * 3 + [True] * 7
        assert len(library.documents()) == 10 and len(library.claims()) == 500
        assert library.check() == []
