"""PlanetScale's complete published API description, generated as any other spec would be, and called.

tests/specs/planetscale-api-v1-full.swagger.json is the unpatched Swagger 2.0 document PlanetScale serves
(140 operations). It goes through `scripts/generate.py generate` (converted by swagger2openapi, then the
project's templates and runtime); every operation module must import, pass mypy --strict and ruff, and
each operation, called against Prism serving the same document with a service token, must return its
parsed result or raise one of the package's typed errors.
"""

from __future__ import annotations

import asyncio
import inspect
import subprocess
import sys
import time
import typing
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from openapi_python_client.strings import PythonIdentifier

import generate
import spec_reader
from corpus import FULL_SPEC, load, report, ruff_check
from corpus import generate as generate_spec
from mockserver import prism

METHODS = ("get", "put", "post", "delete", "patch")


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The OpenAPI 3.0 conversion of the Swagger document, as generation makes it."""
    return generate.openapi_document(FULL_SPEC, tmp_path_factory.mktemp("converted"))


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> tuple[Path, float]:
    started = time.perf_counter()
    package_dir, result = generate_spec(FULL_SPEC, tmp_path_factory.mktemp("full"))
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stdout + result.stderr
    report(request, f"\n{FULL_SPEC.name}: generated in {elapsed:.1f} s (with its reference); {result.stdout.strip()}")
    return package_dir, elapsed


def test_the_reference_has_a_page_for_every_tag_and_model(full: tuple[Path, float], converted: Path) -> None:
    docs = full[0].with_name(f"{full[0].name}-docs")
    document = spec_reader.load(converted).document
    tags = {op.get("tags", ["default"])[0] for item in document["paths"].values() for op in item.values()
            if isinstance(op, dict) and "responses" in op}  # fmt: skip
    assert len(list(docs.glob("*.md"))) == len(tags) + 1  # and README.md
    assert len(list((docs / "models").glob("*.md"))) == len(document["components"]["schemas"])


@pytest.fixture(scope="module")
def package(full: tuple[Path, float]) -> ModuleType:
    return load(full[0])


def operations(converted: Path) -> list[tuple[str, str, dict[str, Any]]]:
    document = spec_reader.load(converted).document
    return [
        (path, method, item[method]) for path, item in document["paths"].items() for method in METHODS if method in item
    ]


def test_every_operation_has_a_module_that_imports(
    converted: Path, package: ModuleType, request: pytest.FixtureRequest
) -> None:
    facts = spec_reader.load(converted, package.__name__)
    modules = [op.module for op in facts.operations.values()]
    assert len(modules) == len(operations(converted)) == 140
    imported = [__import__(module, fromlist=["sync"]) for module in modules]
    assert all(callable(module.sync) and callable(module.asyncio_detailed) for module in imported)
    report(request, f"{len(imported)}/140 operation modules generated and imported")


def test_mypy_strict_and_ruff_are_clean(full: tuple[Path, float], request: pytest.FixtureRequest) -> None:
    package_dir = full[0]
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file", "", package_dir.name],
        cwd=package_dir.parent, capture_output=True, text=True,
    )  # fmt: skip
    assert mypy.returncode == 0, mypy.stdout[-5000:]
    ruff = ruff_check(package_dir)
    assert ruff.returncode == 0, ruff.stdout[-5000:]
    report(request, f"mypy --strict: {mypy.stdout.strip()}; ruff: {ruff.stdout.strip()}")


def arguments(module: ModuleType, op: dict[str, Any], facts: spec_reader.SpecFacts) -> dict[str, Any]:
    """Keyword arguments for ``module.sync``: the smallest valid value of each required parameter and body."""
    signature = inspect.signature(module.sync)
    hints = typing.get_type_hints(module.sync)
    by_name = {
        str(PythonIdentifier(parameter["name"], "field_")): parameter
        for parameter in (facts.resolve(each) for each in op.get("parameters") or [])
    }
    found: dict[str, Any] = {}
    for name, parameter in signature.parameters.items():
        if name == "client" or parameter.default is not inspect.Parameter.empty:
            continue
        if name == "body":
            body = facts.resolve(op["requestBody"])
            schema = next(iter(body["content"].values()))["schema"]
            model = hints["body"]
            found["body"] = model.from_dict(facts.example_of(schema)) if hasattr(model, "from_dict") else None
        else:
            found[name] = facts.example_of(by_name[name].get("schema", {}))
    return found


def test_every_operation_called_against_prism_answers_parsed_or_with_a_typed_error(
    converted: Path, package: ModuleType, request: pytest.FixtureRequest
) -> None:
    """Prism (with --errors) checks each request against the document and answers its first documented
    status with an example: an operation that documents a 2xx must come back parsed (its request was what the
    spec asks, its answer read as the spec says); one that documents none, with its typed error. Half the
    calls go through ``sync``, half through ``asyncio``."""
    facts = spec_reader.load(converted, package.__name__)
    outcomes: Counter[str] = Counter()
    failures: list[str] = []
    with prism(converted) as url:

        def service_client() -> Any:
            return package.AuthenticatedClient.from_service_token(
                "sto_FAKE", "pscale_tkn_FAKE", base_url=url, retry=package.client.RetryPolicy(max_retries=0)
            )

        async def call_async(module: ModuleType, kwargs: dict[str, Any]) -> Any:
            async with service_client() as client:  # a client's async pool belongs to one event loop
                return await module.asyncio(client=client, **kwargs)

        with service_client() as client:
            for index, (path, method, op) in enumerate(operations(converted)):
                operation = facts.operation(path, method)
                module = __import__(operation.module, fromlist=["sync"])
                kwargs = arguments(module, op, facts)
                succeeds = any(answer.success for answer in operation.answers)
                try:
                    if index % 2:
                        result = asyncio.run(call_async(module, kwargs))
                    else:
                        result = module.sync(client=client, **kwargs)
                except package.errors.PlanetScaleError as error:
                    outcomes[type(error).__name__] += 1
                    if succeeds:
                        failures.append(f"{operation.operation_id}: {type(error).__name__}: {error}")
                except Exception as error:  # any other exception is the failure reported
                    failures.append(f"{operation.operation_id}: {type(error).__name__}: {error}")
                else:
                    outcomes["parsed " + ("None" if result is None else "model")] += 1
                    if not succeeds:
                        failures.append(f"{operation.operation_id}: documents no success, answered {result!r}")
    report(request, f"140 operations called against Prism: {dict(sorted(outcomes.items()))}")
    assert not failures, "\n".join(failures)
    assert sum(outcomes.values()) == 140
