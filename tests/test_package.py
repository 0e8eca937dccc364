"""The library stands alone: importing it never loads the UI."""

import subprocess
import sys


def test_import_analyzer_does_not_load_streamlit():
    code = (
        "import sys, analyzer, analyzer.pipeline, analyzer.cli\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] == 'streamlit']\n"
        "print(len(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0", out.stdout


def test_no_module_in_analyzer_imports_streamlit():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "analyzer"
    offenders = [
        p.name
        for p in root.rglob("*.py")
        if any(
            line.strip().startswith(("import streamlit", "from streamlit"))
            for line in p.read_text().splitlines()
        )
    ]
    assert offenders == []
