"""Batch extraction: finding files, the process pool, Dask, failures, crashes and resuming."""

from __future__ import annotations

import argparse
import csv
import functools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # helper modules beside this file

from batch_helpers import extract_text, write_corpus

from analyzer import batch
from analyzer.library import Library

pytest_plugins = ["fixtures_library"]  # library_url, sqlite_url, pg_url
ROOT = Path(__file__).resolve().parents[1]
run = functools.partial(batch.run_batch, extract=extract_text, progress=False)


def test_find_files_walks_folders_globs_and_reports_misses(tmp_path: Path):
    for name in ["a.pdf", "b.HTML", "c.htm", "d.txt", "e.md", "f.csv", ".hidden.txt"]:
        (tmp_path / "in" / "sub").mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / "sub" / name).write_text("x")
    (tmp_path / "in" / ".git").mkdir()
    (tmp_path / "in" / ".git" / "g.txt").write_text("x")
    (tmp_path / "other.txt").write_text("y")
    found, missing = batch.find_files(
        [tmp_path / "in", str(tmp_path / "*.txt"), str(tmp_path / "in"), tmp_path / "nope"]
    )
    names = [p.name for p in found]
    assert names == ["a.pdf", "b.HTML", "c.htm", "d.txt", "e.md", "other.txt"]
    assert [(m.path, m.error_type) for m in missing] == [
        (str(tmp_path / "nope"), "FileNotFoundError")
    ]
    _, missing = batch.find_files([str(tmp_path / "*.none")])
    assert missing[0].message == "no file matches this pattern"


def test_process_file_returns_errors_instead_of_raising(tmp_path: Path):
    good, broken = write_corpus(tmp_path, 1, broken=1)
    ok = batch.process_file(str(good), "s", extract_text)
    assert ok.error_type is None and len(ok.extraction.claims) == 2
    bad = batch.process_file(str(broken), "s", extract_text)
    assert (bad.extraction, bad.error_type) == (None, "CorruptDocumentError")
    assert "marked broken" in bad.message
    gone = batch.process_file(str(tmp_path / "gone.txt"), "s", extract_text)
    assert gone.error_type == "FileNotFoundError"


def test_batch_ingests_reports_failures_and_resumes(library_url: str, tmp_path: Path):
    paths = write_corpus(tmp_path / "corpus", 6, broken=2)
    (tmp_path / "corpus" / "copy.txt").write_bytes(paths[0].read_bytes())
    report = run([tmp_path / "corpus"], db=library_url, workers=2)
    assert (report.found, report.ingested, report.duplicates) == (9, 6, 1)
    assert (report.claims, report.signals, report.pages) == (12, 6, 12)
    assert sorted((Path(f.path).name, f.error_type) for f in report.failures) == [
        ("broken-000.txt", "CorruptDocumentError"),
        ("broken-001.txt", "CorruptDocumentError"),
    ]
    assert not report.ok
    with Library.open(library_url) as library:
        assert len(library.documents()) == 6 and len(library.claims()) == 12
        assert library.check() == []

    again = run([tmp_path / "corpus"], db=library_url, workers=2)
    assert (again.ingested, again.skipped, len(again.failures)) == (0, 7, 2)


def test_worker_crash_is_one_failure_and_the_rest_go_on(sqlite_url: str, tmp_path: Path):
    write_corpus(tmp_path, 5)
    (tmp_path / "crash.txt").write_text("CRASH here\n")
    report = run([tmp_path], db=sqlite_url, workers=2, max_in_flight=4)
    assert [(Path(f.path).name, f.error_type) for f in report.failures] == [
        ("crash.txt", "WorkerCrashed")
    ]
    assert report.ingested == 5


def test_dask_local_cluster_does_the_same_work(sqlite_url: str, tmp_path: Path):
    write_corpus(tmp_path, 4, broken=1)
    report = run([tmp_path], db=sqlite_url, engine="dask", workers=2)
    assert (report.ingested, report.claims) == (4, 8)
    assert [f.error_type for f in report.failures] == ["CorruptDocumentError"]
    assert run([tmp_path], db=sqlite_url, engine="dask", dask_processes=False).skipped == 4


def test_dask_unreachable_scheduler_is_a_clear_error(sqlite_url: str, tmp_path: Path):
    write_corpus(tmp_path, 1)
    from analyzer.errors import AnalyzerError

    with pytest.raises(AnalyzerError, match="cannot reach the Dask scheduler"):
        run(
            [tmp_path],
            db=sqlite_url,
            engine="dask",
            scheduler="tcp://127.0.0.1:1",
            connect_timeout=1,
        )


def _args(paths, **kw) -> argparse.Namespace:
    base = {"workers": 1, "db": None, "engine": "local", "scheduler": None, "failures_csv": None}
    return argparse.Namespace(paths=[str(p) for p in paths], **{**base, **kw})


