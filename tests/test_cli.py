"""``python -m analyzer extract`` end to end: formats, signals, broken files."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.cli import main
from analyzer.records import CLAIM_COLUMNS

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analyzer", "extract", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_jsonl_claims(fixtures_dir: Path) -> None:
    out = _run(str(fixtures_dir / "press_page.html"))
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["value"] for r in rows] == [4e7, 3.0]
    assert set(CLAIM_COLUMNS) <= set(rows[0])
    assert rows[0]["record"] == "claim" and rows[0]["page"] is None
    assert rows[0]["unit"] == "users" and rows[1]["unit"] == "multiple"


def test_signals_flag(fixtures_dir: Path) -> None:
    out = _run("--signals", str(fixtures_dir / "letter.txt"))
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    kinds = sorted(r["kind"] for r in rows if r["record"] == "signal")
    assert kinds == ["leaderboard", "target"]
    assert sum(r["record"] == "claim" for r in rows) == 2


def test_csv_and_json(fixtures_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--format", "csv", str(fixtures_dir / "call_transcript.txt")]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["speaker"] for r in rows] == ["Jane Doe"] * 3
    assert main(["extract", "--format", "json", str(fixtures_dir / "note.md")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and data[0]["value"] == 5e6


def test_broken_file_does_not_stop_others(tmp_path: Path, fixtures_dir: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    fake = tmp_path / "fake.pdf"
    fake.write_text("plain words pretending to be a PDF")
    missing = tmp_path / "missing.pdf"
    out = _run(str(empty), str(fixtures_dir / "press_page.html"), str(fake), str(missing))
    assert out.returncode != 0
    errors = out.stderr.strip().splitlines()
    assert len(errors) == 3, out.stderr
    assert "empty.pdf" in errors[0] and "empty" in errors[0]
    assert "fake.pdf" in errors[1] and "not a PDF" in errors[1]
    assert "missing.pdf" in errors[2]
    assert "Traceback" not in out.stderr
    assert len(out.stdout.splitlines()) == 2  # the good file's claims still come out


@pytest.mark.corpus
def test_awkward_folder(shared_dir: Path) -> None:
    files = sorted((shared_dir / "corpus" / "awkward").glob("*.pdf"))
    out = _run(*map(str, files))
    assert out.returncode != 0
    lines = out.stderr.strip().splitlines()
    assert len(lines) == len(files)
    for path, line in zip(files, lines, strict=True):
        assert path.name in line and "Traceback" not in line
    assert any("needs a password" in line for line in lines)
    assert any("no text layer" in line for line in lines)


def test_csv_neutralises_formulas_from_document_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "hostile.txt"
    doc.write_text(
        "Hostile Corp quarterly update.\n\n"
        '=HYPERLINK("http://evil.example") More than 5 million people used Hostile Copilot, '
        "our AI assistant, in the quarter.\n"
    )
    assert main(["extract", str(doc), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and all(not r["sentence"].startswith(("=", "+", "-", "@")) for r in rows)
    assert rows[0]["sentence"].startswith("'=HYPERLINK")


def test_a_folder_gets_a_hint_to_use_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["extract", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "is a folder" in err and "batch" in err
