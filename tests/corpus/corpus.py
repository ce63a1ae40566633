"""Packages generated from the specs in tests/specs/ through `scripts/generate.py generate`, for the corpus tests.

Each spec is generated the way a maintainer would generate another API (the stock generator's options,
this project's templates and runtime) into a temporary folder, as a package named ``corpus_<spec>``.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
SPECS = ROOT / "tests" / "specs"
GENERATE = ROOT / "scripts" / "generate.py"
FULL_SPEC = SPECS / "planetscale-api-v1-full.swagger.json"


UPSTREAM = SPECS / "upstream"
"""openapi-python-client's own end-to-end specs (see tests/specs/README.md)."""


def package_name(spec: Path) -> str:
    stem = spec.name.rsplit(".", 1)[0].removesuffix(".openapi").replace("-", "_").replace(".", "_")
    return f"corpus_{stem}"


def config_of(spec: Path) -> Path:
    """The generator config of a spec: ``<name>.config.yaml`` beside it; upstream's baselines use its config.yml."""
    if spec.parent == UPSTREAM:
        return UPSTREAM / ("config.yml" if spec.name.startswith("baseline") else "none")
    return spec.with_name(spec.name.split(".")[0] + ".config.yaml")


def generate(spec: Path, into: Path) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Generate ``spec`` (with its config, ``config_of``) into ``into``, its Markdown reference beside it."""
    name = package_name(spec)
    config = config_of(spec)
    command = [sys.executable, str(GENERATE), "generate", "--path", str(spec), "--meta", "none"]
    command += ["--output-path", str(into / name), "--overwrite", "--docs", str(into / f"{name}-docs")]
    command += ["--config", str(config)] if config.exists() else []
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    return into / name, result


def generate_all(specs: list[Path], into: Path) -> dict[Path, tuple[Path, subprocess.CompletedProcess[str]]]:
    """Generate every spec at once (each generation is its own process)."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(zip(specs, pool.map(lambda spec: generate(spec, into), specs), strict=True))


def report(request: pytest.FixtureRequest, line: str) -> None:
    """Show a line in the test run's output (counts a reader wants to see), captured or not."""
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if capture is None or reporter is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line(line)


def load(package_dir: Path) -> ModuleType:
    """Import the generated package (its folder's parent goes on sys.path)."""
    parent = str(package_dir.parent)
    if parent not in sys.path:
        sys.path.insert(0, parent)
    return importlib.import_module(package_dir.name)


def ruff_check(*folders: Path) -> subprocess.CompletedProcess[str]:
    """``ruff check`` with the project's settings for generated code (those of ``generated/**``)."""
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]["lint"]
    ignored = ",".join(settings["per-file-ignores"]["generated/**"])
    return subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"),
         "--ignore", ignored, "--output-format", "concise", *map(str, folders)],
        capture_output=True, text=True,
    )  # fmt: skip


def document(spec: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(spec.read_text(encoding="utf-8"))
    return loaded
