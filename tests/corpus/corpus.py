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


class Schemas:
    """Builds values for the schemas of one OpenAPI document: the smallest valid instance of each."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def resolve(self, node: Any) -> Any:
        seen = 0
        while isinstance(node, dict) and "$ref" in node and seen < 50:
            target: Any = self.document
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node, seen = target, seen + 1
        return node

    def minimal(self, node: Any, depth: int = 0) -> Any:
        """The smallest value ``node`` accepts: required properties only, the first enum value, ..."""
        schema = self.resolve(node) or {}
        if depth > 20:
            return None
        if "example" in schema and depth == 0:
            return schema["example"]
        if "const" in schema:
            return schema["const"]
        if schema.get("enum"):
            return next((value for value in schema["enum"] if value is not None), schema["enum"][0])
        for key in ("allOf",):
            if key in schema:
                merged: dict[str, Any] = {}
                for part in schema[key]:
                    value = self.minimal(part, depth + 1)
                    if isinstance(value, dict):
                        merged.update(value)
                return merged
        for key in ("oneOf", "anyOf"):
            if key in schema:
                return self.minimal(schema[key][0], depth + 1)
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "null")
        if kind == "object" or (kind is None and "properties" in schema):
            properties = schema.get("properties") or {}
            return {name: self.minimal(properties.get(name, {}), depth + 1) for name in schema.get("required") or []}
        if kind == "array":
            return [self.minimal(schema.get("items", {}), depth + 1) for _ in range(schema.get("minItems", 0))]
        if kind == "integer":
            return int(schema.get("minimum", 1))
        if kind == "number":
            return float(schema.get("minimum", 1.5))
        if kind == "boolean":
            return True
        if kind == "string":
            return {
                "date-time": "2024-05-06T07:08:09Z",
                "date": "2024-05-06",
                "uuid": "6f1f2d3c-4b5a-4c6d-8e7f-901234567890",
                "email": "someone@example.com",
                "uri": "https://example.com/x",
            }.get(schema.get("format", ""), "example")
        if kind == "null":
            return None
        return {}
