"""`make bench` in its quick mode, so the benchmark code cannot rot. Times are reported, never asserted."""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import ROOT


def test_benchmarks_run_in_quick_mode() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--quick"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads((ROOT / "benchmarks" / "results" / "quick.json").read_text(encoding="utf-8"))
    assert figures["mode"] == "quick"
    for key in ("call overhead", "import", "concurrency", "generation"):
        assert key in figures
    assert figures["call overhead"]["ratio"]["median"] > 0
    assert set(figures["generation"]["seconds"]) == {
        "first",
        "nothing changed",
        "after a spec change",
        "full published API, 140 operations",
    }
    # The comparison is only fair while both validating parsers refuse what the spec forbids.
    assert figures["parsing"]["refuses a wrong type"] == {"ours": True, "pydantic": True, "stock": False}
    assert figures["concurrency"]["connections"]["ours"] <= figures["concurrency"]["pool_limit"]
    assert "call overhead: sync() vs raw httpx" in result.stdout
