"""Regenerate tests/golden/*.json from the shared corpus: ``python tests/make_golden.py``.

Review the diff before committing: a golden file pins what the extractor finds in a whole real
document, so a change here is a change in behaviour.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from conftest import _find_shared  # noqa: E402
from test_claims import GOLDEN, GOLDEN_CASES, _golden_rows  # noqa: E402


def main() -> int:
    shared = _find_shared()
    if shared is None:
        print("../shared is absent; nothing to regenerate", file=sys.stderr)
        return 2
    GOLDEN.mkdir(exist_ok=True)
    for case, name in sorted(GOLDEN_CASES.items()):
        rows = _golden_rows(shared / "corpus" / "pdfs" / name)
        payload = {"document": name, "claims": rows}
        path = GOLDEN / f"{case}.json"
        path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{path.name}: {len(rows)} claims")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