def test_main_exit_status_summary_and_failures_csv(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    monkeypatch.setattr(batch, "run_batch", run)
    write_corpus(tmp_path / "good", 2)
    write_corpus(tmp_path / "mixed", 1, broken=1, extra=" second copy")
    out_csv = tmp_path / "fail.csv"
    assert batch.main(_args([tmp_path / "good"], db=sqlite_url, failures_csv=out_csv)) == 0
    assert list(csv.reader(out_csv.open())) == [["path", "error_type", "message"]]

    status = batch.main(_args([tmp_path / "mixed"], db=sqlite_url, failures_csv=out_csv))
    assert status == 1
    rows = list(csv.DictReader(out_csv.open()))
    assert [(Path(r["path"]).name, r["error_type"]) for r in rows] == [
        ("broken-000.txt", "CorruptDocumentError")
    ]
    err = capsys.readouterr().err
    assert "1 added" in err and "1 failed" in err and "broken-000.txt" in err
    assert "the test file is marked broken" in err

    monkeypatch.chdir(tmp_path)  # without --failures-csv the CSV lands in the working folder
    assert batch.main(_args([tmp_path / "mixed", tmp_path / "missing"], db=sqlite_url)) == 1
    assert len(list(csv.DictReader((tmp_path / batch.DEFAULT_FAILURES_CSV).open()))) == 2
    assert batch.main(_args([tmp_path], workers=0)) == 2


def test_progress_bar_shows_files_and_pages_per_second(sqlite_url: str, tmp_path: Path):
    import io

    write_corpus(tmp_path, 3)
    stream = io.StringIO()
    batch.run_batch([tmp_path], db=sqlite_url, workers=1, extract=extract_text, out=stream)
    shown = stream.getvalue()
    assert "3/3" in shown and "file" in shown and "pages/s" in shown


def _child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}


def test_killed_batch_loses_only_files_in_flight_and_rerun_resumes(
    library_url: str, tmp_path: Path
):
    write_corpus(tmp_path / "corpus", 16, extra="\nSLEEP 0.15")
    code = (
        "import sys\n"
        "from batch_helpers import extract_text\n"
        "from analyzer.batch import run_batch\n"
        "run_batch([sys.argv[1]], db=sys.argv[2], workers=1, extract=extract_text,"
        " progress=False)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(tmp_path / "corpus"), library_url],
        env=_child_env(),
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    stored = 0
    with Library.open(library_url) as library:
        while time.monotonic() < deadline and stored < 4 and proc.poll() is None:
            time.sleep(0.05)
            stored = len(library.documents())
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 4 <= stored < 16, "the batch should have been killed part way"
    with Library.open(library_url) as library:
        assert library.check() == []
        before = library.documents()
        assert (before["claims"] == 2).all()  # every stored document is whole
        kept = len(before)
    report = run([tmp_path / "corpus"], db=library_url, workers=2)
    assert (report.skipped, report.ingested, report.failures) == (kept, 16 - kept, [])
    with Library.open(library_url) as library:
        assert len(library.documents()) == 16 and len(library.claims()) == 32


_CLI = """
import argparse, functools, sys
from batch_helpers import extract_text
from analyzer import batch
batch.run_batch = functools.partial(batch.run_batch, extract=extract_text, progress=False)
args = argparse.Namespace(paths=[sys.argv[1]], workers=2, db=sys.argv[2], engine="local",
                          scheduler=None, failures_csv=None)
sys.exit(batch.main(args))
"""


def test_ctrl_c_saves_finished_files_without_traceback_and_rerun_resumes(
    sqlite_url: str, tmp_path: Path
):
    write_corpus(tmp_path / "corpus", 16, extra="\nSLEEP 0.2")
    proc = subprocess.Popen(
        [sys.executable, "-c", _CLI, str(tmp_path / "corpus"), sqlite_url],
        env=_child_env(),
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    stored = 0
    with Library.open(sqlite_url) as library:
        while time.monotonic() < deadline and stored < 3 and proc.poll() is None:
            time.sleep(0.05)
            stored = len(library.documents())
    os.killpg(proc.pid, signal.SIGINT)  # like Ctrl-C in a terminal: parent and workers
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    with Library.open(sqlite_url) as library:
        kept = len(library.documents())
        assert 3 <= kept < 16 and library.check() == []
    report = run([tmp_path / "corpus"], db=sqlite_url, workers=2)
    assert (report.skipped, report.ingested) == (kept, 16 - kept)


def test_work_function_and_results_pickle(tmp_path: Path):
    import pickle

    (path,) = write_corpus(tmp_path, 1)
    result = batch.process_file(str(path), "abc", extract_text)
    again = pickle.loads(pickle.dumps(result))
    assert (
        again == result
        and again.extraction.claims[0].claim_id == result.extraction.claims[0].claim_id
    )
    assert pickle.loads(pickle.dumps(batch.process_file)) is batch.process_file


def test_default_extractor_runs_in_the_workers(sqlite_url: str, tmp_path: Path):
    pytest.importorskip(
        "analyzer.claims", reason="analyzer.claims (the real extractor) is not in this branch yet"
    )
    note = tmp_path / "note.txt"
    note.write_text(
        "Acme Corp quarterly call.\n"
        "Today 80% of our developers use AI coding assistants every week, up from 40% a year ago.\n"
    )
    report = batch.run_batch([tmp_path], db=sqlite_url, workers=1, progress=False)
    assert report.failures == [] and report.ingested == 1
    with Library.open(sqlite_url) as library:
        assert (library.claims()["value"] > 0).any()


def test_dask_scheduler_address_is_used(sqlite_url: str, tmp_path: Path):
    from distributed import LocalCluster

    write_corpus(tmp_path, 3)
    with LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster:
        report = run([tmp_path], db=sqlite_url, engine="dask", scheduler=cluster.scheduler_address)
        assert (report.ingested, report.failures) == (3, [])
        assert "process_file" in cluster.scheduler.task_prefixes  # the work ran there


def test_warns_when_extractor_hash_is_not_the_file_hash(sqlite_url: str, tmp_path: Path, capsys):
    from batch_helpers import extract_text_other_hash

    write_corpus(tmp_path, 2)
    report = batch.run_batch(
        [tmp_path], db=sqlite_url, workers=1, extract=extract_text_other_hash, progress=False
    )
    assert report.ingested == 2
    assert capsys.readouterr().err.count("reruns cannot skip") == 1
